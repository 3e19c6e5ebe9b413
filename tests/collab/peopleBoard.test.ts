// The people board (`people:<workspaceId>`): who is admitted (anyone who may see the workspace's
// resources, strangers refused), that no client's document update is applied or relayed, that
// resourcesChanged reaches every open grid (and touches nothing when nobody has it open), and that
// a project role change sends its member's grid to reconnect and be authorized again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevision } from '@/server/collab/boards/peopleDocument';
import { closeCodes } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, handledSoFar, rawSocket, serverBoard, startCollabServer, storedBoard, type Client, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer();
});
afterAll(async () => {
  await h?.close();
});

async function teamOnGrid() {
  const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  return { team, workspaceId: team.project.workspaceId, room: `people:${team.project.workspaceId}` };
}

async function synced(...clients: Client[]) {
  await Promise.all(clients.map((c) => c.synced));
  return clients;
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

/** A raw socket on the board, once the server has admitted it (sent its first frame). */
async function admitted(room: string, cookie: string) {
  const socket = rawSocket(`${h.url}/${room}`, { cookie });
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
  return socket;
}

describe('people board', () => {
  it('refuses a stranger before sending anything, and a member of another workspace', async () => {
    const { team, room } = await teamOnGrid();
    const other = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    for (const cookie of [team.users.stranger.cookie, other.users.owner.cookie]) {
      const socket = rawSocket(`${h.url}/${room}`, { cookie });
      expect(await closeCode(socket)).toBe(closeCodes.boardNotFound);
      expect(socket.frames).toHaveLength(0);
    }
  });

  it("admits a project viewer and an editor, and relays each one's focus on the grid to the other", async () => {
    const { team, room } = await teamOnGrid();
    const [viewer, editor] = await synced(connectClient(h.url, room, team.users.viewer.cookie), connectClient(h.url, room, team.users.editor.cookie));
    viewer.provider.awareness.setLocalStateField('user', { id: 'claimed', name: 'Someone else', color: '#000000' });
    viewer.provider.awareness.setLocalStateField('focus', { personId: 'person-1', week: '2027-W05' });
    await eventually(() =>
      expect(editor.provider.awareness.getStates().get(viewer.doc.clientID)).toMatchObject({
        // Stamped with the session's user, whatever the tab claimed.
        user: { id: team.users.viewer.id, name: team.users.viewer.name },
        focus: { personId: 'person-1', week: '2027-W05' },
      }),
    );
    editor.provider.awareness.setLocalStateField('focus', { personId: 'person-2', week: null });
    await eventually(() => expect(viewer.provider.awareness.getStates().get(editor.doc.clientID)?.focus).toEqual({ personId: 'person-2', week: null }));
    viewer.destroy();
    editor.destroy();
  });

  it("never applies, stores nor relays a client's document update, an editor's or owner's included", async () => {
    const { team, workspaceId, room } = await teamOnGrid();
    for (const persona of ['editor', 'owner'] as const) {
      const [writer, observer] = await synced(connectClient(h.url, room, team.users[persona].cookie), connectClient(h.url, room, team.users.viewer.cookie));
      const before = readRevision(observer.doc);
      writer.doc.transact(() => {
        writer.doc.getMap('signal').set('revision', 1_000_000);
        writer.doc.getMap('probe').set('written', true);
      });
      // Presence sent after the write on the same socket: once relayed, the write was handled.
      await handledSoFar(writer, observer);
      // A signal made after it: broadcasts go out in the order they were made, so once the
      // observer's revision moves, a relayed write (which would move it too) has reached it.
      h.documents.resourcesChanged(workspaceId);
      await eventually(() => expect(readRevision(observer.doc)).not.toBe(before));
      expect(observer.doc.getMap('probe').has('written')).toBe(false);
      expect(readRevision(observer.doc)).toBe(before + 1);
      await h.documents.flushProjections();
      for (const board of [await serverBoard(h, room), await storedBoard(h.db, room)]) {
        expect(board.getMap('probe').has('written')).toBe(false);
        expect(readRevision(board)).toBe(before + 1);
      }
      writer.destroy();
      observer.destroy();
    }
  });

  it('resourcesChanged counts the revision up on every open grid, durably', async () => {
    const { team, workspaceId, room } = await teamOnGrid();
    const [viewer, editor] = await synced(connectClient(h.url, room, team.users.viewer.cookie), connectClient(h.url, room, team.users.editor.cookie));
    const start = readRevision(viewer.doc);
    h.documents.resourcesChanged(workspaceId);
    await eventually(() => expect([readRevision(viewer.doc), readRevision(editor.doc)]).toEqual([start + 1, start + 1]));
    h.documents.resourcesChanged(workspaceId);
    h.documents.resourcesChanged(workspaceId);
    await eventually(() => expect([readRevision(viewer.doc), readRevision(editor.doc)]).toEqual([start + 3, start + 3]));
    await h.documents.flushProjections();
    expect(readRevision(await storedBoard(h.db, room))).toBe(start + 3);
    // Another workspace's grid is not told.
    const other = await teamOnGrid();
    const [elsewhere] = await synced(connectClient(h.url, other.room, other.team.users.owner.cookie));
    h.documents.resourcesChanged(workspaceId);
    await eventually(() => expect(readRevision(viewer.doc)).toBe(start + 4));
    expect(readRevision(elsewhere.doc)).toBe(0);
    for (const client of [viewer, editor, elsewhere]) client.destroy();
  });

  it('resourcesChanged on a workspace nobody has open loads and writes nothing', async () => {
    const { workspaceId, room } = await teamOnGrid();
    const loaded = h.documents.size;
    h.documents.resourcesChanged(workspaceId);
    expect(h.documents.size).toBe(loaded);
    await h.documents.flushProjections();
    expect(await new UpdateLog(h.db).stats(room)).toEqual({ rows: 0, bytes: 0 });
  });

  it("a project role change sends the member's grid to reconnect; once removed from the workspace's only project, refused", async () => {
    const { team, room } = await teamOnGrid();
    const owner = await team.as('owner');
    const bystander = await admitted(room, team.users.owner.cookie);
    const viewerSocket = await admitted(room, team.users.viewer.cookie);

    await owner.project.setRole({ projectId: team.project.id, userId: team.users.viewer.id, role: 'editor' });
    expect(await closeCode(viewerSocket)).toBe(closeCodes.accessChanged);

    const editorSocket = await admitted(room, team.users.viewer.cookie);
    await owner.project.removeMember({ projectId: team.project.id, userId: team.users.viewer.id });
    expect(await closeCode(editorSocket)).toBe(closeCodes.accessChanged);
    const refused = rawSocket(`${h.url}/${room}`, { cookie: team.users.viewer.cookie });
    expect(await closeCode(refused)).toBe(closeCodes.boardNotFound);
    expect(refused.frames).toHaveLength(0);

    // The owner, whose access did not change, is still on the grid.
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.ws.close();
  });
});
