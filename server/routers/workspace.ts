// Workspaces: list the ones you belong to, create a shared one.
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { workspace, workspaceMember } from '@/db/schema';
import { createWorkspace, personalWorkspace } from '../data/workspaces';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const workspaceName = z.string().trim().min(1, 'name is required').max(80, 'name must be at most 80 characters');

export const workspaceRouter = createTRPCRouter({
  /** The caller's workspaces: the personal one first (created on first use), then by age. */
  list: protectedProcedure.query(async ({ ctx }) => {
    // One transaction, so the personal workspace never exists without its owner's membership.
    await ctx.db.transaction((tx) => personalWorkspace(tx, ctx.user));
    return ctx.db
      .select({
        id: workspace.id,
        name: workspace.name,
        slug: workspace.slug,
        personal: workspace.personalForUserId,
        role: workspaceMember.role,
      })
      .from(workspaceMember)
      .innerJoin(workspace, eq(workspace.id, workspaceMember.workspaceId))
      .where(eq(workspaceMember.userId, ctx.user.id))
      .orderBy(sql`${workspace.personalForUserId} is null`, asc(workspace.createdAt), asc(workspace.name))
      .then((rows) => rows.map(({ personal, ...row }) => ({ ...row, personal: personal !== null })));
  }),

  create: protectedProcedure.input(z.object({ name: workspaceName })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction((tx) => createWorkspace(tx, ctx.user.id, input.name));
  }),
});
