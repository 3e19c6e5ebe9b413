// Reads what "Since last meeting" counts for one meeting: the project's other meetings (for the
// window), the RAID and plan history with the items as projected now, the actions of every meeting
// of the project and its published updates; server/domain/meetingSince.ts does the counting.
import { and, asc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Executor } from '@/db';
import { meeting, meetingAction, planDateChange, planItem, projectMember, raidItem, raidItemChange, statusUpdate, user } from '@/db/schema';
import type { MeetingSeries } from '../domain/meeting';
import { sinceLastMeeting, sinceWindow, type SinceLastMeeting, type SinceMeeting } from '../domain/meetingSince';

/** What the "Since last meeting" section renders. */
export interface MeetingSinceView extends SinceLastMeeting {
  projectId: string;
  meetingId: string;
  /** Names of the actions' owners by user id (former members are left out: shown as "a former member"). */
  ownerNames: Record<string, string>;
}

// More rows than a busy fortnight writes; the oldest beyond it are left out rather than slowing the board.
const historyLimit = 20_000;

export type MeetingRow = typeof meeting.$inferSelect;

export async function loadSinceLastMeeting(db: Executor, row: MeetingRow, now = new Date()): Promise<MeetingSinceView> {
  const projectId = row.projectId;
  const asSince = (m: Pick<MeetingRow, 'id' | 'title' | 'series' | 'startsAt' | 'endedAt'>): SinceMeeting => ({ ...m, series: m.series as MeetingSeries });
  const others = await db
    .select({ id: meeting.id, title: meeting.title, series: meeting.series, startsAt: meeting.startsAt, endedAt: meeting.endedAt })
    .from(meeting)
    .where(and(eq(meeting.projectId, projectId), lte(meeting.startsAt, row.startsAt)));
  const window = sinceWindow(asSince(row), others.map(asSince), now);

  const recentRaid = await db
    .select({ itemId: raidItemChange.itemId, field: raidItemChange.field, fromValue: raidItemChange.fromValue, toValue: raidItemChange.toValue, changedAt: raidItemChange.changedAt })
    .from(raidItemChange)
    .where(and(eq(raidItemChange.projectId, projectId), gt(raidItemChange.changedAt, window.from)))
    .orderBy(asc(raidItemChange.id))
    .limit(historyLimit);
  const touched = [...new Set(recentRaid.map((c) => c.itemId))];
  // The earlier history of the items touched: whether each existed at the start, and a deleted item's values.
  const earlierRaid = touched.length
    ? await db
        .select({ itemId: raidItemChange.itemId, field: raidItemChange.field, fromValue: raidItemChange.fromValue, toValue: raidItemChange.toValue, changedAt: raidItemChange.changedAt })
        .from(raidItemChange)
        .where(and(eq(raidItemChange.projectId, projectId), inArray(raidItemChange.itemId, touched.slice(0, 1_000)), lte(raidItemChange.changedAt, window.from)))
        .orderBy(asc(raidItemChange.id))
        .limit(historyLimit)
    : [];

  const [raidItems, milestones, dateChanges, actions, updates] = await Promise.all([
    db
      .select({ id: raidItem.id, title: raidItem.title, kind: raidItem.kind, status: raidItem.status, likelihood: raidItem.likelihood, impact: raidItem.impact })
      .from(raidItem)
      .where(eq(raidItem.projectId, projectId)),
    db
      .select({ id: planItem.id, title: planItem.title, status: planItem.status, end: planItem.endDate, updatedAt: planItem.updatedAt })
      .from(planItem)
      .where(and(eq(planItem.projectId, projectId), eq(planItem.kind, 'milestone'))),
    db
      .select({ itemId: planDateChange.itemId, itemTitle: planDateChange.itemTitle, field: planDateChange.field, fromValue: planDateChange.fromValue, toValue: planDateChange.toValue, changedAt: planDateChange.changedAt })
      .from(planDateChange)
      // The changes after the window's start are enough: a date at the start is the first change's `from`.
      .where(and(eq(planDateChange.projectId, projectId), gt(planDateChange.changedAt, window.from)))
      .orderBy(asc(planDateChange.id))
      .limit(historyLimit),
    db
      .select({ meetingId: meetingAction.meetingId, id: meetingAction.id, title: meetingAction.title, ownerId: meetingAction.ownerId, due: meetingAction.due, status: meetingAction.status, doneAt: meetingAction.doneAt })
      .from(meetingAction)
      .where(eq(meetingAction.projectId, projectId)),
    db
      .select({ id: statusUpdate.id, health: statusUpdate.health, publishedAt: statusUpdate.publishedAt })
      .from(statusUpdate)
      .where(and(eq(statusUpdate.projectId, projectId), isNotNull(statusUpdate.publishedAt), gt(statusUpdate.publishedAt, window.from))),
  ]);

  const summary = sinceLastMeeting({
    window,
    raidItems,
    raidChanges: [...earlierRaid, ...recentRaid],
    milestones,
    dateChanges,
    actions,
    updates: updates.map((u) => ({ id: u.id, health: u.health, publishedAt: u.publishedAt! })),
  });

  const ownerIds = [...new Set([...summary.actions.done, ...summary.actions.overdue].flatMap((a) => (a.ownerId ? [a.ownerId] : [])))];
  const owners = ownerIds.length
    ? await db
        .select({ id: user.id, name: user.name })
        .from(user)
        .innerJoin(projectMember, and(eq(projectMember.userId, user.id), eq(projectMember.projectId, projectId)))
        .where(inArray(user.id, ownerIds))
    : [];
  return { ...summary, projectId, meetingId: row.id, ownerNames: Object.fromEntries(owners.map((o) => [o.id, o.name])) };
}
