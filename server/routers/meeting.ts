// Meetings of a project (docs/api.md, "Meetings"): the meeting itself (title, time, series,
// attendees) is a row written here; its board is the live document `meeting:<meetingId>`, and
// every change to the board (an action, a decision, ending it) goes through that document as a
// client's edit would, so everyone on the board sees it at once. Reads of actions and decisions come
// from the board's projection.
import { TRPCError } from '@trpc/server';
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { boardGeneration, boardUpdate, meeting, meetingAction, meetingDecision, planStakeholder, projectMember, user, type MeetingAttendee } from '@/db/schema';
import { boardName } from '../collab/liveBoards';
import { planDateSchema } from '../domain/dates';
import {
  actionTitleMax,
  decisionTextMax,
  durationMinutesMax,
  itemLinkSchema,
  meetingSeries,
  meetingTitleMax,
  seriesDefaults,
  type MeetingSeries,
  type MeetingState,
} from '../domain/meeting';
import { carryOverOpenActions, nextMeetingDefaults } from '../domain/meetingSeries';
import { createTRPCRouter, meetingProcedure, projectProcedure, type TRPCContext } from '../trpc';

const title = z.string().trim().min(1, 'is required').max(meetingTitleMax, `must be at most ${meetingTitleMax} characters`);
/** An instant: a Date (tRPC clients with superjson) or an ISO 8601 string with its offset. */
const startsAt = z.union([z.date(), z.iso.datetime({ offset: true, message: 'must be a date and time, like 2027-02-05T09:30:00Z' })]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be a date and time' });
    return z.NEVER;
  }
  return date;
});
const durationMinutes = z
  .number()
  .int('must be a whole number of minutes')
  .min(5, `must be 5 to ${durationMinutesMax} minutes`)
  .max(durationMinutesMax, `must be 5 to ${durationMinutesMax} minutes`);
const series = z.enum(meetingSeries, { error: `series must be one of ${meetingSeries.join(', ')}` });
const attendeeInput = z.union([
  z.object({ userId: z.string().min(1).max(64) }).strict(),
  z.object({ stakeholderId: z.string().min(1).max(200) }).strict(),
]);
const attendeesInput = z.array(attendeeInput).max(100, 'at most 100 attendees');
const ownerEmail = z
  .email('ownerEmail must be an email address')
  .max(254, 'ownerEmail must be at most 254 characters')
  .transform((e) => e.toLowerCase());

export const endedMessage = 'This meeting has ended, so its minutes are read-only. An owner can reopen it.';

type MeetingRow = typeof meeting.$inferSelect;

/** What the list and the board show of a meeting. */
export interface MeetingSummary {
  id: string;
  projectId: string;
  title: string;
  series: MeetingSeries;
  startsAt: Date;
  durationMinutes: number;
  attendees: MeetingAttendee[];
  state: MeetingState;
  endedAt: Date | null;
  actionCount: number;
  openActionCount: number;
  decisionCount: number;
}

async function summaries(db: Executor, rows: MeetingRow[]): Promise<MeetingSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [actions, decisions] = await Promise.all([
    db
      .select({ meetingId: meetingAction.meetingId, all: count(), open: sql<number>`count(*) filter (where ${meetingAction.status} = 'open')::int` })
      .from(meetingAction)
      .where(inArray(meetingAction.meetingId, ids))
      .groupBy(meetingAction.meetingId),
    db.select({ meetingId: meetingDecision.meetingId, all: count() }).from(meetingDecision).where(inArray(meetingDecision.meetingId, ids)).groupBy(meetingDecision.meetingId),
  ]);
  const actionCounts = new Map(actions.map((a) => [a.meetingId, a]));
  const decisionCounts = new Map(decisions.map((d) => [d.meetingId, d.all]));
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    series: row.series as MeetingSeries,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    attendees: row.attendees,
    state: row.state as MeetingState,
    endedAt: row.endedAt,
    actionCount: actionCounts.get(row.id)?.all ?? 0,
    openActionCount: actionCounts.get(row.id)?.open ?? 0,
    decisionCount: decisionCounts.get(row.id) ?? 0,
  }));
}

/**
 * Attendees as stored: each must be a member of the project (by user id) or one of its plan's
 * stakeholders (by id), with the name shown taken from there; duplicates are dropped.
 */
