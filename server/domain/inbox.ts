// The inbox's derived entries (issue 18): what needs me, computed from the boards each time the inbox
// is read (my actions due soon or overdue, my risks past due, risks, plan items and actions others gave me,
// status updates I owe), so they are never stale. Each entry's key changes when the entry is new
// again (a new due date, a new assignment), which is what its read mark is kept by. Pure.
import { addDays, formatISO, parseISO } from 'date-fns';

export const inboxKinds = ['mention', 'assigned', 'due', 'overdue', 'update_owed', 'role_changed'] as const;
export type InboxKind = (typeof inboxKinds)[number];

export type InboxTargetKind = 'risk' | 'planItem' | 'action' | 'decision' | 'update' | 'project';

export interface InboxTarget {
  kind: InboxTargetKind;
  id: string;
  /** For an action or decision: the meeting whose board it is on. */
  meetingId?: string;
  /** For a mention: the comment. */
  commentId?: string;
}

export interface DerivedEntry {
  /** Stable while the entry means the same thing; the id the API shows and markRead takes. */
  key: string;
  kind: InboxKind;
  projectId: string;
  target: InboxTarget;
  title: string;
  createdAt: Date;
}

/** An action counts as due soon from this many days before its due day. */
export const dueSoonDays = 3;

const dayStart = (iso: string) => parseISO(`${iso}T00:00:00Z`);
const isoDay = (date: Date) => formatISO(date, { representation: 'date' });

export interface OwnedAction {
  projectId: string;
  meetingId: string;
  id: string;
  title: string;
  /** `yyyy-MM-dd`. */
  due: string | null;
  status: string;
  createdBy: string | null;
  createdAt: Date;
}

/**
 * My open actions: `overdue` once the due day has passed (dated the day after it), `due` within
 * `dueSoonDays` of it (dated when it became due soon), `assigned` when someone else gave it to me.
 */
export function actionEntries(actions: OwnedAction[], userId: string, today: string): DerivedEntry[] {
  const entries: DerivedEntry[] = [];
  const soonUntil = isoDay(addDays(dayStart(today), dueSoonDays));
  for (const action of actions) {
    if (action.status !== 'open') continue;
    const target: InboxTarget = { kind: 'action', id: action.id, meetingId: action.meetingId };
    const base = { projectId: action.projectId, target, title: action.title };
    if (action.createdBy && action.createdBy !== userId) {
      entries.push({ ...base, key: `assigned:action:${action.meetingId}:${action.id}`, kind: 'assigned', createdAt: action.createdAt });
    }
    if (!action.due) continue;
    if (action.due < today) {
      entries.push({ ...base, key: `overdue:action:${action.meetingId}:${action.id}:${action.due}`, kind: 'overdue', createdAt: addDays(dayStart(action.due), 1) });
    } else if (action.due <= soonUntil) {
      entries.push({ ...base, key: `due:action:${action.meetingId}:${action.id}:${action.due}`, kind: 'due', createdAt: addDays(dayStart(action.due), -dueSoonDays) });
    }
  }
  return entries;
}

export interface OwnedRisk {
  projectId: string;
  id: string;
  title: string;
  dueDate: string | null;
  /** Whether it is still open or being mitigated (server/domain/risk.ts, activeStatuses). */
  active: boolean;
}

/** My active risks whose due date has passed, dated the day after it. */
export function overdueRiskEntries(risks: OwnedRisk[], today: string): DerivedEntry[] {
  return risks
    .filter((risk) => risk.active && risk.dueDate !== null && risk.dueDate < today)
    .map((risk) => ({
      key: `overdue:risk:${risk.projectId}:${risk.id}:${risk.dueDate}`,
      kind: 'overdue' as const,
      projectId: risk.projectId,
      target: { kind: 'risk' as const, id: risk.id },
      title: risk.title,
      createdAt: addDays(dayStart(risk.dueDate!), 1),
    }));
}

export interface OwnerChange {
  /** A risk, or a plan item (milestone, workstream). */
  itemKind: 'risk' | 'planItem';
  /** The change's own id in the item's history: a later reassignment to me is a new entry. */
  changeId: number;
  projectId: string;
  itemId: string;
  title: string;
  /** Who made me the owner. */
  actorId: string | null;
  changedAt: Date;
}

/** Risks and plan items someone else made me the owner of (from their history). */
export function assignmentEntries(changes: OwnerChange[], userId: string): DerivedEntry[] {
  return changes
    .filter((change) => change.actorId !== null && change.actorId !== userId)
    .map((change) => ({
      key: `assigned:${change.itemKind}:${change.projectId}:${change.changeId}`,
      kind: 'assigned' as const,
      projectId: change.projectId,
      target: { kind: change.itemKind, id: change.itemId },
      title: change.title,
      createdAt: change.changedAt,
    }));
}

export interface OwedUpdate {
  projectId: string;
  projectName: string;
  /** When the update was due (`yyyy-MM-dd`), from the project's cadence. */
  dueOn: string | null;
  overdue: boolean;
}

/** The status updates I owe: a project I own whose cadence's due day has passed without a publish. */
export function owedUpdateEntries(projects: OwedUpdate[]): DerivedEntry[] {
  return projects
    .filter((p) => p.overdue && p.dueOn !== null)
    .map((p) => ({
      key: `update_owed:${p.projectId}:${p.dueOn}`,
      kind: 'update_owed' as const,
      projectId: p.projectId,
      target: { kind: 'project' as const, id: p.projectId },
      title: `Status update for ${p.projectName} was due ${p.dueOn}`,
      createdAt: addDays(dayStart(p.dueOn!), 1),
    }));
}

/** Newest first; ties by key, so the order never flickers between reads. */
export function newestFirst<T extends { createdAt: Date; id: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
