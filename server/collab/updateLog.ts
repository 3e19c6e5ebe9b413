// The durable update log of live boards in Postgres/PGlite: append updates (group commit across
// every board: appends that arrive within the commit window or while a commit is in flight share
// the next one), read a board back, and compact a board's rows into one snapshot.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { boardUpdate } from '@/db/schema';

export interface LoggedUpdate {
  data: Uint8Array;
  userId: string | null;
}

interface QueuedAppend {
  board: string;
  updates: readonly LoggedUpdate[];
  resolve(lastId: number): void;
  reject(error: unknown): void;
}

export class UpdateLog {
  private queue: QueuedAppend[] = [];
  private committing = false;
  private windowTimer: NodeJS.Timeout | undefined;

  /** `commitWindowMs`: how long the first append waits for others to share its commit. */
  constructor(
    private readonly db: Database,
    private readonly commitWindowMs = 0,
  ) {}

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

  /**
   * Appends a board's updates; resolves with the id of its newest row once committed. One commit
   * is in flight at a time: everything appended meanwhile, from any board, goes into the next one
   * (one INSERT), so commits per second stay low however many boards are busy.
   */
  append(board: string, updates: readonly LoggedUpdate[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ board, updates, resolve, reject });
      if (this.committing || this.windowTimer) return;
      if (this.commitWindowMs <= 0) void this.commitQueued();
      else {
        this.windowTimer = setTimeout(() => {
          this.windowTimer = undefined;
          void this.commitQueued();
        }, this.commitWindowMs);
      }
    });
  }

  private async commitQueued(): Promise<void> {
    this.committing = true;
    while (this.queue.length) {
      const group = this.queue.splice(0, this.queue.length);
      try {
        const rows = await this.db
          .insert(boardUpdate)
          .values(group.flatMap((a) => a.updates.map((u) => ({ board: a.board, data: u.data, userId: u.userId }))))
          .returning({ id: boardUpdate.id, board: boardUpdate.board });
        const newest = new Map<string, number>();
        for (const row of rows) newest.set(row.board, Math.max(newest.get(row.board) ?? 0, row.id));
        for (const a of group) a.resolve(newest.get(a.board)!);
      } catch (error) {
        for (const a of group) a.reject(error);
      }
    }
    this.committing = false;
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
