// Loading, compaction, unloading and server-side commands of live boards, the socket limits, and
// recovery of an edit that was broadcast but not yet committed when its server went away.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes, messageSync, syncStep1, syncStep2, syncUpdate } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, rawSocket, socketClass, startCollabServer, type Harness } from './harness';
import { textOf } from '@/server/collab/boards/liveText';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer({ compactEvery: 10, limits: { maxMessageBytes: 64 * 1024 } });
});
afterAll(async () => {
  await h?.close();
});

const newTeam = () => projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('live documents', () => {
  it('concurrent opens of one board share a single load', async () => {
    const team = await newTeam();
    const [a, b] = await Promise.all([h.documents.open('risks', team.project.id), h.documents.open('risks', team.project.id)]);
    expect(a).toBe(b);
    a.release();
    b.release();
  });

  it('a long log is compacted through a Y.Doc and loads back the same', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const client = connectClient(h.url, room, team.users.owner.cookie);
    await client.synced;
    const server = await h.documents.open('risks', team.project.id);
    for (let i = 0; i < 25; i++) {
      // One update per commit, each stored as a row until compaction.
      insertRaidItem(client.doc, { title: `Item ${i}` }, team.users.owner.id);
      await eventually(() => expect(raidItemsMap(server.doc).size).toBe(i + 1));
    }
    server.release();
    await h.documents.flushProjections();
    const { rows } = await new UpdateLog(h.db).stats(room);
    expect(rows).toBeLessThan(10);
    const reloaded = new Y.Doc();
    for (const u of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(reloaded, u.data);
    expect(raidItemsMap(reloaded).toJSON()).toEqual(raidItemsMap(client.doc).toJSON());
    client.destroy();
  });

  it('an idle board is unloaded once saved and loads again from the log', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const client = connectClient(h.url, room, team.users.owner.cookie);
    await client.synced;
    const id = insertRaidItem(client.doc, { title: 'Survives unloading' }, team.users.owner.id);
    await eventually(async () => {
      const doc = await h.documents.open('risks', team.project.id);
      doc.release();
      expect(raidItemsMap(doc.doc).has(id)).toBe(true);
    });
    const loaded = await h.documents.open('risks', team.project.id);
    loaded.release();
    client.destroy();
    await eventually(() => expect(loaded.destroyed).toBe(true));
    const again = connectClient(h.url, room, team.users.editor.cookie);
    await again.synced;
    expect(textOf((raidItemsMap(again.doc).get(id) as Y.Map<unknown>).get('title'))).toBe('Survives unloading');
    again.destroy();
  });

  it('a client that has nothing gets a compacted board straight from its stored row, once', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    expect((await new UpdateLog(h.db).stats(room)).rows).toBe(0);
    const scratch = new Y.Doc();
    const id = insertRaidItem(scratch, { title: 'From the stored row' }, team.users.owner.id);
    await new UpdateLog(h.db).append(room, [{ data: Y.encodeStateAsUpdate(scratch), userId: team.users.owner.id }]);

    // Authentication waits until the server holds the socket's request, so that it is there when
    // the board's row is read (with PGlite in this process, a load can finish without I/O waits).
    const gated = await startCollabServer({
      access: (real) => ({
        ...real,
        authenticate: async (req) => {
          const connections = (gated as unknown as { collab: { connections: Set<{ queued: unknown[] }> } }).collab.connections;
          await eventually(() => expect([...connections].some((c) => c.queued.length > 0)).toBe(true));
          return real.authenticate(req);
        },
      }),
    });
    const socket = rawSocket(`${gated.url}/${room}`, { cookie: team.users.viewer.cookie });
    await socket.opened;
    socket.ws.send(new Uint8Array([messageSync, syncStep1, 1, 0])); // "I have nothing"
    await eventually(() => expect(socket.frames.filter((f) => f[0] === messageSync && f[1] === syncStep1)).toHaveLength(1));
    const syncFrames = socket.frames.filter((f) => f[0] === messageSync);
    // Answered before the server's own step 1 (sent once the board is built), and only once.
    expect(syncFrames[0]![1]).toBe(syncStep2);
    expect(syncFrames.filter((f) => f[1] === syncStep2)).toHaveLength(1);
    const received = new Y.Doc();
    const decoder = decoding.createDecoder(new Uint8Array(syncFrames[0]!));
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(received, decoding.readVarUint8Array(decoder));
    expect(textOf((raidItemsMap(received).get(id) as Y.Map<unknown>).get('title'))).toBe('From the stored row');
    socket.ws.close();
    await gated.close();
  });

  it('the whole-board answer kept for clients that have nothing is renewed when the board changes', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const editor = connectClient(h.url, room, team.users.owner.cookie);
    await editor.synced;
    insertRaidItem(editor.doc, { title: 'Before' }, team.users.owner.id);
    const first = connectClient(h.url, room, team.users.viewer.cookie);
    await first.synced;
    await eventually(() => expect(raidItemsMap(first.doc).size).toBe(1));
    insertRaidItem(editor.doc, { title: 'After the first opened' }, team.users.owner.id);
    await eventually(() => expect(raidItemsMap(first.doc).size).toBe(2));
    const second = connectClient(h.url, room, team.users.viewer.cookie);
    await second.synced;
    const titles = [...raidItemsMap(second.doc).values()].map((item) => textOf((item as Y.Map<unknown>).get('title')));
    expect(titles.sort()).toEqual(['After the first opened', 'Before']);
    for (const client of [editor, first, second]) client.destroy();
  });

  it('a server-side command reaches connected clients and is stored', async () => {
    const team = await newTeam();
    const client = connectClient(h.url, `risks:${team.project.id}`, team.users.viewer.cookie);
    await client.synced;
    const result = await h.documents.apply(
      'risks',
      team.project.id,
      { type: 'raid.import', rows: [{ id: 'imported-1', fields: { title: 'From a CSV', likelihood: 2, impact: 2 } }] },
      team.users.owner.id,
    );
    expect(result).toEqual({ created: 1, updated: 0 });
    await eventually(() => expect(textOf((raidItemsMap(client.doc).get('imported-1') as Y.Map<unknown>).get('title'))).toBe('From a CSV'));
    const stored = new Y.Doc();
    for (const u of (await new UpdateLog(h.db).load(`risks:${team.project.id}`)).updates) Y.applyUpdate(stored, u.data);
    expect(raidItemsMap(stored).has('imported-1')).toBe(true);
    client.destroy();
  });

  it('messages sent before authentication finishes are queued, not dropped', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const s = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    const scratch = new Y.Doc();
    const id = insertRaidItem(scratch, { title: 'Sent at once' }, team.users.editor.id);
    await s.opened;
    s.ws.send(updateMessage(Y.encodeStateAsUpdate(scratch))); // before the server has answered anything
    await eventually(async () => {
      const doc = await h.documents.open('risks', team.project.id);
      doc.release();
      expect(raidItemsMap(doc.doc).has(id)).toBe(true);
    });
    s.ws.close();
  });
});

