// The project's insights: charts of its risk exposure, milestone slippage, health and the load of
// its people, each with a table view and CSV and PNG downloads. The figures are read here first, so
// the page paints full.
import type { Metadata } from 'next';
import { InsightsPage } from '@/components/insights/InsightsPage';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Insights' };

export default async function ProjectInsightsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const projectId = project.id;
  await getQueryClient().prefetchQuery(trpc.insights.charts.queryOptions({ projectId }));
  return (
    <HydrateClient>
      <InsightsPage projectId={projectId} />
    </HydrateClient>
  );
}
