// The caller's inbox (docs/api.md, "Comments, inbox and search"): mentions and role changes as stored, due and overdue
// work, assignments and owed updates as derived from the boards (server/data/inbox.ts). Only ever
// entries of projects the caller is a member of now.
import { z } from 'zod';
import { inboxOf, markInboxRead } from '../data/inbox';
import { todayUtc as today } from '../domain/dates';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const inboxRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ unreadOnly: z.boolean().default(false) }).optional())
    .query(({ ctx, input }) => inboxOf(ctx.db, ctx.user.id, { unreadOnly: input?.unreadOnly ?? false, today: today() })),

  markRead: protectedProcedure
    .input(
      z.object({
        ids: z
          .array(z.string().min(1, 'ids: an id is empty').max(300, 'ids: an id must be at most 300 characters'))
          .min(1, 'ids: give at least one id')
          .max(500, 'ids: at most 500 at a time'),
      }),
    )
    .mutation(async ({ ctx, input }) => ({ marked: await markInboxRead(ctx.db, ctx.user.id, input.ids, today()) })),

  markAllRead: protectedProcedure.mutation(async ({ ctx }) => ({ marked: await markInboxRead(ctx.db, ctx.user.id, null, today()) })),
});
