// Actions recorded on meeting boards (docs/api.md, "Actions"): the project's action list and each
// person's own list across projects read the projection (meeting_action); closing or reopening an
// action goes through its meeting's live document, so the board shows it done at once.
import { TRPCError } from '@trpc/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { meeting, meetingAction, project, projectMember, user } from '@/db/schema';
import { todayUtc } from '../domain/dates';
import { isOverdue, type ActionStatus, type ItemLink } from '../domain/meeting';
import { roleAtLeast } from '../domain/roles';
import { createTRPCRouter, meetingProcedure, projectProcedure, protectedProcedure } from '../trpc';

export interface ActionListEntry {
  id: string;
  title: string;
  status: ActionStatus;
  ownerId: string | null;
  ownerName: string | null;
  /** `yyyy-MM-dd`. */
  due: string | null;
  overdue: boolean;
  link: ItemLink | null;
  doneAt: Date | null;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  projectId: string;
}


async function readActions(db: Executor, where: ReturnType<typeof and>, extra?: { projectName: boolean }) {
  const rows = await db
    .select({
      id: meetingAction.id,
      title: meetingAction.title,
      status: meetingAction.status,
      ownerId: meetingAction.ownerId,
      ownerName: user.name,
      due: meetingAction.due,
      link: meetingAction.link,
      doneAt: meetingAction.doneAt,
      meetingId: meetingAction.meetingId,
      meetingTitle: meeting.title,
      meetingStartsAt: meeting.startsAt,
      projectId: meetingAction.projectId,
      projectName: project.name,
    })
    .from(meetingAction)
    .innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
    .innerJoin(project, eq(project.id, meetingAction.projectId))
    .leftJoin(user, eq(user.id, meetingAction.ownerId))
    .where(where)
    // Open first, then by due date (none last), then oldest meeting first.
    .orderBy(sql`${meetingAction.status} = 'done'`, sql`${meetingAction.due} asc nulls last`, asc(meeting.startsAt), asc(meetingAction.createdAt), asc(meetingAction.id));
  // Today (UTC): an action due today is not overdue yet.
  const day = todayUtc();
  return rows.map(({ projectName, ...row }) => ({
    ...row,
    status: row.status as ActionStatus,
    overdue: isOverdue({ status: row.status as ActionStatus, due: row.due }, day),
    ...(extra?.projectName ? { projectName } : {}),
  }));
}

export const actionRouter = createTRPCRouter({
  /** Every action of the project's meetings: open first, by due date. */
  list: projectProcedure('viewer').query(async ({ ctx }): Promise<ActionListEntry[]> => {
    return readActions(ctx.db, and(eq(meetingAction.projectId, ctx.project.id)));
  }),

  /** The caller's own actions across every project they are a member of (the /actions page). */
  mine: protectedProcedure.query(async ({ ctx }): Promise<(ActionListEntry & { projectName?: string })[]> => {
    return readActions(
      ctx.db,
      and(
        eq(meetingAction.ownerId, ctx.user.id),
        sql`exists (select 1 from ${projectMember} where ${projectMember.projectId} = ${meetingAction.projectId} and ${projectMember.userId} = ${ctx.user.id})`,
      ),
      { projectName: true },
    );
  }),

  /**
   * Closes (or reopens) an action, on its meeting's board: its owner or any editor of the project
   * may, even once the meeting has ended.
   */
  setDone: meetingProcedure('viewer')
    .input(z.object({ actionId: z.string().min(1, 'is required').max(64, 'must be at most 64 characters'), done: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!roleAtLeast(ctx.role, 'editor')) {
        const [row] = await ctx.db
          .select({ ownerId: meetingAction.ownerId })
          .from(meetingAction)
          .where(and(eq(meetingAction.meetingId, ctx.meeting.id), eq(meetingAction.id, input.actionId)));
        if (row?.ownerId !== ctx.user.id) {
          throw new TRPCError({ code: 'FORBIDDEN', message: `Only the action's owner or an editor can close it; your role in this project is ${ctx.role}.` });
        }
      }
      const { found } = await ctx.live.apply('meeting', ctx.meeting.id, { type: 'meeting.setActionDone', actionId: input.actionId, done: input.done }, ctx.user.id);
      if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Action not found on this meeting.' });
      return { meetingId: ctx.meeting.id, actionId: input.actionId, status: (input.done ? 'done' : 'open') as ActionStatus };
    }),
});
