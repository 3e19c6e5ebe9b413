// People of a workspace (docs/api.md, "Resources"): who does the work, members or not, hired or
// placeholders, with their capacity, working days and time off. Every write is one transaction,
// then the people board tells open grids to refetch.
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { person, personTimeOff } from '@/db/schema';
import { loadPeople, type Person } from '../data/resources';
import { findWorkspaceAccess } from '../data/workspaceAccess';
import { fromDate, personName, personRole, skillList, timeOffReason, toDate, toNotBeforeFrom, weeklyHours, workingDays } from '../domain/resourceFields';
import { createTRPCRouter, personProcedure, timeOffProcedure, workspaceProcedure } from '../trpc';
import type { Executor } from '@/db';

export const staleVersionMessage = 'Someone changed this person since you opened it; reload';

/** A person may be linked only to someone who belongs to the workspace (or to one of its projects). */
async function checkLinkedUser(db: Executor, workspaceId: string, userId: string | null | undefined) {
  if (!userId) return;
  if (!(await findWorkspaceAccess(db, workspaceId, userId))) {
    // NOT_FOUND, as for any id the caller cannot see: whether that account exists is not theirs to learn.
    throw new TRPCError({ code: 'NOT_FOUND', message: 'userId: no member of this workspace or of its projects has this id' });
  }
}

export const peopleRouter = createTRPCRouter({
  add: workspaceProcedure('editor')
    .input(
      z.object({
        name: personName,
        weeklyHours,
        skills: skillList.optional(),
        role: personRole.optional(),
        placeholder: z.boolean().optional(),
        workingDays: workingDays.optional(),
        userId: z.string().min(1).max(100, 'must be at most 100 characters').optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.db.transaction(async (tx) => {
        await checkLinkedUser(tx, ctx.workspace.id, input.userId);
        const [row] = await tx
          .insert(person)
          .values({
            workspaceId: ctx.workspace.id,
            name: input.name,
            weeklyHours: input.weeklyHours,
            skills: input.skills ?? [],
            role: input.role ?? '',
            placeholder: input.placeholder ?? false,
            workingDays: input.workingDays ?? [1, 2, 3, 4, 5],
            userId: input.userId ?? null,
          })
          .returning({ id: person.id });
        return row!;
      });
      ctx.live.resourcesChanged(ctx.workspace.id);
      return { id: created.id };
    }),

  /** Everyone of the workspace, ordered by name, each with their time off. */
  list: workspaceProcedure('reader').query(({ ctx }): Promise<Person[]> => loadPeople(ctx.db, ctx.workspace.id)),

  /** Changes the fields given; `version` is the one read: a stale one is refused (CONFLICT). */
  update: personProcedure('editor')
    .input(
      z.object({
        version: z.number().int().min(1),
        name: personName.optional(),
        role: personRole.optional(),
        skills: skillList.optional(),
        weeklyHours: weeklyHours.optional(),
        workingDays: workingDays.optional(),
        placeholder: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { version, personId: _personId, ...fields } = input;
      const updated = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(person)
          .set({ ...fields, version: sql`${person.version} + 1`, updatedAt: new Date() })
          .where(and(eq(person.id, ctx.person.id), eq(person.version, version)))
          .returning({ version: person.version });
        if (!row) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage });
        return row;
      });
      ctx.live.resourcesChanged(ctx.workspace.id);
      return { version: updated.version };
    }),

  /** Removes a person with their time off and allocations. */
  remove: personProcedure('editor').mutation(async ({ ctx }) => {
    await ctx.db.transaction((tx) => tx.delete(person).where(eq(person.id, ctx.person.id)));
    ctx.live.resourcesChanged(ctx.workspace.id);
    return { id: ctx.person.id };
  }),

  addTimeOff: personProcedure('editor')
    .input(z.object({ from: fromDate, to: toDate, reason: timeOffReason.optional() }).superRefine(toNotBeforeFrom))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(personTimeOff)
          .values({ personId: ctx.person.id, fromDate: input.from, toDate: input.to, reason: input.reason ?? '' })
          .returning({ id: personTimeOff.id });
        return row!;
      });
      ctx.live.resourcesChanged(ctx.workspace.id);
      return { id: created.id };
    }),

  removeTimeOff: timeOffProcedure('editor').mutation(async ({ ctx }) => {
    await ctx.db.transaction((tx) => tx.delete(personTimeOff).where(eq(personTimeOff.id, ctx.timeOff.id)));
    ctx.live.resourcesChanged(ctx.workspace.id);
    return { id: ctx.timeOff.id };
  }),
});
