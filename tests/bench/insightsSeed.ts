// A project's delivery data at the size the insights bench measures (20,000 work items over the
// last 52 weeks, and a peer of ~500), written straight to the database before the server starts: a
// new workspace and project, a plan of milestones (every few weeks, past and coming) each with
// workstreams leading to it, written through the live plan, and work items tied to those plan
// items, stored in bulk by the delivery import's own writer (storeDeliveryRows, 5,000 rows per
// statement). A seeded pseudo-random sequence makes every run the same project.
import { addDays, format, startOfISOWeek } from 'date-fns';
import type { Database } from '@/db';
import { project, projectMember } from '@/db/schema';
import { storeDeliveryRows } from '@/server/data/delivery';
import type { DeliveryMapping, DeliveryRow } from '@/server/domain/deliveryCsv';
import { createWorkspace } from '@/server/data/workspaces';
import { importPlans, randomSequence, type PlanImportItem } from './resourcesSeed';

export interface InsightsSize {
  items: number;
  milestones: number;
  /** Workstreams per milestone. */
  workstreams: number;
  /** Weeks back from this week that items were created over. */
  weeks: number;
}

export interface SeededInsights {
  projectId: string;
  name: string;
  items: number;
  resolved: number;
  milestones: number;
}

const msPerDay = 86_400_000;
const verbs = ['Add', 'Fix', 'Refactor', 'Document', 'Speed up', 'Remove', 'Migrate', 'Test', 'Design', 'Review'];
const things = ['the payment retry', 'search filters', 'the onboarding email', 'CSV export', 'the audit log', 'session expiry', 'invoice totals', 'the mobile menu', 'rate limits', 'webhook signatures'];
const places = ['on the dashboard', 'for admins', 'in the API', 'on Android', 'for new accounts', 'behind a flag', 'in reports', ''];
/** The mapping an import of such a file would use (only which fields it names matters here). */
const mapping: DeliveryMapping = { key: 'Key', created: 'Created', resolved: 'Resolved', started: 'Started', type: 'Type', title: 'Summary', estimate: 'Points', planItem: 'Milestone' };

/**
 * Seeds a new workspace with one project owned by `ownerId`: `size.milestones` milestones spread
 * from 40 weeks ago to 20 weeks ahead, each with `size.workstreams` workstreams, and `size.items`
 * work items created evenly over the last `size.weeks` weeks; most started within days, resolved
 * 1 to 40 days later (the older, the likelier), nine in ten tied to a workstream or a milestone.
 */
export async function seedInsightsProject(db: Database, ownerId: string, name: string, size: InsightsSize, seed = 1): Promise<SeededInsights> {
  const random = randomSequence(seed);
  const monday = startOfISOWeek(new Date());
  const day = (offset: number) => format(addDays(monday, offset), 'yyyy-MM-dd');
  const workspace = await createWorkspace(db, ownerId, name);
  const [created] = await db.insert(project).values({ workspaceId: workspace.id, name, slug: 'insights', createdBy: ownerId }).returning({ id: project.id });
  const projectId = created!.id;
  await db.insert(projectMember).values({ projectId, userId: ownerId, role: 'owner' });

  const items: PlanImportItem[] = [];
  const tied: string[] = [];
  for (let m = 0; m < size.milestones; m++) {
    const due = -7 * 40 + Math.round((m * 7 * 60) / Math.max(1, size.milestones - 1));
    const milestoneId = globalThis.crypto.randomUUID();
    items.push({ id: milestoneId, fields: { kind: 'milestone', title: `Release ${m + 1}`, start: day(due), end: day(due) } });
    tied.push(milestoneId);
    for (let w = 0; w < size.workstreams; w++) {
      const id = globalThis.crypto.randomUUID();
      items.push({ id, fields: { kind: 'workstream', title: `Release ${m + 1}: stream ${w + 1}`, start: day(due - random.int(28, 84)), end: day(due), milestoneId } });
      tied.push(id, id, id); // workstreams hold most items
    }
  }
  await importPlans(db, ownerId, [{ projectId, items }]);

  const now = Date.now();
  const firstDay = monday.getTime() - 7 * size.weeks * msPerDay;
  let resolved = 0;
  const rows = Array.from({ length: size.items }, (_, index): DeliveryRow => {
    const createdAt = new Date(firstDay + ((now - firstDay) * (index + random.next())) / size.items);
    const startedAt = random.next() < 0.8 ? new Date(createdAt.getTime() + random.next() * 4 * msPerDay) : null;
    const age = (now - createdAt.getTime()) / (7 * size.weeks * msPerDay);
    const resolvedAt = random.next() < 0.3 + 0.65 * age ? new Date((startedAt ?? createdAt).getTime() + (1 + 39 * random.next() ** 2) * msPerDay) : null;
    const done = resolvedAt && resolvedAt.getTime() <= now ? resolvedAt : null;
    if (done) resolved++;
    const place = random.pick(places);
    return {
      line: index + 2,
      key: `INS-${index + 1}`,
      title: `${random.pick(verbs)} ${random.pick(things)}${place ? ` ${place}` : ''}`,
      type: random.pick(['Story', 'Story', 'Story', 'Bug', 'Task']),
      estimate: random.next() < 0.7 ? random.pick([1, 2, 3, 5, 8]) : null,
      labels: [],
      createdAt,
      startedAt: startedAt && startedAt.getTime() <= now ? startedAt : null,
      resolvedAt: done,
      planItemId: random.next() < 0.9 ? random.pick(tied) : null,
    };
  });
  await storeDeliveryRows(db, projectId, rows, mapping);
  return { projectId, name, items: rows.length, resolved, milestones: size.milestones };
}
