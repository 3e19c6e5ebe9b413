// Presence and liveness: awareness is shared by everyone (viewers too) under the session user's
// name, dead sockets are dropped by ping, and a socket that does not finish authenticating in
// time is closed.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCodes } from '@/server/collab/protocol';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, rawSocket, startCollabServer, type Harness } from './harness';

let h: Harness;
let hanging: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;

beforeAll(async () => {
  h = await startCollabServer({ limits: { pingIntervalMs: 200 } });
  hanging = await startCollabServer({
    limits: { authTimeoutMs: 300 },
    access: (real) => ({ ...real, authenticate: () => new Promise(() => {}) }),
  });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
});
afterAll(async () => {
  await h?.close();
  await hanging?.close();
});

describe('presence and liveness', () => {
  it("a viewer's presence is shared with editors, and removed when the viewer leaves", async () => {
    const room = `risks:${team.project.id}`;
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    const viewer = connectClient(h.url, room, team.users.viewer.cookie);
    await Promise.all([editor.synced, viewer.synced]);
    viewer.provider.awareness.setLocalStateField('user', { id: team.users.viewer.id, name: team.users.viewer.name, color: '#0f766e' });
    viewer.provider.awareness.setLocalStateField('editing', 'item-7');
    const viewerClientId = viewer.doc.clientID;
    await eventually(() =>
      expect(editor.provider.awareness.getStates().get(viewerClientId)).toMatchObject({
        editing: 'item-7',
        user: { id: team.users.viewer.id, name: team.users.viewer.name, color: '#0f766e' },
      }),
    );
    viewer.destroy();
    await eventually(() => expect(editor.provider.awareness.getStates().has(viewerClientId)).toBe(false));
    editor.destroy();
  });

  it('presence shows the session user, whoever a tab claims to be', async () => {
    const room = `risks:${team.project.id}`;
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const impostor = connectClient(h.url, room, team.users.viewer.cookie);
    await Promise.all([owner.synced, impostor.synced]);
    impostor.provider.awareness.setLocalStateField('user', { id: team.users.owner.id, name: 'The CEO', color: '#b91c1c' });
    await eventually(() =>
      expect(owner.provider.awareness.getStates().get(impostor.doc.clientID)?.user).toEqual({
        id: team.users.viewer.id,
        name: team.users.viewer.name,
        color: '#b91c1c',
      }),
    );
    impostor.destroy();
    owner.destroy();
  });

  it('a socket that stops answering pings is dropped', async () => {
    const s = rawSocket(`${h.url}/risks:${team.project.id}`, { cookie: team.users.editor.cookie });
    await s.opened;
    await eventually(() => expect(s.frames.length).toBeGreaterThan(0));
    const documentBefore = await h.documents.open('risks', team.project.id);
    documentBefore.release();
    await eventually(() => expect(documentBefore.connections.size).toBe(1));
    // Stop reading from the socket: pings go unanswered, as with a vanished laptop.
    ((s.ws as unknown as { _socket: Socket })._socket).pause();
    await eventually(() => expect(documentBefore.connections.size).toBe(0), 5_000);
  });

  it('a socket that does not finish authenticating in time is closed with 4508', async () => {
    const s = rawSocket(`${hanging.url}/risks:${team.project.id}`, { cookie: team.users.editor.cookie });
    expect((await s.closed).code).toBe(closeCodes.authTimeout);
    expect(s.frames).toHaveLength(0);
  });
});
