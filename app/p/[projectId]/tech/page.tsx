// The project's technology: inventory, alerts, radar and manifest import. The inventory, alerts and
// review are read here first (the page paints full), then the browser keeps them fresh.
import type { Metadata } from 'next';
import { TechPage } from '@/components/tech/TechPage';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Tech' };

export default async function ProjectTechPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const projectId = project.id;
  const queries = getQueryClient();
  await Promise.all([
    queries.prefetchQuery(trpc.tech.list.queryOptions({ projectId })),
    queries.prefetchQuery(trpc.tech.alerts.queryOptions({ projectId })),
    queries.prefetchQuery(trpc.tech.review.queryOptions({ projectId })),
  ]);
  return (
    <HydrateClient>
      <TechPage
        projectId={projectId}
        // An archived project is read-only for everyone: shown as to a viewer.
        canEdit={!project.archivedAt && project.role !== 'viewer'}
        members={project.members.map((m) => ({ userId: m.userId, name: m.name }))}
      />
    </HydrateClient>
  );
}
