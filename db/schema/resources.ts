// Resources of a workspace: the people who do the work (members or not, hired or placeholders),
// their time off, their allocations to projects, each project's staffing needs and the what-if
// scenarios drafted over them. Postgres is the record: the resources.*, people.*, allocation.*,
// staffing.* and scenario.* procedures write it in transactions; the live board
// `people:<workspaceId>` only carries presence and a change signal (docs/live-documents.md).
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';
import { workspace } from './workspace';

const workspaceRef = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspace.id, { onDelete: 'cascade' });

/** Utilisation bands of a workspace: under <= underMaxPercent < healthy <= healthyMaxPercent < over. */
export const resourceSettings = pgTable('resource_settings', {
  workspaceId: workspaceRef().primaryKey(),
  underMaxPercent: integer('under_max_percent').notNull().default(80),
  healthyMaxPercent: integer('healthy_max_percent').notNull().default(100),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    /** Job title or role, e.g. "Backend engineer". */
    role: text('role').notNull().default(''),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    /** Hours a week when every working day is worked: more than 0, at most 168. */
    weeklyHours: doublePrecision('weekly_hours').notNull(),
    /** ISO weekdays worked, 1 = Monday ... 7 = Sunday; capacity is spread evenly over them. */
    workingDays: jsonb('working_days').$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
    /** A role not hired yet ("Backend engineer #2"). */
    placeholder: boolean('placeholder').notNull().default(false),
    /** The workspace member this person is, when they have an account. */
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    /** Bumped by every change; a write naming an older version is refused (a stale tab). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_workspace_idx').on(t.workspaceId), check('person_weekly_hours_range', sql`${t.weeklyHours} > 0 and ${t.weeklyHours} <= 168`)],
);

export const personTimeOff = pgTable(
  'person_time_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** Both days included. */
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_time_off_person_idx').on(t.personId), check('person_time_off_dates', sql`${t.fromDate} <= ${t.toDate}`)],
);

/**
 * A person's time on a project over a date range, in hours a week or as a share of their capacity
 * (exactly one of the two). Tied to a plan workstream (`workstreamId`, an item id of the project's
 * plan), its dates follow the workstream's; `fromDate`/`toDate` then keep the dates it was given.
 */
export const allocation = pgTable(
  'allocation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    hoursPerWeek: doublePrecision('hours_per_week'),
    percent: doublePrecision('percent'),
    workstreamId: text('workstream_id'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('allocation_workspace_idx').on(t.workspaceId, t.toDate),
    index('allocation_person_idx').on(t.personId),
    index('allocation_project_idx').on(t.projectId),
    check('allocation_dates', sql`${t.fromDate} <= ${t.toDate}`),
    check('allocation_amount', sql`(${t.hoursPerWeek} is null) <> (${t.percent} is null) and coalesce(${t.hoursPerWeek}, ${t.percent}) >= 0`),
  ],
);

/** A project's need for people with a skill: `count` people at `hoursPerWeek` each over the dates. */
export const staffingNeed = pgTable(
  'staffing_need',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    count: integer('count').notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staffing_need_project_idx').on(t.projectId), check('staffing_need_dates', sql`${t.fromDate} <= ${t.toDate}`)],
);

/** One change of a what-if scenario (server/domain/whatIf.ts). */
export type ScenarioChange =
  | { kind: 'add'; personId: string; projectId: string; from: string; to: string; hoursPerWeek: number }
  | { kind: 'move'; allocationId: string; from: string; to: string; hoursPerWeek?: number; personId?: string }
  | { kind: 'remove'; allocationId: string };

/** A draft of allocation changes, compared with the current allocations, then applied or thrown away. */
export const resourceScenario = pgTable(
  'resource_scenario',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    changes: jsonb('changes').$type<ScenarioChange[]>().notNull().default([]),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_scenario_workspace_idx').on(t.workspaceId)],
);
