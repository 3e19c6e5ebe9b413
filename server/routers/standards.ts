// Technical standards (docs/api.md, "Technical standards"): the workspace's checklists, the
// checklists applied to each milestone of a project's plan, and each check's state there. Workspace
// checklists follow the resources rule (server/data/workspaceAccess.ts): the workspace's owner, or an
// owner or editor of one of its live projects, manages them; any other member reads them. A
// project's milestone checks follow the project's roles: editors and owners change them, viewers
// read them. Every write is one transaction; strangers are told nothing exists (NOT_FOUND).
import { TRPCError } from '@trpc/server';
import { and, count, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { milestoneCheck, milestoneChecklist, planItem, projectMember, standardCheck, standardChecklist } from '@/db/schema';
import { loadChecklists, loadProjectStandards, milestoneStillPlanned, type ProjectStandards } from '../data/standards';
import { findWorkspaceAccess } from '../data/workspaceAccess';
import { canEditBoards } from '../domain/roles';
import {
  appliesToSchema,
  checkDescriptionSchema,
  checklistNameSchema,
  checkStates,
  checkTitleSchema,
  evidenceUrlSchema,
  maxChecklistsPerWorkspace,
  maxChecksPerChecklist,
  ownerNameSchema,
  standardSet,
  waiveNeedsReason,
  waiveReasonSchema,
} from '../domain/standards';
import { createTRPCRouter, projectProcedure, protectedProcedure, workspaceIdInput } from '../trpc';

export const readOnlyStandardsMessage =
  "You can see this workspace's standards but not change them: that needs the workspace's owner, or the owner or editor role in one of its projects.";

/** A procedure on a workspace's checklists: `ctx.workspace` and `ctx.canEdit` inside. */
function standardsWorkspaceProcedure(use: 'reader' | 'editor') {
  return protectedProcedure.input(workspaceIdInput).use(async ({ ctx, input, next }) => {
    const access = await findWorkspaceAccess(ctx.db, input.workspaceId, ctx.user.id);
    if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: 'Workspace not found.' });
    if (use === 'editor' && !access.canEdit) throw new TRPCError({ code: 'FORBIDDEN', message: readOnlyStandardsMessage });
    return next({ ctx: { ...ctx, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

const checklistId = z.uuid('checklistId must be a checklist id');
/** A milestone's plan item id, as the plan's live document names it. */
const milestoneId = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

const checkInput = z.object({
  /** An existing check of this checklist, kept (with its states at milestones); absent for a new one. */
  id: z.uuid('must be a check id').optional(),
  title: checkTitleSchema,
  description: checkDescriptionSchema.default(''),
  appliesTo: appliesToSchema.default(''),
});

const checklistInput = z.object({
  /** Absent: a new checklist. */
  id: z.uuid('id must be a checklist id').optional(),
  /** The version read, required with `id`: a stale one is refused (CONFLICT). */
  version: z.number().int().min(1).optional(),
  name: checklistNameSchema,
  description: checkDescriptionSchema.default(''),
  checks: z.array(checkInput).min(1, 'a checklist needs at least one check').max(maxChecksPerChecklist, `must have at most ${maxChecksPerChecklist} checks`),
});

async function nameTaken(db: Executor, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: standardChecklist.id })
    .from(standardChecklist)
    .where(and(eq(standardChecklist.workspaceId, workspaceId), sql`lower(${standardChecklist.name}) = lower(${name})`))
    .limit(1);
  return row !== undefined && row.id !== exceptId;
}

/** Pending states, at every milestone the checklist is applied to, for checks it did not have yet. */
async function addPendingChecks(db: Executor, checklist: string, checkIds: string[]) {
  if (!checkIds.length) return;
  const applications = await db.select({ id: milestoneChecklist.id, projectId: milestoneChecklist.projectId }).from(milestoneChecklist).where(eq(milestoneChecklist.checklistId, checklist));
  const rows = applications.flatMap((a) => checkIds.map((checkId) => ({ projectId: a.projectId, milestoneChecklistId: a.id, checkId })));
  if (rows.length) await db.insert(milestoneCheck).values(rows).onConflictDoNothing();
}

export const standardsRouter = createTRPCRouter({
  /** The workspace's checklists by name, each with its checks and how many milestones use it. */
  listChecklists: standardsWorkspaceProcedure('reader').query(async ({ ctx }) => {
    return { canEdit: ctx.canEdit, checklists: await loadChecklists(ctx.db, ctx.workspace.id) };
  }),

  /**
   * Creates a checklist, or (with `id` and `version`) replaces its name, description and checks:
   * checks sent with their id are kept (and their states at milestones), checks left out are
   * removed (with their states), new ones start pending wherever the checklist is applied.
   */
  saveChecklist: standardsWorkspaceProcedure('editor')
    .input(checklistInput)
    .mutation(async ({ ctx, input }) => {
      const titles = new Set<string>();
      for (const c of input.checks) {
        const key = c.title.toLowerCase();
        if (titles.has(key)) throw new TRPCError({ code: 'BAD_REQUEST', message: `checks: two checks are called “${c.title}”; give each its own title.` });
        titles.add(key);
      }
      if (input.id && input.version === undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: 'version: is required when changing a checklist' });
      return ctx.db.transaction(async (tx) => {
        const workspaceId = ctx.workspace.id;
        if (await nameTaken(tx, workspaceId, input.name, input.id)) {
          throw new TRPCError({ code: 'CONFLICT', message: `This workspace already has a checklist called “${input.name}”.` });
        }
        let id: string;
        let version: number;
        if (input.id) {
          const [found] = await tx
            .select()
            .from(standardChecklist)
            .where(and(eq(standardChecklist.id, input.id), eq(standardChecklist.workspaceId, workspaceId)))
            .limit(1);
          if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Checklist not found.' });
          const [updated] = await tx
            .update(standardChecklist)
            .set({ name: input.name, description: input.description, version: sql`${standardChecklist.version} + 1`, updatedBy: ctx.user.id, updatedAt: new Date() })
            .where(and(eq(standardChecklist.id, found.id), eq(standardChecklist.version, input.version!)))
            .returning({ version: standardChecklist.version });
          if (!updated) throw new TRPCError({ code: 'CONFLICT', message: `Someone changed “${found.name}” since you opened it; reload to see their change, then make yours again.` });
          id = found.id;
          version = updated.version;
          const existing = await tx.select({ id: standardCheck.id }).from(standardCheck).where(eq(standardCheck.checklistId, id));
          const existingIds = new Set(existing.map((c) => c.id));
          const unknown = input.checks.find((c) => c.id && !existingIds.has(c.id));
          if (unknown) throw new TRPCError({ code: 'NOT_FOUND', message: `Check “${unknown.title}” is not in this checklist (was it removed meanwhile?).` });
          const kept = input.checks.flatMap((c) => (c.id ? [c.id] : []));
          await tx.delete(standardCheck).where(and(eq(standardCheck.checklistId, id), ...(kept.length ? [notInArray(standardCheck.id, kept)] : [])));
        } else {
          const [{ n }] = (await tx.select({ n: count() }).from(standardChecklist).where(eq(standardChecklist.workspaceId, workspaceId))) as [{ n: number }];
          if (n >= maxChecklistsPerWorkspace) throw new TRPCError({ code: 'BAD_REQUEST', message: `A workspace holds at most ${maxChecklistsPerWorkspace} checklists; remove one first.` });
          const [created] = await tx
            .insert(standardChecklist)
            .values({ workspaceId, name: input.name, description: input.description, updatedBy: ctx.user.id })
            .returning({ id: standardChecklist.id, version: standardChecklist.version });
          id = created!.id;
          version = created!.version;
        }
        const added: string[] = [];
        for (const [position, c] of input.checks.entries()) {
          const fields = { title: c.title, description: c.description, appliesTo: c.appliesTo, position };
          if (c.id) await tx.update(standardCheck).set(fields).where(and(eq(standardCheck.id, c.id), eq(standardCheck.checklistId, id)));
          else added.push((await tx.insert(standardCheck).values({ checklistId: id, ...fields }).returning({ id: standardCheck.id }))[0]!.id);
        }
        await addPendingChecks(tx, id, added);
        return { id, version };
      });
    }),

  /** Removes a checklist, and with it its checks' states at every milestone it was applied to. */
  removeChecklist: standardsWorkspaceProcedure('editor')
    .input(z.object({ checklistId }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [uses] = await tx.select({ n: count() }).from(milestoneChecklist).innerJoin(planItem, milestoneStillPlanned).where(eq(milestoneChecklist.checklistId, input.checklistId));
        const removed = await tx
          .delete(standardChecklist)
          .where(and(eq(standardChecklist.id, input.checklistId), eq(standardChecklist.workspaceId, ctx.workspace.id)))
          .returning({ id: standardChecklist.id });
        if (!removed.length) throw new TRPCError({ code: 'NOT_FOUND', message: 'Checklist not found.' });
        return { id: input.checklistId, milestonesAffected: uses?.n ?? 0 };
      });
    }),

  /** Adds the standard set (security and privacy, launch readiness); checklists it already has by name are left alone. */
  addStandardSet: standardsWorkspaceProcedure('editor').mutation(async ({ ctx }) => {
    return ctx.db.transaction(async (tx) => {
      const added: string[] = [];
      for (const list of standardSet) {
        if (await nameTaken(tx, ctx.workspace.id, list.name)) continue;
        const [created] = await tx
          .insert(standardChecklist)
          .values({ workspaceId: ctx.workspace.id, name: list.name, description: list.description, updatedBy: ctx.user.id })
          .returning({ id: standardChecklist.id });
        await tx.insert(standardCheck).values(list.checks.map((c, position) => ({ checklistId: created!.id, ...c, position })));
        added.push(list.name);
      }
      return { added };
    });
  }),

  /**
   * Every milestone of the project's plan with its readiness and the checks of the checklists
   * applied to it; the workspace's checklists that can be applied; whether the caller may change them.
   */
  forProject: projectProcedure('viewer').query(async ({ ctx }): Promise<ProjectStandards> => {
    const [milestones, checklists] = await Promise.all([loadProjectStandards(ctx.db, ctx.project.id), loadChecklists(ctx.db, ctx.project.workspaceId)]);
    return {
      canEdit: canEditBoards(ctx.role) && !ctx.project.archivedAt,
      milestones,
      checklists: checklists.map((c) => ({ id: c.id, name: c.name, description: c.description, checkCount: c.checks.length })),
    };
  }),

  /** Applies a checklist of the project's workspace to a milestone: its checks start pending. Applying it again changes nothing. */
  applyToMilestone: projectProcedure('editor')
    .input(z.object({ milestoneId, checklistId }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [milestone] = await tx
          .select({ id: planItem.id })
          .from(planItem)
          .where(and(eq(planItem.projectId, ctx.project.id), eq(planItem.id, input.milestoneId), eq(planItem.kind, 'milestone')))
          .limit(1);
        if (!milestone) throw new TRPCError({ code: 'NOT_FOUND', message: 'Milestone not found in this plan.' });
        const [checklist] = await tx
          .select({ id: standardChecklist.id })
          .from(standardChecklist)
          .where(and(eq(standardChecklist.id, input.checklistId), eq(standardChecklist.workspaceId, ctx.project.workspaceId)))
          .limit(1);
        if (!checklist) throw new TRPCError({ code: 'NOT_FOUND', message: 'Checklist not found.' });
        await tx
          .insert(milestoneChecklist)
          .values({ projectId: ctx.project.id, milestoneId: milestone.id, checklistId: checklist.id, appliedBy: ctx.user.id })
          .onConflictDoNothing();
        const [applied] = await tx
          .select({ id: milestoneChecklist.id })
          .from(milestoneChecklist)
          .where(and(eq(milestoneChecklist.projectId, ctx.project.id), eq(milestoneChecklist.milestoneId, milestone.id), eq(milestoneChecklist.checklistId, checklist.id)));
        const checks = await tx.select({ id: standardCheck.id }).from(standardCheck).where(eq(standardCheck.checklistId, checklist.id));
        if (checks.length) {
          await tx
            .insert(milestoneCheck)
            .values(checks.map((c) => ({ projectId: ctx.project.id, milestoneChecklistId: applied!.id, checkId: c.id })))
            .onConflictDoNothing();
        }
        return { id: applied!.id };
      });
    }),

  /** Takes a checklist off a milestone, with its checks' states there. */
  unapply: projectProcedure('editor')
    .input(z.object({ milestoneId, checklistId }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const removed = await tx
          .delete(milestoneChecklist)
          .where(and(eq(milestoneChecklist.projectId, ctx.project.id), eq(milestoneChecklist.milestoneId, input.milestoneId), eq(milestoneChecklist.checklistId, input.checklistId)))
          .returning({ id: milestoneChecklist.id });
        if (!removed.length) throw new TRPCError({ code: 'NOT_FOUND', message: 'That checklist is not applied to this milestone.' });
        return { id: removed[0]!.id };
      });
    }),

  /**
   * Sets a check's state at a milestone, its owner (a member, or a name typed in, or nobody), its
   * evidence link and, when waived, why. `version` is the one read: a stale one is refused (CONFLICT).
   */
  updateCheck: projectProcedure('editor')
    .input(
      z.object({
        checkId: z.uuid('checkId must be a milestone check id'),
        state: z.enum(checkStates, { error: 'state must be pending, passed, failed or waived' }),
        reason: waiveReasonSchema.default(''),
        evidenceUrl: evidenceUrlSchema.default(''),
        ownerUserId: z.string().min(1).max(100, 'must be at most 100 characters').nullable().default(null),
        ownerName: ownerNameSchema.default(''),
        version: z.number().int().min(1),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.state === 'waived' && !input.reason) throw new TRPCError({ code: 'BAD_REQUEST', message: `reason: ${waiveNeedsReason}` });
      if (input.ownerUserId && input.ownerName) throw new TRPCError({ code: 'BAD_REQUEST', message: 'owner: give a member or a name, not both.' });
      return ctx.db.transaction(async (tx) => {
        const [found] = await tx
          .select({ id: milestoneCheck.id, state: milestoneCheck.state })
          .from(milestoneCheck)
          .where(and(eq(milestoneCheck.id, input.checkId), eq(milestoneCheck.projectId, ctx.project.id)))
          .limit(1);
        if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Check not found.' });
        if (input.ownerUserId) {
          const [member] = await tx
            .select({ userId: projectMember.userId })
            .from(projectMember)
            .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.ownerUserId)))
            .limit(1);
          if (!member) throw new TRPCError({ code: 'BAD_REQUEST', message: 'ownerUserId: the owner must be a member of this project; type a name for someone else.' });
        }
        const [updated] = await tx
          .update(milestoneCheck)
          .set({
            state: input.state,
            waiveReason: input.state === 'waived' ? input.reason : '',
            evidenceUrl: input.evidenceUrl,
            ownerUserId: input.ownerUserId,
            ownerName: input.ownerName,
            version: sql`${milestoneCheck.version} + 1`,
            updatedBy: ctx.user.id,
            updatedAt: new Date(),
          })
          .where(and(eq(milestoneCheck.id, found.id), eq(milestoneCheck.version, input.version)))
          .returning({ id: milestoneCheck.id, version: milestoneCheck.version, state: milestoneCheck.state });
        if (!updated) {
          throw new TRPCError({ code: 'CONFLICT', message: 'Someone changed this check since you opened it; your change was not saved. Look at theirs, then make yours again.' });
        }
        return updated;
      });
    }),
});

