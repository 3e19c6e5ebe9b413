// Resources seen from one project: who works on each workstream of its plan (resources.forPlan)
// and its resource problems for the risk board (resources.problems). Merged into the `resources`
// namespace (server/routers/_app.ts). Readable by any member of the project; strangers get NOT_FOUND.
// The reads are here; the rules are server/domain/planStaffing.ts and resourceProblems.ts, over the
// utilisation and staffing functions the workspace grid uses, so both pages agree.
import { format } from 'date-fns';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { planItem, projectMember } from '@/db/schema';
import { loadAllocations, loadPeople, loadResourceSettings, loadStaffingNeeds } from '../data/resources';
import { dayNumber, weeksFrom, type WeekSpan } from '../domain/isoWeeks';
import { planStaffing, type GapWeek, type OverWeek, type ProjectAllocation, type StaffingWorkstream } from '../domain/planStaffing';
import { resourceProblems } from '../domain/resourceProblems';
import { staffingForNeeds } from '../domain/staffing';
import { personUtilisation } from '../domain/utilisation';
import { createTRPCRouter, projectProcedure } from '../trpc';
import { windowOf } from './resources';

/** The most weeks either answer looks at (three years): a plan spanning more is flagged over its first three. */
export const maxStaffingWeeks = 156;

interface Basis {
  workstreams: StaffingWorkstream[];
  onProjectDates: { from: string; to: string; workstreamId: string | null }[];
  needs: { from: string; to: string }[];
}

/**
 * Everything both answers are made of, for one project, over the weeks `weeksFor` picks once the
 * plan, the project's allocations and its needs are known.
 */
async function readProjectResources(db: Executor, project: { id: string; workspaceId: string }, weeksFor: (basis: Basis) => WeekSpan[]) {
  const [items, projectAllocations, thresholds, needs] = await Promise.all([
    db
      .select({ id: planItem.id, kind: planItem.kind, title: planItem.title, start: planItem.startDate, end: planItem.endDate, milestoneId: planItem.milestoneId })
      .from(planItem)
      .where(eq(planItem.projectId, project.id))
      .orderBy(asc(planItem.endDate), asc(planItem.title), asc(planItem.id)),
    // With the current dates of the workstream each follows (as the grid and allocation.list read them).
    loadAllocations(db, project.workspaceId, { projectId: project.id }),
    loadResourceSettings(db, project.workspaceId),
    loadStaffingNeeds(db, project.workspaceId, project.id),
  ]);
  const workstreams: StaffingWorkstream[] = items
    .filter((i) => i.kind === 'workstream')
    .map((i) => ({ id: i.id, name: i.title, from: i.start, to: i.end, milestoneId: i.milestoneId }));
  const weeks = weeksFor({ workstreams, onProjectDates: projectAllocations, needs });
  const personIds = new Set(projectAllocations.map((a) => a.personId));
  const [people, allTheirAllocations] =
    personIds.size && weeks.length
      ? await Promise.all([
          loadPeople(db, project.workspaceId, [...personIds]),
          // Every project's allocations of these people over the weeks: over-allocation counts them all.
          loadAllocations(db, project.workspaceId, { overlapping: windowOf(weeks) }).then((rows) => rows.filter((a) => personIds.has(a.personId))),
        ])
      : [personIds.size ? await loadPeople(db, project.workspaceId, [...personIds]) : [], []];
  const byId = new Map(people.map((p) => [p.id, p]));
  const milestones = items.filter((i) => i.kind === 'milestone').map((i) => ({ id: i.id, name: i.title }));
  const onProject: ProjectAllocation[] = projectAllocations.flatMap((a) => {
    const who = byId.get(a.personId);
    if (!who) return [];
    return [{ personId: a.personId, from: a.from, to: a.to, hoursPerWeek: a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * who.weeklyHours, workstreamId: a.workstreamId }];
  });

  /** Weeks a person of the project is over, all projects counted, and the project's needs week by week. */
  function weeklyFigures(): { overWeeks: OverWeek[]; gapWeeks: GapWeek[] } {
    const overWeeks = people.flatMap((p) =>
      personUtilisation(
        p,
        allTheirAllocations.filter((a) => a.personId === p.id),
        weeks,
        thresholds,
      ).flatMap((row, index) =>
        row.band === 'over'
          ? [{ personId: p.id, week: row.week, weekStart: weeks[index]!.monday, allocatedHours: row.allocatedHours, capacityHours: row.capacityHours, percent: row.percent }]
          : [],
      ),
    );
    const mondays = new Map(weeks.map((w) => [w.week, w.monday]));
    const gapWeeks = staffingForNeeds(needs, byId, projectAllocations, weeks).flatMap((need) =>
      need.weeks.map((w) => ({ needId: need.id, skill: need.skill, needFrom: need.from, needTo: need.to, weekStart: mondays.get(w.week)!, ...w })),
    );
    return { overWeeks, gapWeeks };
  }

  return { workstreams, milestones, people, onProject, needs, ...weeklyFigures() };
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
    // The weeks the plan's workstreams run, and those of the project's allocations to no
    // workstream (listed as "also on the project", with their over weeks and leave).
    const { overWeeks, gapWeeks, ...data } = await readProjectResources(ctx.db, ctx.project, ({ workstreams, onProjectDates }) => {
      if (!workstreams.length) return [];
      const planIds = new Set(workstreams.map((w) => w.id));
      const projectWide = onProjectDates.filter((a) => !a.workstreamId || !planIds.has(a.workstreamId));
      const starts = [...workstreams, ...projectWide].map((w) => w.from).sort();
      const ends = [...workstreams, ...projectWide].map((w) => w.to).sort();
      return weeksBetween(starts[0]!, ends.at(-1)!);
    });
    return planStaffing({
      workstreams: data.workstreams,
      milestones: data.milestones,
      people: data.people,
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
    // From this week to the last allocation or need of the project: past weeks are no longer risks.
    const today = format(new Date(), 'yyyy-MM-dd');
    const { overWeeks, gapWeeks, ...data } = await readProjectResources(ctx.db, ctx.project, ({ onProjectDates, needs }) => {
      const last = [...onProjectDates, ...needs].map((r) => r.to).sort().at(-1);
      return last && last >= today ? weeksBetween(today, last) : [];
    });
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
