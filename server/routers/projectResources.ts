// Resources seen from one project: who works on each workstream of its plan (resources.forPlan)
// and its resource problems for the risk board (resources.problems). Merged into the `resources`
// namespace (server/routers/_app.ts). Readable by any member of the project; strangers get NOT_FOUND.
// The reads are here; the rules are server/domain/planStaffing.ts and resourceProblems.ts, over the
// utilisation and staffing functions the workspace grid uses, so both pages agree.
import { format } from 'date-fns';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { allocation, person, personTimeOff, planItem, projectMember, resourceSettings, staffingNeed } from '@/db/schema';
import { dayNumber, weeksFrom, type WeekSpan } from '../domain/isoWeeks';
import { planStaffing, type GapWeek, type OverWeek, type ProjectAllocation, type StaffingWorkstream } from '../domain/planStaffing';
import { resourceProblems } from '../domain/resourceProblems';
import { staffingForNeeds, type StaffingPerson } from '../domain/staffing';
import { defaultThresholds, personUtilisation, type BandThresholds } from '../domain/utilisation';
import { createTRPCRouter, projectProcedure } from '../trpc';

/** The most weeks either answer looks at (three years): a plan spanning more is flagged over its first three. */
export const maxStaffingWeeks = 156;

interface AllocationRow {
  id: string;
  personId: string;
  projectId: string;
  from: string;
  to: string;
  hoursPerWeek: number | null;
  percent: number | null;
  workstreamId: string | null;
}

/**
 * Allocations with their current dates: one tied to a workstream of its project's plan takes the
 * workstream's dates (the grid and allocation.list say the same), others keep their own.
 */
async function allocationsWithCurrentDates(db: Executor, where: ReturnType<typeof and>): Promise<AllocationRow[]> {
  const rows = await db
    .select({
      id: allocation.id,
      personId: allocation.personId,
      projectId: allocation.projectId,
      fromDate: allocation.fromDate,
      toDate: allocation.toDate,
      hoursPerWeek: allocation.hoursPerWeek,
      percent: allocation.percent,
      workstreamId: allocation.workstreamId,
      workstreamStart: planItem.startDate,
      workstreamEnd: planItem.endDate,
    })
    .from(allocation)
    .leftJoin(planItem, and(eq(planItem.projectId, allocation.projectId), eq(planItem.id, allocation.workstreamId), eq(planItem.kind, 'workstream')))
    .where(where)
    .orderBy(asc(allocation.fromDate), asc(allocation.id));
  return rows.map((row) => ({
    id: row.id,
    personId: row.personId,
    projectId: row.projectId,
    from: row.workstreamStart ?? row.fromDate,
    to: row.workstreamEnd ?? row.toDate,
    hoursPerWeek: row.hoursPerWeek,
    percent: row.percent,
    workstreamId: row.workstreamId,
  }));
}

