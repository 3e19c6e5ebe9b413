// A live socket lives no longer than the session it was opened with: signing out or revoking the
// session (better-auth's real endpoints) closes it at once with 4401, and an edit sent after that
// is not saved; a session that expires (or disappears from the database) is caught by the periodic
// check. Other sessions' sockets, the same person's included, stay open.
import type { Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { session } from '@/db/schema';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes, messageSync, syncStep1, syncUpdate } from '@/server/collab/protocol';
import { sessionEndedReason } from '@/server/collab/server';
import { UpdateLog } from '@/server/collab/updateLog';
import { addToProject, createUser, projectWithTeam, type TestUser } from '../support/factories';
import { appUrl, connectClient, envelope, eventually, rawSocket, startCollabServer, type Harness } from './harness';

let h: Harness;
let checked: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  h = await startCollabServer();
  checked = await startCollabServer({ limits: { sessionCheckIntervalMs: 200 } });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `risks:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
  await checked?.close();
});

function authRequest(path: string, cookie: string, body: unknown = {}) {
  return h.auth.handler(
    new Request(`${appUrl}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl, cookie },
      body: JSON.stringify(body),
    }),
  );
}

/** A new editor of the project (their sessions are ended by the tests). */
async function newEditor(): Promise<TestUser> {
  const person = await createUser(h.auth, 'Leaver');
  await addToProject({ db: h.db, auth: h.auth, live: h.documents }, team.users.owner, team.project.id, person, 'editor');
  return person;
}

/** Signs `person` in again: a second session, with its own cookie. */
async function secondSession(person: TestUser): Promise<string> {
  const response = await h.auth.handler(
    new Request(`${appUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl, 'x-forwarded-for': '10.4.0.1' },
      body: JSON.stringify({ email: person.email, password: person.password }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function sessionOf(server: Harness, cookie: string) {
  const found = await server.auth.api.getSession({ headers: new Headers({ cookie }) });
  return found!.session;
}

async function admitted(server: Harness, cookie: string) {
  const socket = rawSocket(`${server.url}/${room}`, { cookie });
  await socket.opened;
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
  return socket;
}

/** A sync message carrying a new RAID item titled `title`, as a client would send it. */
function itemEdit(title: string, userId: string): Uint8Array {
  const scratch = new Y.Doc();
  insertRaidItem(scratch, { title }, userId);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncUpdate);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(scratch));
  scratch.destroy();
  return encoding.toUint8Array(encoder);
}

async function storedTitles(): Promise<string[]> {
  await h.documents.flushProjections();
  const doc = new Y.Doc();
  for (const { data } of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(doc, data);
  return [...raidItemsMap(doc).values()].map((item) => String((item as Y.Map<unknown>).get('title')));
}

describe('a socket lives no longer than its session', () => {
  it('signing out closes the socket with 4401 "session ended", and an edit sent after it is not saved', async () => {
    const person = await newEditor();
    const socket = await admitted(h, person.cookie);
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await observer.synced;

    // The client does not read the close frame before it sends its edit, as with a slow network.
    const tcp = (socket.ws as unknown as { _socket: Socket })._socket;
    tcp.pause();
    expect((await authRequest('sign-out', person.cookie)).status).toBe(200);
    const title = `After sign-out ${Math.random()}`;
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.ws.send(itemEdit(title, person.id));
    tcp.resume();

    expect(await socket.closed).toEqual({ code: closeCodes.unauthenticated, reason: sessionEndedReason });
    // A later edit on a live socket is saved and seen: the edit after sign-out would have been first.
    const marker = `Marker ${Math.random()}`;
    insertRaidItem(observer.doc, { title: marker }, team.users.owner.id);
    await eventually(async () => expect(await storedTitles()).toContain(marker));
    expect(await storedTitles()).not.toContain(title);
    expect([...raidItemsMap(observer.doc).values()].map((item) => (item as Y.Map<unknown>).get('title'))).not.toContain(title);
    observer.destroy();
  });

  it("revoking a session closes that session's sockets at once; the same person's other session keeps editing", async () => {
    const person = await newEditor();
    const otherCookie = await secondSession(person);
    const revoked = await admitted(h, person.cookie);
    const kept = connectClient(h.url, room, otherCookie);
    await kept.synced;

    const target = await sessionOf(h, person.cookie);
    expect((await authRequest('revoke-session', otherCookie, { token: target.token })).status).toBe(200);
    expect((await revoked.closed).code).toBe(closeCodes.unauthenticated);

    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await observer.synced;
    const id = insertRaidItem(kept.doc, { title: `Still here ${Math.random()}` }, person.id);
    await eventually(() => expect(raidItemsMap(observer.doc).has(id)).toBe(true));
    kept.destroy();
    observer.destroy();
  });

  it("revoking the other sessions closes their sockets, not the revoking session's", async () => {
    const person = await newEditor();
    const otherCookie = await secondSession(person);
    const other = await admitted(h, otherCookie);
    const own = await admitted(h, person.cookie);
    expect((await authRequest('revoke-other-sessions', person.cookie)).status).toBe(200);
    expect((await other.closed).code).toBe(closeCodes.unauthenticated);
    expect(own.ws.readyState).toBe(own.ws.OPEN);
    own.ws.close();
  });

  it('a session that expires is caught by the periodic check: its socket is closed with 4401, others stay', async () => {
    const [expiring, staying] = await Promise.all([createUser(checked.auth, 'Expiring'), createUser(checked.auth, 'Staying')]);
    for (const person of [expiring, staying]) {
      await addToProject({ db: h.db, auth: h.auth, live: h.documents }, team.users.owner, team.project.id, person, 'viewer');
    }
    const expiringSocket = await admitted(checked, expiring.cookie);
    const stayingSocket = await admitted(checked, staying.cookie);
    const expiringSession = await sessionOf(checked, expiring.cookie);
    await checked.db.update(session).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(session.id, expiringSession.id));

    expect(await expiringSocket.closed).toEqual({ code: closeCodes.unauthenticated, reason: sessionEndedReason });
    // The check that closed it looked at the other socket's session too. Had it closed that socket,
    // its close frame would come before any answer to a request sent now: so an answer proves it stayed.
    const framesBefore = stayingSocket.frames.length;
    stayingSocket.ws.send(envelope(messageSync, syncStep1, Y.encodeStateVector(new Y.Doc())));
    await Promise.race([
      eventually(() => expect(stayingSocket.frames.length).toBeGreaterThan(framesBefore)),
      stayingSocket.closed.then(({ code }) => {
        throw new Error(`the staying session's socket was closed (${code})`);
      }),
    ]);
    expect(stayingSocket.ws.readyState).toBe(stayingSocket.ws.OPEN);
    stayingSocket.ws.close();
  });
});
