// A workspace's technology radar: every project's items merged, a "hold" still used by a live
// project standing out, and the licence deny list. Strangers get a 404, as for a workspace that does
// not exist. The radar and the deny list are read here first, so the page paints full.
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { WorkspaceRadar } from '@/components/tech/WorkspaceRadar';
import { currentSession, getQueryClient, HydrateClient, serverCaller, trpc } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Radar' };

export default async function WorkspaceRadarPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}/radar`)}`);
  const queries = getQueryClient();
  try {
    await Promise.all([queries.fetchQuery(trpc.tech.radar.queryOptions({ workspaceId })), queries.fetchQuery(trpc.tech.denyList.queryOptions({ workspaceId }))]);
  } catch (error) {
    // A malformed id is as unknown as a workspace you have nothing to do with.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const caller = await serverCaller();
  const [workspaces, projects] = await Promise.all([caller.workspace.list(), caller.project.list()]);
  const workspaceName = workspaces.find((w) => w.id === workspaceId)?.name ?? projects.find((p) => p.workspaceId === workspaceId)?.workspaceName ?? 'Workspace';
  return (
    <HydrateClient>
      <WorkspaceRadar workspaceId={workspaceId} workspaceName={workspaceName} />
    </HydrateClient>
  );
}
