// The demo workspace's resources, so the people page tells a story on the first visit: eight people
// (one a placeholder for a hire, one a part-timer, one on leave next week) shared between the demo
// project and a second project, "Search service relaunch"; a backend engineer lent to the search
// team for two weeks is over-allocated this week; most Atlas allocations follow plan workstreams;
// and the demo project needs a designer nobody is and a second backend engineer not hired yet.
// Resources are records in Postgres (not live documents), so they are written directly, in one
// transaction; all dates are relative to the seed day so the grid always opens on a current week.
import { and, count, eq, inArray } from 'drizzle-orm';
import { addDays, formatISO, startOfISOWeek } from 'date-fns';
import type { Database } from './index';
import { allocation, person, personTimeOff, planItem, project, projectMember, staffingNeed } from './schema';
import type { DemoPlan } from './seedDemoPlan';

type Who = 'owner' | 'editor' | 'viewer';

export interface DemoPeopleInput {
  workspaceId: string;
  /** The demo project ("Atlas platform migration"). */
  projectId: string;
  ids: Record<Who, string>;
  plan: DemoPlan;
  today: Date;
}

/** The second project of the demo workspace, found by this slug or created. */
export const searchProject = { name: 'Search service relaunch', slug: 'search-service-relaunch' } as const;

type DemoPersonKey = 'sam' | 'mei' | 'tomas' | 'aisha' | 'jonas' | 'grace' | 'ravi' | 'backend2';
type DemoPerson = { name: string; role: string; skills: string[]; weeklyHours: number; workingDays?: number[]; placeholder?: boolean; member?: Who };

const people: Record<DemoPersonKey, DemoPerson> = {
  sam: { name: 'Sam Okafor', role: 'Platform tech lead', skills: ['platform', 'postgres', 'migrations'], weeklyHours: 40, member: 'editor' },
  mei: { name: 'Mei Lin', role: 'Backend engineer', skills: ['backend', 'payments', 'go'], weeklyHours: 40 },
  tomas: { name: 'Tomás Herrera', role: 'Search engineer', skills: ['backend', 'search', 'elasticsearch'], weeklyHours: 40 },
  aisha: { name: 'Aisha Bello', role: 'Site reliability engineer', skills: ['infrastructure', 'kubernetes', 'postgres'], weeklyHours: 40 },
  // The part-timer: 32 hours over four days, Monday to Thursday.
  jonas: { name: 'Jonas Weber', role: 'Frontend engineer', skills: ['frontend', 'react', 'accessibility'], weeklyHours: 32, workingDays: [1, 2, 3, 4] },
  grace: { name: 'Grace Kim', role: 'QA engineer', skills: ['qa', 'test-automation'], weeklyHours: 40 },
  ravi: { name: 'Ravi Patel', role: 'Technical writer', skills: ['documentation', 'training'], weeklyHours: 40 },
  backend2: { name: 'Backend engineer #2', role: 'Backend engineer', skills: ['backend', 'payments'], weeklyHours: 40, placeholder: true },
};

/** A demo allocation: on a workstream of the demo plan (its dates follow the workstream's), or over weeks counted from this week's Monday. */
type DemoAllocation = { who: DemoPersonKey; hoursPerWeek?: number; percent?: number } & (
  | { workstream: 'tooling' | 'refunds' | 'sso' | 'runbooks' }
  | { project: 'atlas' | 'search'; fromWeek: number; toWeek: number }
);

const allocations: DemoAllocation[] = [
  { who: 'sam', workstream: 'tooling', hoursPerWeek: 24 },
  { who: 'sam', project: 'search', fromWeek: -3, toWeek: 3, hoursPerWeek: 12 },
  // Mei's refunds work plus two weeks lent to the search team: 48 of 40 hours, this week and next.
  { who: 'mei', workstream: 'refunds', hoursPerWeek: 32 },
  { who: 'mei', project: 'search', fromWeek: 0, toWeek: 1, hoursPerWeek: 16 },
  { who: 'tomas', project: 'search', fromWeek: -6, toWeek: 10, percent: 90 },
  // Aisha's allocations stop for her week off and resume after it.
  { who: 'aisha', project: 'atlas', fromWeek: -4, toWeek: 0, hoursPerWeek: 20 },
  { who: 'aisha', project: 'atlas', fromWeek: 2, toWeek: 8, hoursPerWeek: 20 },
  { who: 'aisha', project: 'search', fromWeek: -4, toWeek: 0, hoursPerWeek: 16 },
  { who: 'aisha', project: 'search', fromWeek: 2, toWeek: 8, hoursPerWeek: 16 },
  { who: 'jonas', workstream: 'sso', hoursPerWeek: 16 },
  { who: 'jonas', project: 'search', fromWeek: -2, toWeek: 6, hoursPerWeek: 12 },
  { who: 'grace', workstream: 'tooling', hoursPerWeek: 12 },
  { who: 'grace', project: 'search', fromWeek: -2, toWeek: 5, hoursPerWeek: 24 },
  { who: 'ravi', workstream: 'runbooks', hoursPerWeek: 24 },
  { who: 'ravi', project: 'search', fromWeek: -1, toWeek: 4, hoursPerWeek: 8 },
];

