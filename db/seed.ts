// The demo workspace seeded on the first start of an empty database: a TPM, an engineer and an
// executive on a realistic project with a plan (db/seedDemoPlan.ts), a RAID log spanning every
// severity band whose top risks threaten plan items, status updates, and meetings
// (db/seedDemoMeetings.ts). Plan, items and meeting boards are written through the live documents
// (like any edit), so the projections and history fill in as usual.
import { count } from 'drizzle-orm';
import type { Database } from './index';
import { project, projectMember, statusUpdate, statusUpdateAuthor, user } from './schema';
import type { Auth } from '@/server/auth';
import type { LiveBoards } from '@/server/collab/liveBoards';
import { touchStatusSettings } from '@/server/data/status';
import { personalWorkspace } from '@/server/data/workspaces';
import type { RaidFields } from '@/server/domain/risk';
import { addDays, formatISO, subDays } from 'date-fns';
import { seedDemoMeetings, type DemoRaidKey } from './seedDemoMeetings';
import { seedDemoPlan, type DemoPlanItem } from './seedDemoPlan';

export const demoPassword = 'waymark-demo';
export const demoUsers = {
  owner: { name: 'Dana Reyes', email: 'dana@demo.waymark.dev' },
  editor: { name: 'Sam Okafor', email: 'sam@demo.waymark.dev' },
  viewer: { name: 'Priya Natarajan', email: 'priya@demo.waymark.dev' },
} as const;

type Who = keyof typeof demoUsers;
/** `key`: how the demo's meetings name the items they discuss. */
type DemoItem = Omit<Partial<RaidFields>, 'ownerId' | 'threatens'> & { key?: DemoRaidKey; title: string; owner?: Who; dueInDays?: number; threatens?: DemoPlanItem[] };

const demoItems: DemoItem[] = [
  { kind: 'risk', key: 'sunset', isPublic: true, title: 'Payment provider API v2 sunset before cut-over', description: 'The provider announced the end of API v2 for Q1. Our checkout still calls v2 for refunds and payouts; v3 changes the webhook signatures.',  category: 'Vendor', likelihood: 5, impact: 5, response: 'mitigate', status: 'mitigating', owner: 'owner', dueInDays: 14, mitigation: 'Dual-write to v3 behind a flag; vendor escalation call booked.', trigger: 'Vendor confirms sunset date earlier than 1 March.', residualLikelihood: 2, residualImpact: 4, threatens: ['paymentsOnV3', 'refunds'] },
  { kind: 'risk', key: 'migrationWindow', isPublic: true, title: 'Data migration exceeds the 4-hour maintenance window', description: 'The last rehearsal moved 60% of tenants in 3h10. The largest tenants were not in the sample.',  category: 'Technical', likelihood: 4, impact: 5, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 21, mitigation: 'Rehearse on a production-size copy; split by tenant.', trigger: 'Rehearsal takes more than 3 hours.', residualLikelihood: 2, residualImpact: 3, threatens: ['rehearsal', 'cutOver'] },
  { kind: 'issue', key: 'staging', title: 'Staging cluster out of capacity; load tests blocked', description: 'Load tests for the new search service cannot run until staging has two more nodes.',  category: 'Infrastructure', likelihood: 5, impact: 3, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 3, mitigation: 'Temporary node pool approved; request quota increase.' },
  { kind: 'dependency', key: 'partnerSso', isPublic: true, title: 'Identity team must ship SSO for partner accounts', description: 'Partner accounts cannot move until SSO supports their SAML providers.',  category: 'Cross-team', likelihood: 3, impact: 4, response: 'accept', status: 'open', owner: 'owner', dueInDays: 30, trigger: 'Identity team misses its sprint 14 demo.' },
  { kind: 'risk', key: 'reconciliation', title: 'Only one engineer knows the billing reconciliation job', description: 'The nightly reconciliation job has no runbook and one person has ever fixed it.',  category: 'People', likelihood: 3, impact: 4, response: 'mitigate', status: 'mitigating', owner: 'editor', dueInDays: 10, mitigation: 'Pairing rotation and a runbook review.' },
  { kind: 'assumption', title: 'Traffic stays under 2k requests/s through Q1', category: 'Capacity', likelihood: 2, impact: 4, response: 'accept', status: 'open', owner: 'viewer', trigger: 'Weekly peak above 1.6k requests/s.' },
  { kind: 'risk', title: 'Security review finds issues late in the schedule', category: 'Compliance', likelihood: 3, impact: 3, response: 'avoid', status: 'open', owner: 'owner', dueInDays: 45, mitigation: 'Book the review for the design phase, not the end.' },
  { kind: 'issue', title: 'Flaky end-to-end suite slows every merge', category: 'Quality', likelihood: 4, impact: 2, response: 'mitigate', status: 'mitigating', owner: 'editor', dueInDays: 7, mitigation: 'Quarantine the 12 worst tests; fix owners assigned.' },
  { kind: 'dependency', title: 'Legal sign-off on the new data processing agreement', category: 'Legal', likelihood: 2, impact: 3, response: 'transfer', status: 'open', owner: 'viewer', dueInDays: 20 },
  { kind: 'assumption', title: 'Partners accept a one-week read-only period', category: 'Stakeholders', likelihood: 2, impact: 2, response: 'accept', status: 'accepted', owner: 'owner' },
  { kind: 'risk', title: 'Dashboard colour palette fails contrast checks', category: 'UX', likelihood: 2, impact: 1, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 60 },
  { kind: 'risk', title: 'Old reporting export breaks for two internal users', category: 'Technical', likelihood: 1, impact: 2, response: 'accept', status: 'resolved', owner: 'editor' },
];

