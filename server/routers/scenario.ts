// What-if scenarios (docs/api.md, "Resources"): a named draft of allocation changes, compared with
// the current allocations (only the utilisation cells that change), then applied in one transaction
// or thrown away. tRPC reserves `apply` on a router, hence `applyChanges`.
import { TRPCError } from '@trpc/server';
import { addDays, format, parseISO } from 'date-fns';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { allocation, resourceScenario, type ScenarioChange } from '@/db/schema';
import { loadAllocations, loadPeople, loadResourceSettings, personInWorkspace, type AllocationView } from '../data/resources';
import { liveProjectsOf } from '../data/workspaceAccess';
import { dayNumber, weeksFrom, type WeekSpan } from '../domain/isoWeeks';
import { fromDate, maxScenarioChanges, scenarioChange, scenarioName, weekCount } from '../domain/resourceFields';
import { applyScenarioChanges, changedCells, type ScenarioAllocation } from '../domain/whatIf';
import { createTRPCRouter, scenarioProcedure, workspaceProcedure } from '../trpc';
import { projectOfAnotherWorkspaceMessage } from './allocation';

const asScenarioAllocation = (row: AllocationView): ScenarioAllocation => ({
  id: row.id,
  personId: row.personId,
  projectId: row.projectId,
  from: row.from,
  to: row.to,
  hoursPerWeek: row.hoursPerWeek,
  percent: row.percent,
  workstreamId: row.workstreamId,
});

function describeChange(change: ScenarioChange, index: number): string {
  return `change ${index + 1} (${change.kind})`;
}

/**
 * Refuses a change naming a person, project or allocation outside the workspace (or gone): the same
 * check when a change is drafted and again when the scenario is applied.
 */
async function checkChange(db: Executor, workspaceId: string, change: ScenarioChange, index: number, currentIds: ReadonlySet<string> | null) {
  const where = describeChange(change, index);
  if (change.kind === 'add') {
    if (!(await personInWorkspace(db, workspaceId, change.personId))) throw new TRPCError({ code: 'BAD_REQUEST', message: `${where}: personId is not a person of this workspace` });
    if (!(await liveProjectsOf(db, workspaceId, [change.projectId])).has(change.projectId)) throw new TRPCError({ code: 'BAD_REQUEST', message: `${where}: ${projectOfAnotherWorkspaceMessage}` });
    return;
  }
  if (currentIds && !currentIds.has(change.allocationId)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${where}: allocationId is not an allocation of this workspace` });
  }
  if (change.kind === 'move' && change.personId && !(await personInWorkspace(db, workspaceId, change.personId))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${where}: personId is not a person of this workspace` });
  }
}

/** The most weeks compare looks at (three years), as for every window of the resources pages. */
export const maxCompareWeeks = 156;

/**
 * The weeks a scenario's changes touch: from the first day any change covers (an added allocation's
 * dates; a moved one's old and new dates; a removed one's dates) to the last, at most
 * maxCompareWeeks from the first. Null for a scenario with no change to compare.
 */
export function changesWindow(before: readonly ScenarioAllocation[], changes: readonly ScenarioChange[]): { weeks: WeekSpan[]; truncated: boolean } | null {
  const byId = new Map(before.map((a) => [a.id, a]));
  const ranges = changes.flatMap((change) => {
    if (change.kind === 'add') return [{ from: change.from, to: change.to }];
    const was = byId.get(change.allocationId);
    const old = was ? [{ from: was.from, to: was.to }] : [];
    return change.kind === 'move' ? [...old, { from: change.from, to: change.to }] : old;
  });
  if (!ranges.length) return null;
  const from = ranges.map((r) => r.from).sort()[0]!;
  const to = ranges.map((r) => r.to).sort().at(-1)!;
  const count = Math.floor((dayNumber(to) - dayNumber(from)) / 7) + 2;
  const weeks = weeksFrom(from, Math.min(maxCompareWeeks, count)).filter((w) => w.monday <= to);
  return { weeks, truncated: count > maxCompareWeeks && weeks.at(-1)!.mondayDay + 6 < dayNumber(to) };
}

const goneMessage = (ids: readonly string[]) =>
  `This scenario changes ${ids.length === 1 ? 'an allocation' : `${ids.length} allocations`} removed since it was drafted (${ids.join(', ')}); remove those changes and try again. Nothing was applied.`;

