'use client';
// The live side of the plan, and the only module of it that imports Yjs. It opens the room
// `plan:<projectId>`, turns the document into plain PlanContent on every change, reads presence
// from awareness, and hands both up with the actions that write to the document
// (docs/live-documents.md).
import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useLiveDoc } from '@/components/live/useLiveDoc';
import { readPresence, type PresencePeer, type PresenceUser } from '@/components/live/presence';
import {
  addDependency,
  charterMap,
  deletePlanItem,
  dependenciesMap,
  goalsMap,
  insertEntry,
  insertPlanItem,
  nonGoalsArray,
  readBaselines,
  readCharter,
  readDependencies,
  readGoals,
  readPlanItems,
  readRaci,
  readStakeholders,
  saveBaseline,
  scopeArray,
  setRaci,
  stakeholdersMap,
  updateEntry,
  updatePlanItem,
} from '@/server/collab/boards/planDocument';
import { emptyGoalFields, emptyStakeholderFields } from '@/server/domain/planCharter';
import type { LivePlanState, PlanActions, PlanContent } from './model';

/** crypto.randomUUID needs a secure context; plain http on a LAN address is not one. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function readContent(doc: Y.Doc): PlanContent {
  return {
    items: readPlanItems(doc),
    dependencies: readDependencies(doc),
    baselines: readBaselines(doc),
    charter: readCharter(doc),
    goals: readGoals(doc),
    stakeholders: readStakeholders(doc),
    raci: readRaci(doc),
  };
}


export default function LivePlanConnector({
  projectId,
  user,
  onChange,
}: {
  projectId: string;
  user: PresenceUser;
  onChange: (state: LivePlanState) => void;
}) {
  const live = useLiveDoc({ room: `plan:${projectId}`, user });
  const doc = live?.doc ?? null;
  const awareness = live?.awareness ?? null;
  const [content, setContent] = useState<PlanContent | null>(null);
  const [presence, setPresence] = useState<PresencePeer[]>([]);
  const [everSynced, setEverSynced] = useState(false);
  useEffect(() => {
    if (live?.synced) setEverSynced(true);
  }, [live?.synced]);

  useEffect(() => {
    if (!doc) return;
    // One read per transaction (a drag or a remote batch is one render, not one per field).
    const publish = () => setContent(readContent(doc));
    doc.on('afterTransaction', publish);
    publish();
    return () => doc.off('afterTransaction', publish);
  }, [doc]);

  useEffect(() => {
    if (!awareness) return;
    const read = () => setPresence(readPresence(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);

  const actions = useMemo<PlanActions | null>(() => {
    if (!doc || !awareness) return null;
    const list = (name: 'scope' | 'nonGoals') => (name === 'scope' ? scopeArray(doc) : nonGoalsArray(doc));
    return {
      addItem: (fields) => insertPlanItem(doc, fields, user.id, newId()),
      updateItem: (id, patch) => void updatePlanItem(doc, id, patch),
      deleteItem: (id) => deletePlanItem(doc, id),
      addDependency: (fromId, toId) => addDependency(doc, fromId, toId, user.id, newId()),
      removeDependency: (id) => dependenciesMap(doc).delete(id),
      saveBaseline: (name) => void saveBaseline(doc, name, user.id, newId()),
      setVision: (text) => charterMap(doc).set('vision', text),
      addToList: (name, text) => list(name).push([text]),
      removeFromList: (name, index) => list(name).delete(index, 1),
      addGoal: (fields) => insertEntry(goalsMap(doc), { ...emptyGoalFields, title: 'New goal', ...fields }, newId()),
      updateGoal: (id, patch) => updateEntry(goalsMap(doc), id, patch),
      deleteGoal: (id) => {
        doc.transact(() => {
          goalsMap(doc).delete(id);
          for (const r of readRaci(doc)) if (r.subjectId === id) setRaci(doc, id, r.stakeholderId, null);
        });
      },
      addStakeholder: (fields) => insertEntry(stakeholdersMap(doc), { ...emptyStakeholderFields, name: 'New stakeholder', ...fields }, newId()),
      updateStakeholder: (id, patch) => updateEntry(stakeholdersMap(doc), id, patch),
      deleteStakeholder: (id) => {
        doc.transact(() => {
          stakeholdersMap(doc).delete(id);
          for (const r of readRaci(doc)) if (r.stakeholderId === id) setRaci(doc, r.subjectId, id, null);
        });
      },
      setRaci: (subjectId, stakeholderId, role) => setRaci(doc, subjectId, stakeholderId, role),
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
      content: everSynced ? content : null,
      // Writing before the first sync would edit a document we have not seen yet.
      actions: everSynced ? actions : null,
      presence,
      status,
      refusal,
    });
  }, [everSynced, content, actions, presence, status, refusal]);

  return null;
}
