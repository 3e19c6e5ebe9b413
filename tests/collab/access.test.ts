// Access changes reach open sockets: a member whose role changes is made to reconnect and gets the
// new role; a removed member's socket is closed and cannot come back.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes } from '@/server/collab/protocol';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, rawSocket, startCollabServer, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer();
});
afterAll(async () => {
  await h?.close();
});

describe('access changes on open sockets', () => {
  it('an editor demoted to viewer is reconnected read-only; once removed, refused', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `risks:${team.project.id}`;
    const owner = await team.as('owner');
    const editorSocket = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await eventually(() => expect(editorSocket.frames.length).toBeGreaterThan(0));

    await owner.project.setRole({ projectId: team.project.id, userId: team.users.editor.id, role: 'viewer' });
    expect((await editorSocket.closed).code).toBe(closeCodes.accessChanged);

    // Reconnected, the former editor now only reads: their edit never reaches anyone.
    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    const demoted = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([watcher.synced, demoted.synced]);
    const ignored = insertRaidItem(demoted.doc, { title: 'After demotion' }, team.users.editor.id);
    const marker = insertRaidItem(watcher.doc, { title: 'Marker' }, team.users.owner.id);
    await eventually(() => expect(raidItemsMap(demoted.doc).get(marker)).toBeInstanceOf(Y.Map));
    await h.documents.flushProjections();
    expect(raidItemsMap(watcher.doc).has(ignored)).toBe(false);
    demoted.destroy();

    const viewerSocket = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await eventually(() => expect(viewerSocket.frames.length).toBeGreaterThan(0));
    await owner.project.removeMember({ projectId: team.project.id, userId: team.users.editor.id });
    expect((await viewerSocket.closed).code).toBe(closeCodes.accessChanged);
    const refused = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    expect((await refused.closed).code).toBe(closeCodes.boardNotFound);
    expect(refused.frames).toHaveLength(0);
    watcher.destroy();
  });
});