export const scenarioRouter = createTRPCRouter({
  create: workspaceProcedure('editor')
    .input(z.object({ name: scenarioName }))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(resourceScenario).values({ workspaceId: ctx.workspace.id, name: input.name, createdBy: ctx.user.id }).returning({ id: resourceScenario.id });
        return row!;
      });
      ctx.live.resourcesChanged(ctx.workspace.id);
      return { id: created.id };
    }),

  /** The workspace's scenarios, oldest first, with their changes. */
  list: workspaceProcedure('reader').query(({ ctx }) =>
    ctx.db
      .select({
        id: resourceScenario.id,
        name: resourceScenario.name,
        changes: resourceScenario.changes,
        createdBy: resourceScenario.createdBy,
        createdAt: resourceScenario.createdAt,
        updatedAt: resourceScenario.updatedAt,
      })
      .from(resourceScenario)
      .where(eq(resourceScenario.workspaceId, ctx.workspace.id))
      .orderBy(asc(resourceScenario.createdAt), asc(resourceScenario.id)),
  ),

  /** Throws the scenario away; the allocations are untouched. */
  discard: scenarioProcedure('editor').mutation(async ({ ctx }) => {
    await ctx.db.transaction((tx) => tx.delete(resourceScenario).where(eq(resourceScenario.id, ctx.scenario.id)));
    ctx.live.resourcesChanged(ctx.workspace.id);
    return { id: ctx.scenario.id };
  }),

  /** Appends a change (checked against the workspace now); returns the scenario's changes. */
  addChange: scenarioProcedure('editor')
    .input(z.object({ change: scenarioChange }))
    .mutation(async ({ ctx, input }) => {
      const workspaceId = ctx.scenario.workspaceId;
      const changes = await ctx.db.transaction(async (tx) => {
        const [locked] = await tx.select().from(resourceScenario).where(eq(resourceScenario.id, ctx.scenario.id)).for('update');
        if (!locked) throw new TRPCError({ code: 'NOT_FOUND', message: 'Scenario not found.' });
        if (locked.changes.length >= maxScenarioChanges) throw new TRPCError({ code: 'BAD_REQUEST', message: `A scenario holds at most ${maxScenarioChanges} changes.` });
        const change = input.change as ScenarioChange;
        const ids = change.kind === 'add' ? null : new Set((await loadAllocations(tx, workspaceId, { allocationIds: [change.allocationId] })).map((row) => row.id));
        await checkChange(tx, workspaceId, change, locked.changes.length, ids);
        const next = [...locked.changes, change];
        await tx.update(resourceScenario).set({ changes: next, updatedAt: new Date() }).where(eq(resourceScenario.id, ctx.scenario.id));
        return next;
      });
      ctx.live.resourcesChanged(workspaceId);
      return { changes };
    }),

  /** Removes the change at `index` (0-based); returns the scenario's changes. */
  removeChange: scenarioProcedure('editor')
    .input(z.object({ index: z.number().int('must be a whole number').min(0, 'cannot be negative').max(maxScenarioChanges) }))
    .mutation(async ({ ctx, input }) => {
      const changes = await ctx.db.transaction(async (tx) => {
        const [locked] = await tx.select().from(resourceScenario).where(eq(resourceScenario.id, ctx.scenario.id)).for('update');
        if (!locked) throw new TRPCError({ code: 'NOT_FOUND', message: 'Scenario not found.' });
        if (input.index >= locked.changes.length) {
          const count = locked.changes.length;
          const range = count === 0 ? 'no changes' : count === 1 ? '1 change (index 0)' : `${count} changes (index 0 to ${count - 1})`;
          throw new TRPCError({ code: 'BAD_REQUEST', message: `index: this scenario has ${range}` });
        }
        const next = locked.changes.filter((_, index) => index !== input.index);
        await tx.update(resourceScenario).set({ changes: next, updatedAt: new Date() }).where(eq(resourceScenario.id, ctx.scenario.id));
        return next;
      });
      ctx.live.resourcesChanged(ctx.scenario.workspaceId);
      return { changes };
    }),

  /**
   * The utilisation cells the scenario changes (only those), before and after: over the weeks asked
   * (`from` and `weeks`), or, without them, over every week its changes touch (changesWindow). The
   * answer says which weeks were compared.
   */
  compare: scenarioProcedure('reader')
    .input(z.object({ from: fromDate.optional(), weeks: weekCount.optional() }).refine((v) => (v.from === undefined) === (v.weeks === undefined), 'give both from and weeks, or neither'))
    .query(async ({ ctx, input }) => {
      const workspaceId = ctx.scenario.workspaceId;
      const [people, current, thresholds] = await Promise.all([loadPeople(ctx.db, workspaceId), loadAllocations(ctx.db, workspaceId), loadResourceSettings(ctx.db, workspaceId)]);
      const before = current.map(asScenarioAllocation);
      const outcome = applyScenarioChanges(before, ctx.scenario.changes);
      if (!outcome.ok) throw new TRPCError({ code: 'CONFLICT', message: goneMessage(outcome.missingAllocationIds) });
      const asked = input.from !== undefined && input.weeks !== undefined ? { weeks: weeksFrom(input.from, input.weeks), truncated: false } : changesWindow(before, ctx.scenario.changes);
      const weeks = asked?.weeks ?? [];
      const cells = weeks.length ? changedCells(new Map(people.map((person) => [person.id, person])), before, outcome.allocations, weeks, thresholds) : [];
      const window = weeks.length ? { from: weeks[0]!.monday, to: format(addDays(parseISO(weeks.at(-1)!.monday), 6), 'yyyy-MM-dd'), weeks: weeks.length, truncated: asked!.truncated } : null;
      return { changes: ctx.scenario.changes, cells, window };
    }),

  /**
   * Makes every change for real in one transaction, then deletes the scenario. A change on an
   * allocation removed since (or naming a person or project no longer there) fails it: nothing applied.
   */
  applyChanges: scenarioProcedure('editor').mutation(async ({ ctx }) => {
    const workspaceId = ctx.scenario.workspaceId;
    const applied = await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(resourceScenario).where(eq(resourceScenario.id, ctx.scenario.id)).for('update');
      if (!locked) throw new TRPCError({ code: 'NOT_FOUND', message: 'Scenario not found.' });
      // The workspace's allocations, locked so nobody changes them half-way through.
      const current = await tx.select({ id: allocation.id }).from(allocation).where(eq(allocation.workspaceId, workspaceId)).for('update');
      const currentIds = new Set(current.map((row) => row.id));
      const gone = [...new Set(locked.changes.flatMap((change) => (change.kind !== 'add' && !currentIds.has(change.allocationId) ? [change.allocationId] : [])))];
      if (gone.length > 0) throw new TRPCError({ code: 'CONFLICT', message: goneMessage(gone) });
      const removed = new Set<string>();
      for (const [index, change] of locked.changes.entries()) {
        if (change.kind !== 'add' && removed.has(change.allocationId)) {
          throw new TRPCError({ code: 'CONFLICT', message: `${describeChange(change, index)} names an allocation an earlier change removes. Nothing was applied.` });
        }
        await checkChange(tx, workspaceId, change, index, currentIds);
        if (change.kind === 'add') {
          await tx.insert(allocation).values({ workspaceId, personId: change.personId, projectId: change.projectId, fromDate: change.from, toDate: change.to, hoursPerWeek: change.hoursPerWeek, updatedBy: ctx.user.id });
        } else if (change.kind === 'remove') {
          await tx.delete(allocation).where(and(eq(allocation.id, change.allocationId), eq(allocation.workspaceId, workspaceId)));
          removed.add(change.allocationId);
        } else {
          // Dates given explicitly: the allocation no longer follows its workstream.
          await tx
            .update(allocation)
            .set({
              fromDate: change.from,
              toDate: change.to,
              workstreamId: null,
              ...(change.hoursPerWeek !== undefined ? { hoursPerWeek: change.hoursPerWeek, percent: null } : {}),
              ...(change.personId ? { personId: change.personId } : {}),
              version: sql`${allocation.version} + 1`,
              updatedBy: ctx.user.id,
              updatedAt: new Date(),
            })
            .where(and(eq(allocation.id, change.allocationId), eq(allocation.workspaceId, workspaceId)));
        }
      }
      await tx.delete(resourceScenario).where(eq(resourceScenario.id, ctx.scenario.id));
      return locked.changes.length;
    });
    ctx.live.resourcesChanged(workspaceId);
    return { applied };
  }),
});
