// The durable update log of live boards in Postgres/PGlite: append a group of updates in one
// transaction, read a board back, and compact a board's rows into one snapshot.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { boardUpdate } from '@/db/schema';

export interface LoggedUpdate {
  data: Uint8Array;
  userId: string | null;
}

export class UpdateLog {
  constructor(private readonly db: Database) {}

  /** Every stored update of a board, oldest first, and the id of the newest row. */
  async load(board: string): Promise<{ updates: LoggedUpdate[]; lastId: number }> {
    const rows = await this.db
      .select({ id: boardUpdate.id, data: boardUpdate.data, userId: boardUpdate.userId })
      .from(boardUpdate)
      .where(eq(boardUpdate.board, board))
      .orderBy(asc(boardUpdate.id));
    return {
      updates: rows.map((r) => ({ data: new Uint8Array(r.data), userId: r.userId })),
      lastId: rows.length ? rows[rows.length - 1]!.id : 0,
    };
  }

  /** Appends updates in one transaction (group commit); returns the id of the newest row. */
  async append(board: string, updates: readonly LoggedUpdate[]): Promise<number> {
    const rows = await this.db
      .insert(boardUpdate)
      .values(updates.map((u) => ({ board, data: u.data, userId: u.userId })))
      .returning({ id: boardUpdate.id });
    return Math.max(...rows.map((r) => r.id));
  }

  /**
   * Replaces every row of the board up to `throughId` by one snapshot of the state they add up
   * to. Yjs updates commute, so the snapshot's newer id does not reorder anything.
   */
  async compact(board: string, snapshot: Uint8Array, throughId: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.delete(boardUpdate).where(and(eq(boardUpdate.board, board), lte(boardUpdate.id, throughId)));
      const [row] = await tx.insert(boardUpdate).values({ board, data: snapshot, userId: null }).returning({ id: boardUpdate.id });
      return row!.id;
    });
  }

  async stats(board: string): Promise<{ rows: number; bytes: number }> {
    const [row] = await this.db
      .select({ rows: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(octet_length(${boardUpdate.data})), 0)::int` })
      .from(boardUpdate)
      .where(eq(boardUpdate.board, board));
    return { rows: row?.rows ?? 0, bytes: row?.bytes ?? 0 };
  }
}
