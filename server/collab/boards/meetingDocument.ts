// Reading and writing a meeting's live document (`meeting:<meetingId>`, docs/live-documents.md):
// a Y.Map `meta` (state, current agenda item), Y.Maps `agenda`, `decisions`, `actions` and
// `reviews` keyed by id (each entry a Y.Map, free text as Y.Text), and the notes as the Y.XmlFragment
// `notes` that the Tiptap editor binds to. Shared by the server (commands, projection) and the
// browser's board, so both write the same schema.
import * as Y from 'yjs';
import {
  actionTextFieldNames,
  agendaTextFieldNames,
  decisionTextFieldNames,
  emptyActionFields,
  emptyAgendaFields,
  emptyDecisionFields,
  normalizeActionFields,
  normalizeAgendaFields,
  normalizeDecisionFields,
  normalizeMeetingMeta,
  positionBetween,
  type ActionFields,
  type AgendaFields,
  type DecisionFields,
  type MeetingMeta,
} from '../../domain/meeting';
import { writeFields } from './liveText';

export const meetingMaps = { meta: 'meta', agenda: 'agenda', decisions: 'decisions', actions: 'actions', reviews: 'reviews' } as const;
/** The Y.XmlFragment Tiptap's Collaboration extension binds to (its `field`). */
export const notesFragmentName = 'notes';

export interface MeetingEntry<F> {
  id: string;
  fields: F;
  createdAt: string | null;
  createdBy: string | null;
}

/** A risk walked in risk review mode: who reviewed it and when (ISO instant). */
export interface RiskReview {
  riskId: string;
  reviewedAt: string;
  reviewedBy: string | null;
}

export interface MeetingBoard {
  meta: MeetingMeta;
  /** In agenda order. */
  agenda: MeetingEntry<AgendaFields>[];
  decisions: MeetingEntry<DecisionFields>[];
  actions: MeetingEntry<ActionFields>[];
  reviews: RiskReview[];
}

export const meetingMap = (doc: Y.Doc, name: keyof typeof meetingMaps) => doc.getMap<unknown>(meetingMaps[name]);
export const notesFragment = (doc: Y.Doc) => doc.getXmlFragment(notesFragmentName);

function readEntries<F>(map: Y.Map<unknown>, normalize: (raw: Record<string, unknown>) => F): MeetingEntry<F>[] {
  const entries: MeetingEntry<F>[] = [];
  map.forEach((value, id) => {
    const entry = readEntry(id, value, normalize);
    if (entry) entries.push(entry);
  });
  return entries;
}

/** One entry of a map, or null when it is not a well-formed one (not a Y.Map, or deleted since it was taken). */
export function readEntry<F>(id: string, value: unknown, normalize: (raw: Record<string, unknown>) => F): MeetingEntry<F> | null {
  if (!(value instanceof Y.Map) || value._item?.deleted) return null;
  const raw = value.toJSON() as Record<string, unknown>;
  const createdAt = typeof raw.createdAt === 'string' && !Number.isNaN(Date.parse(raw.createdAt)) ? raw.createdAt : null;
  const createdBy = typeof raw.createdBy === 'string' ? raw.createdBy : null;
  return { id, fields: normalize(raw), createdAt, createdBy };
}

const byPosition = (a: MeetingEntry<AgendaFields>, b: MeetingEntry<AgendaFields>) => a.fields.position - b.fields.position || a.id.localeCompare(b.id);
const byCreation = <F>(a: MeetingEntry<F>, b: MeetingEntry<F>) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id);

export function readMeta(doc: Y.Doc): MeetingMeta {
  return normalizeMeetingMeta(meetingMap(doc, 'meta').toJSON() as Record<string, unknown>);
}

export function readAgenda(doc: Y.Doc): MeetingEntry<AgendaFields>[] {
  return readEntries(meetingMap(doc, 'agenda'), normalizeAgendaFields).sort(byPosition);
}

export function readDecisions(doc: Y.Doc): MeetingEntry<DecisionFields>[] {
  return readEntries(meetingMap(doc, 'decisions'), normalizeDecisionFields).sort(byCreation);
}

export function readActions(doc: Y.Doc): MeetingEntry<ActionFields>[] {
  return readEntries(meetingMap(doc, 'actions'), normalizeActionFields).sort(byCreation);
}

export function readReviews(doc: Y.Doc): RiskReview[] {
  const reviews: RiskReview[] = [];
  meetingMap(doc, 'reviews').forEach((value, riskId) => {
    if (!(value instanceof Y.Map)) return;
    const reviewedAt = value.get('reviewedAt');
    if (typeof reviewedAt !== 'string' || Number.isNaN(Date.parse(reviewedAt))) return;
    const reviewedBy = value.get('reviewedBy');
    reviews.push({ riskId, reviewedAt, reviewedBy: typeof reviewedBy === 'string' ? reviewedBy : null });
  });
  return reviews.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
}

export function readMeetingBoard(doc: Y.Doc): MeetingBoard {
  return { meta: readMeta(doc), agenda: readAgenda(doc), decisions: readDecisions(doc), actions: readActions(doc), reviews: readReviews(doc) };
}

