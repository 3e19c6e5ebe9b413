// Reads a user's inbox (issue 18): the stored entries (mentions, role changes) and the entries derived
// from the boards (server/domain/inbox.ts), always only of projects the user is a member of now, so
// someone removed from a project stops seeing its entries at once.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { inboxEntry, inboxRead, meetingAction, planDateChange, planItem, project, projectMember, raidItem, raidItemChange, user } from '@/db/schema';
import { actionEntries, newestFirst, overdueRiskEntries, owedUpdateEntries, assignmentEntries, type DerivedEntry, type InboxKind, type InboxTarget } from '../domain/inbox';
import { activeStatuses } from '../domain/risk';
import { communicationOf } from './status';

export interface InboxListEntry {
  id: string;
  kind: InboxKind;
  projectId: string;
  projectName: string;
  target: InboxTarget;
  /** What the entry is about: the item's title, or a comment's first words. */
  title: string;
  /** Who caused it (the mentioning author, the owner who changed the role); null for derived entries. */
  actorName: string | null;
  createdAt: Date;
  read: boolean;
}

/** How many stored entries one read returns at most (newest first). */
export const storedEntriesShown = 200;

type MemberProject = Awaited<ReturnType<typeof memberProjects>>[number];

/** The projects `userId` is a member of now: the only ones whose entries they see or mark. */
async function memberProjects(db: Executor, userId: string) {
  return db
    .select({ projectId: projectMember.projectId, role: projectMember.role, name: project.name })
    .from(projectMember)
    .innerJoin(project, eq(project.id, projectMember.projectId))
    .where(eq(projectMember.userId, userId));
}

/** Everything that needs `userId` now, derived from the boards of the projects they are a member of. */
export async function derivedEntriesFor(db: Executor, userId: string, projects: MemberProject[], today: string, now = new Date()): Promise<DerivedEntry[]> {
  if (!projects.length) return [];
  const projectIds = projects.map((p) => p.projectId);
  const owned = projects.filter((p) => p.role === 'owner');
  const [actions, risks, riskOwnerChanges, planItemsCreated, communication] = await Promise.all([
    db
      .select({
        projectId: meetingAction.projectId,
        meetingId: meetingAction.meetingId,
        id: meetingAction.id,
        title: meetingAction.title,
        due: meetingAction.due,
        status: meetingAction.status,
        createdBy: meetingAction.createdBy,
        createdAt: meetingAction.createdAt,
      })
      .from(meetingAction)
      .where(and(eq(meetingAction.ownerId, userId), eq(meetingAction.status, 'open'), inArray(meetingAction.projectId, projectIds))),
    db
      .select({ projectId: raidItem.projectId, id: raidItem.id, title: raidItem.title, dueDate: raidItem.dueDate, status: raidItem.status })
      .from(raidItem)
      .where(and(eq(raidItem.ownerId, userId), inArray(raidItem.projectId, projectIds))),
    // Made owner by someone else: the owner field's change to me, or the item's creation when I am
    // still its owner (a new item's fields are not in its history one by one).
    db
      .select({
        changeId: raidItemChange.id,
        projectId: raidItemChange.projectId,
        itemId: raidItemChange.itemId,
        title: raidItem.title,
        actorId: raidItemChange.actorId,
        changedAt: raidItemChange.changedAt,
      })
      .from(raidItemChange)
      .innerJoin(raidItem, and(eq(raidItem.projectId, raidItemChange.projectId), eq(raidItem.id, raidItemChange.itemId)))
      .where(
        and(
          inArray(raidItemChange.projectId, projectIds),
          eq(raidItem.ownerId, userId),
          or(and(eq(raidItemChange.field, 'ownerId'), eq(raidItemChange.toValue, userId)), eq(raidItemChange.field, 'created')),
        ),
      ),
    // A plan item's history keeps its dates only: given to me when someone else created it mine.
    db
      .select({
        changeId: planDateChange.id,
        projectId: planDateChange.projectId,
        itemId: planDateChange.itemId,
        title: planItem.title,
        actorId: planDateChange.actorId,
        changedAt: planDateChange.changedAt,
      })
      .from(planDateChange)
      .innerJoin(planItem, and(eq(planItem.projectId, planDateChange.projectId), eq(planItem.id, planDateChange.itemId)))
      .where(and(inArray(planDateChange.projectId, projectIds), eq(planItem.ownerId, userId), eq(planDateChange.field, 'created'))),
    owned.length ? communicationOf(db, owned.map((p) => p.projectId), now) : new Map(),
  ]);
  return [
    ...actionEntries(actions, userId, today),
    ...overdueRiskEntries(
      risks.map((r) => ({ ...r, active: (activeStatuses as readonly string[]).includes(r.status) })),
      today,
    ),
    ...assignmentEntries(
      [...riskOwnerChanges.map((c) => ({ ...c, itemKind: 'risk' as const })), ...planItemsCreated.map((c) => ({ ...c, itemKind: 'planItem' as const }))],
      userId,
    ),
    ...owedUpdateEntries(owned.map((p) => ({ projectId: p.projectId, projectName: p.name, ...communication.get(p.projectId)! }))),
  ];
}

