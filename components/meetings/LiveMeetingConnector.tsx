'use client';
// The live side of a meeting board, and the one module of it (with the notes editor) that imports
// Yjs. Opens the room `meeting:<meetingId>`, reads the board on every change and hands it up with
// the actions that write to the document (server/collab/boards/meetingDocument.ts). Ending and
// reopening the meeting go through the server (meeting.end / meeting.reopen), not from here.
import { useEffect, useMemo, useState } from 'react';
import {
  insertAction,
  insertAgendaItem,
  insertDecision,
  meetingMap,
  moveAgendaItem,
  nextAgendaItem,
  readMeetingBoard,
  removeEntry,
  runAgendaItem,
  setActionDone,
  updateAction,
  updateAgendaItem,
  updateDecision,
  type MeetingBoard,
} from '@/server/collab/boards/meetingDocument';
import { sharedTextOf } from '@/server/collab/boards/liveText';
import { newEntryId, useLiveBoard, useReportState } from '@/components/live/useLiveBoard';
import type { PresenceUser } from '@/components/live/presence';
import type { LiveMeetingState, MeetingBoardActions } from './model';

export default function LiveMeetingConnector({
  meetingId,
  user,
  onChange,
}: {
  meetingId: string;
  user: PresenceUser;
  onChange: (state: LiveMeetingState) => void;
}) {
  const { doc, awareness, presence, everSynced, setEditing, status, refusal } = useLiveBoard(`meeting:${meetingId}`, user);
  const [board, setBoard] = useState<MeetingBoard | null>(null);

  useEffect(() => {
    if (!doc) return;
    // The notes (an XmlFragment) are the editor's: only the maps make the board re-read.
    const maps = (['meta', 'agenda', 'decisions', 'actions', 'reviews'] as const).map((name) => meetingMap(doc, name));
    const publish = () => setBoard(readMeetingBoard(doc));
    for (const map of maps) map.observeDeep(publish);
    publish();
    return () => {
      for (const map of maps) map.unobserveDeep(publish);
    };
  }, [doc]);

  const actions = useMemo<MeetingBoardActions | null>(() => {
    if (!doc || !awareness) return null;
    return {
      agendaTitle: (id) => sharedTextOf(meetingMap(doc, 'agenda').get(id), 'title'),
      addAgendaItem: (fields) => insertAgendaItem(doc, { title: 'New item', ...fields }, user.id, newEntryId()),
      updateAgendaItem: (id, patch) => void updateAgendaItem(doc, id, patch),
      moveAgendaItem: (id, index) => void moveAgendaItem(doc, id, index),
      removeAgendaItem: (id) => void removeEntry(doc, 'agenda', id),
      runItem: (id) => runAgendaItem(doc, id, user.id),
      nextItem: () => runAgendaItem(doc, nextAgendaItem(doc)?.id ?? null, user.id),
      decisionText: (id, field) => sharedTextOf(meetingMap(doc, 'decisions').get(id), field),
      addDecision: (fields) => insertDecision(doc, fields, user.id, newEntryId()),
      updateDecision: (id, patch) => void updateDecision(doc, id, patch),
      removeDecision: (id) => void removeEntry(doc, 'decisions', id),
      actionTitle: (id) => sharedTextOf(meetingMap(doc, 'actions').get(id), 'title'),
      addAction: (fields) => insertAction(doc, fields, user.id, newEntryId()),
      updateAction: (id, patch) => void updateAction(doc, id, patch),
      setActionDone: (id, done) => void setActionDone(doc, id, done, user.id),
      removeAction: (id) => void removeEntry(doc, 'actions', id),
      setEditing,
    };
  }, [doc, awareness, user.id, setEditing]);

  useReportState(
    onChange,
    // Writing before the first sync would edit a document this tab has not seen yet.
    { board: everSynced ? board : null, actions: everSynced ? actions : null, doc: everSynced ? doc : null, awareness, presence, status, refusal },
    [everSynced, board, actions, doc, awareness, presence, status, refusal],
  );
  return null;
}
