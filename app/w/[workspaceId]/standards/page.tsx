// A workspace's technical standards: the checklists its milestones are held to. Strangers get a 404
// (as for a workspace that does not exist); people who may only read see them read-only.
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ChecklistsPage } from '@/components/standards/ChecklistsPage';
import { currentSession, getQueryClient, HydrateClient, serverCaller, trpc } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Technical standards' };

export default async function WorkspaceStandardsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}/standards`)}`);
  try {
    await getQueryClient().fetchQuery(trpc.standards.listChecklists.queryOptions({ workspaceId }));
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
      <ChecklistsPage workspaceId={workspaceId} workspaceName={workspaceName} />
    </HydrateClient>
  );
}
