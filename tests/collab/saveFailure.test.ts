// A write to the update log that fails for real: a trigger on board_update raises for one board
// while a flag row names it. The server must not acknowledge the update as saved, keep it and
// retry, keep serving the board (and others) meanwhile; the app's client keeps showing Saving;
// once the database takes writes again the retry stores the update and the client shows Saved.
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveStatus, type BoardStatus } from '@/components/live/presence';
import { trackedWebSocket } from '@/components/live/trackedSocket';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { insertPlanItem, planItemsMap } from '@/server/collab/boards/planDocument';
import type { Logger } from '@/server/collab/logger';
import { projectWithTeam } from '../support/factories';
import { refusedAppends } from '../support/refusedAppends';
import { connectClient, eventually, serverBoard, socketClass, startCollabServer, storedBoard, type Harness } from './harness';

let h: Harness;
const storeFailures: string[] = [];
const recordingLogger: Logger = {
  info() {},
  warn() {},
  error(message: string) {
    if (message.includes('could not store')) storeFailures.push(message);
  },
};

let refused: Awaited<ReturnType<typeof refusedAppends>>;

beforeAll(async () => {
  h = await startCollabServer({ logger: recordingLogger });
  refused = await refusedAppends(h.db);
});
afterAll(async () => {
  await refused?.remove();
  await h?.close();
});

/**
 * A y-websocket provider on Waymark's own tracked socket (components/live/trackedSocket.ts) and
 * the status it would show (saveStatus, as useLiveDoc computes it), outside a browser: the
 * tracked socket extends the global WebSocket, here ws with the session cookie.
 */
function appClient(room: string, cookie: string) {
  const doc = new Y.Doc();
  const state = { connected: false, synced: false, unsaved: 0 };
  const previous = globalThis.WebSocket;
  globalThis.WebSocket = socketClass({ cookie }) as unknown as typeof WebSocket;
  let socketClassForProvider: typeof WebSocket;
  try {
    socketClassForProvider = trackedWebSocket({
      onChange(unsaved) {
        state.unsaved = unsaved;
      },
      onClose() {},
      onRebuilt() {},
    });
  } finally {
    globalThis.WebSocket = previous;
  }
  const provider = new WebsocketProvider(h.url, room, doc, { WebSocketPolyfill: socketClassForProvider, disableBc: true });
  provider.on('status', ({ status }: { status: string }) => {
    state.connected = status === 'connected';
  });
  provider.on('sync', (isSynced: boolean) => {
    state.synced ||= isSynced;
  });
  return {
    doc,
    provider,
    status: (): BoardStatus => saveStatus(state),
    unsaved: () => state.unsaved,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

const titleOf = (doc: Y.Doc, id: string) => (raidItemsMap(doc).get(id) as Y.Map<unknown> | undefined)?.get('title')?.toString();

describe('a failed write to the update log', () => {
  it('is not acknowledged as saved; the client shows Saving; a later commit stores it; the server keeps serving', { timeout: 60_000 }, async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `risks:${team.project.id}`;
    const author = appClient(room, team.users.editor.cookie);
    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    await watcher.synced;
    await eventually(() => expect(author.status()).toBe('saved'));

    await refused.refuse(room);
    const failuresBefore = storeFailures.length;
    const id = insertRaidItem(author.doc, { title: 'Written while the database refuses' }, team.users.editor.id);
    expect(author.status()).toBe('saving');
    // Broadcast without waiting for the disk: the watcher sees the edit at once.
    await eventually(() => expect(titleOf(watcher.doc, id)).toBe('Written while the database refuses'));
    // The append really failed, and was retried, at least twice.
    await eventually(() => expect(storeFailures.length - failuresBefore).toBeGreaterThanOrEqual(2), 10_000);
    expect(author.unsaved()).toBe(1);
    expect(author.status()).toBe('saving');
    expect(titleOf(author.doc, id)).toBe('Written while the database refuses');
    expect(await h.documents.unsavedUpdates()).toBeGreaterThan(0);
    expect(raidItemsMap(await storedBoard(h.db, room)).has(id)).toBe(false);

    // The server stays up: this board still relays edits, and another board still saves them.
    const live = insertRaidItem(watcher.doc, { title: 'Relayed meanwhile' }, team.users.owner.id);
    await eventually(() => expect(titleOf(author.doc, live)).toBe('Relayed meanwhile'));
    const planRoom = `plan:${team.project.id}`;
    const planner = appClient(planRoom, team.users.owner.cookie);
    await eventually(() => expect(planner.status()).toBe('saved'));
    const milestone = insertPlanItem(planner.doc, { kind: 'milestone', title: 'Saved elsewhere', end: '2026-03-01' }, team.users.owner.id);
    expect(planner.status()).toBe('saving');
    await eventually(() => expect(planner.status()).toBe('saved'), 10_000);
    expect(planItemsMap(await storedBoard(h.db, planRoom)).has(milestone)).toBe(true);
    expect(author.status()).toBe('saving');

    // The database takes writes again: the retry stores the update, and only then is it acknowledged.
    await refused.allow(room);
    await eventually(() => expect(author.status()).toBe('saved'), 10_000);
    expect(titleOf(await storedBoard(h.db, room), id)).toBe('Written while the database refuses');

    // Opened again from the database alone: the update is there.
    for (const client of [author, watcher, planner]) client.destroy();
    await eventually(() => expect(h.documents.size).toBe(0));
    const reader = connectClient(h.url, room, team.users.viewer.cookie);
    await reader.synced;
    expect(titleOf(reader.doc, id)).toBe('Written while the database refuses');
    expect(titleOf(await serverBoard(h, room), live)).toBe('Relayed meanwhile');
    reader.destroy();
  });
});
