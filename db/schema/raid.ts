// Projection of the live risk board (RAID log): one row per item and one row per field change.
// Written only by the projection (server/collab/projections/risks.ts), read by everything else.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { project } from './project';

export const raidItem = pgTable(
  'raid_item',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull().default(''),
    /** A user id; not a foreign key because the live document may name a former member. */
    ownerId: text('owner_id'),
    likelihood: integer('likelihood'),
    impact: integer('impact'),
    score: integer('score'),
    band: text('band'),
    response: text('response'),
    mitigation: text('mitigation').notNull().default(''),
    trigger: text('trigger').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    residualLikelihood: integer('residual_likelihood'),
    residualImpact: integer('residual_impact'),
    residualScore: integer('residual_score'),
    /** Shown (title, band, status only) on the project's public status page. */
    isPublic: boolean('is_public').notNull().default(false),
    /** Plan item ids (milestones, workstreams) this item threatens. */
    threatens: jsonb('threatens').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    index('raid_item_project_score_idx').on(t.projectId, t.score),
    // Search (server/data/search.ts queries this very expression).
    index('raid_item_search_idx').using('gin', sql`to_tsvector('english', ${t.title} || ' ' || ${t.description})`),
  ],
);

export const raidItemChange = pgTable(
  'raid_item_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    /** A field name, or `created` / `deleted` for the item as a whole. */
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actorId: text('actor_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('raid_item_change_item_idx').on(t.projectId, t.itemId, t.id)],
);
