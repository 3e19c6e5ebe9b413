'use client';
// The live side of the plan, and the only module of it that imports Yjs. It opens the room
// `plan:<projectId>`, turns the document into plain PlanContent on every change, reads presence
// from awareness, and hands both up with the actions that write to the document
// (docs/live-documents.md).
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { newEntryId, useLiveBoard, useReportState } from '@/components/live/useLiveBoard';
import type { PresenceUser } from '@/components/live/presence';
import {
  addDependency,
  addListEntry,
  deletePlanItem,
  dependenciesMap,
  goalsMap,
  insertEntry,
  insertPlanItem,
  nonGoalsArray,
  planItemsMap,
  planText,
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
  shiftPlanItem,
  stakeholdersMap,
  updateEntry,
  updatePlanItem,
} from '@/server/collab/boards/planDocument';
import { emptyGoalFields, emptyStakeholderFields } from '@/server/domain/planCharter';
import type { LivePlanState, PlanActions, PlanContent } from './model';

/** How long an item moved by someone else flashes. */
const movedFlashMs = 3_000;

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
  const { doc, awareness, presence, everSynced, setEditing, status, refusal } = useLiveBoard(`plan:${projectId}`, user);
  const [content, setContent] = useState<PlanContent | null>(null);

  useEffect(() => {
    if (!doc) return;
    // One read per transaction (a drag or a remote batch is one render, not one per field).
    const publish = () => setContent(readContent(doc));
    doc.on('afterTransaction', publish);
    publish();
    return () => doc.off('afterTransaction', publish);
  }, [doc]);

  // A date changed by someone else (not by this tab) flashes for a moment, so their move is seen.
  const [movedByOthers, setMovedByOthers] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!doc) return;
    const items = planItemsMap(doc);
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.local) return;
      const moved = new Set<string>();
      for (const event of events) {
        const id = event.path[0];
        if (event.path.length === 1 && typeof id === 'string' && (event.changes.keys.has('start') || event.changes.keys.has('end'))) moved.add(id);
      }
      if (!moved.size) return;
      setMovedByOthers((current) => new Set([...current, ...moved]));
      for (const id of moved) {
        clearTimeout(timers.get(id));
        timers.set(
          id,
          setTimeout(() => {
            timers.delete(id);
            setMovedByOthers((current) => new Set([...current].filter((other) => other !== id)));
          }, movedFlashMs),
        );
      }
    };
    items.observeDeep(watch);
    return () => {
      items.unobserveDeep(watch);
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [doc]);

  const actions = useMemo<PlanActions | null>(() => {
    if (!doc || !awareness) return null;
    const list = (name: 'scope' | 'nonGoals') => (name === 'scope' ? scopeArray(doc) : nonGoalsArray(doc));
    return {
      addItem: (fields) => insertPlanItem(doc, fields, user.id, newEntryId()),
      updateItem: (id, patch) => void updatePlanItem(doc, id, patch),
      shiftItem: (id, days, mode) => void shiftPlanItem(doc, id, days, mode),
      deleteItem: (id) => deletePlanItem(doc, id),
      addDependency: (fromId, toId) => addDependency(doc, fromId, toId, user.id, newEntryId()),
      removeDependency: (id) => dependenciesMap(doc).delete(id),
      saveBaseline: (name) => void saveBaseline(doc, name, user.id, newEntryId()),
      text: (at) => planText(doc, at),
      addToList: (name, text) => addListEntry(list(name), text),
      removeFromList: (name, index) => list(name).delete(index, 1),
      addGoal: (fields) => insertEntry(goalsMap(doc), { ...emptyGoalFields, title: 'New goal', ...fields }, newEntryId()),
      updateGoal: (id, patch) => updateEntry(goalsMap(doc), id, patch),
      deleteGoal: (id) => {
        doc.transact(() => {
          goalsMap(doc).delete(id);
          for (const r of readRaci(doc)) if (r.subjectId === id) setRaci(doc, id, r.stakeholderId, null);
        });
      },
      addStakeholder: (fields) => insertEntry(stakeholdersMap(doc), { ...emptyStakeholderFields, name: 'New stakeholder', ...fields }, newEntryId()),
      updateStakeholder: (id, patch) => updateEntry(stakeholdersMap(doc), id, patch),
      deleteStakeholder: (id) => {
        doc.transact(() => {
          stakeholdersMap(doc).delete(id);
          for (const r of readRaci(doc)) if (r.stakeholderId === id) setRaci(doc, r.subjectId, id, null);
        });
      },
      setRaci: (subjectId, stakeholderId, role) => setRaci(doc, subjectId, stakeholderId, role),
      setEditing,
    };
  }, [doc, awareness, user.id, setEditing]);

  useReportState(
    onChange,
    // Writing before the first sync would edit a document we have not seen yet.
    { content: everSynced ? content : null, actions: everSynced ? actions : null, presence, status, refusal, movedByOthers },
    [everSynced, content, actions, presence, status, refusal, movedByOthers],
  );

  return null;
}
