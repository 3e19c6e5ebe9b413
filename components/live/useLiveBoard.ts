'use client';
// What every live board's connector needs besides its own content and actions: the document and
// awareness (useLiveDoc), whether it has synced once, who is here, marking which entry this tab
// edits, and reporting the board's state up to the page. Import only from ssr:false modules.
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { readPresence, type PresencePeer, type PresenceUser } from './presence';
import { useLiveDoc } from './useLiveDoc';

/** crypto.randomUUID needs a secure context; plain http on a LAN address is not one. */
export function newEntryId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function useLiveBoard(room: string, user: PresenceUser) {
  const live = useLiveDoc({ room, user });
  const doc = live?.doc ?? null;
  const awareness = live?.awareness ?? null;
  const [presence, setPresence] = useState<PresencePeer[]>([]);

  // Until the first sync the document is empty: the server-rendered content stays on screen, and
  // writing would edit a document this tab has not seen yet. Per document: a rebuilt board is
  // opened again in a new one (useLiveDoc).
  const [syncedDoc, setSyncedDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (live?.synced) setSyncedDoc(live.doc);
  }, [live?.synced, live?.doc]);
  const everSynced = doc !== null && syncedDoc === doc;

  useEffect(() => {
    if (!awareness) return;
    const read = () => setPresence(readPresence(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);

  const setEditing = useCallback(
    (id: string | null) => {
      if (awareness && (awareness.getLocalState() as { editing?: unknown } | null)?.editing !== id) {
        awareness.setLocalStateField('editing', id);
      }
    },
    [awareness],
  );

  return { doc, awareness, presence, everSynced, setEditing, status: live?.status ?? 'connecting', refusal: live?.refusal ?? null };
}

/** Calls `onChange` with the board's state whenever it changes (the latest `onChange` is used). */
export function useReportState<T>(onChange: (state: T) => void, state: T, deps: readonly unknown[]): void {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  useEffect(() => {
    onChangeRef.current(state);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