/** The user's inbox, newest first. */
export async function inboxOf(db: Executor, userId: string, options: { unreadOnly: boolean; today: string; now?: Date }): Promise<InboxListEntry[]> {
  const projects = await memberProjects(db, userId);
  if (!projects.length) return [];
  const names = new Map(projects.map((p) => [p.projectId, p.name]));
  const projectIds = [...names.keys()];
  const [stored, derived, readKeys] = await Promise.all([
    db
      .select({ entry: inboxEntry, actorName: user.name })
      .from(inboxEntry)
      .leftJoin(user, eq(user.id, inboxEntry.actorId))
      .where(and(eq(inboxEntry.userId, userId), inArray(inboxEntry.projectId, projectIds), options.unreadOnly ? isNull(inboxEntry.readAt) : undefined))
      .orderBy(desc(inboxEntry.createdAt))
      .limit(storedEntriesShown),
    derivedEntriesFor(db, userId, projects, options.today, options.now),
    db.select({ key: inboxRead.entryKey }).from(inboxRead).where(eq(inboxRead.userId, userId)),
  ]);
  const read = new Set(readKeys.map((r) => r.key));
  const entries: InboxListEntry[] = [
    ...stored.map(({ entry, actorName }) => ({
      id: entry.id,
      kind: entry.kind as InboxKind,
      projectId: entry.projectId,
      projectName: names.get(entry.projectId)!,
      target: storedTarget(entry),
      title: entry.detail,
      actorName,
      createdAt: entry.createdAt,
      read: entry.readAt !== null,
    })),
    ...derived.map((entry) => ({
      id: entry.key,
      kind: entry.kind,
      projectId: entry.projectId,
      projectName: names.get(entry.projectId)!,
      target: entry.target,
      title: entry.title,
      actorName: null,
      createdAt: entry.createdAt,
      read: read.has(entry.key),
    })),
  ];
  return newestFirst(options.unreadOnly ? entries.filter((e) => !e.read) : entries);
}

function storedTarget(entry: typeof inboxEntry.$inferSelect): InboxTarget {
  const target: InboxTarget = { kind: entry.targetKind as InboxTarget['kind'], id: entry.targetId };
  if (entry.commentId) target.commentId = entry.commentId;
  return target;
}

/**
 * Marks entries read: stored ones by id, derived ones by key. Only the caller's own, of projects
 * they are a member of, that exist now: any other id is ignored. `ids` null marks everything.
 */
export async function markInboxRead(db: Executor, userId: string, ids: string[] | null, today: string): Promise<number> {
  const projects = await memberProjects(db, userId);
  if (!projects.length) return 0;
  const projectIds = projects.map((p) => p.projectId);
  const storedIds = ids?.filter((id) => z.uuid().safeParse(id).success) ?? null;
  let marked = 0;
  if (storedIds === null || storedIds.length) {
    const updated = await db
      .update(inboxEntry)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(inboxEntry.userId, userId),
          inArray(inboxEntry.projectId, projectIds),
          isNull(inboxEntry.readAt),
          storedIds === null ? undefined : inArray(inboxEntry.id, storedIds),
        ),
      )
      .returning({ id: inboxEntry.id });
    marked += updated.length;
  }
  const wanted = ids === null ? null : new Set(ids.filter((id) => !storedIds!.includes(id)));
  // Deriving reads every board: only when some id can be a derived entry's key.
  if (wanted?.size === 0) return marked;
  const derived = (await derivedEntriesFor(db, userId, projects, today)).filter((e) => wanted === null || wanted.has(e.key));
  if (derived.length) {
    const inserted = await db
      .insert(inboxRead)
      .values(derived.map((e) => ({ userId, projectId: e.projectId, entryKey: e.key })))
      .onConflictDoNothing()
      .returning({ key: inboxRead.entryKey });
    marked += inserted.length;
  }
  return marked;
}
