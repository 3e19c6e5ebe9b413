// The live plan. The first paint comes from the projection (no empty flash); the client then
// joins the live document `plan:<projectId>` and takes over.
import { format } from 'date-fns';
import type { Metadata } from 'next';
import { PlanLive } from '@/components/plan/PlanLive';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plan' };

export default async function PlanPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const [session, plan] = await Promise.all([currentSession(), (await serverCaller()).plan.get({ projectId: project.id })]);
  const { risks, ...content } = plan;
  return (
    <PlanLive
      projectId={project.id}
      // An archived project's board is read-only for everyone: shown as to a viewer.
      role={project.archivedAt ? 'viewer' : project.role}
      me={{ id: session!.user.id, name: session!.user.name }}
      members={project.members.map((m) => ({ userId: m.userId, name: m.name }))}
      initialContent={content}
      risks={risks}
      today={format(new Date(), 'yyyy-MM-dd')}
    />
  );
}
