// What the meeting board's UI works with: the board's content (from the live document
// `meeting:<meetingId>`), the actions that write to it, and the people and plan items it can name.
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { MeetingBoard } from '@/server/collab/boards/meetingDocument';
import type { ActionFields, AgendaFields, DecisionFields, LinkKind } from '@/server/domain/meeting';
import type { BoardStatus, PresencePeer } from '@/components/live/presence';

export interface MemberOption {
  userId: string;
  name: string;
}

/** Something an agenda item, decision or action may link to, with its state as the page read it. */
export interface LinkTarget {
  kind: LinkKind;
  id: string;
  title: string;
  /** Its state in a few words: "High · score 16", "Due 5 Feb 2027 · 3 days late". */
  state: string;
  /** Where it is shown (the risk board, the plan). */
  href: string;
  /** A severity band for risks, so the chip takes its colour. */
  band?: 'critical' | 'high' | 'medium' | 'low' | null;
}

export const linkKindLabels: Record<LinkKind, string> = { raid: 'RAID item', milestone: 'Milestone', workstream: 'Workstream', goal: 'Goal' };

export interface MeetingBoardActions {
  agendaTitle(id: string): Y.Text | null;
  addAgendaItem(fields: Partial<AgendaFields>): string;
  updateAgendaItem(id: string, patch: Partial<AgendaFields>): void;
  moveAgendaItem(id: string, index: number): void;
  removeAgendaItem(id: string): void;
  /** Makes an item the current one for everyone (null: none); its timer starts now. */
  runItem(id: string | null): void;
  /** Moves the run on to the item after the current one (or stops at the end). */
  nextItem(): void;
  decisionText(id: string, field: 'text' | 'decidedBy'): Y.Text | null;
  addDecision(fields: Partial<DecisionFields>): string;
  updateDecision(id: string, patch: Partial<DecisionFields>): void;
  removeDecision(id: string): void;
  actionTitle(id: string): Y.Text | null;
  addAction(fields: Partial<ActionFields>): string;
  updateAction(id: string, patch: Partial<ActionFields>): void;
  setActionDone(id: string, done: boolean): void;
  removeAction(id: string): void;
  setEditing(id: string | null): void;
}

export interface LiveMeetingState {
  board: MeetingBoard | null;
  actions: MeetingBoardActions | null;
  /** For the notes editor, which binds to the document itself. */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
}