/** Seeds the demo unless the database already has users. Returns the sign-in, or null. */
export async function seedDemoIfEmpty(
  db: Database,
  auth: Auth,
  live: LiveBoards,
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
  const plan = await seedDemoPlan(live, demo!.id, ids, today);
  const raid = {} as Record<DemoRaidKey, string>;
  await live.apply(
    'risks',
    demo!.id,
    {
      type: 'raid.import',
      rows: demoItems.map(({ key, owner, dueInDays, threatens, ...fields }) => {
        const id = globalThis.crypto.randomUUID();
        if (key) raid[key] = id;
        return {
          id,
          fields: {
            ...fields,
            threatens: (threatens ?? []).map((item) => plan[item]),
            ownerId: owner ? ids[owner] : null,
            dueDate: dueInDays === undefined ? null : formatISO(addDays(today, dueInDays), { representation: 'date' }),
          },
        };
      }),
    },
    ids.owner,
  );
  await seedStatusUpdates(db, demo!.id, ids, today);
  const names = { owner: demoUsers.owner.name, editor: demoUsers.editor.name, viewer: demoUsers.viewer.name };
  await seedDemoMeetings(db, live, { projectId: demo!.id, ids, names, raid, plan, today });
  return { email: demoUsers.owner.email, password: demoPassword, projectId: demo!.id, statusPath: `/status/${demoStatusSlug}` };
}

export const demoStatusSlug = 'atlas';

/** Weekly updates over the last six weeks (so the health strip has history), a Friday cadence, the public page on. */
async function seedStatusUpdates(db: Database, projectId: string, ids: Record<Who, string>, today: Date) {
  const weeks: { daysAgo: number; health: 'on_track' | 'at_risk' | 'off_track'; author: Who; healthReason: string; summary: string; highlights?: string; lowlights?: string; asks?: string; nextSteps?: string }[] = [
    { daysAgo: 42, health: 'on_track', author: 'owner', healthReason: 'Design signed off; rehearsal plan agreed', summary: 'Kick-off done. The migration design is signed off by platform and payments leads.', highlights: '- Design review passed first time\n- Tenant split agreed with support', nextSteps: '- First rehearsal on a 10% sample' },
    { daysAgo: 35, health: 'on_track', author: 'owner', healthReason: 'First rehearsal within the window', summary: 'The first rehearsal moved 10% of tenants in 38 minutes.', highlights: '- Rollback tested end to end', nextSteps: '- Rehearse with 60% of tenants' },
    { daysAgo: 28, health: 'at_risk', author: 'editor', healthReason: 'Rehearsal at 60% took 3h10 of the 4-hour window', summary: 'The larger rehearsal was slower than planned; the largest tenants were not in the sample.', lowlights: '- **Data migration** may exceed the 4-hour maintenance window', asks: '- Infrastructure: a production-size copy for the next rehearsal (owner: Sam)', nextSteps: '- Split the largest tenants into their own batch' },
    { daysAgo: 21, health: 'off_track', author: 'owner', healthReason: 'Payment provider moved the API v2 sunset forward', summary: 'The payment provider announced the end of API v2 six weeks earlier than planned. Refunds and payouts still call v2.', lowlights: '- Cut-over date at risk until refunds move to v3', asks: '- Payments leadership: escalation call with the provider this week' },
    { daysAgo: 14, health: 'at_risk', author: 'owner', healthReason: 'Dual-write to v3 in progress; new sunset date confirmed', summary: 'The provider confirmed 1 March. Dual-write to v3 is behind a flag in staging.', highlights: '- Vendor escalation got a written date', nextSteps: '- Turn on dual-write for 5% of refunds' },
    { daysAgo: 7, health: 'at_risk', author: 'editor', healthReason: 'Staging capacity blocks load tests', summary: 'Dual-write runs for 5% of refunds with no mismatches. Load tests of the new search service wait for staging nodes.', asks: '- Platform team: approve the temporary node pool' },
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
