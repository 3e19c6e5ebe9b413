// Access changes reach open sockets on every kind of live board (the project's workspace's people
// board included): a member whose role changes is made to reconnect and gets the new role; a
// removed member's socket is closed and cannot come back; nobody else's socket is touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardKinds } from '@/server/collab/liveBoards';
import { closeCodes } from '@/server/collab/protocol';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, handledSoFar, rawSocket, roomOf, serverBoard, startCollabServer, storedBoard, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer();
});
afterAll(async () => {
  await h?.close();
});

/** A raw socket on the board, once the server has admitted it (sent its first frame). */
async function admitted(room: string, cookie: string) {
  const socket = rawSocket(`${h.url}/${room}`, { cookie });
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
  return socket;
}

/** How the server closed the socket; fails if it is still open after a few seconds. */
async function closeCode(socket: ReturnType<typeof rawSocket>, timeoutMs = 5_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const open = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return (await Promise.race([socket.closed, open])).code;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether a write from `cookie`'s new socket is applied: it writes a key, then presence on the
 * same socket; once the observer sees that presence the write was handled, applied or not.
 */
async function writeIsApplied(room: string, cookie: string, observerCookie: string): Promise<boolean> {
  const writer = connectClient(h.url, room, cookie);
  const observer = connectClient(h.url, room, observerCookie);
  await Promise.all([writer.synced, observer.synced]);
  const key = `written-${Math.random()}`;
  writer.doc.getMap('probe').set(key, true);
  await handledSoFar(writer, observer);
  await h.documents.flushProjections();
  const live = (await serverBoard(h, room)).getMap('probe').has(key);
  const stored = (await storedBoard(h.db, room)).getMap('probe').has(key);
  expect(stored).toBe(live);
  writer.destroy();
  observer.destroy();
  return live;
}

/** Boards that take their editors' writes (the people board takes nobody's: peopleBoard.test.ts). */
const editableKinds = boardKinds.filter((kind) => kind !== 'people');

describe('access changes on open sockets', () => {
  for (const kind of editableKinds) {
    it(`${kind}: an editor demoted to viewer is reconnected read-only; once removed, refused; others stay`, async () => {
      const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
      const room = await roomOf(kind, team);
      const owner = await team.as('owner');
      const editorSocket = await admitted(room, team.users.editor.cookie);
      const bystander = await admitted(room, team.users.viewer.cookie);
      expect(await writeIsApplied(room, team.users.editor.cookie, team.users.owner.cookie)).toBe(true);

      await owner.project.setRole({ projectId: team.project.id, userId: team.users.editor.id, role: 'viewer' });
      expect(await closeCode(editorSocket)).toBe(closeCodes.accessChanged);
      // Reconnected, the former editor now only reads: their edit is neither applied nor stored.
      expect(await writeIsApplied(room, team.users.editor.cookie, team.users.owner.cookie)).toBe(false);

      const viewerSocket = await admitted(room, team.users.editor.cookie);
      await owner.project.removeMember({ projectId: team.project.id, userId: team.users.editor.id });
      expect(await closeCode(viewerSocket)).toBe(closeCodes.accessChanged);
      const refused = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
      expect((await refused.closed).code).toBe(closeCodes.boardNotFound);
      expect(refused.frames).toHaveLength(0);

      // Many round trips later, the member whose access did not change is still connected.
      expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
      bystander.ws.close();
    });

    it(`${kind}: a viewer promoted to editor is reconnected and may write`, async () => {
      const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
      const room = await roomOf(kind, team);
      const owner = await team.as('owner');
      const viewerSocket = await admitted(room, team.users.viewer.cookie);
      expect(await writeIsApplied(room, team.users.viewer.cookie, team.users.owner.cookie)).toBe(false);

      await owner.project.setRole({ projectId: team.project.id, userId: team.users.viewer.id, role: 'editor' });
      expect(await closeCode(viewerSocket)).toBe(closeCodes.accessChanged);
      expect(await writeIsApplied(room, team.users.viewer.cookie, team.users.owner.cookie)).toBe(true);
    });
  }

  it("a role change closes the member's sockets on every board of the project at once", async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const owner = await team.as('owner');
    const rooms = await Promise.all(boardKinds.map((kind) => roomOf(kind, team)));
    const sockets = await Promise.all(rooms.map((room) => admitted(room, team.users.editor.cookie)));
    await owner.project.setRole({ projectId: team.project.id, userId: team.users.editor.id, role: 'viewer' });
    expect(await Promise.all(sockets.map((s) => closeCode(s)))).toEqual(boardKinds.map(() => closeCodes.accessChanged));
  });

  it("archiving a project closes every member's sockets on every board; reconnected, an editor's write is not applied", async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const owner = await team.as('owner');
    const rooms = await Promise.all(editableKinds.map((kind) => roomOf(kind, team)));
    const sockets = await Promise.all(rooms.flatMap((room) => [admitted(room, team.users.editor.cookie), admitted(room, team.users.viewer.cookie)]));
    await owner.project.archive({ projectId: team.project.id });
    expect(await Promise.all(sockets.map((s) => closeCode(s)))).toEqual(sockets.map(() => closeCodes.accessChanged));
    expect(await writeIsApplied(rooms[0]!, team.users.editor.cookie, team.users.owner.cookie)).toBe(false);
  });
});
