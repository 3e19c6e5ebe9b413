// Projects and their members: create, list, read, rename, archive, delete, and the owner's member
// management (invites and reset links live in projectAccess.ts and are merged in here).
import { TRPCError } from '@trpc/server';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { boardGeneration, boardUpdate, inboxEntry, meeting, project, projectMember, raidItem, user, workspace } from '@/db/schema';
import { boardName, projectBoardKinds } from '../collab/liveBoards';
import { bumpPublicRevision, communicationOf } from '../data/status';
import { isWorkspaceMember, personalWorkspace } from '../data/workspaces';
import { activeStatuses } from '../domain/risk';
import { projectRoles, type ProjectRole } from '../domain/roles';
import { slugify } from '../domain/slug';
import { notifyStatusChanged } from '../status/statusEvents';
import { createTRPCRouter, projectProcedure, protectedProcedure, type TRPCContext } from '../trpc';
import { accessProcedures } from './projectAccess';

const projectName = z.string().trim().min(1, 'name is required').max(120, 'name must be at most 120 characters');
const role = z.enum(projectRoles, { error: 'role must be owner, editor or viewer' });
const memberUserId = z.string().min(1, 'userId is required').max(200);

async function freeSlug(db: Executor, workspaceId: string, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: project.slug })
        .from(project)
        .where(and(eq(project.workspaceId, workspaceId), sql`${project.slug} like ${base + '%'}`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Takes the project's row lock for the rest of the transaction: member changes of one project run
 * one after another, so two owners cannot both step down at the same moment (and locking the owner
 * rows one by one instead would let two such changes deadlock).
 */
async function lockMembership(db: Executor, projectId: string, callerId: string): Promise<ProjectRole> {
  await db.select({ id: project.id }).from(project).where(eq(project.id, projectId)).for('no key update');
  // The caller's role was checked before the lock; read it again now that nobody can change it.
  const [caller] = await db
    .select({ role: projectMember.role })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, callerId)));
  if (!caller) throw new TRPCError({ code: 'NOT_FOUND', message: 'Project not found.' });
  return caller.role;
}

function requireOwner(role: ProjectRole, message = 'Only an owner can change members.'): void {
  if (role !== 'owner') throw new TRPCError({ code: 'FORBIDDEN', message });
}

/** Owners of the project; call under `lockMembership`. */
async function ownerCount(db: Executor, projectId: string): Promise<number> {
  const owners = await db
    .select({ userId: projectMember.userId })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.role, 'owner')));
  return owners.length;
}

/** Sends every member's open board sockets to reconnect, so they are authorized again (archive, delete). */
async function reconnectEveryone(ctx: Pick<TRPCContext, 'db' | 'live'>, projectId: string, memberIds?: string[]): Promise<void> {
  const ids =
    memberIds ??
    (await ctx.db.select({ userId: projectMember.userId }).from(projectMember).where(eq(projectMember.projectId, projectId))).map((m) => m.userId);
  for (const id of ids) ctx.live.accessChanged(projectId, id);
}

async function membersOf(db: Executor, projectId: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email, role: projectMember.role, addedAt: projectMember.addedAt })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .orderBy(asc(projectMember.addedAt), asc(user.name));
}

