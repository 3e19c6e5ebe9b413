// Utilisation of a workspace's people (docs/api.md, "Resources"): the utilisation API, the grid
// page's compact answer (no cells: the page derives them), and the workspace's utilisation bands. The plan's and the risk board's
// views (forPlan, problems) live in projectResources.ts and join this namespace in _app.ts.
import { TRPCError } from '@trpc/server';
import { format, parseISO, addDays } from 'date-fns';
import { z } from 'zod';
import type { Executor } from '@/db';
import { resourceSettings } from '@/db/schema';
import { loadAllocations, loadAllWorkspaceProjects, loadPeople, loadResourceSettings, type AllocationView, type Person } from '../data/resources';
import { dayNumber, weeksFrom, type WeekSpan } from '../domain/isoWeeks';
import { fromDate, weekCount } from '../domain/resourceFields';
import { personUtilisation, type BandThresholds, type WeekUtilisation } from '../domain/utilisation';
import { createTRPCRouter, workspaceProcedure } from '../trpc';

const windowInput = z.object({ from: fromDate, weeks: weekCount });

/** The dates a run of weeks covers, Monday of the first to Sunday of the last. */
export function windowOf(weeks: readonly WeekSpan[]): { from: string; to: string } {
  const first = weeks[0]!.monday;
  const last = format(addDays(parseISO(weeks.at(-1)!.monday), 6), 'yyyy-MM-dd');
  return { from: first, to: last };
}

export interface PersonWeeks {
  person: Person;
  weeks: WeekUtilisation[];
}

/** Every person's utilisation over `weeks`, people in name order. */
export async function workspaceUtilisation(db: Executor, workspaceId: string, weeks: readonly WeekSpan[]) {
  const [people, allocations, thresholds] = await Promise.all([
    loadPeople(db, workspaceId),
    loadAllocations(db, workspaceId, { overlapping: windowOf(weeks) }),
    loadResourceSettings(db, workspaceId),
  ]);
  const byPerson = new Map<string, AllocationView[]>();
  for (const row of allocations) {
    const list = byPerson.get(row.personId) ?? [];
    list.push(row);
    byPerson.set(row.personId, list);
  }
  const rows: PersonWeeks[] = people.map((person) => ({ person, weeks: personUtilisation(person, byPerson.get(person.id) ?? [], weeks, thresholds) }));
  return { rows, allocations, thresholds, people };
}

/**
 * One allocation of the grid's answer: `[id, personIndex, projectIndex, fromDay, toDay, hoursPerWeek,
 * percent, workstreamIndex, follows]`, indexes into the answer's people, projects and workstreams
 * (-1: none), days counted from the first Monday shown (negative before it), follows 1 or 0.
 */
export type GridAllocationRow = [string, number, number, number, number, number | null, number | null, number, 0 | 1];

/** The allocations as rows of indexes and day offsets, with the workstreams they name listed once. */
export function compactAllocations(allocations: readonly AllocationView[], people: readonly Person[], projects: readonly { id: string }[], day0: number) {
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const projectIndex = new Map(projects.map((p, i) => [p.id, i]));
  const workstreams: { id: string; name: string }[] = [];
  const workstreamIndex = new Map<string, number>();
  const rows: GridAllocationRow[] = [];
  for (const a of allocations) {
    const person = personIndex.get(a.personId);
    const project = projectIndex.get(a.projectId);
    // Every allocation's person and project are in the answer; a row that is not would be unreadable.
    if (person === undefined || project === undefined) continue;
    let workstream = -1;
    if (a.workstreamId) {
      workstream = workstreamIndex.get(a.workstreamId) ?? workstreams.length;
      if (workstream === workstreams.length) {
        workstreamIndex.set(a.workstreamId, workstream);
        workstreams.push({ id: a.workstreamId, name: a.workstreamName ?? '' });
      }
    }
    rows.push([a.id, person, project, dayNumber(a.from) - day0, dayNumber(a.to) - day0, a.hoursPerWeek, a.percent, workstream, a.followsWorkstream ? 1 : 0]);
  }
  return { workstreams, allocations: rows };
}

const settingsInput = z
  .object({
    underMaxPercent: z.number().int('must be a whole percent').gt(0, 'must be more than 0').max(500, 'must be at most 500'),
    healthyMaxPercent: z.number().int('must be a whole percent').gt(0, 'must be more than 0').max(500, 'must be at most 500'),
  })
  .superRefine((value, ctx) => {
    if (value.healthyMaxPercent <= value.underMaxPercent) {
      ctx.addIssue({ code: 'custom', path: ['healthyMaxPercent'], message: `must be more than underMaxPercent (${value.underMaxPercent})` });
    }
  });

export const resourcesRouter = createTRPCRouter({
  /** One row per person (by name): per ISO week, allocated and available hours, percent and band. */
  utilisation: workspaceProcedure('reader')
    .input(windowInput)
    .query(async ({ ctx, input }) => {
      const { rows } = await workspaceUtilisation(ctx.db, ctx.workspace.id, weeksFrom(input.from, input.weeks));
      return rows.map(({ person, weeks }) => ({ personId: person.id, name: person.name, weeks }));
    }),

  /**
   * The grid page in one compact answer (docs/api.md, "resources.grid"): people and projects listed
   * once, each allocation a row of indexes and day offsets from the first Monday shown, and no cells:
   * the client derives every cell from people and allocations with personUtilisation, the function
   * resources.utilisation answers with (components/resources/gridModel.ts).
   */
  grid: workspaceProcedure('reader')
    .input(windowInput)
    .query(async ({ ctx, input }) => {
      const weeks = weeksFrom(input.from, input.weeks);
      const { from, to } = windowOf(weeks);
      const [people, allocations, settings, allProjects] = await Promise.all([
        loadPeople(ctx.db, ctx.workspace.id),
        loadAllocations(ctx.db, ctx.workspace.id, { overlapping: { from, to } }),
        loadResourceSettings(ctx.db, ctx.workspace.id),
        loadAllWorkspaceProjects(ctx.db, ctx.workspace.id),
      ]);
      // Live projects, and archived ones an allocation shown still names.
      const named = new Set(allocations.map((row) => row.projectId));
      const projects = allProjects.filter((row) => !row.archived || named.has(row.id)).map(({ id, name }) => ({ id, name }));
      return {
        canEdit: ctx.canEdit,
        settings,
        weeks: weeks.map((week) => week.week),
        weekStarts: weeks.map((week) => week.monday),
        projects,
        people,
        ...compactAllocations(allocations, people, projects, weeks[0]!.mondayDay),
      };
    }),

  settings: workspaceProcedure('reader').query(({ ctx }): Promise<BandThresholds> => loadResourceSettings(ctx.db, ctx.workspace.id)),

  /** Sets the bands: under <= underMaxPercent < healthy <= healthyMaxPercent < over. */
  updateSettings: workspaceProcedure('editor')
    .input(settingsInput)
    .mutation(async ({ ctx, input }): Promise<BandThresholds> => {
      const values = { underMaxPercent: input.underMaxPercent, healthyMaxPercent: input.healthyMaxPercent };
      const saved = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(resourceSettings)
          .values({ workspaceId: ctx.workspace.id, ...values })
          .onConflictDoUpdate({ target: resourceSettings.workspaceId, set: { ...values, updatedAt: new Date() } })
          .returning({ underMaxPercent: resourceSettings.underMaxPercent, healthyMaxPercent: resourceSettings.healthyMaxPercent });
        if (!row) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The settings were not saved.' });
        return row;
      });
      ctx.live.resourcesChanged(ctx.workspace.id);
      return saved;
    }),
});
