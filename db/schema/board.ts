// The durable update log of every live board (Yjs updates, committed within milliseconds of
// their broadcast; docs/collab-protocol.md).
// Compaction replaces a prefix of a board's rows by one snapshot row; Yjs updates commute, so
// row order does not matter for correctness, only for reading them back efficiently.
import { bigserial, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { project } from './project';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js sends a Buffer as bytea (a bare Uint8Array would be sent as text); PGlite takes either.
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export const boardUpdate = pgTable(
  'board_update',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The room name, e.g. `risks:<projectId>`. */
    board: text('board').notNull(),
    data: bytea('data').notNull(),
    /** Who sent the update; null for compacted snapshots and system writes. */
    userId: text('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('board_update_board_id_idx').on(t.board, t.id)],
);

/**
 * A board rebuilt without its history starts a new generation (server/collab/rebuild.ts). Row N
 * keeps the last state of generation N-1, so that edits from a client still holding a document of
 * that generation can be carried over, and its state vector, by which such a client is recognised.
 */
export const boardGeneration = pgTable(
  'board_generation',
  {
    board: text('board').notNull(),
    generation: integer('generation').notNull(),
    /** The whole state of the previous generation when it was rebuilt (a Yjs update). */
    base: bytea('base').notNull(),
    /** Its Yjs state vector. */
    baseStateVector: bytea('base_state_vector').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.board, t.generation] })],
);

/**
 * What a board's projection could not write (server/collab/projections/issues.ts): one row per item
 * it skipped (`itemId`), or one with an empty `itemId` when the whole projection keeps failing and
 * its retries stopped. Rewritten after every run; shown to the project's owners and editors as
 * "needs attention" on the board.
 */
export const projectionIssue = pgTable(
  'projection_issue',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    /** The board kind (`risks`, `plan`), or the room name of a meeting's board (`meeting:<meetingId>`). */
    board: text('board').notNull(),
    /** The skipped item's id; empty for the board as a whole. */
    itemId: text('item_id').notNull(),
    title: text('title').notNull().default(''),
    reason: text('reason').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.board, t.itemId] })],
);