function insertEntry(map: Y.Map<unknown>, values: Record<string, unknown>, textFields: readonly string[], actorId: string, id: string): string {
  const entry = new Y.Map<unknown>();
  map.doc!.transact(() => {
    entry.set('id', id);
    for (const [name, value] of Object.entries(values)) {
      entry.set(name, textFields.includes(name) && typeof value === 'string' ? new Y.Text(value) : value);
    }
    entry.set('createdAt', new Date().toISOString());
    entry.set('createdBy', actorId);
    map.set(id, entry);
  });
  return id;
}

function updateEntry(map: Y.Map<unknown>, id: string, fields: Record<string, unknown>, textFields: readonly string[]): boolean {
  const entry = map.get(id);
  if (!(entry instanceof Y.Map)) return false;
  map.doc!.transact(() => writeFields(entry, fields, textFields));
  return true;
}

/** Adds an agenda item at the end (or at `position`); returns its id. */
export function insertAgendaItem(doc: Y.Doc, fields: Partial<AgendaFields>, actorId: string, id: string = globalThis.crypto.randomUUID()): string {
  const agenda = readAgenda(doc);
  const position = fields.position ?? positionBetween(agenda.at(-1)?.fields.position ?? null, null);
  return insertEntry(meetingMap(doc, 'agenda'), { ...emptyAgendaFields, ...fields, position }, agendaTextFieldNames, actorId, id);
}

export function updateAgendaItem(doc: Y.Doc, id: string, fields: Partial<AgendaFields>): boolean {
  return updateEntry(meetingMap(doc, 'agenda'), id, fields, agendaTextFieldNames);
}

/** Moves an agenda item to `index` of the agenda as it reads now (by drag or by keyboard). */
export function moveAgendaItem(doc: Y.Doc, id: string, index: number): boolean {
  const others = readAgenda(doc).filter((item) => item.id !== id);
  const at = Math.max(0, Math.min(index, others.length));
  const position = positionBetween(others[at - 1]?.fields.position ?? null, others[at]?.fields.position ?? null);
  return updateAgendaItem(doc, id, { position });
}

export function insertDecision(doc: Y.Doc, fields: Partial<DecisionFields>, actorId: string, id: string = globalThis.crypto.randomUUID()): string {
  return insertEntry(meetingMap(doc, 'decisions'), { ...emptyDecisionFields, ...fields }, decisionTextFieldNames, actorId, id);
}

export function updateDecision(doc: Y.Doc, id: string, fields: Partial<DecisionFields>): boolean {
  return updateEntry(meetingMap(doc, 'decisions'), id, fields, decisionTextFieldNames);
}

export function insertAction(doc: Y.Doc, fields: Partial<ActionFields>, actorId: string, id: string = globalThis.crypto.randomUUID()): string {
  return insertEntry(meetingMap(doc, 'actions'), { ...emptyActionFields, ...fields }, actionTextFieldNames, actorId, id);
}

export function updateAction(doc: Y.Doc, id: string, fields: Partial<ActionFields>): boolean {
  return updateEntry(meetingMap(doc, 'actions'), id, fields, actionTextFieldNames);
}

/** Marks an action done (or open again), recording who and when. */
export function setActionDone(doc: Y.Doc, id: string, done: boolean, actorId: string, now = new Date()): boolean {
  return updateAction(doc, id, done ? { status: 'done', doneAt: now.toISOString(), doneBy: actorId } : { status: 'open', doneAt: null, doneBy: null });
}

/** Removes an entry of the agenda, decisions or actions. */
export function removeEntry(doc: Y.Doc, map: 'agenda' | 'decisions' | 'actions', id: string): boolean {
  const entries = meetingMap(doc, map);
  if (!entries.has(id)) return false;
  entries.delete(id);
  return true;
}

export function writeMeta(doc: Y.Doc, fields: Partial<MeetingMeta>): void {
  const meta = meetingMap(doc, 'meta');
  doc.transact(() => {
    for (const [name, value] of Object.entries(fields)) if (value !== undefined && meta.get(name) !== value) meta.set(name, value);
  });
}

/** Makes an agenda item the current one (null: none), its timer starting now. */
export function runAgendaItem(doc: Y.Doc, itemId: string | null, facilitatorId: string, now = new Date()): void {
  writeMeta(doc, { currentItemId: itemId, currentStartedAt: itemId ? now.toISOString() : null, facilitatorId });
}

/** The agenda item after the current one, or null at the end (or when none is current). */
export function nextAgendaItem(doc: Y.Doc): MeetingEntry<AgendaFields> | null {
  const { currentItemId } = readMeta(doc);
  const agenda = readAgenda(doc);
  const index = agenda.findIndex((item) => item.id === currentItemId);
  return index === -1 ? null : (agenda[index + 1] ?? null);
}

/** Ends the meeting: the board becomes read-only (the server refuses edits) until an owner reopens it. */
export function endMeeting(doc: Y.Doc, now = new Date()): void {
  writeMeta(doc, { state: 'ended', endedAt: now.toISOString(), currentItemId: null, currentStartedAt: null });
}

export function reopenMeeting(doc: Y.Doc): void {
  writeMeta(doc, { state: 'open', endedAt: null });
}

/** Records that a risk was walked in risk review mode. */
export function markRiskReviewed(doc: Y.Doc, riskId: string, actorId: string, now = new Date()): void {
  const reviews = meetingMap(doc, 'reviews');
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('reviewedAt', now.toISOString());
    entry.set('reviewedBy', actorId);
    reviews.set(riskId, entry);
  });
}
