'use client';
// The live side of the risk board, and the only module of it that imports Yjs. It opens the room
// `risks:<projectId>`, turns the `items` map into RaidItem[] on every change, reads presence from
// awareness, and hands both up with the actions that write to the document (docs/live-documents.md).
import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useLiveDoc } from '@/components/live/useLiveDoc';
import { insertRaidItem, updateRaidItem } from '@/server/collab/boards/riskDocument';
import { deriveRaidScores, normalizeRaidFields, type RaidItem } from '@/server/domain/risk';
import { readPresence, type PresencePeer, type PresenceUser } from '@/components/live/presence';
import type { LiveBoardState, RiskBoardActions } from './model';

const unknownDate = new Date(0);

/** crypto.randomUUID needs a secure context; plain http on a LAN address is not one. */
function newItemId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function toRaidItem(id: string, value: unknown): RaidItem | null {
  const raw = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null;
  if (!raw) return null;
  const fields = normalizeRaidFields(raw);
  const created = typeof raw.createdAt === 'string' ? new Date(raw.createdAt) : unknownDate;
  const createdAt = Number.isNaN(created.getTime()) ? unknownDate : created;
  return { id, ...fields, ...deriveRaidScores(fields), createdAt, updatedAt: createdAt };
}


export default function LiveRiskBoardConnector({
  projectId,
  user,
  onChange,
}: {
  projectId: string;
  user: PresenceUser;
  onChange: (state: LiveBoardState) => void;
}) {
  const live = useLiveDoc({ room: `risks:${projectId}`, user });
  const doc = live?.doc ?? null;
  const awareness = live?.awareness ?? null;
  const [items, setItems] = useState<RaidItem[] | null>(null);
  const [presence, setPresence] = useState<PresencePeer[]>([]);

  // Until the first sync the document is empty; the server's items stay on screen meanwhile.
  const [everSynced, setEverSynced] = useState(false);
  useEffect(() => {
    if (live?.synced) setEverSynced(true);
  }, [live?.synced]);

  useEffect(() => {
    if (!doc) return;
    const map = doc.getMap<unknown>('items');
    // Items are re-read only when they change; the rest keep their converted value.
    const cache = new Map<string, RaidItem | null>();
    const publish = () => {
      const next: RaidItem[] = [];
      for (const [id, value] of map.entries()) {
        if (!cache.has(id)) cache.set(id, toRaidItem(id, value));
        const item = cache.get(id);
        if (item) next.push(item);
      }
      setItems(next);
    };
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === map) for (const key of event.keys.keys()) cache.delete(key);
        else {
          const id = event.path[0];
          if (typeof id === 'string') cache.delete(id);
        }
      }
      publish();
    };
    map.observeDeep(onDeep);
    publish();
    return () => map.unobserveDeep(onDeep);
  }, [doc]);

  useEffect(() => {
    if (!awareness) return;
    const read = () => setPresence(readPresence(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    awareness.on('change', read);
    read();
    return () => {
      awareness.off('change', read);
    };
  }, [awareness]);

  const actions = useMemo<RiskBoardActions | null>(() => {
    if (!doc || !awareness) return null;
    const map = doc.getMap<unknown>('items');
    return {
      createItem(fields = {}) {
        return insertRaidItem(doc, { title: 'Untitled', ...fields }, user.id, newItemId());
      },
      updateItem(id, patch) {
        updateRaidItem(doc, id, patch);
      },
      deleteItem(id) {
        map.delete(id);
      },
      setEditing(id) {
        if ((awareness.getLocalState() as { editing?: unknown } | null)?.editing !== id) awareness.setLocalStateField('editing', id);
      },
    };
  }, [doc, awareness, user.id]);

  const status = live?.status ?? 'connecting';
  const refusal = live?.refusal ?? null;
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    onChangeRef.current({
      items: everSynced ? items : null,
      // Writing before the first sync would edit a document we have not seen yet.
      actions: everSynced ? actions : null,
      presence,
      status,
      refusal,
    });
  }, [everSynced, items, actions, presence, status, refusal]);

  return null;
}