/**
 * Seeds the workspace's people, time off, allocations and staffing needs, and the second project.
 * Does nothing when the workspace already has people (the demo is seeded once).
 */
export async function seedDemoPeople(db: Database, input: DemoPeopleInput): Promise<{ searchProjectId: string; people: Record<DemoPersonKey, string> } | null> {
  const { workspaceId, projectId, ids, plan, today } = input;
  const monday = startOfISOWeek(today);
  const day = (date: Date) => formatISO(date, { representation: 'date' });
  /** The Monday of the week `weeks` from this one, or its Sunday. */
  const weekStart = (weeks: number) => day(addDays(monday, 7 * weeks));
  const weekEnd = (weeks: number) => day(addDays(monday, 7 * weeks + 6));

  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(person).where(eq(person.workspaceId, workspaceId));
    if ((existing?.n ?? 0) > 0) return null;

    let [search] = await tx
      .select({ id: project.id })
      .from(project)
      .where(and(eq(project.workspaceId, workspaceId), eq(project.slug, searchProject.slug)));
    if (!search) {
      [search] = await tx.insert(project).values({ workspaceId, ...searchProject, createdBy: ids.owner }).returning({ id: project.id });
      await tx.insert(projectMember).values([
        { projectId: search!.id, userId: ids.owner, role: 'owner' },
        { projectId: search!.id, userId: ids.editor, role: 'editor' },
      ]);
    }

    const keys = Object.keys(people) as DemoPersonKey[];
    const rows = await tx
      .insert(person)
      .values(keys.map((key) => {
        const { member, ...fields } = people[key];
        return { workspaceId, ...fields, userId: member ? ids[member] : null };
      }))
      .returning({ id: person.id, name: person.name });
    const personId = Object.fromEntries(keys.map((key) => [key, rows.find((r) => r.name === people[key].name)!.id])) as Record<DemoPersonKey, string>;

    await tx.insert(personTimeOff).values({ personId: personId.aisha, fromDate: weekStart(1), toDate: day(addDays(monday, 7 + 4)), reason: 'Family holiday' });

    // A workstream allocation keeps the dates it was given: the workstream's as the plan has them now.
    const workstreamIds = [plan.tooling, plan.refunds, plan.sso, plan.runbooks];
    const workstreams = await tx
      .select({ id: planItem.id, start: planItem.startDate, end: planItem.endDate })
      .from(planItem)
      .where(and(eq(planItem.projectId, projectId), inArray(planItem.id, workstreamIds)));
    const dates = (id: string) => {
      const found = workstreams.find((w) => w.id === id);
      if (!found) throw new Error(`The demo plan has no workstream ${id}; seed the plan first.`);
      return found;
    };
    await tx.insert(allocation).values(
      allocations.map((a) => {
        const amount = { hoursPerWeek: a.hoursPerWeek ?? null, percent: a.percent ?? null };
        if ('workstream' in a) {
          const ws = dates(plan[a.workstream]);
          return { workspaceId, personId: personId[a.who], projectId, fromDate: ws.start, toDate: ws.end, workstreamId: ws.id, updatedBy: ids.owner, ...amount };
        }
        return {
          workspaceId,
          personId: personId[a.who],
          projectId: a.project === 'atlas' ? projectId : search!.id,
          fromDate: weekStart(a.fromWeek),
          toDate: weekEnd(a.toWeek),
          updatedBy: ids.owner,
          ...amount,
        };
      }),
    );

    // Atlas needs two backend engineers on payments work (only Mei is on it: the placeholder is the
    // hire that would close the gap) and a designer for the migration notices nobody can do.
    await tx.insert(staffingNeed).values([
      { workspaceId, projectId, skill: 'backend', count: 2, hoursPerWeek: 32, fromDate: weekStart(0), toDate: weekEnd(6) },
      { workspaceId, projectId, skill: 'design', count: 1, hoursPerWeek: 16, fromDate: weekStart(0), toDate: weekEnd(5) },
      // The search team's need is met (by Tomás).
      { workspaceId, projectId: search!.id, skill: 'search', count: 1, hoursPerWeek: 32, fromDate: weekStart(0), toDate: weekEnd(8) },
    ]);
    return { searchProjectId: search!.id, people: personId };
  });
}
