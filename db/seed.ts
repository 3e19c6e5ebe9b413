// The demo workspace seeded on the first start of an empty database: a TPM, an engineer and an
// executive on a realistic project with a plan (db/seedDemoPlan.ts), a RAID log spanning every
// severity band whose top risks threaten plan items, status updates, meetings
// (db/seedDemoMeetings.ts), and the workspace's people, shared with a second project and allocated
// to the plan's workstreams (db/seedDemoPeople.ts), the technology it relies on, with a radar and
// alerts (db/seedDemoTech.ts), and the technical standards its milestones are held to
// (db/seedDemoStandards.ts), and twelve weeks of delivery data tied to the plan, for the insights
// charts and forecasts (db/seedDemoDelivery.ts). Plan, items and meeting boards are written
// through the live documents (like any edit), so the projections and history fill in as usual; the
// plan and the RAID log step by step over the past eight weeks, each step dated to its day
// (db/seedDemoHistory.ts).
import { count } from 'drizzle-orm';
import type { Database } from './index';
import { project, projectMember, statusUpdate, statusUpdateAuthor, user } from './schema';
import type { Auth } from '@/server/auth';
import { touchStatusSettings } from '@/server/data/status';
import { personalWorkspace } from '@/server/data/workspaces';
import type { RaidFields } from '@/server/domain/risk';
import { addDays, formatISO, subDays } from 'date-fns';
import { seedDemoMeetings, type DemoRaidKey } from './seedDemoMeetings';
import { seedDemoPeople } from './seedDemoPeople';
import { seedDemoTech } from './seedDemoTech';
import { seedDemoStandards } from './seedDemoStandards';
import { seedDemoDelivery } from './seedDemoDelivery';
import { demoHistory, type DemoHistory, type SettlingBoards } from './seedDemoHistory';
import { seedDemoPlan, type DemoPlan, type DemoPlanItem } from './seedDemoPlan';

export const demoPassword = 'waymark-demo';
export const demoUsers = {
  owner: { name: 'Dana Reyes', email: 'dana@demo.waymark.dev' },
  editor: { name: 'Sam Okafor', email: 'sam@demo.waymark.dev' },
  viewer: { name: 'Priya Natarajan', email: 'priya@demo.waymark.dev' },
} as const;

type Who = keyof typeof demoUsers;
/** A later edit of a RAID item: `daysAgo` at `hour` (UTC), by `by` (the owner by default). */
type RaidEdit = { daysAgo: number; hour: number; by?: Who; fields: Partial<RaidFields> };
/**
 * A RAID item as it was added `added` days ago (at `hour`, 10:00 UTC by default) by `by`, then
 * edited `later`. `key`: how the demo's meetings name the items they discuss.
 */
type DemoItem = Omit<Partial<RaidFields>, 'ownerId' | 'threatens'> & {
  key?: DemoRaidKey;
  title: string;
  owner?: Who;
  dueInDays?: number;
  threatens?: DemoPlanItem[];
  added: number;
  hour?: number;
  by?: Who;
  later?: RaidEdit[];
};

