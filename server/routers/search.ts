// Search across every project the caller is a member of (docs/api.md, "Comments, inbox and search"); the query itself is
// in server/data/search.ts. Any text is a safe query; an empty one finds nothing.
import { z } from 'zod';
import { searchProjects } from '../data/search';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const maxQueryLength = 500;
export const maxSearchResults = 50;

export const searchRouter = createTRPCRouter({
  query: protectedProcedure
    .input(
      z.object({
        q: z.string().trim().max(maxQueryLength, `q must be at most ${maxQueryLength} characters`),
        limit: z.number().int('limit must be a whole number').min(1, 'limit must be at least 1').max(maxSearchResults, `limit must be at most ${maxSearchResults}`).default(20),
      }),
    )
    .query(({ ctx, input }) => (input.q ? searchProjects(ctx.db, ctx.user.id, input.q, input.limit) : [])),
});
