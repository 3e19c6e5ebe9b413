'use client';
// The live side of the risk board, and the only module of it that imports Yjs. It opens the room
// `risks:<projectId>`, turns the `items` map into RaidItem[] on every change, reads presence from
// awareness, and hands both up with the actions that write to the document (docs/live-documents.md).
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { newEntryId, useLiveBoard, useReportState } from '@/components/live/useLiveBoard';
import { insertRaidItem, raidItemText, updateRaidItem } from '@/server/collab/boards/riskDocument';
import { deriveRaidScores, normalizeRaidFields, raidFieldNames, type RaidFields, type RaidItem } from '@/server/domain/risk';
import type { PresenceUser } from '@/components/live/presence';
import type { ChangeByOthers, LiveBoardState, RiskBoardActions } from './model';

const unknownDate = new Date(0);

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
  const { doc, awareness, presence, everSynced, setEditing, status, refusal } = useLiveBoard(`risks:${projectId}`, user);
  const [items, setItems] = useState<RaidItem[] | null>(null);
  const [changedByOthers, setChangedByOthers] = useState<ChangeByOthers | null>(null);

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
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (!transaction.local) {
        const change = changedFields(events);
        if (change) setChangedByOthers((last) => ({ ...change, seq: (last?.seq ?? 0) + 1 }));
      }
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

  const actions = useMemo<RiskBoardActions | null>(() => {
    if (!doc || !awareness) return null;
    const map = doc.getMap<unknown>('items');
    return {
      newItemId: newEntryId,
      createItem(fields = {}, id = newEntryId()) {
        return insertRaidItem(doc, { title: 'Untitled', ...fields }, user.id, id);
      },
      updateItem(id, patch) {
        updateRaidItem(doc, id, patch);
      },
      textOf(id, field) {
        return raidItemText(doc, id, field);
      },
      deleteItem(id) {
        const value = map.get(id);
        if (!(value instanceof Y.Map)) return null;
        const raw = value.toJSON() as Record<string, unknown>;
        map.delete(id);
        return {
          id,
          fields: normalizeRaidFields(raw),
          createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : null,
          createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : null,
        };
      },
      restoreItem(deleted) {
        if (map.has(deleted.id)) return;
        // Through insertRaidItem, so the restored item is written like any new one, then given
        // back when and by whom it was first created.
        doc.transact(() => {
          insertRaidItem(doc, deleted.fields, deleted.createdBy ?? user.id, deleted.id);
          const item = map.get(deleted.id);
          if (item instanceof Y.Map && deleted.createdAt) item.set('createdAt', deleted.createdAt);
        });
      },
      setEditing,
    };
  }, [doc, awareness, user.id, setEditing]);

  useReportState(
    onChange,
    // Writing before the first sync would edit a document we have not seen yet.
    { items: everSynced ? items : null, actions: everSynced ? actions : null, presence, status, refusal, changedByOthers },
    [everSynced, items, actions, presence, status, refusal, changedByOthers],
  );

  return null;
}

const fieldNames = new Set<string>(raidFieldNames);

/**
 * The fields of one existing item that an update from someone else changed: keys of the item's map
 * (path [id]) and its shared texts (path [id, field]). Items added or removed are not a change of a
 * field; an update touching several items is reported for the first.
 */
function changedFields(events: Y.YEvent<Y.AbstractType<unknown>>[]): Omit<ChangeByOthers, 'seq'> | null {
  let itemId: string | null = null;
  const fields = new Set<keyof RaidFields>();
  for (const event of events) {
    const [id, field] = event.path;
    if (typeof id !== 'string' || (itemId !== null && id !== itemId)) continue;
    const keys = event.path.length === 1 ? [...event.changes.keys.keys()] : typeof field === 'string' ? [field] : [];
    for (const key of keys) if (fieldNames.has(key)) fields.add(key as keyof RaidFields);
    if (fields.size) itemId = id;
  }
  return itemId ? { itemId, fields: [...fields] } : null;
}
