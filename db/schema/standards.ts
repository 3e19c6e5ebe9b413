// Technical standards (issue 16): a workspace's checklists of standards ("Security", "Launch
// readiness"), the checklists applied to a milestone of a project's plan, and each check's state at
// that milestone (owner, pending/passed/failed/waived, evidence link). Records in Postgres written by
// the standards.* procedures, not live-board content: a milestone is named by its stable plan item
// id, so the checks survive renames and date moves, and are shown only while the milestone exists.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';
import { workspace } from './workspace';

/** A named list of standards a workspace holds its milestones to. */
export const standardChecklist = pgTable(
  'standard_checklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Bumped by every change; a save naming an older version is refused (a stale tab). */
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standard_checklist_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** One standard of a checklist ("Load test passed"). */
export const standardCheck = pgTable(
  'standard_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => standardChecklist.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A hint of where it applies ("public launches", "services that store personal data"). */
    appliesTo: text('applies_to').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [index('standard_check_checklist_idx').on(t.checklistId, t.position)],
);

/** A checklist applied to one milestone of a project's plan. */
export const milestoneChecklist = pgTable(
  'milestone_checklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    /** The plan item id of the milestone (plan_item.id); not a foreign key: the plan is a projection. */
    milestoneId: text('milestone_id').notNull(),
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => standardChecklist.id, { onDelete: 'cascade' }),
    appliedBy: text('applied_by').references(() => user.id, { onDelete: 'set null' }),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('milestone_checklist_unique_idx').on(t.projectId, t.milestoneId, t.checklistId), index('milestone_checklist_checklist_idx').on(t.checklistId)],
);

/** The same four states as server/domain/standards.ts (`checkStates`); the constraint below keeps them. */
type CheckState = 'pending' | 'passed' | 'failed' | 'waived';

/** Where one standard stands at one milestone. */
export const milestoneCheck = pgTable(
  'milestone_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    milestoneChecklistId: uuid('milestone_checklist_id')
      .notNull()
      .references(() => milestoneChecklist.id, { onDelete: 'cascade' }),
    checkId: uuid('check_id')
      .notNull()
      .references(() => standardCheck.id, { onDelete: 'cascade' }),
    state: text('state').$type<CheckState>().notNull().default('pending'),
    /** Why it was waived; empty unless waived. */
    waiveReason: text('waive_reason').notNull().default(''),
    /** An http(s) link to the evidence (a report, a ticket, a dashboard); empty when none. */
    evidenceUrl: text('evidence_url').notNull().default(''),
    /** The member who owns the check, or else a name typed in (someone outside the project). */
    ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
    ownerName: text('owner_name').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('milestone_check_unique_idx').on(t.milestoneChecklistId, t.checkId),
    index('milestone_check_project_idx').on(t.projectId),
    check('milestone_check_state', sql`${t.state} in ('pending', 'passed', 'failed', 'waived')`),
    check('milestone_check_waive_reason', sql`${t.state} <> 'waived' or ${t.waiveReason} <> ''`),
  ],
);
