// The demo workspace seeded on the first start of an empty database: a TPM, an engineer and an
// executive on a realistic project whose RAID log spans every severity band. Items are written
// through the live document (like any edit), so the projection and history fill in as usual.
import { count } from 'drizzle-orm';
import type { Database } from './index';
import { project, projectMember, user } from './schema';
import type { Auth } from '@/server/auth';
import type { LiveBoards } from '@/server/collab/liveBoards';
import { personalWorkspace } from '@/server/data/workspaces';
import type { RaidFields } from '@/server/domain/risk';
import { addDays, formatISO } from 'date-fns';

export const demoPassword = 'waymark-demo';
export const demoUsers = {
  owner: { name: 'Dana Reyes', email: 'dana@demo.waymark.dev' },
  editor: { name: 'Sam Okafor', email: 'sam@demo.waymark.dev' },
  viewer: { name: 'Priya Natarajan', email: 'priya@demo.waymark.dev' },
} as const;

type Who = keyof typeof demoUsers;
type DemoItem = Omit<Partial<RaidFields>, 'ownerId'> & { title: string; owner?: Who; dueInDays?: number };

const demoItems: DemoItem[] = [
  { kind: 'risk', title: 'Payment provider API v2 sunset before cut-over', description: 'The provider announced the end of API v2 for Q1. Our checkout still calls v2 for refunds and payouts; v3 changes the webhook signatures.',  category: 'Vendor', likelihood: 5, impact: 5, response: 'mitigate', status: 'mitigating', owner: 'owner', dueInDays: 14, mitigation: 'Dual-write to v3 behind a flag; vendor escalation call booked.', trigger: 'Vendor confirms sunset date earlier than 1 March.', residualLikelihood: 2, residualImpact: 4 },
  { kind: 'risk', title: 'Data migration exceeds the 4-hour maintenance window', description: 'The last rehearsal moved 60% of tenants in 3h10. The largest tenants were not in the sample.',  category: 'Technical', likelihood: 4, impact: 5, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 21, mitigation: 'Rehearse on a production-size copy; split by tenant.', trigger: 'Rehearsal takes more than 3 hours.', residualLikelihood: 2, residualImpact: 3 },
  { kind: 'issue', title: 'Staging cluster out of capacity; load tests blocked', description: 'Load tests for the new search service cannot run until staging has two more nodes.',  category: 'Infrastructure', likelihood: 5, impact: 3, response: 'mitigate', status: 'open', owner: 'editor', dueInDays: 3, mitigation: 'Temporary node pool approved; request quota increase.' },
  { kind: 'dependency', title: 'Identity team must ship SSO for partner accounts', description: 'Partner accounts cannot move until SSO supports their SAML providers.',  category: 'Cross-team', likelihood: 3, impact: 4, response: 'accept', status: 'open', owner: 'owner', dueInDays: 30, trigger: 'Identity team misses its sprint 14 demo.' },
  { kind: 'risk', title: 'Only one engineer knows the billing reconciliation job', description: 'The nightly reconciliation job has no runbook and one person has ever fixed it.',  category: 'People', likelihood: 3, impact: 4, response: 'mitigate', status: 'mitigating', owner: 'editor', dueInDays: 10, mitigation: 'Pairing rotation and a runbook review.' },
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
): Promise<{ email: string; password: string; projectId: string } | null> {
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
  await live.apply(
    'risks',
    demo!.id,
    {
      type: 'raid.import',
      rows: demoItems.map(({ owner, dueInDays, ...fields }) => ({
        id: null,
        fields: {
          ...fields,
          ownerId: owner ? ids[owner] : null,
          dueDate: dueInDays === undefined ? null : formatISO(addDays(today, dueInDays), { representation: 'date' }),
        },
      })),
    },
    ids.owner,
  );
  return { email: demoUsers.owner.email, password: demoPassword, projectId: demo!.id };
}
