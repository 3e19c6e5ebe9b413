// What a meeting board shows and produces besides its live document: "Since last meeting" (computed
// from the project's history), and a status update started from the minutes. Rights come from the
// meeting's project: viewers read, editors write.
import { TRPCError } from '@trpc/server';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { statusUpdate, statusUpdateAuthor } from '@/db/schema';
import { findMembership } from '../data/membership';
import { findMeetingById, readMeetingMinutes } from '../data/meetingMinutes';
import { loadSinceLastMeeting } from '../data/meetingSince';
import { statusDraftFromMinutes } from '../domain/meetingMinutes';
import { roleAtLeast, type ProjectRole } from '../domain/roles';
import { archivedMessage, createTRPCRouter, protectedProcedure } from '../trpc';

const meetingIdInput = z.object({ meetingId: z.uuid('meetingId must be a meeting id') });

/**
 * A procedure on one meeting: loads the meeting and the caller's membership of its project and
 * requires at least `minimum`. A meeting of a project the caller is not in is NOT_FOUND, as the
 * project itself would be; an archived project refuses every mutation.
 */
function meetingProcedure(minimum: ProjectRole) {
  return protectedProcedure.input(meetingIdInput).use(async ({ ctx, input, next, type }) => {
    const row = await findMeetingById(ctx.db, input.meetingId);
    const membership = row && (await findMembership(ctx.db, row.projectId, ctx.user.id));
    if (!row || !membership) throw new TRPCError({ code: 'NOT_FOUND', message: 'Meeting not found.' });
    if (!roleAtLeast(membership.role, minimum)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role; your role in this project is ${membership.role}.` });
    }
    if (membership.project.archivedAt && type !== 'query') throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(membership.project.name) });
    return next({ ctx: { ...ctx, meeting: row, project: membership.project, role: membership.role } });
  });
}

export const meetingSinceRouter = createTRPCRouter({
  /** "Since last meeting": what changed in the project since the previous meeting (docs/api.md). */
  get: meetingProcedure('viewer').query(({ ctx }) => loadSinceLastMeeting(ctx.db, ctx.meeting)),

  /**
   * Starts a status update from the meeting's minutes: a draft (internal) with the agenda items
   * discussed, the decisions and the actions, and the project's current health. Returns its id; the
   * draft opens on the updates page.
   */
  statusDraft: meetingProcedure('editor').mutation(async ({ ctx }) => {
    const minutes = await readMeetingMinutes(ctx.db, ctx.meeting);
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
