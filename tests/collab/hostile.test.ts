// Hostile input: truncated and huge varints, unknown types, Yjs updates that do not decode (the
// reproducers of yjs issues #479 and #687), awareness floods, oversized presence, and too much
// sent before authentication. The server stays up, only the offending socket is closed, promptly,
// the other clients keep editing and the stored log stays loadable. Frames that get past the
// envelope are fuzzed on admitted sockets in fuzz.test.ts.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes, messageAwareness, messageSync, syncUpdate } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { projectWithTeam } from '../support/factories';
import { connectClient, envelope, eventually, rawSocket, startCollabServer, type Harness } from './harness';

let h: Harness;
let hanging: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  h = await startCollabServer({ limits: { messagesPerSecond: 100, maxAwarenessBytes: 8 * 1024 } });
  hanging = await startCollabServer({
    limits: { maxQueuedMessages: 20, maxMessageBytes: 64 * 1024 },
    access: (real) => ({ ...real, authenticate: () => new Promise(() => {}) }),
  });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `risks:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
  await hanging?.close();
});


async function admittedSocket(cookie = team.users.editor.cookie) {
  const s = rawSocket(`${h.url}/${room}`, { cookie });
  await s.opened;
  await eventually(() => expect(s.frames.length).toBeGreaterThan(0));
  return s;
}

/** Sends one frame and waits for the server to close the socket. */
async function closedAfter(frame: Uint8Array | string) {
  const s = await admittedSocket();
  s.ws.send(frame);
  const { code } = await s.closed;
  return { code };
}

async function editorsStillConverge() {
  const a = connectClient(h.url, room, team.users.owner.cookie);
  const b = connectClient(h.url, room, team.users.editor.cookie);
  await Promise.all([a.synced, b.synced]);
  const id = insertRaidItem(a.doc, { title: `Still editing ${Math.random()}` }, team.users.owner.id);
  await eventually(() => expect(raidItemsMap(b.doc).has(id)).toBe(true));
  a.destroy();
  b.destroy();
}

async function storedLogLoads() {
  const doc = new Y.Doc();
  for (const { data } of (await new UpdateLog(h.db).load(room)).updates) expect(() => Y.applyUpdate(doc, data)).not.toThrow();
}

describe('hostile input', () => {
  const malformed: [string, Uint8Array | string, number][] = [
    ['truncated varint', new Uint8Array([messageSync, 0xff]), closeCodes.malformedMessage],
    ['huge varint', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), closeCodes.malformedMessage],
    ['unknown message type', new Uint8Array([42, 1, 2, 3]), closeCodes.malformedMessage],
    ['sync message with an unknown step', envelope(messageSync, 9, new Uint8Array([0])), closeCodes.malformedMessage],
    ['empty frame', new Uint8Array([]), closeCodes.malformedMessage],
    ['text frame', '{"type":"sync"}', closeCodes.malformedMessage],
    ['yjs #479: a garbage update in a valid envelope', envelope(messageSync, syncUpdate, Buffer.from('garbagedoc', 'base64')), closeCodes.updateRejected],
    ['an update whose struct count runs past the end', envelope(messageSync, syncUpdate, Buffer.from('fdffffffff7f00', 'hex')), closeCodes.updateRejected],
    ['an update with an out-of-range varint', envelope(messageSync, syncUpdate, Buffer.from('ffffffffffffffffff7f', 'hex')), closeCodes.updateRejected],
    ['a truncated awareness update', envelope(messageAwareness, null, new Uint8Array([5, 1])), closeCodes.malformedMessage],
  ];
  for (const [name, frame, code] of malformed) {
    it(`${name}: only that socket is closed (${code})`, async () => {
      const result = await closedAfter(frame);
      expect(result.code).toBe(code);
    });
  }

  it('yjs #687: the run-length reproducer in a valid envelope neither hangs nor breaks the board', async () => {
    const s = await admittedSocket();
    s.ws.send(envelope(messageSync, syncUpdate, Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex')));
    await h.documents.flushProjections();
    await editorsStillConverge();
    await storedLogLoads();
    s.ws.close();
  });

  it('an awareness flood closes the flooding socket with 4429; the others keep editing', async () => {
    const flooder = await admittedSocket();
    const tiny = envelope(messageAwareness, null, new Uint8Array([0]));
    for (let i = 0; i < 1_000 && flooder.ws.readyState === flooder.ws.OPEN; i++) flooder.ws.send(tiny);
    expect((await flooder.closed).code).toBe(closeCodes.tooManyMessages);
    await editorsStillConverge();
  });

  it('a presence message over the awareness limit closes the socket with 1009', async () => {
    const result = await closedAfter(envelope(messageAwareness, null, new Uint8Array(9 * 1024)));
    expect(result.code).toBe(closeCodes.messageTooBig);
  });

  it('a socket that sends too much before authenticating is closed', async () => {
    const s = rawSocket(`${hanging.url}/${room}`, { cookie: team.users.editor.cookie });
    await s.opened;
    for (let i = 0; i < 25 && s.ws.readyState === s.ws.OPEN; i++) s.ws.send(new Uint8Array([messageSync, 0, 0]));
    expect((await s.closed).code).toBe(closeCodes.messageTooBig);
    expect(s.frames).toHaveLength(0);
  });
});
