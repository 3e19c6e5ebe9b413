// "Since last meeting": what changed in the project between the previous meeting and this one,
// computed from the history tables and the projections (never typed): RAID items added, escalated,
// closed or removed; milestones slipped, moved or done; actions done or overdue; status updates
// published. Pure functions over plain rows; server/data/meetingSince.ts reads the rows.
import { differenceInCalendarDays, formatISO, subDays } from 'date-fns';
import { activeStatuses, riskScore, severityBand, type RaidStatus, type SeverityBand } from './risk';
import type { MeetingSeries } from './meeting';
import { planItemHref, riskItemHref } from './itemLinks';

// ---- The window ----

export interface SinceMeeting {
  id: string;
  title: string;
  series: MeetingSeries;
  startsAt: Date;
  endedAt: Date | null;
}

/** Since what the summary counts: the previous meeting of the series, else of the project, else a week. */
export type SinceBasis = 'series' | 'project' | 'week';

export interface SinceWindow {
  /** Exclusive: a change at exactly `from` was already seen at the previous meeting. */
  from: Date;
  /** Inclusive. */
  until: Date;
  basis: SinceBasis;
  previous: { id: string; title: string; startsAt: Date } | null;
}

const sinceDefaultDays = 7;

/**
 * The window of a meeting: from the end of the previous meeting of its series (its start if it was
 * never ended), or for the first of a series or an ad hoc meeting the previous meeting of the
 * project, else the last 7 days; until the meeting's end, or `now` while it is not ended.
 */
export function sinceWindow(meeting: SinceMeeting, others: readonly SinceMeeting[], now: Date): SinceWindow {
  const until = meeting.endedAt ?? now;
  const earlier = others
    .filter((m) => m.id !== meeting.id && (m.startsAt < meeting.startsAt || (m.startsAt.getTime() === meeting.startsAt.getTime() && m.id < meeting.id)))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id.localeCompare(a.id));
  const sameSeries = meeting.series === 'ad-hoc' ? undefined : earlier.find((m) => m.series === meeting.series);
  const previous = sameSeries ?? earlier[0];
  if (!previous) return { from: subDays(until, sinceDefaultDays), until, basis: 'week', previous: null };
  const seen = previous.endedAt && previous.endedAt > previous.startsAt ? previous.endedAt : previous.startsAt;
  const from = seen < until ? seen : until;
  return { from, until, basis: sameSeries ? 'series' : 'project', previous: { id: previous.id, title: previous.title, startsAt: previous.startsAt } };
}

// ---- The rows it reads ----

/** A row of raid_item_change (field `created` / `deleted` for the item as a whole). */
export interface RaidChangeRow {
  itemId: string;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
}

/** A RAID item as projected now (raid_item). */
export interface RaidItemNow {
  id: string;
  title: string;
  kind: string;
  status: string;
  likelihood: number | null;
  impact: number | null;
}

/** A row of plan_date_change (field `start`, `end`, `created` or `deleted`). */
export interface PlanDateChangeRow {
  itemId: string;
  itemTitle: string;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
}

/** A milestone as projected now (plan_item of kind milestone). */
export interface MilestoneNow {
  id: string;
  title: string;
  status: string;
  /** YYYY-MM-DD. */
  end: string;
  /** When the plan item last changed: the plan keeps no history of statuses, so "done since" reads this. */
  updatedAt: Date;
}

/** A row of meeting_action. */
export interface ActionRow {
  meetingId: string;
  id: string;
  title: string;
  ownerId: string | null;
  due: string | null;
  status: string;
  doneAt: Date | null;
}

/** A published status update. */
export interface PublishedUpdateRow {
  id: string;
  health: string;
  publishedAt: Date;
}

export interface SinceInput {
  window: SinceWindow;
  raidItems: readonly RaidItemNow[];
  raidChanges: readonly RaidChangeRow[];
  milestones: readonly MilestoneNow[];
  dateChanges: readonly PlanDateChangeRow[];
  actions: readonly ActionRow[];
  updates: readonly PublishedUpdateRow[];
}

// ---- The summary ----

export interface SinceRisk {
  id: string;
  title: string;
  kind: string;
  band: SeverityBand | null;
  /** The band at the start of the window (escalated ones). */
  fromBand: SeverityBand | null;
  status: string;
  /** No longer on the risk board: shown as "deleted", without a link. */
  deleted: boolean;
}

export interface SinceMilestoneMove {
  id: string;
  title: string;
  from: string;
  to: string;
  /** Calendar days later (positive) or earlier (negative). */
  days: number;
}

export interface SinceMilestoneDone {
  id: string;
  title: string;
  end: string;
}

export interface SinceAction {
  id: string;
  meetingId: string;
  title: string;
  ownerId: string | null;
  due: string | null;
}

