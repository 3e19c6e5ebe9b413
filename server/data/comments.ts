// Comments' reads and writes beyond their own table (issue 18): whether a comment's target exists in
// a project and is visible to the caller's role (the item's own table, scoped by the project, so
// another project's id is never found), and the inbox entries of the members a comment mentions.
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { comment, inboxEntry, meetingAction, meetingDecision, planGoal, planItem, raidItem, statusUpdate } from '@/db/schema';
import { commentExcerpt, type CommentTarget } from '../domain/comments';
import { canEditBoards, type ProjectRole } from '../domain/roles';

/** The target's title when it exists in the project and the role may see it; otherwise null. */
export async function commentTargetTitle(db: Executor, projectId: string, target: CommentTarget, role: ProjectRole): Promise<string | null> {
  switch (target.kind) {
    case 'risk': {
      const [row] = await db.select({ title: raidItem.title }).from(raidItem).where(and(eq(raidItem.projectId, projectId), eq(raidItem.id, target.id))).limit(1);
      return row?.title ?? null;
    }
    case 'planItem': {
      // Milestones and workstreams, and the charter's goals.
      const [item] = await db.select({ title: planItem.title }).from(planItem).where(and(eq(planItem.projectId, projectId), eq(planItem.id, target.id))).limit(1);
      if (item) return item.title;
      const [goal] = await db.select({ title: planGoal.title }).from(planGoal).where(and(eq(planGoal.projectId, projectId), eq(planGoal.id, target.id))).limit(1);
      return goal?.title ?? null;
    }
    case 'action': {
      const [row] = await db
        .select({ title: meetingAction.title })
        .from(meetingAction)
        .where(and(eq(meetingAction.projectId, projectId), eq(meetingAction.id, target.id)))
        .limit(1);
      return row?.title ?? null;
    }
    case 'decision': {
      const [row] = await db
        .select({ text: meetingDecision.text })
        .from(meetingDecision)
        .where(and(eq(meetingDecision.projectId, projectId), eq(meetingDecision.id, target.id)))
        .limit(1);
      return row?.text ?? null;
    }
    case 'update': {
      // An update's id is a uuid: anything else names no update (and must not reach the query).
      if (!z.uuid().safeParse(target.id).success) return null;
      const [row] = await db
        .select({ summary: statusUpdate.summary, publishedAt: statusUpdate.publishedAt })
        .from(statusUpdate)
        .where(and(eq(statusUpdate.projectId, projectId), eq(statusUpdate.id, target.id), canEditBoards(role) ? undefined : isNotNull(statusUpdate.publishedAt)))
        .limit(1);
      if (!row) return null;
      return row.publishedAt ? `Status update of ${row.publishedAt.toISOString().slice(0, 10)}` : 'Status update draft';
    }
  }
}

/** One inbox entry per mentioned member, in one statement (a comment may mention the whole team). */
export async function tellMentioned(db: Executor, row: typeof comment.$inferSelect, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const detail = commentExcerpt(row.body);
  await db.insert(inboxEntry).values(
    userIds.map((userId) => ({
      userId,
      projectId: row.projectId,
      kind: 'mention',
      targetKind: row.targetKind,
      targetId: row.targetId,
      commentId: row.id,
      actorId: row.authorId,
      detail,
    })),
  );
}