// Most were raised in the first weeks; since the last weekly sync one was added (search latency),
// one escalated (the maintenance window) and one closed (the flaky suite).
const demoItems: DemoItem[] = [
  { kind: 'risk', key: 'sunset', isPublic: true, title: 'Payment provider API v2 sunset before cut-over', description: 'The provider announced the end of API v2 for Q1. Our checkout still calls v2 for refunds and payouts; v3 changes the webhook signatures.',  category: 'Vendor', likelihood: 3, impact: 5, response: 'mitigate', status: 'open', owner: 'owner', dueInDays: 14, mitigation: 'Ask the provider for an extension of API v2.', trigger: 'Vendor confirms sunset date earlier than 1 March.', residualLikelihood: 2, residualImpact: 4, threatens: ['paymentsOnV3', 'refunds'], added: 49,
    later: [
      { daysAgo: 24, hour: 15, fields: { likelihood: 5 } },
      { daysAgo: 13, hour: 16, fields: { status: 'mitigating', mitigation: 'Dual-write to v3 behind a flag; vendor escalation call booked.' } },
    ] },
  { kind: 'risk', key: 'migrationWindow', isPublic: true, title: 'Data migration exceeds the 4-hour maintenance window', description: 'The last rehearsal moved 60% of tenants in 3h10. The largest tenants were not in the sample.',  category: 'Technical', likelihood: 3, impact: 5, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 21, mitigation: 'Rehearse on a production-size copy; split by tenant.', trigger: 'Rehearsal takes more than 3 hours.', residualLikelihood: 2, residualImpact: 3, threatens: ['rehearsal', 'cutOver'], added: 30, hour: 17, by: 'editor',
    // The largest tenants' batch, timed on the staging copy, alone needs most of the window.
    later: [{ daysAgo: 4, hour: 11, by: 'editor', fields: { likelihood: 4 } }] },
  { kind: 'issue', key: 'staging', title: 'Staging cluster out of capacity; load tests blocked', description: 'Load tests for the new search service cannot run until staging has two more nodes.',  category: 'Infrastructure', likelihood: 5, impact: 3, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 3, mitigation: 'Temporary node pool approved; request quota increase.', added: 10, by: 'editor' },
  { kind: 'dependency', key: 'partnerSso', isPublic: true, title: 'Identity team must ship SSO for partner accounts', description: 'Partner accounts cannot move until SSO supports their SAML providers.',  category: 'Cross-team', likelihood: 3, impact: 4, response: 'accept', status: 'open', owner: 'owner', dueInDays: 30, trigger: 'Identity team misses its sprint 14 demo.', added: 42 },
  { kind: 'risk', key: 'reconciliation', title: 'Only one engineer knows the billing reconciliation job', description: 'The nightly reconciliation job has no runbook and one person has ever fixed it.',  category: 'People', likelihood: 3, impact: 4, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 10, mitigation: 'Pairing rotation and a runbook review.', added: 38, by: 'editor',
    later: [{ daysAgo: 12, hour: 10, fields: { status: 'mitigating' } }] },
  { kind: 'assumption', title: 'Traffic stays under 2k requests/s through Q1', category: 'Capacity', likelihood: 2, impact: 4, response: 'accept', status: 'open', owner: 'viewer', trigger: 'Weekly peak above 1.6k requests/s.', added: 52 },
  { kind: 'risk', title: 'Security review finds issues late in the schedule', category: 'Compliance', likelihood: 3, impact: 3, response: 'avoid', status: 'open', owner: 'owner', dueInDays: 45, mitigation: 'Book the review for the design phase, not the end.', added: 52 },
  { kind: 'issue', title: 'Flaky end-to-end suite slows every merge', category: 'Quality', likelihood: 4, impact: 2, response: 'mitigate', status: 'mitigating', owner: 'editor', dueInDays: 7, mitigation: 'Quarantine the 12 worst tests; fix owners assigned.', added: 35, by: 'editor',
    later: [{ daysAgo: 3, hour: 16, by: 'editor', fields: { status: 'resolved' } }] },
  { kind: 'dependency', title: 'Legal sign-off on the new data processing agreement', category: 'Legal', likelihood: 2, impact: 3, response: 'transfer', status: 'open', owner: 'viewer', dueInDays: 20, added: 45 },
  { kind: 'assumption', title: 'Partners accept a one-week read-only period', category: 'Stakeholders', likelihood: 2, impact: 2, response: 'accept', status: 'accepted', owner: 'owner', added: 40 },
  { kind: 'risk', title: 'Dashboard colour palette fails contrast checks', category: 'UX', likelihood: 2, impact: 1, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 60, added: 30, by: 'editor' },
  { kind: 'risk', title: 'Old reporting export breaks for two internal users', category: 'Technical', likelihood: 1, impact: 2, response: 'accept', status: 'open', owner: 'editor', added: 50,
    later: [{ daysAgo: 33, hour: 14, by: 'editor', fields: { status: 'resolved' } }] },
  { kind: 'risk', title: 'Search service misses its latency target under production load', description: 'The first load tests on the new staging node pool put p99 at 480 ms against a 300 ms target.', category: 'Performance', likelihood: 3, impact: 3, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 12, mitigation: 'Profile the ranking step; cache partner catalogues.', added: 2, hour: 15, by: 'editor' },
];

