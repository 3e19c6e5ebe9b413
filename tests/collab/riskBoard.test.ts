// The collaboration server with real y-websocket clients: convergence, read-only viewers,
// refusals before any document byte, malformed input, persistence and the projection.
import { and, eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardUpdate, raidItem, raidItemChange } from '@/db/schema';
import { UpdateLog } from '@/server/collab/updateLog';
import { closeCodes, messageSaved, messageSync, syncUpdate } from '@/server/collab/protocol';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { connectClient, eventually, handledSoFar, rawSocket, serverBoard, startCollabServer, type Harness } from './harness';
import { projectWithTeam } from '../support/factories';
import { textOf } from '@/server/collab/boards/liveText';

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  h = await startCollabServer();
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `risks:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
});

function itemTitle(doc: Y.Doc, id: string): unknown {
  const item = raidItemsMap(doc).get(id);
  return item instanceof Y.Map ? textOf(item.get('title')) : undefined;
}

async function reloadFromLog(board: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { updates } = await new UpdateLog(h.db).load(board);
  for (const u of updates) Y.applyUpdate(doc, u.data);
  return doc;
}

describe('risk board collaboration', () => {
  it('two editors converge on the same items', async () => {
    const a = connectClient(h.url, room, team.users.owner.cookie);
    const b = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([a.synced, b.synced]);
    const first = insertRaidItem(a.doc, { title: 'Vendor API sunset', likelihood: 4, impact: 5 }, team.users.owner.id);
    await eventually(() => expect(itemTitle(b.doc, first)).toBe('Vendor API sunset'));
    // Concurrent edits of different fields of the same item merge.
    (raidItemsMap(a.doc).get(first) as Y.Map<unknown>).set('status', 'mitigating');
    (raidItemsMap(b.doc).get(first) as Y.Map<unknown>).set('title', 'Vendor API v2 sunset');
    await eventually(() => {
      expect(raidItemsMap(a.doc).toJSON()).toEqual(raidItemsMap(b.doc).toJSON());
      expect(itemTitle(a.doc, first)).toBe('Vendor API v2 sunset');
      expect((raidItemsMap(b.doc).get(first) as Y.Map<unknown>).get('status')).toBe('mitigating');
    });
    a.destroy();
    b.destroy();
  });

  it("a viewer's update is neither applied nor stored, but the viewer sees edits live", async () => {
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    const viewer = connectClient(h.url, room, team.users.viewer.cookie);
    await Promise.all([editor.synced, viewer.synced]);
    const sneaky = insertRaidItem(viewer.doc, { title: 'Viewer was here' }, team.users.viewer.id);
    // Presence sent after the write on the viewer's own socket: once relayed, the write was handled.
    await handledSoFar(viewer, editor);
    await h.documents.flushProjections();
    expect(itemTitle(await serverBoard(h, room), sneaky)).toBeUndefined();
    expect(itemTitle(await reloadFromLog(room), sneaky)).toBeUndefined();
    const viewerRows = await h.db
      .select({ id: boardUpdate.id })
      .from(boardUpdate)
      .where(and(eq(boardUpdate.board, room), eq(boardUpdate.userId, team.users.viewer.id)));
    expect(viewerRows).toHaveLength(0);

    const visible = insertRaidItem(editor.doc, { title: 'Editor item' }, team.users.editor.id);
    await eventually(() => expect(itemTitle(viewer.doc, visible)).toBe('Editor item'));
    expect(itemTitle(editor.doc, sneaky)).toBeUndefined();
    await h.documents.flushProjections();
    expect(itemTitle(await reloadFromLog(room), visible)).toBe('Editor item');
    editor.destroy();
    viewer.destroy();
  });

  it('the projection reflects an edit made through Yjs, with its author in the history', async () => {
    const client = connectClient(h.url, room, team.users.editor.cookie);
    await client.synced;
    const id = insertRaidItem(client.doc, { title: 'Capacity crunch', likelihood: 3, impact: 4 }, team.users.editor.id);
    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(raidItem).where(and(eq(raidItem.projectId, team.project.id), eq(raidItem.id, id)));
      expect(row).toMatchObject({ title: 'Capacity crunch', score: 12, band: 'high', status: 'open' });
    });
    (raidItemsMap(client.doc).get(id) as Y.Map<unknown>).set('likelihood', 5);
    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(raidItem).where(and(eq(raidItem.projectId, team.project.id), eq(raidItem.id, id)));
      expect(row).toMatchObject({ likelihood: 5, score: 20, band: 'critical' });
      const changes = await h.db
        .select()
        .from(raidItemChange)
        .where(and(eq(raidItemChange.projectId, team.project.id), eq(raidItemChange.itemId, id)));
      expect(changes).toContainEqual(
        expect.objectContaining({ field: 'likelihood', fromValue: '3', toValue: '5', actorId: team.users.editor.id }),
      );
      expect(changes).toContainEqual(expect.objectContaining({ field: 'created', actorId: team.users.editor.id }));
    });
    client.destroy();
  });

  it('acknowledges durable updates to a client that asks for it, and only to it', async () => {
    const asking = rawSocket(`${h.url}/${room}?saved=1`, { cookie: team.users.editor.cookie });
    const stock = rawSocket(`${h.url}/${room}`, { cookie: team.users.owner.cookie });
    await Promise.all([asking.opened, stock.opened]);
    // Both admitted (each received the server's sync step 1) before the update is sent.
    await eventually(() => expect(asking.frames.length * stock.frames.length).toBeGreaterThan(0));
    const scratch = new Y.Doc();
    insertRaidItem(scratch, { title: 'Acked item' }, team.users.editor.id);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncUpdate);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(scratch));
    asking.ws.send(encoding.toUint8Array(encoder));
    await eventually(() => expect(asking.frames.some((f) => f[0] === messageSaved && f[1] === 1)).toBe(true));
    // The stock client receives the update itself, never a saved message.
    await eventually(() => expect(stock.frames.some((f) => f[0] === messageSync && f[1] === syncUpdate)).toBe(true));
    expect(stock.frames.some((f) => f[0] === messageSaved)).toBe(false);
    asking.ws.close();
    stock.ws.close();
  });
});

describe('refusals', () => {
  it('a socket without a session is closed with 4401 before any document byte', async () => {
    const s = rawSocket(`${h.url}/${room}`, {});
    const { code } = await s.closed;
    expect(code).toBe(closeCodes.unauthenticated);
    expect(s.frames).toHaveLength(0);
  });

  it("a browser socket from another site's Origin is closed with 4403", async () => {
    const s = rawSocket(`${h.url}/${room}`, { cookie: team.users.owner.cookie, origin: 'https://evil.example' });
    expect((await s.closed).code).toBe(closeCodes.originNotAllowed);
    expect(s.frames).toHaveLength(0);
  });

  it('a signed-in stranger is closed with 4404, like an unknown board', async () => {
    const stranger = rawSocket(`${h.url}/${room}`, { cookie: team.users.stranger.cookie });
    expect((await stranger.closed).code).toBe(closeCodes.boardNotFound);
    expect(stranger.frames).toHaveLength(0);
    const unknownKind = rawSocket(`${h.url}/gossip:${team.project.id}`, { cookie: team.users.owner.cookie });
    expect((await unknownKind.closed).code).toBe(closeCodes.boardNotFound);
    expect(unknownKind.frames).toHaveLength(0);
  });

  it('the same Origin as the app is accepted', async () => {
    const s = rawSocket(`${h.url}/${room}`, { cookie: team.users.owner.cookie, origin: 'http://localhost:3000' });
    await eventually(() => expect(s.frames.length).toBeGreaterThan(0));
    s.ws.close();
  });
});

describe('bad input', () => {
  it('a malformed frame closes only that socket; others keep editing', async () => {
    const a = connectClient(h.url, room, team.users.owner.cookie);
    const b = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([a.synced, b.synced]);
    const bad = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await bad.opened;
    await eventually(() => expect(bad.frames.length).toBeGreaterThan(0));
    bad.ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await bad.closed).code).toBe(closeCodes.malformedMessage);
    const id = insertRaidItem(a.doc, { title: 'Still editing' }, team.users.owner.id);
    await eventually(() => expect(itemTitle(b.doc, id)).toBe('Still editing'));
    a.destroy();
    b.destroy();
  });

  it('an update Yjs cannot read is refused with 4422 and not stored', async () => {
    const bad = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await bad.opened;
    await eventually(() => expect(bad.frames.length).toBeGreaterThan(0));
    const before = await new UpdateLog(h.db).stats(room);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncUpdate);
    encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 1, 2, 3]));
    bad.ws.send(encoding.toUint8Array(encoder));
    expect((await bad.closed).code).toBe(closeCodes.updateRejected);
    expect(await new UpdateLog(h.db).stats(room)).toEqual(before);
  });

  it('a text frame closes the socket with 4400', async () => {
    const s = rawSocket(`${h.url}/${room}`, { cookie: team.users.editor.cookie });
    await s.opened;
    await eventually(() => expect(s.frames.length).toBeGreaterThan(0));
    s.ws.send('hello');
    expect((await s.closed).code).toBe(closeCodes.malformedMessage);
  });
});
