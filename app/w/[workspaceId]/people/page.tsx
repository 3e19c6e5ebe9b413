// A workspace's people: the allocation grid, the people, staffing needs and what-if scenarios.
// Strangers get a 404 (as for a workspace that does not exist); people who may only read see it
// read-only. The grid, the needs and the scenarios are fetched here first, so the page paints full.
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { mondayOf, zoomWeeks } from '@/components/resources/model';
import { ResourcesPage } from '@/components/resources/ResourcesPage';
import { currentSession, getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'People' };

export default async function WorkspacePeoplePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}/people`)}`);
  const from = mondayOf(new Date().toISOString().slice(0, 10));
  const range = { workspaceId, from, weeks: zoomWeeks.weeks.weeks };
  try {
    await getQueryClient().fetchQuery(trpc.resources.grid.queryOptions(range));
  } catch (error) {
    // A malformed id is as unknown as a workspace you have nothing to do with.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  prefetch(trpc.staffing.forWorkspace.queryOptions(range));
  prefetch(trpc.scenario.list.queryOptions({ workspaceId }));

  const caller = await serverCaller();
  const [workspaces, projects] = await Promise.all([caller.workspace.list(), caller.project.list()]);
  const workspaceName = workspaces.find((w) => w.id === workspaceId)?.name ?? projects.find((p) => p.workspaceId === workspaceId)?.workspaceName ?? 'Workspace';

  return (
    <HydrateClient>
      <ResourcesPage workspaceId={workspaceId} workspaceName={workspaceName} me={{ id: session.user.id, name: session.user.name }} initialFrom={from} />
    </HydrateClient>
  );
}