describe('socket limits', () => {
  it('a frame over the size limit closes only that socket with 1009', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const a = connectClient(h.url, room, team.users.owner.cookie);
    const b = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([a.synced, b.synced]);
    const big = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await big.opened;
    big.ws.send(Buffer.alloc(65 * 1024, 1));
    expect((await big.closed).code).toBe(closeCodes.messageTooBig);
    const id = insertRaidItem(a.doc, { title: 'After the big frame' }, team.users.owner.id);
    await eventually(() => expect(raidItemsMap(b.doc).has(id)).toBe(true));
    a.destroy();
    b.destroy();
  });
});

describe('crash before a commit', () => {
  it('an edit others saw before its commit, lost with the server, is stored again from a client that saw it', async () => {
    const team = await newTeam();
    const room = `risks:${team.project.id}`;
    const first = await startCollabServer();
    const writer = connectClient(first.url, room, team.users.owner.cookie);
    const watcher = connectClient(first.url, room, team.users.editor.cookie);
    await Promise.all([writer.synced, watcher.synced]);
    // The database stops answering: the edit is broadcast at once but never committed.
    let unstall = () => {};
    const append = vi.spyOn(UpdateLog.prototype, 'append').mockImplementation(
      () => new Promise<number>((resolve) => (unstall = () => resolve(0))),
    );
    try {
      const id = insertRaidItem(writer.doc, { title: 'Seen, not yet stored' }, team.users.owner.id);
      await eventually(() => expect(raidItemsMap(watcher.doc).has(id)).toBe(true));
      expect(append).toHaveBeenCalled();
      append.mockRestore();
      const log = new UpdateLog(h.db);
      const storedIds = async () => {
        const stored = new Y.Doc();
        for (const u of (await log.load(room)).updates) Y.applyUpdate(stored, u.data);
        return [...raidItemsMap(stored).keys()];
      };
      expect(await storedIds()).not.toContain(id);

      // The server is gone (its commit never happens) and so is the writer; the watcher reconnects
      // to a new server with what it holds, as its provider does after a restart.
      writer.destroy();
      watcher.provider.destroy();
      const second = await startCollabServer();
      const again = new WebsocketProvider(second.url, room, watcher.doc, {
        WebSocketPolyfill: socketClass({ cookie: team.users.editor.cookie }) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await eventually(() => expect(storedIds()).resolves.toContain(id));
      again.destroy();
      await second.close();
    } finally {
      append.mockRestore();
      unstall();
      await first.close();
    }
  });
});

describe('shutdown', () => {
  it('closing the live boards stores an update that was still waiting for its commit', async () => {
    const { db } = h;
    const { LiveDocuments } = await import('@/server/collab/liveDocuments');
    const { silentLogger } = await import('@/server/collab/logger');
    const documents = new LiveDocuments({ db, compactEvery: 500, projectionDebounceMs: 1_000, unloadAfterMs: 60_000, logger: silentLogger });
    const team = await newTeam();
    const doc = await documents.open('risks', team.project.id);
    const scratch = new Y.Doc();
    const id = insertRaidItem(scratch, { title: 'Pending at shutdown' }, team.users.owner.id);
    const stored = doc.submit(Y.encodeStateAsUpdate(scratch), team.users.owner.id);
    doc.release();
    await documents.close();
    await stored;
    const reloaded = new Y.Doc();
    for (const u of (await new UpdateLog(db).load(`risks:${team.project.id}`)).updates) Y.applyUpdate(reloaded, u.data);
    expect(raidItemsMap(reloaded).has(id)).toBe(true);
  });
});
