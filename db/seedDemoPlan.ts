// The demo project's plan: charter, goals, stakeholders with their RACI, and a roadmap of
// milestones and workstreams with dependencies, written through the live plan like any edit, each
// step dated to when it happened (db/seedDemoHistory.ts). A baseline is saved at kick-off eight
// weeks ago; the design is signed off; three weeks ago the vendor's news slips the rehearsal and the
// migration tooling by a week (so the runbooks now start before the rehearsal they depend on); after
// the steering committee a milestone for the staging node pool is added and met; and since the last
// weekly sync the rehearsal slipped again, waiting for its production-size copy.
import { addDays, formatISO } from 'date-fns';
import type { PlanItemFields } from '@/server/domain/plan';
import type { PlanImport } from '@/server/domain/planImport';
import type { DemoHistory, SettlingBoards } from './seedDemoHistory';

type Who = 'owner' | 'editor' | 'viewer';

/** The ids of the demo's plan items, goals and stakeholders, for risks that threaten them and meetings that discuss them. */
export interface DemoPlan {
  rehearsal: string;
  paymentsOnV3: string;
  cutOver: string;
  refunds: string;
  sso: string;
  /** Workstreams the demo's people are allocated to (db/seedDemoPeople.ts). */
  tooling: string;
  runbooks: string;
  goals: { tenants: string; cutOverHours: string; checkout: string };
  stakeholders: { payments: string; support: string };
}
/** The plan items a risk may threaten. */
export type DemoPlanItem = Exclude<keyof DemoPlan, 'goals' | 'stakeholders'>;

