// The live risk board. The first paint comes from the projection (no empty flash); the client
// then joins the live document and takes over.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { RiskBoardLive } from '@/components/risks/RiskBoardLive';
import { riskItemHref } from '@/server/domain/itemLinks';
import { alertInAddress, techAlertParam, techItemParam, techRiskPrefill } from '@/server/domain/techRiskDraft';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Risks' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RisksPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  const query = await searchParams;
  const fromAlert = one(query[techItemParam]);
  const [session, items, plan, alerts] = await Promise.all([
    currentSession(),
    caller.raid.list({ projectId: project.id }),
    caller.plan.get({ projectId: project.id }),
    // "Create a risk from this" on a tech alert: the alert is read again here, so the address
    // carries only which alert, never the risk's words.
    fromAlert ? caller.tech.alerts({ projectId: project.id }) : Promise.resolve([]),
  ]);
  const alert = alertInAddress(alerts, fromAlert, one(query[techAlertParam]));
  // The alert's risk was filed meanwhile (another tab, a stale tech page): open it, not a second draft.
  if (alert?.riskId) redirect(riskItemHref(project.id, alert.riskId));
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
      draftFromAddress={alert ? techRiskPrefill(project.id, alert) : null}
    />
  );
}
