// The project's decision log (docs/api.md, "Decisions"): decisions recorded on its meeting boards,
// read from the projection (meeting_decision), searchable and filtered by linked item.
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { meeting, meetingDecision } from '@/db/schema';
import { itemLinkSchema, type ItemLink } from '../domain/meeting';
import { createTRPCRouter, projectProcedure } from '../trpc';

export interface DecisionLogEntry {
  id: string;
  text: string;
  decidedBy: string;
  /** `yyyy-MM-dd`: the day the board says, else the meeting's. */
  decidedAt: string;
  links: ItemLink[];
  meetingId: string;
  meetingTitle: string;
}

/** `%`, `_` and `\` match themselves in the search, not as patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const decisionRouter = createTRPCRouter({
  /** Decisions, latest first; `query` searches their text and who decided, `link` keeps those linked to that item. */
  list: projectProcedure('viewer')
    .input(z.object({ query: z.string().trim().max(200, 'must be at most 200 characters').optional(), link: itemLinkSchema.optional() }))
    .query(async ({ ctx, input }): Promise<DecisionLogEntry[]> => {
      const where = [eq(meetingDecision.projectId, ctx.project.id)];
      if (input.query) where.push(or(ilike(meetingDecision.text, likePattern(input.query)), ilike(meetingDecision.decidedBy, likePattern(input.query)))!);
      if (input.link) where.push(sql`${meetingDecision.links} @> ${JSON.stringify([{ kind: input.link.kind, id: input.link.id }])}::jsonb`);
      return ctx.db
        .select({
          id: meetingDecision.id,
          text: meetingDecision.text,
          decidedBy: meetingDecision.decidedBy,
          decidedAt: meetingDecision.decidedAt,
          links: meetingDecision.links,
          meetingId: meetingDecision.meetingId,
          meetingTitle: meeting.title,
        })
        .from(meetingDecision)
        .innerJoin(meeting, eq(meeting.id, meetingDecision.meetingId))
        .where(and(...where))
        .orderBy(desc(meetingDecision.decidedAt), desc(meetingDecision.createdAt), desc(meetingDecision.id))
        .limit(1000);
    }),
});
