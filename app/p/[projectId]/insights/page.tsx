// The project's insights: charts of its delivery (burn-up, throughput, cycle time), risk exposure,
// milestone slippage, health and the load of its people, each with a table view and CSV and PNG
// downloads, and the delivery import for editors. The figures are read here first: the page paints full.
import type { Metadata } from 'next';
import { deliveryWeeks } from '@/components/insights/model';
import { InsightsPage } from '@/components/insights/InsightsPage';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Insights' };

export default async function ProjectInsightsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const projectId = project.id;
  const queries = getQueryClient();
  await Promise.all([
    queries.prefetchQuery(trpc.insights.charts.queryOptions({ projectId })),
    queries.prefetchQuery(trpc.delivery.summary.queryOptions({ projectId, weeks: deliveryWeeks })),
  ]);
  return (
    <HydrateClient>
      {/* An archived project is read-only for everyone: nothing to import. */}
      <InsightsPage projectId={projectId} canImport={!project.archivedAt && project.role !== 'viewer'} />
    </HydrateClient>
  );
}
