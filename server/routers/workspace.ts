// Workspaces: list the ones you belong to, create a shared one.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { workspace, workspaceMember } from '@/db/schema';
import { createWorkspace, personalWorkspace } from '../data/workspaces';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const workspaceName = z.string().trim().min(1, 'name is required').max(80, 'name must be at most 80 characters');

export const workspaceRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) => {
    await personalWorkspace(ctx.db, ctx.user);
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
      .orderBy(asc(workspace.createdAt))
      .then((rows) => rows.map(({ personal, ...row }) => ({ ...row, personal: personal !== null })));
  }),

  create: protectedProcedure.input(z.object({ name: workspaceName })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction((tx) => createWorkspace(tx, ctx.user.id, input.name));
  }),
});
