// What the project's meetings said about one item, for the item's detail on the risk board and the
// plan: the decisions linking it and, for a risk, its latest risk review (server/data/itemMeetings.ts).
import { z } from 'zod';
import { linkKinds } from '../domain/meeting';
import { meetingsAboutItem, type ItemMeetings } from '../data/itemMeetings';
import { createTRPCRouter, projectProcedure } from '../trpc';

export const itemMeetingsRouter = createTRPCRouter({
  /** Decisions linking the item, newest first (at most 100), and its last risk review (risks only). */
  forItem: projectProcedure('viewer')
    .input(z.object({ kind: z.enum(linkKinds), itemId: z.string().min(1, 'is required').max(64, 'must be at most 64 characters') }))
    .query(({ ctx, input }): Promise<ItemMeetings> => meetingsAboutItem(ctx.db, ctx.project.id, { kind: input.kind, id: input.itemId })),
});