export async function seedDemoPlan(live: SettlingBoards, history: DemoHistory, projectId: string, ids: Record<Who, string>, today: Date): Promise<DemoPlan> {
  const day = (offset: number) => formatISO(addDays(today, offset), { representation: 'date' });
  /** A time on the day `offset` days from today, in UTC. */
  const at = (offset: number, hours: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset, hours));
  const id = () => globalThis.crypto.randomUUID();
  const item = { designSignedOff: id(), rehearsal: id(), paymentsOnV3: id(), cutOver: id(), tooling: id(), refunds: id(), sso: id(), runbooks: id(), nodePool: id() };
  const goal = { tenants: id(), cutOverHours: id(), checkout: id() };
  const who = { sponsor: id(), tpm: id(), engineering: id(), payments: id(), support: id(), partners: id() };
  type Role = 'R' | 'A' | 'C' | 'I';
  const raci = (subjectId: string, roles: Partial<Record<keyof typeof who, Role>>) =>
    Object.entries(roles).map(([stakeholder, role]) => ({ subjectId, stakeholderId: who[stakeholder as keyof typeof who], role: role as Role }));
  const milestone = (end: number, fields: Partial<PlanItemFields>): Partial<PlanItemFields> => ({ kind: 'milestone', start: day(end), end: day(end), ...fields });
  const workstream = (start: number, end: number, fields: Partial<PlanItemFields>): Partial<PlanItemFields> => ({ kind: 'workstream', start: day(start), end: day(end), ...fields });

  await live.apply(
    'plan',
    projectId,
    {
      type: 'plan.import',
      items: [
        { id: item.designSignedOff, fields: milestone(-45, { title: 'Design signed off', ownerId: ids.owner }) },
        { id: item.rehearsal, fields: milestone(20, { title: 'Rehearsal on a production-size copy', ownerId: ids.editor }) },
        { id: item.paymentsOnV3, fields: milestone(35, { title: 'All payments on API v3', ownerId: ids.owner }) },
        { id: item.cutOver, fields: milestone(60, { title: 'Cut-over weekend', ownerId: ids.owner, description: 'Read-only from Saturday 06:00; back by Sunday 10:00 at the latest.' }) },
        { id: item.tooling, fields: workstream(-35, 15, { title: 'Tenant data migration tooling', ownerId: ids.editor, progress: 70, milestoneId: item.rehearsal }) },
        { id: item.refunds, fields: workstream(-20, 30, { title: 'Refunds and payouts on API v3', ownerId: ids.owner, progress: 40, milestoneId: item.paymentsOnV3 }) },
        { id: item.sso, fields: workstream(-10, 45, { title: 'Partner SSO with the identity team', ownerId: ids.owner, progress: 20, milestoneId: item.cutOver }) },
        { id: item.runbooks, fields: workstream(10, 55, { title: 'Runbooks and support training', ownerId: ids.editor, milestoneId: item.cutOver }) },
      ],
      dependencies: [
        { fromId: item.designSignedOff, toId: item.tooling },
        { fromId: item.designSignedOff, toId: item.refunds },
        { fromId: item.rehearsal, toId: item.runbooks },
        { fromId: item.paymentsOnV3, toId: item.cutOver },
      ],
      goals: [
        { id: goal.tenants, title: 'Every tenant on Atlas', metric: '% of tenants migrated', baseline: 0, target: 100, current: 35, dueDate: day(60) },
        { id: goal.cutOverHours, title: 'Short cut-over', metric: 'Hours read-only', baseline: 8, target: 4, current: 5.2, dueDate: day(60) },
        { id: goal.checkout, title: 'Checkout off API v2', metric: '% of payment calls on v3', baseline: 0, target: 100, current: 40, dueDate: day(35) },
      ],
      stakeholders: [
        { id: who.sponsor, name: 'Priya Natarajan', organisation: 'Executive sponsor', memberId: ids.viewer, influence: 5, interest: 4, channel: 'report', frequency: 'biweekly' },
        { id: who.tpm, name: 'Dana Reyes', organisation: 'Programme (TPM)', memberId: ids.owner, influence: 4, interest: 5, channel: 'chat', frequency: 'daily' },
        { id: who.engineering, name: 'Sam Okafor', organisation: 'Platform engineering', memberId: ids.editor, influence: 3, interest: 5, channel: 'chat', frequency: 'daily' },
        { id: who.payments, name: 'Payments leadership', organisation: 'Payments', influence: 4, interest: 5, channel: 'meeting', frequency: 'weekly' },
        { id: who.support, name: 'Customer support leads', organisation: 'Support', influence: 2, interest: 4, channel: 'email', frequency: 'weekly' },
        { id: who.partners, name: 'Partner success', organisation: 'Partnerships', influence: 3, interest: 2, channel: 'status_page', frequency: 'milestones' },
      ],
      raci: [
        ...raci(item.designSignedOff, { sponsor: 'A', engineering: 'R', payments: 'C', support: 'I' }),
        ...raci(item.rehearsal, { tpm: 'A', engineering: 'R', support: 'I' }),
        ...raci(item.paymentsOnV3, { payments: 'A', engineering: 'R', tpm: 'C', partners: 'I' }),
        ...raci(item.cutOver, { sponsor: 'A', tpm: 'R', engineering: 'R', payments: 'C', support: 'I', partners: 'I' }),
        ...raci(goal.tenants, { sponsor: 'A', tpm: 'R' }),
        ...raci(goal.cutOverHours, { tpm: 'A', engineering: 'R' }),
        ...raci(goal.checkout, { payments: 'A', engineering: 'R' }),
      ],
      charter: {
        vision: 'Every tenant runs on the Atlas platform by the end of Q1, moved in one weekend without losing a payment.',
        scope: ['Tenant data and billing', 'Checkout, refunds and payouts on payment API v3', 'Partner accounts with SSO'],
        nonGoals: ['Redesigning the reporting pages', 'New pricing plans'],
      },
    },
    ids.owner,
  );
  await live.apply('plan', projectId, { type: 'plan.saveBaseline', name: 'Kick-off plan' }, ids.owner);
  await history.happened(at(-56, 10));
  const change = async (when: Date, who: Who, plan: PlanImport) => {
    await live.apply('plan', projectId, { type: 'plan.import', ...plan }, ids[who]);
    await history.happened(when);
  };
  await change(at(-45, 16), 'owner', { items: [{ id: item.designSignedOff, fields: { status: 'done' } }] });
  // The payment provider moved the v2 sunset forward: the rehearsal and the tooling it needs slip a week.
  await change(at(-21, 11), 'editor', {
    items: [
      { id: item.rehearsal, fields: { start: day(27), end: day(27), status: 'at_risk' } },
      { id: item.tooling, fields: { end: day(22) } },
    ],
  });
  // The steering committee funded a temporary node pool for staging; it went live this week.
  await change(at(-9, 18), 'owner', {
    items: [{ id: item.nodePool, fields: milestone(-3, { title: 'Temporary staging node pool live', ownerId: ids.editor }) }],
    raci: raci(item.nodePool, { tpm: 'A', engineering: 'R', sponsor: 'I' }),
  });
  await change(at(-3, 14), 'editor', { items: [{ id: item.nodePool, fields: { status: 'done' } }] });
  // Infrastructure's first slot for the production-size copy is later than the rehearsal needed.
  await change(at(-2, 10), 'editor', { items: [{ id: item.rehearsal, fields: { start: day(31), end: day(31) } }] });
  return {
    rehearsal: item.rehearsal,
    paymentsOnV3: item.paymentsOnV3,
    cutOver: item.cutOver,
    refunds: item.refunds,
    sso: item.sso,
    tooling: item.tooling,
    runbooks: item.runbooks,
    goals: goal,
    stakeholders: { payments: who.payments, support: who.support },
  };
}
