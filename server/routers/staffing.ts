// Staffing needs (docs/api.md, "Resources"): what a project asks for (people with a skill, hours
// a week, over dates) against who is allocated, week by week: the project page's needs and the
// grid's gap row. Needs follow the workspace's resource access rules.
import { TRPCError } from '@trpc/server';
import { differenceInCalendarWeeks, parseISO } from 'date-fns';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { project, staffingNeed } from '@/db/schema';
import { loadAllocations, loadPeople, loadStaffingNeeds, loadWorkspaceProjects, type StaffingNeedRow } from '../data/resources';
import { weeksFrom, type WeekSpan } from '../domain/isoWeeks';
import { fromDate, needHours, skillName, skillNeedCount, toDate, toNotBeforeFrom, weekCount } from '../domain/resourceFields';
import { staffingForNeeds, type NeedWeeks, type StaffingPerson } from '../domain/staffing';
import { archivedMessage, createTRPCRouter, projectResourcesProcedure, staffingNeedProcedure, workspaceProcedure } from '../trpc';
import { windowOf } from './resources';

/** Needs with their weeks; every allocation counted is of the need's own project. */
async function needsWithWeeks(db: Executor, workspaceId: string, needs: readonly StaffingNeedRow[], weeks: readonly WeekSpan[]): Promise<Map<string, NeedWeeks[]>> {
  const byProject = new Map<string, NeedWeeks[]>();
  if (needs.length === 0 || weeks.length === 0) return byProject;
  const projectIds = [...new Set(needs.map((need) => need.projectId))];
  const allocations = (await loadAllocations(db, workspaceId, { overlapping: windowOf(weeks) })).filter((row) => projectIds.includes(row.projectId));
  const people = await loadPeople(db, workspaceId, [...new Set(allocations.map((row) => row.personId))]);
  const peopleById = new Map<string, StaffingPerson>(people.map((person) => [person.id, person]));
  for (const projectId of projectIds) {
    const own = needs.filter((need) => need.projectId === projectId).map(({ projectId: _projectId, ...need }) => need);
    const ownAllocations = allocations.filter((row) => row.projectId === projectId);
    byProject.set(projectId, staffingForNeeds(own, peopleById, ownAllocations, weeks));
  }
  return byProject;
}

/** Without a window, a project's needs are shown over their own dates (at most 156 weeks). */
function defaultWindow(needs: readonly StaffingNeedRow[], from: string | undefined, weeks: number | undefined) {
  const start = from ?? needs.reduce((earliest, need) => (need.from < earliest ? need.from : earliest), needs[0]?.from ?? new Date().toISOString().slice(0, 10));
  if (weeks) return weeksFrom(start, weeks);
  const end = needs.reduce((latest, need) => (need.to > latest ? need.to : latest), start);
  const span = differenceInCalendarWeeks(parseISO(end), parseISO(start), { weekStartsOn: 1 }) + 1;
  return weeksFrom(start, Math.min(156, Math.max(1, span)));
}

export const staffingRouter = createTRPCRouter({
  addNeed: projectResourcesProcedure('editor')
    .input(z.object({ skill: skillName, count: skillNeedCount, hoursPerWeek: needHours, from: fromDate, to: toDate }).superRefine(toNotBeforeFrom))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(staffingNeed)
          .values({ workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, skill: input.skill, count: input.count, hoursPerWeek: input.hoursPerWeek, fromDate: input.from, toDate: input.to })
          .returning({ id: staffingNeed.id });
        return row!;
      });
      ctx.live.resourcesChanged(ctx.project.workspaceId);
      return { id: created.id };
    }),

  removeNeed: staffingNeedProcedure('editor').mutation(async ({ ctx }) => {
    const [owner] = await ctx.db.select({ name: project.name, archivedAt: project.archivedAt }).from(project).where(eq(project.id, ctx.need.projectId)).limit(1);
    if (owner?.archivedAt) throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(owner.name) });
    await ctx.db.transaction((tx) => tx.delete(staffingNeed).where(eq(staffingNeed.id, ctx.need.id)));
    ctx.live.resourcesChanged(ctx.need.workspaceId);
    return { id: ctx.need.id };
  }),

  /** The project's needs, each with its weeks (in the window asked, or over the needs' own dates). */
  forProject: projectResourcesProcedure('reader')
    .input(z.object({ from: fromDate.optional(), weeks: weekCount.optional() }))
    .query(async ({ ctx, input }) => {
      const needs = await loadStaffingNeeds(ctx.db, ctx.project.workspaceId, ctx.project.id);
      const weeks = defaultWindow(needs, input.from, input.weeks);
      const computed = await needsWithWeeks(ctx.db, ctx.project.workspaceId, needs, weeks);
      return { needs: computed.get(ctx.project.id) ?? [] };
    }),

  /**
   * Per project with needs (by name): every need, each with its weeks in the window (none for a
   * need outside it, which is still listed with its period); the grid's gap rows are the needs with weeks.
   */
  forWorkspace: workspaceProcedure('reader')
    .input(z.object({ from: fromDate, weeks: weekCount }))
    .query(async ({ ctx, input }) => {
      const weeks = weeksFrom(input.from, input.weeks);
      const needs = await loadStaffingNeeds(ctx.db, ctx.workspace.id);
      const computed = await needsWithWeeks(ctx.db, ctx.workspace.id, needs, weeks);
      const projects = await loadWorkspaceProjects(ctx.db, ctx.workspace.id, [...computed.keys()]);
      return projects.filter((row) => computed.has(row.id)).map((row) => ({ projectId: row.id, name: row.name, needs: computed.get(row.id)! }));
    }),
});
