// A board whose history far outweighs its content is rebuilt without it when it loads (a new
// generation), and a tab still holding the older generation loses nothing: its edits are carried
// over as its user's, it is told to open the board again, and nothing is duplicated.
import { eq } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardGeneration } from '@/db/schema';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { messageRebuilt, messageSaved } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, serverBoard, socketClass, startCollabServer, storedBoard, type Harness } from './harness';
import { textOf } from '@/server/collab/boards/liveText';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer({ rebuild: { minBytes: 4 * 1024, minRatio: 4 } });
});
afterAll(async () => {
  await h?.close();
});

/** A risk board whose one item had its rating rewritten 2,000 times, stored one row per edit. */
async function longEditedBoard() {
  const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  const room = `risks:${team.project.id}`;
  const history = new Y.Doc();
  const rows: Uint8Array[] = [];
  history.on('update', (update: Uint8Array) => rows.push(update));
  const id = insertRaidItem(history, { title: 'Vendor slips' }, team.users.owner.id);
  const item = raidItemsMap(history).get(id) as Y.Map<unknown>;
  // Two fields in turn: Yjs merges a run of one client's overwrites of one field, not these.
  for (let i = 0; i < 2_000; i++) item.set(i % 2 ? 'likelihood' : 'impact', (i % 5) + 1);
  await new UpdateLog(h.db).append(room, rows.map((data) => ({ data, userId: team.users.owner.id })));
  return { team, room, id, rows };
}

/** A tab that held the board before it was rebuilt: its document is the older generation. */
function staleTab(room: string, cookie: string, rows: Uint8Array[]) {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  let rebuiltNotices = 0;
  let saved = 0;
  const connect = () => {
    const provider = new WebsocketProvider(h.url, room, doc, {
      WebSocketPolyfill: socketClass({ cookie }) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { saved: '1' },
    });
    provider.messageHandlers[messageRebuilt] = () => {
      rebuiltNotices++;
    };
    // `saved N`: the server has handled (carried over, or for a viewer ignored) the first N updates.
    provider.messageHandlers[messageSaved] = (_encoder, decoder) => {
      saved = Math.max(saved, decoding.readVarUint(decoder));
    };
    return provider;
  };
  return { doc, connect, notices: () => rebuiltNotices, saved: () => saved };
}

const titleOf = (doc: Y.Doc, id: string) => textOf((raidItemsMap(doc).get(id) as Y.Map<unknown> | undefined)?.get('title'));

describe('rebuilding a long-edited board', () => {
  it('loads as a new generation: one small row, the older state kept, the same content', async () => {
    const { team, room, id, rows } = await longEditedBoard();
    const before = await new UpdateLog(h.db).stats(room);
    expect(before.rows).toBe(rows.length);

    const reader = connectClient(h.url, room, team.users.owner.cookie);
    await reader.synced;
    expect(titleOf(reader.doc, id)).toBe('Vendor slips');
    expect((raidItemsMap(reader.doc).get(id) as Y.Map<unknown>).get('likelihood')).toBe(5);
    const after = await new UpdateLog(h.db).stats(room);
    expect(after.rows).toBe(1);
    expect(after.bytes * 10).toBeLessThan(before.bytes);
    const generations = await h.db.select().from(boardGeneration).where(eq(boardGeneration.board, room));
    expect(generations.map((g) => g.generation)).toEqual([1]);
    // The reader got the rebuilt document: one item, no struct of the older generation.
    expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeLessThan(1_000);
    reader.destroy();
  });

  it('carries over the edits of a tab holding the older generation, tells it to reopen, duplicates nothing', async () => {
    const { team, room, id, rows } = await longEditedBoard();
    const tab = staleTab(room, team.users.editor.cookie, rows);
    // Edited while the board was being rebuilt (offline, or before a restart).
    tab.doc.transact(() => (raidItemsMap(tab.doc).get(id) as Y.Map<unknown>).set('title', 'Vendor slips again'));
    const added = insertRaidItem(tab.doc, { title: 'Added offline' }, team.users.editor.id);

    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    await watcher.synced; // loads, and rebuilds, the board
    const provider = tab.connect();
    await eventually(() => expect(tab.notices()).toBe(1));
    expect(titleOf(watcher.doc, id)).toBe('Vendor slips again');
    expect(titleOf(watcher.doc, added)).toBe('Added offline');
    expect(raidItemsMap(watcher.doc).size).toBe(2);
    // Nothing of the older generation reached the board.
    expect(Y.encodeStateAsUpdate(watcher.doc).byteLength).toBeLessThan(2_000);
    provider.destroy();

    // Opened again, as the web app does on the notice: the carried-over edits are stored.
    await h.documents.flushProjections();
    const reopened = connectClient(h.url, room, team.users.editor.cookie);
    await reopened.synced;
    expect(titleOf(reopened.doc, added)).toBe('Added offline');
    expect(raidItemsMap(reopened.doc).size).toBe(2);
    reopened.destroy();
    watcher.destroy();
  });

  it('an edit two stale tabs hold (one made it, the other saw it) is carried over once', async () => {
    const { team, room, id, rows } = await longEditedBoard();
    const maker = staleTab(room, team.users.editor.cookie, rows);
    const witness = staleTab(room, team.users.owner.cookie, rows);
    // A list item added by one tab and broadcast to the other, then lost with the server before
    // its commit; a list item would be doubled if both tabs' copies were carried over.
    const edit: Uint8Array[] = [];
    maker.doc.on('update', (update: Uint8Array) => edit.push(update));
    maker.doc.transact(() => {
      const item = raidItemsMap(maker.doc).get(id) as Y.Map<unknown>;
      item.set('threatens', ['m-1']);
      maker.doc.getArray<string>('notes').push(['Seen by both']);
    });
    Y.applyUpdate(witness.doc, edit[0]!);

    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    await watcher.synced;
    const first = maker.connect();
    const second = witness.connect();
    await eventually(() => expect(maker.notices() + witness.notices()).toBe(2));
    expect(watcher.doc.getArray('notes').toArray()).toEqual(['Seen by both']);
    expect((raidItemsMap(watcher.doc).get(id) as Y.Map<unknown>).get('threatens')).toEqual(['m-1']);
    first.destroy();
    second.destroy();
    watcher.destroy();
  });

  it('tells a viewer holding the older generation to reopen, and applies none of its changes', async () => {
    const { team, room, id, rows } = await longEditedBoard();
    const tab = staleTab(room, team.users.viewer.cookie, rows);
    tab.doc.transact(() => (raidItemsMap(tab.doc).get(id) as Y.Map<unknown>).set('title', 'Not allowed'));
    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    await watcher.synced;
    const provider = tab.connect();
    await eventually(() => expect(tab.notices()).toBe(1));
    // The notice comes as soon as the viewer is recognised; the ack of its first update (its whole
    // document) proves that update was handled too.
    await eventually(() => expect(tab.saved()).toBeGreaterThanOrEqual(1));
    await h.documents.flushProjections();
    expect(titleOf(await serverBoard(h, room), id)).toBe('Vendor slips');
    expect(titleOf(await storedBoard(h.db, room), id)).toBe('Vendor slips');
    expect(titleOf(watcher.doc, id)).toBe('Vendor slips');
    provider.destroy();
    watcher.destroy();
  });
});