/** Seeds the demo unless the database already has users. Returns the sign-in, or null. */
export async function seedDemoIfEmpty(
  db: Database,
  auth: Auth,
  live: SettlingBoards,
): Promise<{ email: string; password: string; projectId: string; statusPath: string } | null> {
  const [existing] = await db.select({ n: count() }).from(user);
  if ((existing?.n ?? 0) > 0) return null;

  const ids = {} as Record<Who, string>;
  for (const who of Object.keys(demoUsers) as Who[]) {
    const result = await auth.api.signUpEmail({ body: { ...demoUsers[who], password: demoPassword } });
    ids[who] = result.user.id;
  }
  const workspace = await personalWorkspace(db, { id: ids.owner, name: demoUsers.owner.name });
  const [demo] = await db
    .insert(project)
    .values({ workspaceId: workspace.id, name: 'Atlas platform migration', slug: 'atlas-platform-migration', createdBy: ids.owner })
    .returning();
  await db.insert(projectMember).values([
    { projectId: demo!.id, userId: ids.owner, role: 'owner' },
    { projectId: demo!.id, userId: ids.editor, role: 'editor' },
    { projectId: demo!.id, userId: ids.viewer, role: 'viewer' },
  ]);
  const today = new Date();
  const history = demoHistory(db, live, demo!.id);
  const plan = await seedDemoPlan(live, history, demo!.id, ids, today);
  const raid = await seedDemoRaid(live, history, demo!.id, ids, plan, today);
  await seedStatusUpdates(db, demo!.id, ids, today);
  const names = { owner: demoUsers.owner.name, editor: demoUsers.editor.name, viewer: demoUsers.viewer.name };
  await seedDemoMeetings(db, live, { projectId: demo!.id, ids, names, raid, plan, today });
  const resources = await seedDemoPeople(db, { workspaceId: workspace.id, projectId: demo!.id, ids, plan, today });
  await seedDemoTech(db, { workspaceId: workspace.id, projectId: demo!.id, searchProjectId: resources?.searchProjectId ?? null, ids, today });
  await seedDemoStandards(db, { workspaceId: workspace.id, projectId: demo!.id, ids, plan, today });
  await seedDemoDelivery(db, { projectId: demo!.id, ids, plan, today });
  return { email: demoUsers.owner.email, password: demoPassword, projectId: demo!.id, statusPath: `/status/${demoStatusSlug}` };
}

/**
 * The RAID log, written as it grew: each item added on its day, each later edit on its own, so its
 * history (and "Since last meeting") tells when. Returns the ids of the items the meetings discuss.
 */
async function seedDemoRaid(live: SettlingBoards, history: DemoHistory, projectId: string, ids: Record<Who, string>, plan: DemoPlan, today: Date): Promise<Record<DemoRaidKey, string>> {
  const at = (daysAgo: number, hour: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysAgo, hour));
  const raid = {} as Record<DemoRaidKey, string>;
  const steps: { at: Date; by: Who; row: { id: string; fields: Partial<RaidFields> } }[] = [];
  for (const { key, owner, dueInDays, threatens, added, hour, by, later, ...fields } of demoItems) {
    const id = globalThis.crypto.randomUUID();
    if (key) raid[key] = id;
    const row = {
      id,
      fields: {
        ...fields,
        threatens: (threatens ?? []).map((item) => plan[item]),
        ownerId: owner ? ids[owner] : null,
        dueDate: dueInDays === undefined ? null : formatISO(addDays(today, dueInDays), { representation: 'date' }),
      },
    };
    steps.push({ at: at(added, hour ?? 10), by: by ?? 'owner', row });
    for (const edit of later ?? []) steps.push({ at: at(edit.daysAgo, edit.hour), by: edit.by ?? 'owner', row: { id, fields: edit.fields } });
  }
  // One import per moment of the story and person, oldest first (the sort is stable: an item's edits keep their order).
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let i = 0; i < steps.length; ) {
    const moment = steps[i]!;
    const rows = [];
    for (; i < steps.length && steps[i]!.at.getTime() === moment.at.getTime() && steps[i]!.by === moment.by; i++) rows.push(steps[i]!.row);
    await live.apply('risks', projectId, { type: 'raid.import', rows }, ids[moment.by]);
    await history.happened(moment.at);
  }
  return raid;
}

export const demoStatusSlug = 'atlas';