/** Everything both answers are made of, for one project over the weeks from `from` on. */
async function readProjectResources(db: Executor, project: { id: string; workspaceId: string }) {
  const [items, projectAllocations, settingsRow, needs] = await Promise.all([
    db
      .select({ id: planItem.id, kind: planItem.kind, title: planItem.title, start: planItem.startDate, end: planItem.endDate, milestoneId: planItem.milestoneId })
      .from(planItem)
      .where(eq(planItem.projectId, project.id))
      .orderBy(asc(planItem.endDate), asc(planItem.title), asc(planItem.id)),
    // Allocations of this project to people of its own workspace (a person belongs to one workspace).
    allocationsWithCurrentDates(db, and(eq(allocation.projectId, project.id), eq(allocation.workspaceId, project.workspaceId))),
    db.select().from(resourceSettings).where(eq(resourceSettings.workspaceId, project.workspaceId)),
    db
      .select({ id: staffingNeed.id, skill: staffingNeed.skill, count: staffingNeed.count, hoursPerWeek: staffingNeed.hoursPerWeek, from: staffingNeed.fromDate, to: staffingNeed.toDate })
      .from(staffingNeed)
      .where(and(eq(staffingNeed.projectId, project.id), eq(staffingNeed.workspaceId, project.workspaceId)))
      .orderBy(asc(staffingNeed.fromDate), asc(staffingNeed.id)),
  ]);
  const personIds = [...new Set(projectAllocations.map((a) => a.personId))];
  const [people, timeOff, allTheirAllocations] = personIds.length
    ? await Promise.all([
        db
          .select({ id: person.id, name: person.name, userId: person.userId, skills: person.skills, weeklyHours: person.weeklyHours, workingDays: person.workingDays })
          .from(person)
          .where(and(eq(person.workspaceId, project.workspaceId), inArray(person.id, personIds))),
        db
          .select({ personId: personTimeOff.personId, from: personTimeOff.fromDate, to: personTimeOff.toDate, reason: personTimeOff.reason })
          .from(personTimeOff)
          .where(inArray(personTimeOff.personId, personIds))
          .orderBy(asc(personTimeOff.fromDate)),
        // Every project's allocations of these people: over-allocation counts them all.
        allocationsWithCurrentDates(db, and(eq(allocation.workspaceId, project.workspaceId), inArray(allocation.personId, personIds))),
      ])
    : [[], [], []];
  const thresholds: BandThresholds = settingsRow[0] ?? defaultThresholds;
  const staffingPeople = new Map<string, StaffingPerson & { name: string; userId: string | null }>(
    people.map((p) => [p.id, { ...p, timeOff: timeOff.filter((t) => t.personId === p.id) }]),
  );
  const workstreams: StaffingWorkstream[] = items
    .filter((i) => i.kind === 'workstream')
    .map((i) => ({ id: i.id, name: i.title, from: i.start, to: i.end, milestoneId: i.milestoneId }));
  const milestones = items.filter((i) => i.kind === 'milestone').map((i) => ({ id: i.id, name: i.title }));
  const onProject: ProjectAllocation[] = projectAllocations.flatMap((a) => {
    const who = staffingPeople.get(a.personId);
    if (!who) return [];
    return [{ personId: a.personId, from: a.from, to: a.to, hoursPerWeek: a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * who.weeklyHours, workstreamId: a.workstreamId }];
  });

  /** Weeks a person of the project is over, all projects counted, and the project's needs week by week. */
  function weeklyFigures(weeks: WeekSpan[]): { overWeeks: OverWeek[]; gapWeeks: GapWeek[] } {
    const overWeeks = people.flatMap((p) => {
      const rows = personUtilisation(
        staffingPeople.get(p.id)!,
        allTheirAllocations.filter((a) => a.personId === p.id),
        weeks,
        thresholds,
      );
      return rows.flatMap((row, index) =>
        row.band === 'over'
          ? [{ personId: p.id, week: row.week, weekStart: weeks[index]!.monday, allocatedHours: row.allocatedHours, capacityHours: row.capacityHours, percent: row.percent }]
          : [],
      );
    });
    const mondays = new Map(weeks.map((w) => [w.week, w.monday]));
    const gapWeeks = staffingForNeeds(needs, staffingPeople, projectAllocations, weeks).flatMap((need) =>
      need.weeks.map((w) => ({ needId: need.id, skill: need.skill, weekStart: mondays.get(w.week)!, ...w })),
    );
    return { overWeeks, gapWeeks };
  }

  return { workstreams, milestones, people: [...staffingPeople.values()], timeOff, onProject, needs, weeklyFigures };
}

/** The weeks from the one `from` falls in to the one `to` falls in, at most maxStaffingWeeks. */
function weeksBetween(from: string, to: string): WeekSpan[] {
  const count = Math.floor((dayNumber(to) - dayNumber(from)) / 7) + 2;
  return weeksFrom(from, Math.min(maxStaffingWeeks, Math.max(1, count))).filter((w) => w.monday <= to);
}

export const projectResourcesRouter = createTRPCRouter({
  /**
   * Per workstream of the plan: who works on it, their hours a week, the weeks they are
   * over-allocated and their leave while on it; per milestone: whether its workstreams are under-staffed.
   */
  forPlan: projectProcedure('viewer').query(async ({ ctx }) => {
    const data = await readProjectResources(ctx.db, ctx.project);
    const starts = data.workstreams.map((w) => w.from).sort();
    const ends = data.workstreams.map((w) => w.to).sort();
    const weeks = starts.length ? weeksBetween(starts[0]!, ends.at(-1)!) : [];
    const { overWeeks, gapWeeks } = data.weeklyFigures(weeks);
    return planStaffing({
      workstreams: data.workstreams,
      milestones: data.milestones,
      people: data.people.map((p) => ({ id: p.id, name: p.name, timeOff: data.timeOff.filter((t) => t.personId === p.id) })),
      allocations: data.onProject,
      overWeeks,
      gapWeeks,
    });
  }),

  /**
   * The project's resource problems from this week on: people over-allocated while on it and
   * staffing needs that are short, each ready to become a resource risk on the risk board.
   */
  problems: projectProcedure('viewer').query(async ({ ctx }) => {
    const data = await readProjectResources(ctx.db, ctx.project);
    const today = format(new Date(), 'yyyy-MM-dd');
    const ends = [...data.onProject.map((a) => a.to), ...data.needs.map((n) => n.to)].sort();
    const last = ends.at(-1);
    const weeks = last && last >= today ? weeksBetween(today, last) : [];
    const { overWeeks, gapWeeks } = data.weeklyFigures(weeks);
    const members = await ctx.db.select({ userId: projectMember.userId }).from(projectMember).where(eq(projectMember.projectId, ctx.project.id));
    return resourceProblems({
      people: data.people.map((p) => ({ id: p.id, name: p.name, userId: p.userId })),
      allocations: data.onProject,
      workstreams: data.workstreams,
      overWeeks,
      needs: data.needs,
      gapWeeks,
      memberUserIds: new Set(members.map((m) => m.userId)),
    });
  }),
});
