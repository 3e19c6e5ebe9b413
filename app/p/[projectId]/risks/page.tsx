// The live risk board. The first paint comes from the projection (no empty flash); the client
// then joins the live document and takes over.
import type { Metadata } from 'next';
import { RiskBoardLive } from '@/components/risks/RiskBoardLive';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Risks' };

export default async function RisksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  const [session, items, plan] = await Promise.all([currentSession(), caller.raid.list({ projectId: project.id }), caller.plan.get({ projectId: project.id })]);
  return (
    <RiskBoardLive
      projectId={project.id}
      workspaceId={project.workspaceId}
      // An archived project's board is read-only for everyone: shown as to a viewer.
      role={project.archivedAt ? 'viewer' : project.role}
      me={{ id: session!.user.id, name: session!.user.name }}
      members={project.members.map((m) => ({ userId: m.userId, name: m.name }))}
      initialItems={items}
      planItems={plan.items.map((i) => ({ id: i.id, title: i.title, kind: i.kind }))}
    />
  );
}