/** Weekly updates over the last seven weeks (so the health strip has history), a Friday cadence, the public page on. */
async function seedStatusUpdates(db: Database, projectId: string, ids: Record<Who, string>, today: Date) {
  const weeks: { daysAgo: number; health: 'on_track' | 'at_risk' | 'off_track'; author: Who; healthReason: string; summary: string; highlights?: string; lowlights?: string; asks?: string; nextSteps?: string }[] = [
    { daysAgo: 44, health: 'on_track', author: 'owner', healthReason: 'Design signed off; rehearsal plan agreed', summary: 'Kick-off done. The migration design is signed off by platform and payments leads.', highlights: '- Design review passed first time\n- Tenant split agreed with support', nextSteps: '- First rehearsal on a 10% sample' },
    { daysAgo: 37, health: 'on_track', author: 'owner', healthReason: 'First rehearsal within the window', summary: 'The first rehearsal moved 10% of tenants in 38 minutes.', highlights: '- Rollback tested end to end', nextSteps: '- Rehearse with 60% of tenants' },
    { daysAgo: 30, health: 'at_risk', author: 'editor', healthReason: 'Rehearsal at 60% took 3h10 of the 4-hour window', summary: 'The larger rehearsal was slower than planned; the largest tenants were not in the sample.', lowlights: '- **Data migration** may exceed the 4-hour maintenance window', asks: '- Infrastructure: a production-size copy for the next rehearsal (owner: Sam)', nextSteps: '- Split the largest tenants into their own batch' },
    { daysAgo: 23, health: 'off_track', author: 'owner', healthReason: 'Payment provider moved the API v2 sunset forward', summary: 'The payment provider announced the end of API v2 six weeks earlier than planned. Refunds and payouts still call v2.', lowlights: '- Cut-over date at risk until refunds move to v3', asks: '- Payments leadership: escalation call with the provider this week' },
    { daysAgo: 16, health: 'at_risk', author: 'owner', healthReason: 'Dual-write to v3 in progress; new sunset date confirmed', summary: 'The provider confirmed 1 March. Dual-write to v3 is behind a flag in staging.', highlights: '- Vendor escalation got a written date', nextSteps: '- Turn on dual-write for 5% of refunds' },
    { daysAgo: 9, health: 'at_risk', author: 'editor', healthReason: 'Staging capacity blocks load tests', summary: 'Dual-write is ready for 5% of refunds with no mismatches in staging. Load tests of the new search service wait for staging nodes.', asks: '- Steering committee: fund a temporary node pool for staging' },
    { daysAgo: 2, health: 'at_risk', author: 'owner', healthReason: 'Rehearsal waits for a production-size copy', summary: 'The temporary node pool is live and the search load tests run on it. The production-size copy is not booked yet, so the rehearsal moves four days later.', highlights: '- Staging node pool live; quota increase approved\n- Flaky end-to-end tests fixed: merges are quick again', lowlights: '- **Data migration**: the largest tenants alone need most of the 4-hour window\n- Search service misses its latency target under production load', asks: '- Infrastructure: the production-size copy this week (owner: Sam)', nextSteps: '- Rehearse the largest tenants on the full copy' },
  ];
  for (const w of weeks) {
    const at = subDays(today, w.daysAgo);
    const [row] = await db.insert(statusUpdate).values({
      projectId,
      authorId: ids[w.author],
      // The demo's weekly updates are the ones its public page shows; each was written and published by one person.
      audience: 'public',
      updatedBy: ids[w.author],
      publishedBy: ids[w.author],
      revision: 1,
      health: w.health,
      healthReason: w.healthReason,
      summary: w.summary,
      highlights: w.highlights ?? '',
      lowlights: w.lowlights ?? '',
      asks: w.asks ?? '',
      nextSteps: w.nextSteps ?? '',
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      version: 1,
    }).returning({ id: statusUpdate.id });
    await db.insert(statusUpdateAuthor).values({ updateId: row!.id, userId: ids[w.author], firstSavedAt: at });
  }
  // The boards' projections may have made the row already (they bump the public revision).
  await touchStatusSettings(db, projectId, { cadenceDays: 7, cadenceWeekday: 5, publicEnabled: true, publicSlug: demoStatusSlug });
}
