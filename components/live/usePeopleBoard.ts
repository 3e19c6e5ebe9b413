'use client';
// The live side of a workspace's allocation grid: opens the people board `people:<workspaceId>`
// (docs/live-documents.md), which carries no records, only the server's change signal and who is
// on the grid. Imports Yjs: use it only from a module loaded with next/dynamic({ ssr: false }),
// such as PeopleBoardConnector.tsx, which reports the state up to a server-rendered page.
//
//   const board = usePeopleBoard(workspaceId, { id, name, color: colorForUser(id) });
//   board.revision  // refetch resources.grid whenever it moves (not on its first value 0):
//                   //   useEffect(() => { if (board.revision > 0) void utils.resources.grid.invalidate(); }, [board.revision]);
//   board.present   // every tab on the grid (PresenceAvatars takes it); board.others without this tab
//   board.others[i].focus  // { personId, week: 'YYYY-Www' } (a cell) or { personId, week: null } (a row), or null
//   board.setFocus({ personId, week })  // on a cell's focus/hover; setFocus(null) on blur
//   board.status, board.refusal         // 'connecting' | 'saved' | 'offline', and why access was refused
//
// Resources are written through tRPC (people.*, allocation.*...), never through this board: the
// server refuses every client's document update here. After each committed write the server counts
// the board's revision up; `revision` also moves at each reconnection, because a signal sent while
// this tab was offline is not replayed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readRevision, signalMapName } from '@/server/collab/boards/peopleDocument';
import { readGridPresence, type GridFocus, type GridPeer, type PeopleBoardState } from './gridPresence';
import type { PresenceUser } from './presence';
import { useLiveDoc } from './useLiveDoc';

/** Counts the changes of `key` across renders (React's "information from previous renders" pattern). */
function useChangeCount(key: string): number {
  const [tracked, setTracked] = useState({ key, count: 0 });
  if (tracked.key !== key) {
    setTracked({ key, count: tracked.count + 1 });
    return tracked.count + 1;
  }
  return tracked.count;
}

/** `listenOnly`: read the change signal without showing this tab on the grid (no presence). */
export function usePeopleBoard(workspaceId: string, user: PresenceUser, options: { listenOnly?: boolean } = {}): PeopleBoardState {
  const live = useLiveDoc({ room: `people:${workspaceId}`, user, presence: !options.listenOnly });
  const doc = live?.doc ?? null;
  const awareness = live?.awareness ?? null;

  // The server's revision as this tab's document holds it (0 until synced, and for a new document).
  const [signalled, setSignalled] = useState(0);
  useEffect(() => {
    if (!doc) return;
    const signal = doc.getMap<unknown>(signalMapName);
    const read = () => setSignalled(readRevision(doc));
    signal.observe(read);
    read();
    return () => signal.unobserve(read);
  }, [doc]);
  // A sync and the revision it brings arrive in one message, so they move `revision` once.
  const revision = useChangeCount(`${live?.syncs ?? 0}:${signalled}`);

  const [present, setPresent] = useState<GridPeer[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => setPresent(readGridPresence(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);

  const setFocus = useCallback(
    (focus: GridFocus | null) => {
      if (!awareness) return;
      const current = (awareness.getLocalState() as { focus?: GridFocus | null } | null)?.focus ?? null;
      if (current?.personId === focus?.personId && current?.week === focus?.week) return;
      awareness.setLocalStateField('focus', focus);
    },
    [awareness],
  );

  const others = useMemo(() => present.filter((peer) => !peer.self), [present]);
  return {
    revision,
    present,
    others,
    setFocus,
    status: live?.status ?? 'connecting',
    refusal: live?.refusal ?? null,
  };
}
