// Status updates and how they reach stakeholders: drafts written from the project's own data,
// autosave, publish, corrections kept as versions, the cadence, the public status page and webhooks.
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { planDateChange, planItem, raidItem, raidItemChange, statusSettings, statusUpdate, statusUpdateVersion, statusWebhook, user, webhookDelivery } from '@/db/schema';
import { communicationOf, statusSettingsOf, touchStatusSettings } from '../data/status';
import type { ProjectRole } from '../domain/roles';
import { cadenceSchema, draftFromProjectData, healthLabels, updateContentSchema, type DraftRiskItem, type UpdateContent } from '../domain/status';
import { markdownToText } from '../status/markdown';
import { notifyStatusChanged } from '../status/statusEvents';
import { newWebhookSecret, WebhookUrlError } from '../status/webhooks';
import { createTRPCRouter, projectProcedure } from '../trpc';

const updateId = z.uuid('updateId must be a status update id');
const webhookId = z.uuid('webhookId must be a webhook id');
/** Lower-case letters, digits and dashes, 3-50 characters: the `<slug>` of /status/<slug>. */
export const publicSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, 'must be 3-50 lower-case letters, digits or dashes, not starting or ending with a dash');

const updateColumns = {
  id: statusUpdate.id,
  health: statusUpdate.health,
  healthReason: statusUpdate.healthReason,
  summary: statusUpdate.summary,
  highlights: statusUpdate.highlights,
  lowlights: statusUpdate.lowlights,
  asks: statusUpdate.asks,
  nextSteps: statusUpdate.nextSteps,
  authorId: statusUpdate.authorId,
  authorName: user.name,
  createdAt: statusUpdate.createdAt,
  updatedAt: statusUpdate.updatedAt,
  publishedAt: statusUpdate.publishedAt,
  editedAt: statusUpdate.editedAt,
  version: statusUpdate.version,
};

const canWrite = (role: ProjectRole) => role === 'owner' || role === 'editor';

/** One update of this project, locked for the rest of the transaction (writers only: editor and owner procedures). */
async function lockedUpdate(db: Executor, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(statusUpdate)
    .where(and(eq(statusUpdate.id, id), eq(statusUpdate.projectId, projectId)))
    .for('update');
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Status update not found.' });
  return row;
}

const contentOf = (row: UpdateContent): UpdateContent => ({
  health: row.health,
  healthReason: row.healthReason,
  summary: row.summary,
  highlights: row.highlights,
  lowlights: row.lowlights,
  asks: row.asks,
  nextSteps: row.nextSteps,
});

/** What webhooks receive: the update as plain text and Markdown, never risk details. */
function webhookPayload(project: { id: string; name: string }, row: typeof statusUpdate.$inferSelect) {
  return {
    project: { id: project.id, name: project.name },
    update: {
      id: row.id,
      health: row.health,
      healthLabel: healthLabels[row.health],
      healthReason: row.healthReason,
      summary: row.summary,
      summaryText: markdownToText(row.summary),
      highlights: row.highlights,
      lowlights: row.lowlights,
      asks: row.asks,
      nextSteps: row.nextSteps,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      editedAt: row.editedAt?.toISOString() ?? null,
      version: row.version,
    },
  };
}

