// Big updates and big imports on a live board: a socket sending large updates faster than they
// are stored is paused (back-pressure) so the board never holds more than its bound of uncommitted
// updates, nothing it sent is lost; and a big import is applied in slices, so other people's
// edits go through while it runs. Ordering and counters are asserted, never timings.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { messageSaved, messageSync, syncUpdate } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, rawSocket, startCollabServer, type Client, type Harness } from './harness';

const KiB = 1024;

/** A sync update message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The highest `saved` count among the frames a raw socket received. */
function lastSaved(frames: Buffer[]): number {
  let saved = 0;
  for (const frame of frames) {
    const decoder = decoding.createDecoder(new Uint8Array(frame));
    if (decoding.readVarUint(decoder) === messageSaved) saved = Math.max(saved, decoding.readVarUint(decoder));
  }
  return saved;
}

/** Text that does not compress into a few Yjs structs: `length` characters. */
function bulkText(length: number, seed: number): string {
  let text = '';
  let state = seed;
  while (text.length < length) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += state.toString(36);
  }
  return text.slice(0, length);
}

describe('back-pressure on big updates', () => {
  let h: Harness;
  let team: Awaited<ReturnType<typeof projectWithTeam>>;
  const maxPendingBytes = 1536 * KiB;

  beforeAll(async () => {
    // Commits wait 50 ms for company, so a fast sender's updates pile up unless it is paused.
    h = await startCollabServer({ commitWindowMs: 50, limits: { maxPendingBytes, maxSocketPendingBytes: 1024 * KiB } });
    team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('pauses a fast sender of big updates within the bound, stores all of them, and lets honest edits through', async () => {
    const room = `risks:${team.project.id}`;
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    const honest = connectClient(h.url, room, team.users.editor.cookie);
    const flooder = rawSocket(`${h.url}/${room}?saved=1`, { cookie: team.users.editor.cookie });
    try {
      await Promise.all([observer.synced, honest.synced, flooder.opened]);
      await eventually(() => expect(flooder.frames.length).toBeGreaterThan(0));
      const document = await h.documents.open('risks', team.project.id);
      document.release();

      // Twelve updates of 600 KiB each, sent at once: 7 MiB against a 1.5 MiB bound.
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 12; i++) source.getText('bulk').insert(0, bulkText(600 * KiB, i + 1));
      for (const update of updates) flooder.ws.send(updateMessage(update));
      // An honest edit sent meanwhile reaches the others.
      const marker = insertRaidItem(honest.doc, { title: 'Honest edit' }, team.users.editor.id);
      await eventually(() => expect(raidItemsMap(observer.doc).has(marker)).toBe(true), 20_000);

      // Every update is acknowledged as stored, and the stored log holds all of them.
      await eventually(() => expect(lastSaved(flooder.frames)).toBe(12), 30_000);
      expect(document.peakPendingBytes).toBeGreaterThan(0);
      expect(document.peakPendingBytes).toBeLessThanOrEqual(maxPendingBytes);
      const stored = new Y.Doc();
      for (const { data } of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(stored, data);
      expect(stored.getText('bulk').toString()).toBe(source.getText('bulk').toString());
      expect(raidItemsMap(stored).has(marker)).toBe(true);
      expect(document.pendingBytes).toBe(0);
    } finally {
      flooder.ws.close();
      honest.destroy();
      observer.destroy();
    }
  }, 60_000);
});

describe('big imports in slices', () => {
  let h: Harness;
  let team: Awaited<ReturnType<typeof projectWithTeam>>;

  beforeAll(async () => {
    // Projected once at the end (closing the server), not after every slice's commit.
    h = await startCollabServer({ importSliceRows: 100, projectionDebounceMs: 600_000 });
    team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  });
  afterAll(async () => {
    await h?.close();
  }, 180_000);

  it("lets an edit made during a 5,000-row import reach others before the import's last rows", async () => {
    const room = `risks:${team.project.id}`;
    const observer: Client = connectClient(h.url, room, team.users.owner.cookie);
    const honest: Client = connectClient(h.url, room, team.users.editor.cookie);
    try {
      await Promise.all([observer.synced, honest.synced]);
      const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: null, fields: { title: `Imported risk ${i}` } }));

      // How many imported rows the observer had when the honest edit reached it.
      let importedWhenHonestArrived: number | undefined;
      let marker = '';
      const items = raidItemsMap(observer.doc);
      items.observe(() => {
        if (importedWhenHonestArrived === undefined && marker && items.has(marker)) importedWhenHonestArrived = items.size - 1;
      });
      // The honest edit is made once the import has started reaching the observer.
      const honestItems = raidItemsMap(honest.doc);
      const startEdit = () => {
        if (marker || honestItems.size === 0) return;
        honestItems.unobserve(startEdit);
        marker = insertRaidItem(honest.doc, { title: 'Honest edit during the import' }, team.users.editor.id);
      };
      honestItems.observe(startEdit);

      const result = await h.documents.apply('risks', team.project.id, { type: 'raid.import', rows }, team.users.owner.id);
      expect(result).toEqual({ created: 5_000, updated: 0 });
      await eventually(() => expect(items.size).toBe(5_001), 60_000);
      expect(marker).not.toBe('');
      expect(importedWhenHonestArrived).toBeDefined();
      expect(importedWhenHonestArrived!).toBeLessThan(5_000);
      // And everything, the honest edit included, is stored.
      const stored = new Y.Doc();
      for (const { data } of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(stored, data);
      expect(raidItemsMap(stored).size).toBe(5_001);
    } finally {
      honest.destroy();
      observer.destroy();
    }
  }, 180_000);

  it('applies nothing of an import that fails a check in a later slice', async () => {
    const document = await h.documents.open('plan', team.project.id);
    try {
      // 250 items (three slices of 100), then a dependency on an unknown item.
      const items = Array.from({ length: 250 }, (_, i) => ({ id: `item-${i}`, fields: { kind: 'milestone' as const, title: `Item ${i}`, end: '2027-03-01' } }));
      await expect(
        h.documents.apply('plan', team.project.id, { type: 'plan.import', items, dependencies: [{ fromId: 'item-1', toId: 'nowhere' }] }, team.users.owner.id),
      ).rejects.toThrow(/unknown item/);
      expect(document.doc.getMap('items').size).toBe(0);
      expect(document.pendingBytes).toBe(0);
    } finally {
      document.release();
    }
  });
});