async function resolveAttendees(db: Executor, projectId: string, attendees: z.infer<typeof attendeesInput>): Promise<MeetingAttendee[]> {
  const userIds = [...new Set(attendees.flatMap((a) => ('userId' in a ? [a.userId] : [])))];
  const stakeholderIds = [...new Set(attendees.flatMap((a) => ('stakeholderId' in a ? [a.stakeholderId] : [])))];
  const [members, stakeholders] = await Promise.all([
    userIds.length
      ? db
          .select({ id: user.id, name: user.name })
          .from(projectMember)
          .innerJoin(user, eq(user.id, projectMember.userId))
          .where(and(eq(projectMember.projectId, projectId), inArray(projectMember.userId, userIds)))
      : [],
    stakeholderIds.length
      ? db
          .select({ id: planStakeholder.id, name: planStakeholder.name })
          .from(planStakeholder)
          .where(and(eq(planStakeholder.projectId, projectId), inArray(planStakeholder.id, stakeholderIds)))
      : [],
  ]);
  const memberNames = new Map(members.map((m) => [m.id, m.name]));
  const stakeholderNames = new Map(stakeholders.map((s) => [s.id, s.name]));
  const unknownMember = userIds.find((id) => !memberNames.has(id));
  if (unknownMember) throw new TRPCError({ code: 'BAD_REQUEST', message: `attendees: ${unknownMember} is not a member of this project.` });
  const unknownStakeholder = stakeholderIds.find((id) => !stakeholderNames.has(id));
  if (unknownStakeholder) throw new TRPCError({ code: 'BAD_REQUEST', message: `attendees: ${unknownStakeholder} is not a stakeholder in this project's plan.` });
  return [
    ...userIds.map((id) => ({ userId: id, name: memberNames.get(id)! })),
    ...stakeholderIds.map((id) => ({ stakeholderId: id, name: stakeholderNames.get(id)! })),
  ];
}

/** The latest meeting of a series starting before `before` (any time, without it). */
async function previousInSeries(db: Executor, projectId: string, of: MeetingSeries, before?: Date): Promise<MeetingRow | undefined> {
  const where = [eq(meeting.projectId, projectId), eq(meeting.series, of)];
  if (before) where.push(lt(meeting.startsAt, before));
  const [row] = await db
    .select()
    .from(meeting)
    .where(and(...where))
    .orderBy(desc(meeting.startsAt), desc(meeting.createdAt))
    .limit(1);
  return row;
}

/** A project member's user id by email; a clear BAD_REQUEST when nobody in the project has it. */
async function memberByEmail(db: Executor, projectId: string, email: string): Promise<string> {
  const [member] = await db
    .select({ id: user.id })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(and(eq(projectMember.projectId, projectId), sql`lower(${user.email}) = ${email}`))
    .limit(1);
  if (!member) throw new TRPCError({ code: 'BAD_REQUEST', message: `ownerEmail: ${email} is not a member of this project. Actions are owned by members.` });
  return member.id;
}

/** Removes a meeting and its board's history (the projection's rows go with the meeting, by cascade). */
async function deleteMeeting(ctx: Pick<TRPCContext, 'db' | 'live'>, meetingId: string): Promise<void> {
  // Sockets closed and pending writes stored first, so nothing is written after the history goes.
  await ctx.live.closeBoard('meeting', meetingId);
  const board = boardName('meeting', meetingId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(boardUpdate).where(eq(boardUpdate.board, board));
    await tx.delete(boardGeneration).where(eq(boardGeneration.board, board));
    await tx.delete(meeting).where(eq(meeting.id, meetingId));
  });
}