export const statusRouter = createTRPCRouter({
  /** Published updates newest first, the caller's project drafts (editors and owners), health and cadence. */
  list: projectProcedure('viewer').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select(updateColumns)
      .from(statusUpdate)
      .leftJoin(user, eq(user.id, statusUpdate.authorId))
      .where(eq(statusUpdate.projectId, ctx.project.id))
      .orderBy(desc(statusUpdate.publishedAt), desc(statusUpdate.updatedAt))
      .limit(500);
    const communication = (await communicationOf(ctx.db, [ctx.project.id])).get(ctx.project.id)!;
    return {
      published: rows.filter((r) => r.publishedAt),
      drafts: canWrite(ctx.role) ? rows.filter((r) => !r.publishedAt) : [],
      ...communication,
    };
  }),

  get: projectProcedure('viewer')
    .input(z.object({ updateId }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select(updateColumns)
        .from(statusUpdate)
        .leftJoin(user, eq(user.id, statusUpdate.authorId))
        .where(and(eq(statusUpdate.id, input.updateId), eq(statusUpdate.projectId, ctx.project.id)));
      if (!row || (!row.publishedAt && !canWrite(ctx.role))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Status update not found.' });
      return row;
    }),

  /** A new draft, filled from the risk history since the last published update. */
  createDraft: projectProcedure('editor').mutation(async ({ ctx }) => {
    return ctx.db.transaction(async (tx) => {
      const [last] = await tx
        .select({ publishedAt: statusUpdate.publishedAt })
        .from(statusUpdate)
        .where(and(eq(statusUpdate.projectId, ctx.project.id), isNotNull(statusUpdate.publishedAt)))
        .orderBy(desc(statusUpdate.publishedAt))
        .limit(1);
      const since = last?.publishedAt ?? null;
      const items = (await tx
        .select({ id: raidItem.id, title: raidItem.title, kind: raidItem.kind, status: raidItem.status, likelihood: raidItem.likelihood, impact: raidItem.impact, score: raidItem.score, band: raidItem.band })
        .from(raidItem)
        .where(eq(raidItem.projectId, ctx.project.id))) as DraftRiskItem[];
      const changes = await tx
        .select({ itemId: raidItemChange.itemId, field: raidItemChange.field, fromValue: raidItemChange.fromValue, toValue: raidItemChange.toValue, changedAt: raidItemChange.changedAt })
        .from(raidItemChange)
        .where(and(eq(raidItemChange.projectId, ctx.project.id), ...(since ? [gt(raidItemChange.changedAt, since)] : [])))
        .orderBy(asc(raidItemChange.id))
        .limit(20_000);
      const [milestones, dateChanges] = await Promise.all([
        tx
          .select({ id: planItem.id, title: planItem.title, status: planItem.status, updatedAt: planItem.updatedAt })
          .from(planItem)
          .where(and(eq(planItem.projectId, ctx.project.id), eq(planItem.kind, 'milestone'))),
        tx
          .select({ itemId: planDateChange.itemId, field: planDateChange.field, fromValue: planDateChange.fromValue, toValue: planDateChange.toValue, changedAt: planDateChange.changedAt })
          .from(planDateChange)
          .where(and(eq(planDateChange.projectId, ctx.project.id), ...(since ? [gt(planDateChange.changedAt, since)] : [])))
          .orderBy(asc(planDateChange.id))
          .limit(20_000),
      ]);
      const draft = draftFromProjectData(items, changes, since, { milestones, dateChanges });
      const [created] = await tx.insert(statusUpdate).values({ projectId: ctx.project.id, authorId: ctx.user.id, ...draft }).returning();
      return created!;
    });
  }),

  /** Autosave of a draft. */
  saveDraft: projectProcedure('editor')
    .input(z.object({ updateId, content: updateContentSchema }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is published: correct it instead.' });
        const [saved] = await tx
          .update(statusUpdate)
          .set({ ...input.content, updatedAt: new Date() })
          .where(eq(statusUpdate.id, row.id))
          .returning({ id: statusUpdate.id, updatedAt: statusUpdate.updatedAt });
        return saved!;
      });
    }),

  discardDraft: projectProcedure('editor')
    .input(z.object({ updateId }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'A published update cannot be discarded.' });
        await tx.delete(statusUpdate).where(eq(statusUpdate.id, row.id));
        return { updateId: row.id, discarded: true as const };
      });
    }),

  /** Publishes a draft (with its latest content): it becomes the project's health, goes public and to webhooks. */
  publish: projectProcedure('editor')
    .input(z.object({ updateId, content: updateContentSchema }))
    .mutation(async ({ ctx, input }) => {
      if (!input.content.healthReason) throw new TRPCError({ code: 'BAD_REQUEST', message: 'healthReason: say in one line why the project has this health.' });
      if (!input.content.summary.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'summary: is required to publish.' });
      const published = await ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is already published.' });
        const now = new Date();
        const [updated] = await tx
          .update(statusUpdate)
          .set({ ...input.content, publishedAt: now, updatedAt: now, version: 1, authorId: row.authorId ?? ctx.user.id })
          .where(eq(statusUpdate.id, row.id))
          .returning();
        await touchStatusSettings(tx, ctx.project.id);
        return updated!;
      });
      notifyStatusChanged(ctx.project.id);
      ctx.webhooks.dispatch({ event: 'status_update.published', projectId: ctx.project.id, updateId: published.id, payload: webhookPayload(ctx.project, published) });
      return published;
    }),

  /** Corrects a published update; the earlier text is kept as a version and the update says "edited". */
  correct: projectProcedure('editor')
    .input(z.object({ updateId, content: updateContentSchema }))
    .mutation(async ({ ctx, input }) => {
      if (!input.content.healthReason || !input.content.summary.trim()) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'A published update needs a health reason and a summary.' });
      }
      const corrected = await ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (!row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is a draft: save or publish it instead.' });
        const before = contentOf(row);
        if (JSON.stringify(before) === JSON.stringify(contentOf(input.content))) return { row, changed: false };
        await tx.insert(statusUpdateVersion).values({ updateId: row.id, version: row.version, content: before, editedBy: ctx.user.id });
        const now = new Date();
        const [updated] = await tx
          .update(statusUpdate)
          .set({ ...input.content, editedAt: now, updatedAt: now, version: row.version + 1 })
          .where(eq(statusUpdate.id, row.id))
          .returning();
        await touchStatusSettings(tx, ctx.project.id);
        return { row: updated!, changed: true };
      });
      if (corrected.changed) {
        notifyStatusChanged(ctx.project.id);
        ctx.webhooks.dispatch({ event: 'status_update.corrected', projectId: ctx.project.id, updateId: corrected.row.id, payload: webhookPayload(ctx.project, corrected.row) });
      }
      return corrected.row;
    }),

  /** Earlier versions of a published update, newest first. */
  versions: projectProcedure('viewer')
    .input(z.object({ updateId }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({ id: statusUpdate.id, publishedAt: statusUpdate.publishedAt })
        .from(statusUpdate)
        .where(and(eq(statusUpdate.id, input.updateId), eq(statusUpdate.projectId, ctx.project.id)));
      if (!row || (!row.publishedAt && !canWrite(ctx.role))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Status update not found.' });
      const versions = await ctx.db
        .select({ version: statusUpdateVersion.version, content: statusUpdateVersion.content, savedAt: statusUpdateVersion.savedAt, editedBy: user.name })
        .from(statusUpdateVersion)
        .leftJoin(user, eq(user.id, statusUpdateVersion.editedBy))
        .where(eq(statusUpdateVersion.updateId, row.id))
        .orderBy(desc(statusUpdateVersion.version));
      return versions.map((v) => ({ ...v, content: v.content as UpdateContent }));
    }),

  /** Cadence and public page settings (every member may read them). */
  settings: projectProcedure('viewer').query(async ({ ctx }) => {
    const s = await statusSettingsOf(ctx.db, ctx.project.id);
    return { cadence: s.cadence, publicEnabled: s.publicEnabled, publicSlug: s.publicSlug };
  }),

  setCadence: projectProcedure('owner')
    .input(z.object({ cadence: cadenceSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction((tx) =>
        touchStatusSettings(tx, ctx.project.id, { cadenceDays: input.cadence?.everyDays ?? null, cadenceWeekday: input.cadence?.weekday ?? null }),
      );
      return { cadence: input.cadence };
    }),

  /** Turns the public status page on (with its slug) or off; off makes every public URL 404 at once. */
  setPublicPage: projectProcedure('owner')
    .input(z.object({ enabled: z.boolean(), slug: publicSlugSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const current = await statusSettingsOf(tx, ctx.project.id);
        const slug = input.slug ?? current.publicSlug;
        if (input.enabled && !slug) throw new TRPCError({ code: 'BAD_REQUEST', message: 'slug: pick the address of the public page first.' });
        if (slug && slug !== current.publicSlug) {
          const [taken] = await tx
            .select({ projectId: statusSettings.projectId })
            .from(statusSettings)
            .where(and(eq(statusSettings.publicSlug, slug), ne(statusSettings.projectId, ctx.project.id)));
          if (taken) throw new TRPCError({ code: 'CONFLICT', message: `The address /status/${slug} is taken; pick another.` });
        }
        const row = await touchStatusSettings(tx, ctx.project.id, { publicEnabled: input.enabled, publicSlug: slug });
        return { publicEnabled: row.publicEnabled, publicSlug: row.publicSlug };
      }).then((result) => {
        notifyStatusChanged(ctx.project.id);
        return result;
      });
    }),

  /** The project's webhooks (secrets are shown only when one is added). */
  webhooks: projectProcedure('owner').query(async ({ ctx }) => {
    return ctx.db
      .select({ id: statusWebhook.id, url: statusWebhook.url, createdAt: statusWebhook.createdAt })
      .from(statusWebhook)
      .where(eq(statusWebhook.projectId, ctx.project.id))
      .orderBy(asc(statusWebhook.createdAt));
  }),

  addWebhook: projectProcedure('owner')
    .input(z.object({ url: z.string().trim().min(1, 'is required').max(2_000, 'must be at most 2000 characters') }))
    .mutation(async ({ ctx, input }) => {
      try {
        await ctx.webhooks.checkUrl(input.url);
      } catch (error) {
        if (error instanceof WebhookUrlError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
        throw error;
      }
      const secret = newWebhookSecret();
      const [created] = await ctx.db.transaction((tx) =>
        tx.insert(statusWebhook).values({ projectId: ctx.project.id, url: input.url, secret, createdBy: ctx.user.id }).returning(),
      );
      return { id: created!.id, url: created!.url, createdAt: created!.createdAt, secret };
    }),

  removeWebhook: projectProcedure('owner')
    .input(z.object({ webhookId }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.db.transaction((tx) =>
        tx
          .delete(statusWebhook)
          .where(and(eq(statusWebhook.id, input.webhookId), eq(statusWebhook.projectId, ctx.project.id)))
          .returning({ id: statusWebhook.id }),
      );
      if (!removed.length) throw new TRPCError({ code: 'NOT_FOUND', message: 'Webhook not found.' });
      return { webhookId: input.webhookId, removed: true as const };
    }),

  /** The delivery log: every attempt, newest first. */
  deliveries: projectProcedure('owner')
    .input(z.object({ webhookId: webhookId.optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      return ctx.db
        .select({
          id: webhookDelivery.id,
          webhookId: webhookDelivery.webhookId,
          url: statusWebhook.url,
          updateId: webhookDelivery.updateId,
          event: webhookDelivery.event,
          attempt: webhookDelivery.attempt,
          outcome: webhookDelivery.outcome,
          responseStatus: webhookDelivery.responseStatus,
          error: webhookDelivery.error,
          durationMs: webhookDelivery.durationMs,
          attemptedAt: webhookDelivery.attemptedAt,
          /** When the retry this failed attempt is owed is due; null once made (or if none is owed). */
          retryAt: webhookDelivery.retryAt,
        })
        .from(webhookDelivery)
        .innerJoin(statusWebhook, eq(statusWebhook.id, webhookDelivery.webhookId))
        .where(and(eq(webhookDelivery.projectId, ctx.project.id), ...(input.webhookId ? [eq(webhookDelivery.webhookId, input.webhookId)] : [])))
        .orderBy(desc(webhookDelivery.attemptedAt), desc(webhookDelivery.attempt))
        .limit(input.limit);
    }),
});
