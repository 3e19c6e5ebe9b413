// The live plan. The first paint comes from the projection (no empty flash); the client then
// joins the live document `plan:<projectId>` and takes over.
import { format } from 'date-fns';
import type { Metadata } from 'next';
import { PlanLive } from '@/components/plan/PlanLive';
import { TechAlertsCard } from '@/components/tech/TechAlertsCard';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plan' };

export default async function PlanPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  const [session, plan, staffing, standards, techAlerts] = await Promise.all([
    currentSession(),
    caller.plan.get({ projectId: project.id }),
    // Staffing is a side panel: the plan still opens if it cannot be read (the browser tries again).
    caller.resources.forPlan({ projectId: project.id }).catch((error: unknown) => {
      console.error('Plan staffing could not be read:', error instanceof Error ? error.message : error);
      return null;
    }),
    // So are the milestones' standards.
    caller.standards.forProject({ projectId: project.id }).catch((error: unknown) => {
      console.error('Plan standards could not be read:', error instanceof Error ? error.message : error);
      return null;
    }),
    // So are the technology alerts: without them the plan opens without their card.
    caller.tech.alerts({ projectId: project.id }).catch((error: unknown) => {
      console.error('Technology alerts could not be read:', error instanceof Error ? error.message : error);
      return [];
    }),
  ]);
  const { risks, ...content } = plan;
  return (
    <>
      <TechAlertsCard projectId={project.id} alerts={techAlerts} />
      <PlanLive
      projectId={project.id}
      // An archived project's board is read-only for everyone: shown as to a viewer.
      role={project.archivedAt ? 'viewer' : project.role}
      me={{ id: session!.user.id, name: session!.user.name }}
      members={project.members.map((m) => ({ userId: m.userId, name: m.name }))}
      initialContent={content}
      risks={risks}
      today={format(new Date(), 'yyyy-MM-dd')}
      workspaceId={project.workspaceId}
      staffing={staffing}
      standards={standards}
      />
    </>
  );
}
