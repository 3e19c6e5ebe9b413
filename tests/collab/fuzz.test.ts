// Seeded fuzzing of admitted sockets with frames that get past the envelope: random Yjs updates
// (well-formed edits of the board's own shape and junk values in it), random presence, random
// sync requests, and truncated or mutated updates. Every frame is proven handled (a sync request
// after it on the same socket is answered, or the socket is closed by the frame meant to close it)
// before anything is checked: the server answers, honest clients converge with it, what it holds
// is what it stored, editors' edits are saved and acknowledged, a viewer's never.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import {
  closeCodes,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSaved,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from '@/server/collab/protocol';
import { projectWithTeam } from '../support/factories';
import { prng } from '../support/prng';
import { connectClient, envelope, eventually, rawSocket, serverBoard, startCollabServer, storedBoard, type Harness } from './harness';

const seed = 20261202;
const framesPerSocket = 200;

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  // A rate limit high enough that the fuzz is about content, not flooding (hostile.test.ts covers that).
  h = await startCollabServer({ limits: { messagesPerSecond: 100_000, maxAwarenessBytes: 8 * 1024 } });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `risks:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
});

type FrameKind = 'update' | 'presence' | 'sync request' | 'presence request' | 'auth' | 'truncated update' | 'mutated update' | 'presence not JSON';

interface Frame {
  kind: FrameKind;
  bytes: Uint8Array;
  /** The server may close the socket for this frame (4422 or 4400), and for no other. */
  mayClose: boolean;
}

/** Random inputs from one seed, so a failing run can be replayed. */
function generator(random: () => number) {
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const alphabet = 'abc xyz\u00e9\u4e2d\u{1f600}\u0000\u202e"\\<>{}';
  const text = (max: number) => Array.from({ length: int(max) }, () => pick([...alphabet])).join('');
  const value = (depth = 0): unknown => {
    switch (int(depth > 1 ? 6 : 8)) {
      case 0: return null;
      case 1: return random() < 0.5;
      case 2: return pick([0, -1, 1.5, 1e308, -1e-308, Number.MAX_SAFE_INTEGER, int(10)]);
      case 3: return text(40);
      case 4: return new Uint8Array(Array.from({ length: int(8) }, () => int(256)));
      case 5: return pick(['open', 'closed', 'risk', 'issue', '2026-02-30', '']);
      case 6: return Array.from({ length: int(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(4) }, () => [text(8), value(depth + 1)]));
    }
  };
  const fieldNames = ['title', 'kind', 'status', 'likelihood', 'impact', 'owner', 'dueDate', 'mitigation', 'threatens', 'createdBy', text(6)];

  /** One random edit of `doc`, of the board's shape or not; the update it makes (null if none). */
  const edit = (doc: Y.Doc): Uint8Array | null => {
    const updates: Uint8Array[] = [];
    const record = (update: Uint8Array) => updates.push(update);
    doc.on('update', record);
    const items = raidItemsMap(doc);
    const ids = [...items.keys()];
    doc.transact(() => {
      const op = int(7);
      if (op === 0 || !ids.length) {
        insertRaidItem(doc, { title: text(30), likelihood: int(7), impact: int(7) }, text(10), `fuzz-${int(1e9)}`);
      } else if (op === 1) {
        const item = items.get(pick(ids));
        if (item instanceof Y.Map) item.set(pick(fieldNames), value());
      } else if (op === 2) {
        const item = items.get(pick(ids));
        const title = item instanceof Y.Map ? item.get('title') : undefined;
        if (title instanceof Y.Text) title.insert(int(title.length + 1), text(10));
      } else if (op === 3) {
        items.set(pick([...ids, `junk-${int(1e6)}`]), value());
      } else if (op === 4) {
        items.delete(pick(ids));
      } else if (op === 5) {
        doc.getArray('fuzz').insert(0, [value()]);
      } else {
        doc.getMap(pick(['meta', text(5)])).set(text(5), value());
      }
    });
    doc.off('update', record);
    return updates.length ? Y.mergeUpdates(updates) : null;
  };

  const presence = (ownClientId: number, asJson = true): Uint8Array => {
    const encoder = encoding.createEncoder();
    const count = 1 + int(3);
    encoding.writeVarUint(encoder, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(encoder, random() < 0.6 ? ownClientId : int(2 ** 31));
      encoding.writeVarUint(encoder, int(1_000));
      const state =
        random() < 0.15
          ? null
          : { user: random() < 0.8 ? { id: text(10), name: text(200), color: text(7) } : value(), editing: random() < 0.5 ? text(12) : value(), junk: value() };
      encoding.writeVarString(encoder, asJson ? JSON.stringify(state) : `{${text(20)}`);
    }
    return encoding.toUint8Array(encoder);
  };

  const stateVector = (): Uint8Array => {
    const encoder = encoding.createEncoder();
    const count = int(4);
    encoding.writeVarUint(encoder, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(encoder, int(2 ** 31));
      encoding.writeVarUint(encoder, int(1e6));
    }
    return encoding.toUint8Array(encoder);
  };

  return { int, random, edit, presence, stateVector };
}

/**
 * One person's fuzzing socket: its frames, the Yjs document its well-formed updates come from
 * (kept across reconnects, so the server has every earlier one), and what it proved handled.
 */
function fuzzer(name: 'owner' | 'editor' | 'viewer', random: () => number) {
  const gen = generator(random);
  const author = new Y.Doc();
  const scratch = new Y.Doc(); // truncated and mutated updates come from here, never sent whole
  const ownClientId = 1 + gen.int(2 ** 30);
  const stats = { sent: 0, handled: 0, byKind: {} as Partial<Record<FrameKind, number>>, closes: [] as { code: number; after: FrameKind }[], updatesOnLastSocket: 0 };

  const nextFrame = (last: boolean): Frame => {
    const r = gen.random();
    if (last && r < 0.3) {
      const update = gen.edit(scratch);
      if (update && update.length > 2) {
        const roll = gen.random();
        if (roll < 0.4) return { kind: 'truncated update', bytes: envelope(messageSync, syncUpdate, update.slice(0, 1 + gen.int(update.length - 1))), mayClose: true };
        if (roll < 0.9) {
          const mutated = update.slice();
          for (let i = 0, n = 1 + gen.int(3); i < n; i++) mutated[gen.int(mutated.length)] = gen.int(256);
          return { kind: 'mutated update', bytes: envelope(messageSync, syncUpdate, mutated), mayClose: true };
        }
      }
      return { kind: 'presence not JSON', bytes: envelope(messageAwareness, null, gen.presence(ownClientId, false)), mayClose: true };
    }
    if (r < 0.45) {
      const update = gen.edit(author);
      if (update) return { kind: 'update', bytes: envelope(messageSync, gen.random() < 0.5 ? syncUpdate : syncStep2, update), mayClose: false };
    }
    if (r < 0.75) return { kind: 'presence', bytes: envelope(messageAwareness, null, gen.presence(ownClientId)), mayClose: false };
    if (r < 0.88) return { kind: 'sync request', bytes: envelope(messageSync, syncStep1, gen.stateVector()), mayClose: false };
    if (r < 0.96) return { kind: 'presence request', bytes: new Uint8Array([messageQueryAwareness]), mayClose: false };
    return { kind: 'auth', bytes: envelope(messageAuth, null, new Uint8Array([gen.int(256)])), mayClose: false };
  };

  /** Sends every frame in batches; after each, a sync request whose answer proves the batch handled. */
  const run = async () => {
    let socket = await openSocket();
    let requests = 0;
    let updates = 0;
    while (stats.sent < framesPerSocket) {
      const size = 1 + gen.int(8);
      const batch = Array.from({ length: size }, (_, i) => nextFrame(i === size - 1));
      for (const frame of batch) socket.ws.send(frame.bytes);
      socket.ws.send(envelope(messageSync, syncStep1, new Uint8Array([0])));
      stats.sent += batch.length;
      requests += batch.filter((f) => f.kind === 'sync request').length + 1;
      updates += batch.filter((f) => f.kind.endsWith('update')).length;
      const answered = () => socket.frames.filter((f) => f[0] === messageSync && f[1] === syncStep2).length >= requests;
      let closed: { code: number } | undefined;
      void socket.closed.then((c) => (closed = c));
      await eventually(() => expect(closed !== undefined || answered()).toBe(true), 10_000);
      const outcome = answered() ? ('answered' as const) : closed!;
      if (outcome === 'answered') {
        for (const frame of batch) stats.byKind[frame.kind] = (stats.byKind[frame.kind] ?? 0) + 1;
        stats.handled += batch.length;
        continue;
      }
      // Closed: only the batch's last frame may do that, and then it was handled too (frames are handled in order).
      stats.closes.push({ code: outcome.code, after: batch.at(-1)!.kind });
      if (batch.at(-1)!.mayClose && (outcome.code === closeCodes.updateRejected || outcome.code === closeCodes.malformedMessage)) {
        for (const frame of batch) stats.byKind[frame.kind] = (stats.byKind[frame.kind] ?? 0) + 1;
        stats.handled += batch.length;
      }
      socket = await openSocket();
      requests = 0;
      updates = 0;
    }
    stats.updatesOnLastSocket = updates;
    return socket;
  };

  async function openSocket() {
    const socket = rawSocket(`${h.url}/${room}?saved=1`, { cookie: team.users[name].cookie });
    await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
    return socket;
  }

  /** The highest `saved N` a socket received. */
  const lastAck = (socket: ReturnType<typeof rawSocket>) => {
    let highest = 0;
    for (const frame of socket.frames) {
      if (frame[0] !== messageSaved) continue;
      const decoder = decoding.createDecoder(new Uint8Array(frame));
      decoding.readVarUint(decoder);
      highest = Math.max(highest, decoding.readVarUint(decoder));
    }
    return highest;
  };

  return { name, author, stats, run, lastAck };
}

/** How far the document has seen the given Yjs client (0: nothing of it). */
const clockOf = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;

describe('fuzzing admitted sockets', () => {
  it('frames that get past the envelope are all handled, and leave the server, the log and honest clients sound', { timeout: 180_000 }, async () => {
    const random = prng(seed);
    // Honest clients on the board the whole time.
    const honestA = connectClient(h.url, room, team.users.owner.cookie);
    const honestB = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([honestA.synced, honestB.synced]);
    insertRaidItem(honestA.doc, { title: 'Before the fuzz' }, team.users.owner.id);

    const fuzzers = (['owner', 'editor', 'viewer'] as const).map((name) => fuzzer(name, prng(Math.floor(random() * 2 ** 31))));
    const sockets = await Promise.all(fuzzers.map((f) => f.run()));

    // Every frame reached the board's handler: its batch was answered, or closed by its last frame.
    for (const { name, stats } of fuzzers) {
      const unexpected = stats.closes.filter((c) => !(c.code === closeCodes.updateRejected || c.code === closeCodes.malformedMessage) || !['truncated update', 'mutated update', 'presence not JSON'].includes(c.after));
      expect(unexpected, `${name}: sockets closed by a frame that should not close them`).toEqual([]);
      expect(stats.handled, `${name}: frames handled of ${stats.sent}`).toBe(stats.sent);
      expect(stats.byKind.update ?? 0, `${name}: well-formed updates handled`).toBeGreaterThan(framesPerSocket / 5);
      expect(stats.byKind.presence ?? 0, `${name}: presence handled`).toBeGreaterThan(framesPerSocket / 10);
    }
    expect(fuzzers.reduce((n, f) => n + f.stats.closes.length, 0), 'some frames were meant to be refused').toBeGreaterThan(0);

    // What the server holds is what it stored; every editor's well-formed edit is in it, no viewer's.
    await h.documents.flushProjections();
    const live = await serverBoard(h, room);
    const stored = await storedBoard(h.db, room);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live));
    expect(raidItemsMap(stored).toJSON()).toEqual(raidItemsMap(live).toJSON());
    for (const { name, author } of fuzzers) {
      const expected = name === 'viewer' ? 0 : clockOf(author, author.clientID);
      expect(clockOf(stored, author.clientID), `${name}'s edits in the log`).toBe(expected);
    }
    // Editors' last sockets were told every update they sent there is durable; the viewer's, every update ignored.
    for (const [i, f] of fuzzers.entries()) {
      await eventually(() => expect(f.lastAck(sockets[i]!)).toBe(f.stats.updatesOnLastSocket));
    }

    // Honest clients converge with the server and keep editing; their edits are saved.
    await eventually(() => {
      expect(raidItemsMap(honestA.doc).toJSON()).toEqual(raidItemsMap(live).toJSON());
      expect(raidItemsMap(honestB.doc).toJSON()).toEqual(raidItemsMap(live).toJSON());
    }, 10_000);
    const after = insertRaidItem(honestB.doc, { title: 'After the fuzz' }, team.users.editor.id);
    await eventually(() => expect(raidItemsMap(honestA.doc).has(after)).toBe(true));
    await h.documents.flushProjections();
    expect(raidItemsMap(await storedBoard(h.db, room)).has(after)).toBe(true);
    for (const s of sockets) s.ws.close();
    honestA.destroy();
    honestB.destroy();
  });
});