export const meetingRouter = createTRPCRouter({
  /**
   * Creates a meeting. The next meeting of a series (not ad hoc) takes the previous one's attendees
   * and duration unless given, and its agenda starts with the previous one's open actions.
   */
  create: projectProcedure('editor')
    .input(z.object({ title, startsAt, durationMinutes: durationMinutes.optional(), series: series.default('ad-hoc'), attendees: attendeesInput.optional() }))
    .mutation(async ({ ctx, input }) => {
      const previous = input.series === 'ad-hoc' ? undefined : await previousInSeries(ctx.db, ctx.project.id, input.series, input.startsAt);
      const attendees = input.attendees ? await resolveAttendees(ctx.db, ctx.project.id, input.attendees) : (previous?.attendees ?? []);
      const [row] = await ctx.db
        .insert(meeting)
        .values({
          projectId: ctx.project.id,
          title: input.title,
          series: input.series,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes ?? previous?.durationMinutes ?? seriesDefaults[input.series].durationMinutes,
          attendees,
          createdBy: ctx.user.id,
        })
        .returning({ id: meeting.id });
      const id = row!.id;
      if (previous) {
        try {
          // The previous board's actions as it holds them now (the projection may be a moment behind).
          const { actions } = await ctx.live.apply('meeting', previous.id, { type: 'meeting.readActions' }, ctx.user.id);
          const items = carryOverOpenActions(actions);
          if (items.length) await ctx.live.apply('meeting', id, { type: 'meeting.seedAgenda', items }, ctx.user.id);
        } catch (error) {
          await deleteMeeting(ctx, id);
          throw error;
        }
      }
      return { id };
    }),

  /** What the create form is pre-filled with for the next meeting of a series. */
  nextInSeries: projectProcedure('viewer')
    .input(z.object({ series }))
    .query(async ({ ctx, input }) => {
      const previous = input.series === 'ad-hoc' ? undefined : await previousInSeries(ctx.db, ctx.project.id, input.series);
      return { ...nextMeetingDefaults(input.series, previous ?? null, new Date()), previousMeetingId: previous?.id ?? null };
    }),

  /** Every meeting of the project, latest first, with its counts of actions and decisions. */
  list: projectProcedure('viewer').query(async ({ ctx }): Promise<MeetingSummary[]> => {
    const rows = await ctx.db.select().from(meeting).where(eq(meeting.projectId, ctx.project.id)).orderBy(desc(meeting.startsAt), asc(meeting.id));
    return summaries(ctx.db, rows);
  }),

  get: meetingProcedure('viewer').query(async ({ ctx }) => {
    const [summary] = await summaries(ctx.db, [ctx.meeting]);
    const previous = await previousInSeries(ctx.db, ctx.project.id, ctx.meeting.series as MeetingSeries, ctx.meeting.startsAt);
    return { ...summary!, previousMeetingId: ctx.meeting.series === 'ad-hoc' ? null : (previous?.id ?? null), role: ctx.role };
  }),

  update: meetingProcedure('editor')
    .input(z.object({ title: title.optional(), startsAt: startsAt.optional(), durationMinutes: durationMinutes.optional(), attendees: attendeesInput.optional() }))
    .mutation(async ({ ctx, input }) => {
      const attendees = input.attendees ? await resolveAttendees(ctx.db, ctx.project.id, input.attendees) : undefined;
      const [row] = await ctx.db
        .update(meeting)
        .set({ title: input.title, startsAt: input.startsAt, durationMinutes: input.durationMinutes, attendees })
        .where(eq(meeting.id, ctx.meeting.id))
        .returning();
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Meeting not found.' });
      const [summary] = await summaries(ctx.db, [row]);
      return summary!;
    }),

  delete: meetingProcedure('owner').mutation(async ({ ctx }) => {
    await deleteMeeting(ctx, ctx.meeting.id);
    return { meetingId: ctx.meeting.id, deleted: true as const };
  }),

  /** Ends the meeting: its board becomes read-only for everyone until an owner reopens it. */
  end: meetingProcedure('editor').mutation(async ({ ctx }) => {
    const { endedAt } = await ctx.live.apply('meeting', ctx.meeting.id, { type: 'meeting.end' }, ctx.user.id);
    return { meetingId: ctx.meeting.id, state: 'ended' as const, endedAt };
  }),

  reopen: meetingProcedure('owner').mutation(async ({ ctx }) => {
    await ctx.live.apply('meeting', ctx.meeting.id, { type: 'meeting.reopen' }, ctx.user.id);
    return { meetingId: ctx.meeting.id, state: 'open' as const };
  }),

  /** Adds an action to the board, as an editor's client would. */
  addAction: meetingProcedure('editor')
    .input(
      z.object({
        title: z.string().trim().min(1, 'is required').max(actionTitleMax, `must be at most ${actionTitleMax} characters`),
        ownerEmail: ownerEmail.optional(),
        due: planDateSchema.optional(),
        link: itemLinkSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const ownerId = input.ownerEmail ? await memberByEmail(ctx.db, ctx.project.id, input.ownerEmail) : null;
      const fields = { title: input.title, ownerId, due: input.due ?? null, link: input.link ?? null };
      const result = await ctx.live.apply('meeting', ctx.meeting.id, { type: 'meeting.addAction', fields }, ctx.user.id);
      if (result.ended || !result.actionId) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: endedMessage });
      return { id: result.actionId, meetingId: ctx.meeting.id };
    }),

  /** Adds a decision to the board, as an editor's client would. */
  addDecision: meetingProcedure('editor')
    .input(
      z.object({
        text: z.string().trim().min(1, 'is required').max(decisionTextMax, `must be at most ${decisionTextMax} characters`),
        decidedBy: z.string().trim().max(200, 'must be at most 200 characters').optional(),
        decidedOn: planDateSchema.optional(),
        links: z.array(itemLinkSchema).max(20, 'at most 20 links').optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const fields = { text: input.text, decidedBy: input.decidedBy ?? '', decidedOn: input.decidedOn ?? null, links: input.links ?? [] };
      const result = await ctx.live.apply('meeting', ctx.meeting.id, { type: 'meeting.addDecision', fields }, ctx.user.id);
      if (result.ended || !result.decisionId) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: endedMessage });
      return { id: result.decisionId, meetingId: ctx.meeting.id };
    }),
});
