// The durable update log of every live board (Yjs updates, appended before they are broadcast).
// Compaction replaces a prefix of a board's rows by one snapshot row; Yjs updates commute, so
// row order does not matter for correctness, only for reading them back efficiently.
import { bigserial, customType, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
