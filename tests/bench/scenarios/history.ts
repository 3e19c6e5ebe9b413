// History: a board whose log holds 100,000 small updates. Time for a new client to load and sync it
// (the first load also compacts the log through a Y.Doc and, its history far outweighing its
// content, rebuilds it as a new generation), the same once stored that way, and the rows and bytes
// of the log before and after. Waymark only: Hocuspocus keeps one state row, no log.
import postgres from 'postgres';
import * as Y from 'yjs';
import { connectBenchClient } from '../clients';
import { prepareRooms, type RunningServer } from '../servers';

export interface HistoryResult {
  updates: number;
  rowsBefore: number;
  bytesBefore: number;
  firstLoadMs: number;
  rowsAfter: number;
  bytesAfter: number;
  /** Generations the board has been rebuilt into (server/collab/rebuild.ts). */
  generations: number;
  loadAfterCompactionMs: number;
}

async function logSize(sql: postgres.Sql, board: string) {
  const [row] = await sql`select count(*)::int as rows, coalesce(sum(octet_length(data)), 0)::int as bytes from board_update where board = ${board}`;
  return { rows: row!.rows as number, bytes: row!.bytes as number };
}

async function timeToSync(server: RunningServer, room: string, cookie: string): Promise<number> {
  const started = performance.now();
  const client = connectBenchClient(server, room, cookie);
  await client.synced;
  const ms = performance.now() - started;
  client.destroy();
  return Math.round(ms * 10) / 10;
}

export async function history(server: RunningServer, databaseUrl: string, options: { updates?: number } = {}): Promise<HistoryResult> {
  const { updates = 100_000 } = options;
  const { rooms, cookie } = await prepareRooms(server, 1);
  const room = rooms[0]!;
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    // 100,000 small edits, each its own update, as a long-lived board accumulates them.
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => rows.push(update));
    const items = doc.getMap<number>('items-history');
    for (let i = 0; i < updates; i++) items.set(`k${i % 500}`, i);
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000).map((data) => ({ board: room, data: Buffer.from(data) }));
      await sql`insert into board_update ${sql(chunk, 'board', 'data')}`;
    }
    const before = await logSize(sql, room);
    const firstLoadMs = await timeToSync(server, room, cookie);
    // Let the board unload so the second load reads the compacted log.
    const deadline = performance.now() + 30_000;
    while ((await server.stats()).boards > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const after = await logSize(sql, room);
    const [{ generations }] = (await sql`select count(*)::int as generations from board_generation where board = ${room}`) as unknown as [{ generations: number }];
    const loadAfterCompactionMs = await timeToSync(server, room, cookie);
    return {
      updates,
      rowsBefore: before.rows,
      bytesBefore: before.bytes,
      firstLoadMs,
      rowsAfter: after.rows,
      bytesAfter: after.bytes,
      generations,
      loadAfterCompactionMs,
    };
  } finally {
    await sql.end();
  }
}
