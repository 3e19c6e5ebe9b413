// Projection of the live plan (`plan:<projectId>`): roadmap items, dependencies, baselines, the
// history of every date change (slippage), the charter, goals, stakeholders and RACI. Written only
// by the projection (server/collab/projections/plan.ts). The calendar feed token is the exception:
// it is not board content, the owner rotates it through plan.rotateCalendarToken.
import { sql } from 'drizzle-orm';
import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';

const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => project.id, { onDelete: 'cascade' });

export const planItem = pgTable(
  'plan_item',
  {
    projectId: projectRef(),
    id: text('id').notNull(),
    /** `milestone` (a point: start = end) or `workstream` (a bar). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A user id; not a foreign key because the live document may name a former member. */
    ownerId: text('owner_id'),
    status: text('status').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    progress: integer('progress').notNull().default(0),
    milestoneId: text('milestone_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    index('plan_item_project_end_idx').on(t.projectId, t.kind, t.endDate),
    // Search (server/data/search.ts queries this very expression).
    index('plan_item_search_idx').using('gin', sql`to_tsvector('english', ${t.title} || ' ' || ${t.description})`),
  ],
);

/** Finish-to-start: `to_id` starts once `from_id` has ended. */
export const planDependency = pgTable(
  'plan_dependency',
  {
    projectId: projectRef(),
    id: text('id').notNull(),
    fromId: text('from_id').notNull(),
    toId: text('to_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

export const planBaseline = pgTable(
  'plan_baseline',
  {
    projectId: projectRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedBy: text('saved_by'),
    /** `{ [itemId]: { start, end } }` as frozen when the baseline was saved. */
    dates: jsonb('dates').$type<Record<string, { start: string; end: string }>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

/** Every change of an item's dates (and its creation and deletion): the slippage history. */
export const planDateChange = pgTable(
  'plan_date_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: projectRef(),
    itemId: text('item_id').notNull(),
    /** The item's title when the change was projected. */
    itemTitle: text('item_title').notNull(),
    /** `start`, `end`, or `created` / `deleted` for the item as a whole. */
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actorId: text('actor_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plan_date_change_item_idx').on(t.projectId, t.itemId, t.id)],
);

export const planCharter = pgTable('plan_charter', {
  projectId: projectRef().primaryKey(),
  vision: text('vision').notNull().default(''),
  scope: jsonb('scope').$type<string[]>().notNull(),
  nonGoals: jsonb('non_goals').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const planGoal = pgTable(
  'plan_goal',
  {
    projectId: projectRef(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    metric: text('metric').notNull().default(''),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    current: doublePrecision('current'),
    dueDate: date('due_date', { mode: 'string' }),
    /** 0-100 from current vs target (server/domain/planCharter.ts); null when not measurable. */
    progress: integer('progress'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index('plan_goal_search_idx').using('gin', sql`to_tsvector('english', ${t.title} || ' ' || ${t.metric})`)],
);

export const planStakeholder = pgTable(
  'plan_stakeholder',
  {
    projectId: projectRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
    memberId: text('member_id'),
    influence: integer('influence').notNull(),
    interest: integer('interest').notNull(),
    quadrant: text('quadrant').notNull(),
    channel: text('channel').notNull(),
    frequency: text('frequency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

export const planRaci = pgTable(
  'plan_raci',
  {
    projectId: projectRef(),
    /** A milestone or goal id. */
    subjectId: text('subject_id').notNull(),
    stakeholderId: text('stakeholder_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.subjectId, t.stakeholderId] })],
);

/** The secret that lets calendar apps read `/p/<projectId>/milestones.ics` without a session. */
export const planCalendarFeed = pgTable('plan_calendar_feed', {
  projectId: projectRef().primaryKey(),
  token: text('token').notNull().unique(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
  rotatedBy: text('rotated_by').references(() => user.id, { onDelete: 'set null' }),
});