export const projectRouter = createTRPCRouter({
  create: protectedProcedure
    .input(z.object({ workspaceId: z.uuid('workspaceId must be a workspace id').optional(), name: projectName }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        let workspaceId = input.workspaceId;
        if (workspaceId) {
          if (!(await isWorkspaceMember(tx, workspaceId, ctx.user.id))) {
            throw new TRPCError({ code: 'NOT_FOUND', message: 'Workspace not found.' });
          }
        } else {
          workspaceId = (await personalWorkspace(tx, ctx.user)).id;
        }
        // One project creation at a time per workspace, so two at once never pick the same slug.
        await tx.select({ id: workspace.id }).from(workspace).where(eq(workspace.id, workspaceId)).for('no key update');
        const [created] = await tx
          .insert(project)
          .values({ workspaceId, name: input.name, slug: await freeSlug(tx, workspaceId, input.name), createdBy: ctx.user.id })
          .returning();
        await tx.insert(projectMember).values({ projectId: created!.id, userId: ctx.user.id, role: 'owner' });
        return { ...created!, role: 'owner' as const };
      });
    }),

  /**
   * Every project the caller is a member of, with its open RAID items, health and whether an update
   * is overdue. Archived projects are left out; `{ archived: true }` lists only those.
   */
  list: protectedProcedure.input(z.object({ archived: z.boolean().default(false) }).optional()).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: project.id,
        name: project.name,
        slug: project.slug,
        createdAt: project.createdAt,
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        role: projectMember.role,
        archivedAt: project.archivedAt,
      })
      .from(projectMember)
      .innerJoin(project, eq(project.id, projectMember.projectId))
      .innerJoin(workspace, eq(workspace.id, project.workspaceId))
      .where(and(eq(projectMember.userId, ctx.user.id), input?.archived ? isNotNull(project.archivedAt) : isNull(project.archivedAt)))
      .orderBy(asc(workspace.name), asc(project.name));
    if (!rows.length) return [];
    const bands = await ctx.db
      .select({ projectId: raidItem.projectId, band: raidItem.band, n: count() })
      .from(raidItem)
      .where(
        and(
          inArray(
            raidItem.projectId,
            rows.map((r) => r.id),
          ),
          inArray(raidItem.status, [...activeStatuses]),
        ),
      )
      .groupBy(raidItem.projectId, raidItem.band);
    const communication = await communicationOf(
      ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => {
      const mine = bands.filter((b) => b.projectId === row.id);
      const byBand = (band: string) => mine.find((b) => b.band === band)?.n ?? 0;
      return {
        ...row,
        openItems: mine.reduce((sum, b) => sum + b.n, 0),
        critical: byBand('critical'),
        high: byBand('high'),
        communication: communication.get(row.id)!,
      };
    });
  }),

  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const [ws] = await ctx.db.select().from(workspace).where(eq(workspace.id, ctx.project.workspaceId));
    return {
      ...ctx.project,
      workspace: { id: ws!.id, name: ws!.name },
      role: ctx.role,
      members: await membersOf(ctx.db, ctx.project.id),
      communication: (await communicationOf(ctx.db, [ctx.project.id])).get(ctx.project.id)!,
    };
  }),

  rename: projectProcedure('owner')
    .input(z.object({ name: projectName }))
    .mutation(async ({ ctx, input }) => {
      // The name heads the public page, its feed and calendar: their cache key moves with it.
      const updated = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.update(project).set({ name: input.name }).where(eq(project.id, ctx.project.id)).returning();
        await bumpPublicRevision(tx, ctx.project.id);
        return row!;
      });
      notifyStatusChanged(ctx.project.id);
      return updated;
    }),

  /** Read-only for everyone and out of project lists; its public status page stays up if it was public. */
  archive: projectProcedure('owner').mutation(async ({ ctx }) => {
    const [archived] = await ctx.db
      .update(project)
      .set({ archivedAt: sql`coalesce(${project.archivedAt}, now())` })
      .where(eq(project.id, ctx.project.id))
      .returning();
    // Open boards reconnect and come back read-only.
    await reconnectEveryone(ctx, ctx.project.id);
    return archived!;
  }),

  unarchive: projectProcedure('owner', { whileArchived: true }).mutation(async ({ ctx }) => {
    const [restored] = await ctx.db.update(project).set({ archivedAt: null }).where(eq(project.id, ctx.project.id)).returning();
    await reconnectEveryone(ctx, ctx.project.id);
    return restored!;
  }),

  /** Deletes the project and everything in it. `confirmName` must be the project's exact name. */
  delete: projectProcedure('owner', { whileArchived: true })
    .input(z.object({ confirmName: z.string().max(200, 'confirmName must be at most 200 characters') }))
    .mutation(async ({ ctx, input }) => {
      if (input.confirmName !== ctx.project.name) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `To delete this project, type its name exactly: “${ctx.project.name}”.` });
      }
      const memberIds = (
        await ctx.db.select({ userId: projectMember.userId }).from(projectMember).where(eq(projectMember.projectId, ctx.project.id))
      ).map((m) => m.userId);
      // Read-only first (sockets that reconnect meanwhile cannot write), then the open boards are
      // closed and their last edits stored, so nothing is written after the history is removed.
      await ctx.db.update(project).set({ archivedAt: sql`coalesce(${project.archivedAt}, now())` }).where(eq(project.id, ctx.project.id));
      await ctx.live.closeProject(ctx.project.id);
      await ctx.db.transaction(async (tx) => {
        // The boards' update logs are keyed by board name (the project's boards and each of its
        // meetings'); every other table that belongs to a project references it with ON DELETE CASCADE.
        const meetings = await tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.projectId, ctx.project.id));
        const boards = [...projectBoardKinds.map((kind) => boardName(kind, ctx.project.id)), ...meetings.map((m) => boardName('meeting', m.id))];
        await tx.delete(boardUpdate).where(inArray(boardUpdate.board, boards));
        await tx.delete(boardGeneration).where(inArray(boardGeneration.board, boards));
        await tx.delete(project).where(eq(project.id, ctx.project.id));
      });
      await reconnectEveryone(ctx, ctx.project.id, memberIds);
      // Its public status page (if any) stops being served from this process's cache at once.
      notifyStatusChanged(ctx.project.id);
      return { projectId: ctx.project.id, deleted: true as const };
    }),

  /** Whether viewers may comment on the project's items (off by default; issue 18). */
  setViewersMayComment: projectProcedure('owner')
    .input(z.object({ allowed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db.update(project).set({ viewersMayComment: input.allowed }).where(eq(project.id, ctx.project.id)).returning();
      return { projectId: row!.id, viewersMayComment: row!.viewersMayComment };
    }),

  ...accessProcedures,

  setRole: projectProcedure('owner')
    .input(z.object({ userId: memberUserId, role }))
    .mutation(async ({ ctx, input }) => {
      const changed = await ctx.db.transaction(async (tx) => {
        requireOwner(await lockMembership(tx, ctx.project.id, ctx.user.id));
        const [current] = await tx
          .select()
          .from(projectMember)
          .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.userId)));
        if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: 'That person is not a member of this project.' });
        if (current.role === 'owner' && input.role !== 'owner' && (await ownerCount(tx, ctx.project.id)) <= 1) {
          throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'A project needs at least one owner: make someone else owner first.' });
        }
        const [updated] = await tx
          .update(projectMember)
          .set({ role: input.role })
          .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.userId)))
          .returning();
        // The member hears of a role someone else gave them (their inbox).
        if (current.role !== input.role && input.userId !== ctx.user.id) {
          await tx.insert(inboxEntry).values({
            userId: input.userId,
            projectId: ctx.project.id,
            kind: 'role_changed',
            targetKind: 'project',
            targetId: ctx.project.id,
            actorId: ctx.user.id,
            detail: `Your role in ${ctx.project.name} is now ${input.role} (was ${current.role})`,
          });
        }
        return updated!;
      });
      // Open sockets keep the access they were given: make them reconnect with the new role.
      ctx.live.accessChanged(ctx.project.id, input.userId);
      return changed;
    }),

  /** Owners remove anyone; any member may remove themselves (leave). The last owner cannot leave. */
  removeMember: projectProcedure('viewer')
    .input(z.object({ userId: memberUserId }))
    .mutation(async ({ ctx, input }) => {
      const leaving = input.userId === ctx.user.id;
      if (!leaving && ctx.role !== 'owner') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an owner can remove other members.' });
      }
      const removed = await ctx.db.transaction(async (tx) => {
        const callerRole = await lockMembership(tx, ctx.project.id, ctx.user.id);
        if (!leaving) requireOwner(callerRole, 'Only an owner can remove other members.');
        const [current] = await tx
          .select()
          .from(projectMember)
          .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.userId)));
        if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: 'That person is not a member of this project.' });
        if (current.role === 'owner' && (await ownerCount(tx, ctx.project.id)) <= 1) {
          throw new TRPCError({
            code: 'PRECONDITION_FAILED',
            message: 'The last owner cannot leave the project: make someone else owner first.',
          });
        }
        await tx
          .delete(projectMember)
          .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.userId)));
        return { userId: input.userId, removed: true as const };
      });
      ctx.live.accessChanged(ctx.project.id, input.userId);
      return removed;
    }),
});
