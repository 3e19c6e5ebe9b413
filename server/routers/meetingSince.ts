// What a meeting board shows and produces besides its live document: "Since last meeting" (computed
// from the project's history), and a status update started from the minutes. Rights come from the
// meeting's project (meetingProcedure): viewers read, editors write; another project's meeting is NOT_FOUND.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { statusUpdate, statusUpdateAuthor } from '@/db/schema';
import { readMeetingMinutes } from '../data/meetingMinutes';
import { loadSinceLastMeeting } from '../data/meetingSince';
import { statusDraftFromMinutes } from '../domain/meetingMinutes';
import { createTRPCRouter, meetingProcedure } from '../trpc';

export const meetingSinceRouter = createTRPCRouter({
  /** "Since last meeting": what changed in the project since the previous meeting (docs/api.md). */
  get: meetingProcedure('viewer').query(({ ctx }) => loadSinceLastMeeting(ctx.db, ctx.meeting)),

  /**
   * Starts a status update from the meeting's minutes: a draft (internal) with the agenda items
   * discussed, the decisions and the actions, and the project's current health. Returns its id; the
   * draft opens on the updates page.
   */
  statusDraft: meetingProcedure('editor').mutation(async ({ ctx }) => {
    const minutes = await readMeetingMinutes(ctx.db, ctx.live, ctx.meeting, ctx.user.id);
    return ctx.db.transaction(async (tx) => {
      const [last] = await tx
        .select({ health: statusUpdate.health, healthReason: statusUpdate.healthReason })
        .from(statusUpdate)
        .where(and(eq(statusUpdate.projectId, ctx.project.id), isNotNull(statusUpdate.publishedAt)))
        .orderBy(desc(statusUpdate.publishedAt))
        .limit(1);
      const content = statusDraftFromMinutes(minutes.meeting, minutes.board, minutes.context, last ?? { health: 'on_track', healthReason: '' });
      const [created] = await tx
        .insert(statusUpdate)
        .values({ projectId: ctx.project.id, authorId: ctx.user.id, updatedBy: ctx.user.id, audience: 'internal', revision: 1, ...content })
        .returning({ id: statusUpdate.id, revision: statusUpdate.revision });
      await tx.insert(statusUpdateAuthor).values({ updateId: created!.id, userId: ctx.user.id }).onConflictDoNothing();
      return { updateId: created!.id, revision: created!.revision, href: `/p/${ctx.project.id}/updates#update-${created!.id}` };
    });
  }),
});
