// The durable update log of live boards in Postgres/PGlite: append updates (group commit across
// every board: appends that arrive within the commit window or while a commit is in flight share
// the next one; a board whose rows fail does not fail the others'), read a board back, compact a
// board's rows into one snapshot, and start a new generation of a board rebuilt without its
// history (keeping the last state of the one before).
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { boardGeneration, boardUpdate } from '@/db/schema';
import { byteRuns } from './turns';

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

/** The most update bytes one INSERT carries (a bigger update goes alone). */
const statementBytes = 1024 * 1024;

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
        await this.insert(group);
      } catch (error) {
        // One board's rows failing (a constraint, a trigger, a value the database refuses) must
        // not fail the other boards that shared the commit: each board is tried again alone.
        const boards = new Set(group.map((a) => a.board));
        if (boards.size === 1) for (const a of group) a.reject(error);
        else {
          for (const board of boards) {
            const own = group.filter((a) => a.board === board);
            await this.insert(own).catch((boardError: unknown) => {
              for (const a of own) a.reject(boardError);
            });
          }
        }
      }
    }
    this.committing = false;
  }

  /**
   * Stores the appends' rows and resolves each with its board's newest id; throws if they cannot
   * all be stored. Usually one INSERT; rows of more than `statementBytes` together go in several,
   * in one transaction, because the driver encodes a statement's parameters in one go (bytea as
   * hex: ~3 ms of CPU per MiB), which for a few big updates held the event loop for 60 ms.
   */
  private async insert(group: readonly QueuedAppend[]): Promise<void> {
    const values = group.flatMap((a) => a.updates.map((u) => ({ board: a.board, data: u.data, userId: u.userId })));
    const statements = byteRuns(values, (row) => row.data.byteLength, statementBytes);
    const insertRows = (db: Database | Transaction, rows: typeof values) => db.insert(boardUpdate).values(rows).returning({ id: boardUpdate.id, board: boardUpdate.board });
    const rows =
      statements.length === 1
        ? await insertRows(this.db, statements[0]!)
        : await this.db.transaction(async (tx) => {
            const stored: { id: number; board: string }[] = [];
            for (const statement of statements) stored.push(...(await insertRows(tx, statement)));
            return stored;
          });
    const newest = new Map<string, number>();
    for (const row of rows) newest.set(row.board, Math.max(newest.get(row.board) ?? 0, row.id));
    for (const a of group) a.resolve(newest.get(a.board)!);
  }

  /**
   * Replaces every row of the board up to `throughId` by one snapshot of the state they add up
   * to. Yjs updates commute, so the snapshot's newer id does not reorder anything.
   */
  async compact(board: string, snapshot: Uint8Array, throughId: number): Promise<number> {
    return this.db.transaction((tx) => replaceRows(tx, board, snapshot, throughId));
  }

  /** The board's past generations (none until it is first rebuilt), oldest first, with the state vector each ended with. */
  async generations(board: string): Promise<{ generation: number; baseStateVector: Uint8Array }[]> {
    const rows = await this.db
      .select({ generation: boardGeneration.generation, baseStateVector: boardGeneration.baseStateVector })
      .from(boardGeneration)
      .where(eq(boardGeneration.board, board))
      .orderBy(asc(boardGeneration.generation));
    return rows.map((r) => ({ generation: r.generation, baseStateVector: new Uint8Array(r.baseStateVector) }));
  }

  /** The whole last state of the generation before `generation`. */
  async generationBase(board: string, generation: number): Promise<Uint8Array> {
    const [row] = await this.db
      .select({ base: boardGeneration.base })
      .from(boardGeneration)
      .where(and(eq(boardGeneration.board, board), eq(boardGeneration.generation, generation)));
    if (!row) throw new Error(`${board} has no generation ${generation}`);
    return new Uint8Array(row.base);
  }

  /**
   * Starts generation `generation` of the board: keeps `base` (the whole state of the previous one,
   * every row up to `throughId`) and replaces those rows by `snapshot`, the rebuilt document, in
   * one transaction. Refuses, changing nothing, if rows were appended after `throughId` (they
   * belong to the previous generation) or the generation exists. Resolves with the snapshot's id.
   */
  async rebuild(board: string, rebuild: { generation: number; base: Uint8Array; baseStateVector: Uint8Array; snapshot: Uint8Array; throughId: number }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [newer] = await tx
        .select({ id: boardUpdate.id })
        .from(boardUpdate)
        .where(and(eq(boardUpdate.board, board), gt(boardUpdate.id, rebuild.throughId)))
        .limit(1);
      if (newer) throw new Error(`${board} changed while it was being rebuilt`);
      await tx.insert(boardGeneration).values({ board, generation: rebuild.generation, base: rebuild.base, baseStateVector: rebuild.baseStateVector });
      return replaceRows(tx, board, rebuild.snapshot, rebuild.throughId);
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

/** Replaces a board's rows up to `throughId` by one snapshot row; resolves with its id. */
async function replaceRows(tx: Transaction, board: string, snapshot: Uint8Array, throughId: number): Promise<number> {
  await tx.delete(boardUpdate).where(and(eq(boardUpdate.board, board), lte(boardUpdate.id, throughId)));
  const [row] = await tx.insert(boardUpdate).values({ board, data: snapshot, userId: null }).returning({ id: boardUpdate.id });
  return row!.id;
}
