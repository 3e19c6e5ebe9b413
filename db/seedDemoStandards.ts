// The demo workspace's technical standards: the standard set (security and privacy, launch
// readiness) applied to the demo project's milestones with a realistic mix. The rehearsal is 3 of 4
// ready with its load test failed (p99 over target on the staging pool), so the next status draft
// names it; payments on API v3 passed its security review and had its data protection review waived
// (no new personal data); the cut-over weekend has its security review and performance budget passed, the rest pending.
// Records in Postgres, written directly in one transaction, like the demo's resources.
import { count, eq } from 'drizzle-orm';
import { addDays } from 'date-fns';
import type { Database } from './index';
import { milestoneCheck, milestoneChecklist, standardCheck, standardChecklist } from './schema';
import type { DemoPlan } from './seedDemoPlan';
import { standardSet } from './standardSet';

type Who = 'owner' | 'editor' | 'viewer';
type State = 'pending' | 'passed' | 'failed' | 'waived';

export interface DemoStandardsInput {
  workspaceId: string;
  projectId: string;
  ids: Record<Who, string>;
  plan: DemoPlan;
  today: Date;
}

/** How one check stands at one milestone of the demo. */
interface DemoCheck {
  state: State;
  evidenceUrl?: string;
  waiveReason?: string;
  owner?: Who | { name: string };
  /** Days before the seed day it was last changed. */
  daysAgo?: number;
  by?: Who;
}

/** Per milestone: the checklists applied, and the checks (by title) that are not simply pending. */
const demoStandards: { milestone: 'rehearsal' | 'paymentsOnV3' | 'cutOver'; checklists: string[]; checks: Record<string, DemoCheck> }[] = [
  {
    milestone: 'rehearsal',
    checklists: ['Launch readiness'],
    checks: {
      'Performance budget met': { state: 'passed', evidenceUrl: 'https://grafana.demo.waymark.dev/d/atlas-budget', owner: 'editor', daysAgo: 6, by: 'editor' },
      'Accessibility audit': {
        state: 'waived',
        waiveReason: 'The rehearsal runs on a copy with no user-facing change; the audit is on the cut-over checklist instead.',
        owner: 'owner',
        daysAgo: 9,
        by: 'owner',
      },
      'Runbook written': { state: 'passed', evidenceUrl: 'https://wiki.demo.waymark.dev/atlas/runbooks/tenant-migration', owner: 'editor', daysAgo: 4, by: 'editor' },
      'Load test passed': { state: 'failed', evidenceUrl: 'https://ci.demo.waymark.dev/load-tests/atlas/118', owner: 'editor', daysAgo: 2, by: 'editor' },
    },
  },
  {
    milestone: 'paymentsOnV3',
    checklists: ['Security and privacy'],
    checks: {
      'Security review': { state: 'passed', evidenceUrl: 'https://tracker.demo.waymark.dev/SEC-412', owner: { name: 'Security team' }, daysAgo: 12, by: 'owner' },
      'Data protection review': {
        state: 'waived',
        waiveReason: 'No new personal data: API v3 carries the same fields as v2. Agreed with the data protection officer.',
        owner: { name: 'Data protection officer' },
        daysAgo: 15,
        by: 'owner',
      },
    },
  },
  {
    milestone: 'cutOver',
    checklists: ['Security and privacy', 'Launch readiness'],
    checks: {
      'Security review': { state: 'passed', evidenceUrl: 'https://tracker.demo.waymark.dev/SEC-431', owner: { name: 'Security team' }, daysAgo: 3, by: 'owner' },
      'Data protection review': { state: 'pending', owner: { name: 'Legal team' } },
      'Performance budget met': { state: 'passed', evidenceUrl: 'https://grafana.demo.waymark.dev/d/atlas-budget', owner: 'editor', daysAgo: 6, by: 'editor' },
      'Runbook written': { state: 'pending', owner: 'editor' },
      'Load test passed': { state: 'pending', owner: 'editor' },
    },
  },
];

/**
 * Seeds the standard set into the workspace and applies it to the demo's milestones. Does nothing
 * when the workspace already has checklists (the demo is seeded once).
 */
export async function seedDemoStandards(db: Database, input: DemoStandardsInput): Promise<void> {
  const { workspaceId, projectId, ids, plan, today } = input;
  const [existing] = await db.select({ n: count() }).from(standardChecklist).where(eq(standardChecklist.workspaceId, workspaceId));
  if ((existing?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    const checklists = new Map<string, { id: string; checks: { id: string; title: string }[] }>();
    for (const list of standardSet) {
      const [created] = await tx.insert(standardChecklist).values({ workspaceId, name: list.name, description: list.description, updatedBy: ids.owner }).returning({ id: standardChecklist.id });
      const checks = await tx
        .insert(standardCheck)
        .values(list.checks.map((c, position) => ({ checklistId: created!.id, ...c, position })))
        .returning({ id: standardCheck.id, title: standardCheck.title });
      checklists.set(list.name, { id: created!.id, checks });
    }
    for (const entry of demoStandards) {
      for (const name of entry.checklists) {
        const list = checklists.get(name)!;
        const [applied] = await tx
          .insert(milestoneChecklist)
          .values({ projectId, milestoneId: plan[entry.milestone], checklistId: list.id, appliedBy: ids.owner, appliedAt: addDays(today, -20) })
          .returning({ id: milestoneChecklist.id });
        await tx.insert(milestoneCheck).values(
          list.checks.map((check) => {
            const demo = entry.checks[check.title] ?? { state: 'pending' as const };
            const owner = demo.owner;
            return {
              projectId,
              milestoneChecklistId: applied!.id,
              checkId: check.id,
              state: demo.state,
              waiveReason: demo.waiveReason ?? '',
              evidenceUrl: demo.evidenceUrl ?? '',
              ownerUserId: typeof owner === 'string' ? ids[owner] : null,
              ownerName: typeof owner === 'object' ? owner.name : '',
              updatedBy: demo.by ? ids[demo.by] : null,
              updatedAt: addDays(today, -(demo.daysAgo ?? 20)),
            };
          }),
        );
      }
    }
  });
}
