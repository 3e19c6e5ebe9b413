// Meetings of a project. `meeting` is the meeting itself (title, time, series, attendees), written
// by the meeting.* procedures; its board is the live document `meeting:<meetingId>`. The decisions,
// actions and risk reviews are a projection of that document (server/collab/projections/meeting.ts),
// so the decision log, the action lists and the risk detail read them without opening the board.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';

const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => project.id, { onDelete: 'cascade' });

/** An attendee: a member (`userId`) or one of the plan's stakeholders (`stakeholderId`), with the name shown. */
export interface MeetingAttendee {
  userId?: string;
  stakeholderId?: string;
  name: string;
}

export interface MeetingLink {
  kind: 'raid' | 'milestone' | 'workstream' | 'goal';
  id: string;
}

export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    title: text('title').notNull(),
    /** weekly-sync, risk-review, steering-committee or ad-hoc (server/domain/meeting.ts). */
    series: text('series').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    attendees: jsonb('attendees').$type<MeetingAttendee[]>().notNull().default([]),
    /** `open` or `ended`; mirrors the board's `meta.state`, written by the projection. */
    state: text('state').notNull().default('open'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_project_starts_idx').on(t.projectId, t.startsAt), index('meeting_project_series_idx').on(t.projectId, t.series, t.startsAt)],
);

const meetingRef = () =>
  uuid('meeting_id')
    .notNull()
    .references(() => meeting.id, { onDelete: 'cascade' });

export const meetingAction = pgTable(
  'meeting_action',
  {
    projectId: projectRef(),
    meetingId: meetingRef(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    /** A user id; not a foreign key because the live document may name a former member. */
    ownerId: text('owner_id'),
    due: date('due', { mode: 'string' }),
    /** `open` or `done`. */
    status: text('status').notNull(),
    link: jsonb('link').$type<MeetingLink | null>(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.id] }),
    index('meeting_action_project_idx').on(t.projectId, t.status, t.due),
    index('meeting_action_owner_idx').on(t.ownerId, t.status, t.due),
    index('meeting_action_search_idx').using('gin', sql`to_tsvector('english', ${t.title})`),
  ],
);

export const meetingDecision = pgTable(
  'meeting_decision',
  {
    projectId: projectRef(),
    meetingId: meetingRef(),
    id: text('id').notNull(),
    text: text('text').notNull(),
    decidedBy: text('decided_by').notNull().default(''),
    /** The day it was decided: the board's value, else the meeting's day. */
    decidedAt: date('decided_at', { mode: 'string' }).notNull(),
    links: jsonb('links').$type<MeetingLink[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.id] }),
    index('meeting_decision_project_idx').on(t.projectId, t.decidedAt),
    index('meeting_decision_search_idx').using('gin', sql`to_tsvector('english', ${t.text})`),
  ],
);

/** A risk walked in a meeting's risk review mode ("reviewed on <date>" on the risk). */
export const riskReview = pgTable(
  'risk_review',
  {
    projectId: projectRef(),
    meetingId: meetingRef(),
    riskId: text('risk_id').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
    reviewedBy: text('reviewed_by'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.riskId] }), index('risk_review_project_risk_idx').on(t.projectId, t.riskId, t.reviewedAt)],
);
