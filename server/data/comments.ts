// Whether a comment's target exists in a project, and is visible to the caller's role: the item's
// own table, scoped by the project, so another project's id is never found (issue 18).
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { meetingAction, meetingDecision, planGoal, planItem, raidItem, statusUpdate } from '@/db/schema';
import type { CommentTarget } from '../domain/comments';
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
