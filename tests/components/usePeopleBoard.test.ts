// @vitest-environment happy-dom
// usePeopleBoard over a stand-in for the connection (useLiveDoc): `revision` stays 0 until the
// board syncs, moves once when a sync brings a new server revision, moves at each signal and each
// reconnection; presence lists the other tabs with their focus; setFocus announces this tab's.
import { act, cleanup, renderHook } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LiveDoc } from '@/components/live/useLiveDoc';
import { signalResourcesChanged } from '@/server/collab/boards/peopleDocument';

/** The connection as the hook sees it, changed by the test. */
const connection = {
  live: null as LiveDoc | null,
  listeners: new Set<() => void>(),
  set(live: LiveDoc) {
    this.live = live;
    for (const listener of this.listeners) listener();
  },
};

vi.mock('@/components/live/useLiveDoc', () => ({
  useLiveDoc: () =>
    useSyncExternalStore(
      (listener) => {
        connection.listeners.add(listener);
        return () => connection.listeners.delete(listener);
      },
      () => connection.live,
    ),
}));

const { usePeopleBoard } = await import('@/components/live/usePeopleBoard');

afterEach(cleanup);

const me = { id: 'me', name: 'Me', color: '#111111' };

/** A tab's board before it syncs, and the server's copy of the board. */
function board() {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', me);
  const server = new Y.Doc();
  const live: LiveDoc = { doc, awareness, status: 'connecting', synced: false, syncs: 0, refusal: null };
  connection.set(live);
  /** The server counts its revision up and the change reaches the tab. */
  const signal = () => {
    const before = Y.encodeStateVector(doc);
    signalResourcesChanged(server);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, before), 'server');
  };
  return { doc, awareness, server, live, signal };
}

describe('usePeopleBoard', () => {
  it('keeps revision at 0 until the first sync, which moves it once even when it brings a revision', () => {
    const b = board();
    signalResourcesChanged(b.server);
    signalResourcesChanged(b.server);
    const { result } = renderHook(() => usePeopleBoard('ws-1', me));
    expect(result.current.revision).toBe(0);
    expect(result.current.status).toBe('connecting');
    // The sync message brings the server's document and marks the board synced in one go.
    act(() => {
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(b.server), 'server');
      connection.set({ ...b.live, status: 'saved', synced: true, syncs: 1 });
    });
    expect(result.current.revision).toBe(1);
    expect(result.current.status).toBe('saved');
  });

  it("moves revision at each of the server's signals and at each reconnection", () => {
    const b = board();
    const { result } = renderHook(() => usePeopleBoard('ws-1', me));
    act(() => connection.set({ ...b.live, status: 'saved', synced: true, syncs: 1 }));
    const synced = result.current.revision;
    act(() => b.signal());
    expect(result.current.revision).toBe(synced + 1);
    act(() => b.signal());
    expect(result.current.revision).toBe(synced + 2);
    // Offline, then back: nothing new in the document, but signals sent meanwhile are not replayed.
    act(() => connection.set({ ...b.live, status: 'offline', synced: true, syncs: 1 }));
    expect(result.current.revision).toBe(synced + 2);
    act(() => connection.set({ ...b.live, status: 'saved', synced: true, syncs: 2 }));
    expect(result.current.revision).toBe(synced + 3);
  });

  it('lists who is on the grid with their focus, and announces this tab’s focus', () => {
    const b = board();
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { id: 'ann', name: 'Ann', color: '#222222' }, focus: { personId: 'p1', week: '2027-W02' } });
    const { result } = renderHook(() => usePeopleBoard('ws-1', me));
    act(() => applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'server'));
    expect(result.current.present.map((p) => [p.user.id, p.self])).toEqual([
      ['me', true],
      ['ann', false],
    ]);
    expect(result.current.others.map((p) => [p.user.name, p.focus])).toEqual([['Ann', { personId: 'p1', week: '2027-W02' }]]);

    act(() => result.current.setFocus({ personId: 'p2', week: null }));
    expect(b.awareness.getLocalState()?.focus).toEqual({ personId: 'p2', week: null });
    expect(result.current.present.find((p) => p.self)?.focus).toEqual({ personId: 'p2', week: null });
    act(() => result.current.setFocus(null));
    expect(b.awareness.getLocalState()?.focus).toBeNull();
  });
});