export interface SinceUpdate {
  id: string;
  health: string;
  publishedAt: string;
}

export interface SinceLastMeeting {
  /** ISO instants of the window. */
  from: string;
  until: string;
  basis: SinceBasis;
  previous: { id: string; title: string; startsAt: string } | null;
  risks: { added: SinceRisk[]; escalated: SinceRisk[]; closed: SinceRisk[]; removed: SinceRisk[] };
  milestones: { slipped: SinceMilestoneMove[]; moved: SinceMilestoneMove[]; done: SinceMilestoneDone[] };
  actions: { done: SinceAction[]; overdue: SinceAction[] };
  updates: SinceUpdate[];
  /** How many entries in all: 0 means "nothing changed". */
  count: number;
}

const bandRank = (band: SeverityBand | null) => (band ? { low: 1, medium: 2, high: 3, critical: 4 }[band] : 0);
const isActive = (status: string) => (activeStatuses as readonly string[]).includes(status as RaidStatus);
const lifecycle = (field: string) => field === 'created' || field === 'deleted';

/** The history of one item, oldest first, told what the item holds now. */
class ItemHistory<C extends { field: string; fromValue: string | null; toValue: string | null; changedAt: Date }> {
  constructor(private readonly changes: readonly C[]) {}

  /** A field's value at `at` (inclusive): the last change up to then, else the first change after, else the value now. */
  valueAt(field: string, at: Date, now: string | null): string | null {
    let after: C | undefined;
    let before: C | undefined;
    for (const c of this.changes) {
      if (c.field !== field) continue;
      if (c.changedAt <= at) before = c;
      else if (!after) after = c;
    }
    if (before) return before.toValue;
    if (after) return after.fromValue;
    return now;
  }

  /** Whether the item existed at `at`: its last created/deleted change up to then, unless later edits show it was restored. */
  existedAt(at: Date, existsNow: boolean): boolean {
    let lastLifecycle: C | undefined;
    let editedSince = false;
    for (const c of this.changes) {
      if (c.changedAt > at) break;
      if (lifecycle(c.field)) {
        lastLifecycle = c;
        editedSince = false;
      } else editedSince = true;
    }
    if (lastLifecycle) return lastLifecycle.field === 'created' || editedSince;
    // No created/deleted change up to `at`: it existed already unless its first lifecycle change after is its creation.
    const next = this.changes.find((c) => c.changedAt > at && lifecycle(c.field));
    if (next) return next.field === 'deleted';
    return existsNow || this.changes.some((c) => c.changedAt <= at);
  }

  /** The latest title the history knows (titles of deleted items). */
  lastTitle(fallback: string): string {
    let title = fallback;
    for (const c of this.changes) {
      if (c.field === 'title' && c.toValue) title = c.toValue;
      if (c.field === 'created' && c.toValue) title = c.toValue;
      if (c.field === 'deleted' && c.fromValue) title = c.fromValue;
    }
    return title;
  }
}

function groupByItem<C extends { itemId: string; changedAt: Date }>(changes: readonly C[]): Map<string, C[]> {
  const byItem = new Map<string, C[]>();
  // Stable: rows of one instant keep the order they were written in (their id order).
  const sorted = changes.map((c, i) => [c, i] as const).sort(([a, i], [b, j]) => a.changedAt.getTime() - b.changedAt.getTime() || i - j);
  for (const [c] of sorted) {
    const list = byItem.get(c.itemId) ?? [];
    list.push(c);
    byItem.set(c.itemId, list);
  }
  return byItem;
}

const inWindow = (window: SinceWindow, at: Date) => at > window.from && at <= window.until;

function riskChanges(window: SinceWindow, items: readonly RaidItemNow[], changes: readonly RaidChangeRow[]): SinceLastMeeting['risks'] {
  const now = new Map(items.map((i) => [i.id, i]));
  const risks: SinceLastMeeting['risks'] = { added: [], escalated: [], closed: [], removed: [] };
  for (const [itemId, history] of groupByItem(changes)) {
    if (!history.some((c) => inWindow(window, c.changedAt))) continue;
    const item = now.get(itemId);
    const log = new ItemHistory(history);
    const atStart = log.existedAt(window.from, Boolean(item));
    const atEnd = log.existedAt(window.until, Boolean(item));
    if (!atStart && !atEnd) continue;
    const num = (v: string | null) => (v == null || v === '' || Number.isNaN(Number(v)) ? null : Number(v));
    const bandAt = (at: Date) => severityBand(riskScore(num(log.valueAt('likelihood', at, item?.likelihood?.toString() ?? null)), num(log.valueAt('impact', at, item?.impact?.toString() ?? null))));
    const statusAt = (at: Date) => log.valueAt('status', at, item?.status ?? null) ?? 'open';
    const band = bandAt(window.until);
    const fromBand = atStart ? bandAt(window.from) : null;
    const status = statusAt(window.until);
    const entry: SinceRisk = { id: itemId, title: item?.title ?? log.lastTitle('Untitled'), kind: item?.kind ?? 'risk', band, fromBand, status, deleted: !item };
    if (!atEnd) {
      risks.removed.push(entry);
      continue;
    }
    const closed = !isActive(status) && (!atStart || isActive(statusAt(window.from)));
    // An item added and closed in the window counts as closed only (as in a status update's draft).
    if (closed) risks.closed.push(entry);
    else if (!atStart) risks.added.push(entry);
    else if (bandRank(band) > bandRank(fromBand)) risks.escalated.push(entry);
  }
  const byBand = (a: SinceRisk, b: SinceRisk) => bandRank(b.band) - bandRank(a.band) || a.title.localeCompare(b.title);
  for (const list of Object.values(risks)) list.sort(byBand);
  return risks;
}

