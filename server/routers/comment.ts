// Comments on a project's items (docs/api.md, "Comments, inbox and search"): add, list, edit and remove your own. A
// comment's target must exist in the project (server/data/comments.ts); the members it @mentions get
// an inbox entry each, written with the comment in one transaction and one statement.
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { comment, projectMember, user } from '@/db/schema';
import { commentTargetTitle, tellMentioned } from '../data/comments';
import { commentBodySchema, commentTargetSchema, mentionedMembers, newlyMentioned, type CommentTarget } from '../domain/comments';
import type { ProjectRole } from '../domain/roles';
import type { ProjectRow } from '../data/membership';
import { createTRPCRouter, projectProcedure } from '../trpc';

const commentIdInput = z.object({ commentId: z.uuid('commentId must be a comment id') });

/** How many comments of one item a list returns at most (oldest first). */
export const commentsListed = 1_000;

/** Viewers comment only where the owner allows it (project.setViewersMayComment). */
function requireMayComment(project: ProjectRow, role: ProjectRole): void {
  if (role === 'viewer' && !project.viewersMayComment) {
    throw new TRPCError({ code: 'FORBIDDEN', message: "Viewers can read comments here but not write them: the project's owner can allow it in the project's settings." });
  }
}

async function requireTarget(db: Executor, projectId: string, target: CommentTarget, role: ProjectRole): Promise<string> {
  const title = await commentTargetTitle(db, projectId, target, role);
  if (title === null) throw new TRPCError({ code: 'NOT_FOUND', message: 'That item was not found in this project.' });
  return title;
}

async function mentionableMembers(db: Executor, projectId: string) {
  return db
    .select({ userId: projectMember.userId, email: user.email })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId));
}

/** The caller's own comment in this project, for a change; someone else's is FORBIDDEN, none NOT_FOUND. */
async function ownComment(db: Executor, projectId: string, commentId: string, userId: string) {
  const [row] = await db
    .select()
    .from(comment)
    .where(and(eq(comment.projectId, projectId), eq(comment.id, commentId)))
    .for('update')
    .limit(1);
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Comment not found.' });
  if (row.authorId !== userId) throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only change your own comments.' });
  return row;
}

export const commentRouter = createTRPCRouter({
  add: projectProcedure('viewer')
    .input(z.object({ target: commentTargetSchema, body: commentBodySchema }))
    .mutation(async ({ ctx, input }) => {
      requireMayComment(ctx.project, ctx.role);
      return ctx.db.transaction(async (tx) => {
        await requireTarget(tx, ctx.project.id, input.target, ctx.role);
        const [row] = await tx
          .insert(comment)
          .values({ projectId: ctx.project.id, targetKind: input.target.kind, targetId: input.target.id, authorId: ctx.user.id, body: input.body })
          .returning();
        await tellMentioned(tx, row!, mentionedMembers(input.body, await mentionableMembers(tx, ctx.project.id), ctx.user.id));
        return { id: row!.id };
      });
    }),

  list: projectProcedure('viewer')
    .input(z.object({ target: commentTargetSchema }))
    .query(async ({ ctx, input }) => {
      await requireTarget(ctx.db, ctx.project.id, input.target, ctx.role);
      const rows = await ctx.db
        .select({
          id: comment.id,
          authorId: comment.authorId,
          authorName: user.name,
          authorEmail: user.email,
          body: comment.body,
          createdAt: comment.createdAt,
          editedAt: comment.editedAt,
        })
        .from(comment)
        .leftJoin(user, eq(user.id, comment.authorId))
        .where(and(eq(comment.projectId, ctx.project.id), eq(comment.targetKind, input.target.kind), eq(comment.targetId, input.target.id)))
        .orderBy(asc(comment.createdAt), asc(comment.id))
        .limit(commentsListed);
      return rows.map((row) => ({ ...row, mine: row.authorId === ctx.user.id }));
    }),

  edit: projectProcedure('viewer')
    .input(commentIdInput.extend({ body: commentBodySchema }))
    .mutation(async ({ ctx, input }) => {
      requireMayComment(ctx.project, ctx.role);
      return ctx.db.transaction(async (tx) => {
        const before = await ownComment(tx, ctx.project.id, input.commentId, ctx.user.id);
        const [row] = await tx.update(comment).set({ body: input.body, editedAt: new Date() }).where(eq(comment.id, before.id)).returning();
        // Only members the edit newly mentions hear of it; the others were told already.
        await tellMentioned(tx, row!, newlyMentioned(before.body, input.body, await mentionableMembers(tx, ctx.project.id), ctx.user.id));
        return { id: row!.id, body: row!.body, editedAt: row!.editedAt! };
      });
    }),

  /** Removes the caller's own comment, and the inbox entries its mentions made. */
  remove: projectProcedure('viewer')
    .input(commentIdInput)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const row = await ownComment(tx, ctx.project.id, input.commentId, ctx.user.id);
        await tx.delete(comment).where(eq(comment.id, row.id));
        return { id: row.id, removed: true as const };
      });
    }),
});
