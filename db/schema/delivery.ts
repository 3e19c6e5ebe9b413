// Delivery data (issue 17): the work items a project imported from its tracker (a CSV exported by
// Jira, Linear or GitHub) with their created, started and resolved dates, and the column mapping
// the project used last. Written only by delivery.importCsv, in one transaction; read by the
// throughput, cycle time and burn-up series and by the forecasts (docs/api.md, "Delivery data").
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';

/** One work item (a story, bug or task) as the tracker knows it, keyed by the tracker's own key. */
export const deliveryItem = pgTable(
  'delivery_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    /** The tracker's key ("PAY-142", "ENG-7", "#512"): a re-import updates the item with this key. */
    key: text('key').notNull(),
    title: text('title').notNull().default(''),
    /** The tracker's type ("Story", "Bug"), as written; '' when the file has none. */
    type: text('type').notNull().default(''),
    /** Story points or any other estimate; null when the file has none. */
    estimate: doublePrecision('estimate'),
    labels: jsonb('labels').$type<string[]>().notNull().default([]),
    /** When the item was created in the tracker (not when it was imported). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** When it was resolved (done); null while it is open. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** The milestone or workstream of the plan it belongs to (a plan item id; not a foreign key, as plan items live on the board). */
    planItemId: text('plan_item_id'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('delivery_item_key').on(t.projectId, t.key),
    index('delivery_item_resolved_idx').on(t.projectId, t.resolvedAt),
    check('delivery_item_key_length', sql`char_length(${t.key}) between 1 and 200`),
    check('delivery_item_title_length', sql`char_length(${t.title}) <= 500`),
    check('delivery_item_type_length', sql`char_length(${t.type}) <= 100`),
    check('delivery_item_estimate', sql`${t.estimate} is null or (${t.estimate} >= 0 and ${t.estimate} <= 1000000)`),
    check('delivery_item_dates', sql`(${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.createdAt}) and (${t.startedAt} is null or ${t.startedAt} >= ${t.createdAt})`),
  ],
);

/** The column mapping a project's last import used, offered again at its next import. */
export const deliveryMapping = pgTable('delivery_mapping', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
