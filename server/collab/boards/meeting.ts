// A meeting as a kind of live board (`meeting:<meetingId>`): its project comes from the meeting
// table, an ended meeting refuses every client's edit (commands, such as closing an action or an
// owner's reopen, still apply), the server-side commands behind the meeting.* and action.*
// procedures, and the projection into meeting_action, meeting_decision and risk_review.
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { meeting } from '@/db/schema';
import { actionTextFieldNames, agendaTextFieldNames, decisionTextFieldNames } from '../../domain/meeting';
import { actorOf, observeEntries } from '../attribution';
import { oneSlice } from '../commandSlices';
import { projectMeetingBoard } from '../projections/meeting';
import {
  endMeeting,
  insertAction,
  insertAgendaItem,
  insertDecision,
  meetingMap,
  meetingMaps,
  notesFragment,
  readActions,
  readMeetingBoard,
  readMeta,
  reopenMeeting,
  setActionDone,
} from './meetingDocument';
import { notesToMarkdown } from './notesMarkdown';
import type { BoardDefinition } from './types';

/** Read on every client update, so straight from the map (readMeta validates every field). */
const isEnded = (doc: Y.Doc) => meetingMap(doc, 'meta').get('state') === 'ended';

export const meetingBoard: BoardDefinition<'meeting'> = {
  kind: 'meeting',

  async projectOf(db, meetingId) {
    const [row] = await db.select({ projectId: meeting.projectId }).from(meeting).where(eq(meeting.id, meetingId)).limit(1);
    return row?.projectId ?? null;
  },

  refusesClientEdits: isEnded,

  textFields: {
    entries: [
      { map: meetingMaps.agenda, fields: agendaTextFieldNames },
      { map: meetingMaps.decisions, fields: decisionTextFieldNames },
      { map: meetingMaps.actions, fields: actionTextFieldNames },
    ],
    singletons: [],
    lists: [],
  },

  observe(doc, attribution) {
    // Only what the projection writes schedules it: typing in the notes or the agenda does not.
    observeEntries(meetingMap(doc, 'actions'), attribution);
    observeEntries(meetingMap(doc, 'decisions'), attribution);
    for (const shared of [meetingMap(doc, 'meta'), meetingMap(doc, 'reviews')]) {
      shared.observeDeep((_events, transaction) => attribution.record('meeting:snapshot', '*', actorOf(transaction.origin)));
    }
  },

  commands: {
    'meeting.seedAgenda': (doc, command, actorId) =>
      oneSlice(() => ({
        agendaItemIds: command.items.map((item) => insertAgendaItem(doc, { title: item.title, carriedActionIds: item.carriedActionIds }, actorId)),
      })),
    'meeting.readActions': (doc) => oneSlice(() => ({ actions: readActions(doc).map((action) => ({ id: action.id, status: action.fields.status })) })),
    'meeting.readMinutes': (doc) => oneSlice(() => ({ board: readMeetingBoard(doc), notesMarkdown: notesToMarkdown(notesFragment(doc)) })),
    'meeting.addAction': (doc, command, actorId) =>
      oneSlice(() => (isEnded(doc) ? { actionId: null, ended: true } : { actionId: insertAction(doc, { ...command.fields, status: 'open' }, actorId), ended: false })),
    'meeting.addDecision': (doc, command, actorId) =>
      oneSlice(() => (isEnded(doc) ? { decisionId: null, ended: true } : { decisionId: insertDecision(doc, command.fields, actorId), ended: false })),
    'meeting.setActionDone': (doc, command, actorId) => oneSlice(() => ({ found: setActionDone(doc, command.actionId, command.done, actorId) })),
    'meeting.end': (doc) =>
      oneSlice(() => {
        if (!isEnded(doc)) endMeeting(doc);
        return { endedAt: readMeta(doc).endedAt ?? new Date().toISOString() };
      }),
    'meeting.reopen': (doc) =>
      oneSlice(() => {
        const wasEnded = isEnded(doc);
        if (wasEnded) reopenMeeting(doc);
        return { reopened: wasEnded };
      }),
    'meeting.import': (doc, command) =>
      oneSlice(() => {
        const empty = Object.keys(meetingMaps).every((name) => meetingMap(doc, name as keyof typeof meetingMaps).size === 0) && notesFragment(doc).length === 0;
        if (!empty) throw new Error('meeting.import fills only a new, empty board');
        Y.applyUpdate(doc, command.update);
        return {};
      }),
  },

  project: projectMeetingBoard,
};