function milestoneChanges(window: SinceWindow, milestones: readonly MilestoneNow[], changes: readonly PlanDateChangeRow[]): SinceLastMeeting['milestones'] {
  const result: SinceLastMeeting['milestones'] = { slipped: [], moved: [], done: [] };
  const histories = groupByItem(changes);
  for (const m of milestones) {
    const history = histories.get(m.id) ?? [];
    const log = new ItemHistory(history);
    if (history.some((c) => inWindow(window, c.changedAt)) && log.existedAt(window.from, true) && log.existedAt(window.until, true)) {
      const from = log.valueAt('end', window.from, m.end);
      const to = log.valueAt('end', window.until, m.end);
      if (from && to && from !== to) {
        const days = differenceInCalendarDays(new Date(`${to}T00:00:00Z`), new Date(`${from}T00:00:00Z`));
        (days > 0 ? result.slipped : result.moved).push({ id: m.id, title: m.title, from, to, days });
      }
    }
    if (m.status === 'done' && inWindow(window, m.updatedAt)) result.done.push({ id: m.id, title: m.title, end: m.end });
  }
  result.slipped.sort((a, b) => b.days - a.days || a.title.localeCompare(b.title));
  result.moved.sort((a, b) => a.days - b.days || a.title.localeCompare(b.title));
  result.done.sort((a, b) => a.end.localeCompare(b.end) || a.title.localeCompare(b.title));
  return result;
}

function actionChanges(window: SinceWindow, actions: readonly ActionRow[]): SinceLastMeeting['actions'] {
  const day = formatISO(window.until, { representation: 'date' });
  const entry = (a: ActionRow): SinceAction => ({ id: a.id, meetingId: a.meetingId, title: a.title, ownerId: a.ownerId, due: a.due });
  const doneBy = (a: ActionRow, at: Date) => a.status === 'done' && a.doneAt !== null && a.doneAt <= at;
  const done = actions.filter((a) => a.status === 'done' && a.doneAt && inWindow(window, a.doneAt));
  // Overdue as it stood at the end of the window: due before that day and not done by then.
  const overdue = actions.filter((a) => a.due !== null && a.due < day && !doneBy(a, window.until));
  const byDue = (a: ActionRow, b: ActionRow) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title);
  return { done: done.sort(byDue).map(entry), overdue: overdue.sort(byDue).map(entry) };
}

export function sinceLastMeeting(input: SinceInput): SinceLastMeeting {
  const { window } = input;
  const risks = riskChanges(window, input.raidItems, input.raidChanges);
  const milestones = milestoneChanges(window, input.milestones, input.dateChanges);
  const actions = actionChanges(window, input.actions);
  const updates = input.updates
    .filter((u) => inWindow(window, u.publishedAt))
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
    .map((u) => ({ id: u.id, health: u.health, publishedAt: u.publishedAt.toISOString() }));
  const count =
    [risks.added, risks.escalated, risks.closed, risks.removed, milestones.slipped, milestones.moved, milestones.done, actions.done, actions.overdue].reduce((n, l) => n + l.length, 0) +
    updates.length;
  return {
    from: window.from.toISOString(),
    until: window.until.toISOString(),
    basis: window.basis,
    previous: window.previous && { ...window.previous, startsAt: window.previous.startsAt.toISOString() },
    risks,
    milestones,
    actions,
    updates,
    count,
  };
}

/** Where each entry opens: the risk board with the item open, the plan with the milestone, the updates page at the update. */
export const sinceLinks = {
  risk: riskItemHref,
  milestone: planItemHref,
  update: (projectId: string, updateId: string) => `/p/${projectId}/updates#update-${encodeURIComponent(updateId)}`,
  actions: (projectId: string) => `/p/${projectId}/actions`,
};
