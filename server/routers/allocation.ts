// Allocations (docs/api.md, "Resources"): a person's time on a project over dates, in hours a week
// or a share of their capacity, optionally following a plan workstream's dates. Every write is one
// transaction, then the people board tells open grids to refetch.
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { allocation } from '@/db/schema';
import { isWorkstreamOf, loadAllocations, type AllocationView } from '../data/resources';
import { liveProjectsOf } from '../data/workspaceAccess';
import { allocationPercent, fromDate, hoursPerWeek, toDate, toNotBeforeFrom, workstreamIdField } from '../domain/resourceFields';
import { allocationProcedure, createTRPCRouter, personProcedure, workspaceProcedure } from '../trpc';

export const projectOfAnotherWorkspaceMessage = 'projectId: no live project of this workspace has this id (it may be archived, or belong to another workspace)';

/** Refuses a project that is not a live project of the workspace (unknown, archived, or another workspace's). */
export async function requireLiveProject(db: Executor, workspaceId: string, projectId: string) {
  const live = await liveProjectsOf(db, workspaceId, [projectId]);
  if (!live.has(projectId)) throw new TRPCError({ code: 'BAD_REQUEST', message: projectOfAnotherWorkspaceMessage });
}

const upsertInput = z
  .object({
    id: z.uuid('id must be an allocation id').optional(),
    projectId: z.uuid('projectId must be a project id'),
    from: fromDate,
    to: toDate,
    hoursPerWeek: hoursPerWeek.optional(),
    percent: allocationPercent.optional(),
    workstreamId: workstreamIdField.optional(),
  })
  .superRefine((value, ctx) => {
    toNotBeforeFrom(value, ctx);
    if ((value.hoursPerWeek === undefined) === (value.percent === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['hoursPerWeek'], message: 'give exactly one of hoursPerWeek or percent' });
    }
  });

export const allocationRouter = createTRPCRouter({
  /**
   * Creates an allocation, or with `id` replaces that one's fields (it must be in the person's
   * workspace). The project must be a live project of the person's workspace; a workstream must be
   * one of that project's plan.
   */
  upsert: personProcedure('editor')
    .input(upsertInput)
    .mutation(async ({ ctx, input }) => {
      const workspaceId = ctx.person.workspaceId;
      const saved = await ctx.db.transaction(async (tx) => {
        await requireLiveProject(tx, workspaceId, input.projectId);
        if (input.workstreamId && !(await isWorkstreamOf(tx, input.projectId, input.workstreamId))) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: "workstreamId: no workstream with this id on the project's plan" });
        }
        const fields = {
          personId: ctx.person.id,
          projectId: input.projectId,
          fromDate: input.from,
          toDate: input.to,
          hoursPerWeek: input.hoursPerWeek ?? null,
          percent: input.percent ?? null,
          workstreamId: input.workstreamId ?? null,
          updatedBy: ctx.user.id,
        };
        if (!input.id) {
          const [row] = await tx
            .insert(allocation)
            .values({ ...fields, workspaceId })
            .returning({ id: allocation.id });
          return row!;
        }
        const [row] = await tx
          .update(allocation)
          .set({ ...fields, version: sql`${allocation.version} + 1`, updatedAt: new Date() })
          .where(and(eq(allocation.id, input.id), eq(allocation.workspaceId, workspaceId)))
          .returning({ id: allocation.id });
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Allocation not found.' });
        return row;
      });
      ctx.live.resourcesChanged(workspaceId);
      return { id: saved.id };
    }),

  remove: allocationProcedure('editor').mutation(async ({ ctx }) => {
    await ctx.db.transaction((tx) => tx.delete(allocation).where(eq(allocation.id, ctx.allocation.id)));
    ctx.live.resourcesChanged(ctx.workspace.id);
    return { id: ctx.allocation.id };
  }),

  /** The workspace's allocations (of one project when asked), with the dates they cover now. */
  list: workspaceProcedure('reader')
    .input(z.object({ projectId: z.uuid('projectId must be a project id').optional() }))
    .query(({ ctx, input }): Promise<AllocationView[]> => loadAllocations(ctx.db, ctx.workspace.id, { projectId: input.projectId })),
});
