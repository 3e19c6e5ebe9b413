// Status updates and how they reach stakeholders: drafts written from the project's own data,
// autosave, publish, corrections kept as versions, the cadence, the public status page and webhooks.
import { TRPCError } from '@trpc/server';
import { format } from 'date-fns';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { planDateChange, planItem, raidItem, raidItemChange, statusSettings, statusUpdate, statusUpdateAuthor, statusUpdateVersion, statusWebhook, user, webhookDelivery } from '@/db/schema';
import { loadProjectStandards } from '../data/standards';
import { communicationOf, milestoneReferencesOf, privateItemsOf, publicRevisionOf, statusSettingsOf, touchStatusSettings } from '../data/status';
import type { ProjectRole } from '../domain/roles';
import {
  cadenceSchema,
  describePrivateItems,
  draftFromProjectData,
  healthLabels,
  privateMentions,
  updateAudienceSchema,
  updateContentSchema,
  type DraftRiskItem,
  type UpdateContent,
} from '../domain/status';
import { markdownToText } from '../status/markdown';
import { notifyStatusChanged } from '../status/statusEvents';
import { newWebhookSecret, WebhookUrlError } from '../status/webhooks';
import { createTRPCRouter, projectProcedure } from '../trpc';
import { projectMilestoneForecasts } from '../data/delivery';

const updateId = z.uuid('updateId must be a status update id');
/** The revision of the update the edit was based on (from status.get/list, or the last save's answer). */
const baseRevision = z.number({ error: 'baseRevision: send the revision your edit is based on' }).int().min(0);
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
  audience: statusUpdate.audience,
  revision: statusUpdate.revision,
  updatedBy: statusUpdate.updatedBy,
  publishedBy: statusUpdate.publishedBy,
  createdAt: statusUpdate.createdAt,
  updatedAt: statusUpdate.updatedAt,
  publishedAt: statusUpdate.publishedAt,
  editedAt: statusUpdate.editedAt,
  version: statusUpdate.version,
};

const canWrite = (role: ProjectRole) => role === 'owner' || role === 'editor';

/**
 * Adds the byline to update rows: everyone who wrote each one (in the order they first saved it),
 * who published it and who saved it last.
 */
async function withByline<T extends { id: string; updatedBy: string | null; publishedBy: string | null }>(db: Executor, rows: T[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = new Set(rows.flatMap((r) => [r.updatedBy, r.publishedBy]).filter((id): id is string => Boolean(id)));
  const [authors, named] = await Promise.all([
    db
      .select({ updateId: statusUpdateAuthor.updateId, id: user.id, name: user.name })
      .from(statusUpdateAuthor)
      .innerJoin(user, eq(user.id, statusUpdateAuthor.userId))
      .where(inArray(statusUpdateAuthor.updateId, ids))
      .orderBy(asc(statusUpdateAuthor.firstSavedAt), asc(user.name)),
    people.size ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, [...people])) : [],
  ]);
  const nameOf = new Map(named.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    ...r,
    authors: authors.filter((a) => a.updateId === r.id).map((a) => ({ id: a.id, name: a.name })),
    updatedByName: r.updatedBy ? (nameOf.get(r.updatedBy) ?? null) : null,
    publishedByName: r.publishedBy ? (nameOf.get(r.publishedBy) ?? null) : null,
  }));
}

/** Counts `userId` among the update's authors (once, keeping when they first wrote). */
async function addAuthor(db: Executor, updateId: string, userId: string) {
  await db.insert(statusUpdateAuthor).values({ updateId, userId }).onConflictDoNothing();
}

/** Refuses an edit based on an older revision than the one saved, naming who saved the newer one. */
async function refuseStale(db: Executor, row: typeof statusUpdate.$inferSelect, base: number) {
  if (row.revision === base) return;
  const [saver] = row.updatedBy ? await db.select({ name: user.name }).from(user).where(eq(user.id, row.updatedBy)) : [];
  throw new TRPCError({
    code: 'CONFLICT',
    message: `${saver?.name ?? 'Someone'} saved a newer version of this update (revision ${row.revision}; yours is based on revision ${base}). Your text was not saved: compare it with theirs, then keep yours or take theirs.`,
  });
}

/**
 * A public update must not name private risks or plan items unless its author confirmed that it
 * may (they may have written about it on purpose, in words fit for the public).
 */
async function refusePrivateMentions(db: Executor, projectId: string, content: UpdateContent) {
  const named = privateMentions(content, await privateItemsOf(db, projectId));
  if (named.length) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `This public update names items that are not public: ${describePrivateItems(named)}. Remove them, make the update internal, or confirm (confirmPrivateMentions) that they may be published.`,
    });
  }
}

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
    const rows = await withByline(
      ctx.db,
      await ctx.db
        .select(updateColumns)
        .from(statusUpdate)
        .leftJoin(user, eq(user.id, statusUpdate.authorId))
        .where(and(eq(statusUpdate.projectId, ctx.project.id), ...(canWrite(ctx.role) ? [] : [isNotNull(statusUpdate.publishedAt)])))
        .orderBy(desc(statusUpdate.publishedAt), desc(statusUpdate.updatedAt))
        .limit(500),
    );
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
      return (await withByline(ctx.db, [row]))[0]!;
    }),

  /**
   * A small fingerprint of what the updates page shows, which changes with every publish, correction
   * and settings change (the project's public revision, see server/data/status.ts) and, for those who
   * see drafts, every draft created, saved or discarded. Open updates pages poll it (about twice a
   * second, see components/status/LiveUpdates.tsx) and re-render when it changes; it works across
   * server instances, unlike an in-process event. Viewers' fingerprint leaves drafts out: it does
   * not tell them when someone is writing one.
   */
  pageRevision: projectProcedure('viewer').query(async ({ ctx }) => {
    const publicRevision = await publicRevisionOf(ctx.db, ctx.project.id);
    if (!canWrite(ctx.role)) return { revision: `${publicRevision}` };
    // Every draft's id and revision: a discard and a new draft between two polls still differ.
    const [drafts] = await ctx.db
      .select({ fingerprint: sql<string | null>`md5(string_agg(${statusUpdate.id}::text || ':' || ${statusUpdate.revision}, ',' order by ${statusUpdate.id}))` })
      .from(statusUpdate)
      .where(and(eq(statusUpdate.projectId, ctx.project.id), isNull(statusUpdate.publishedAt)));
    return { revision: `${publicRevision}:${drafts?.fingerprint ?? ''}` };
  }),

  /**
   * Which private risks and plan items (not shown on the public page) this text names: the editor
   * asks before publishing it publicly. A mutation only because the text is too long for a GET.
   */
  checkPrivateMentions: projectProcedure('editor')
    .input(z.object({ content: updateContentSchema }))
    .mutation(async ({ ctx, input }) => {
      return { privateMentions: privateMentions(input.content, await privateItemsOf(ctx.db, ctx.project.id)) };
    }),

  /**
   * A new draft, filled from the risk and plan history since the last published update. `audience`
   * defaults to internal; a public draft is written only from what the public page shows (risks
   * marked public, and milestones).
   */
  createDraft: projectProcedure('editor')
    .input(z.object({ audience: updateAudienceSchema.default('internal') }).default({ audience: 'internal' }))
    .mutation(async ({ ctx, input }) => {
    const isPublic = input.audience === 'public';
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
        .where(and(eq(raidItem.projectId, ctx.project.id), ...(isPublic ? [eq(raidItem.isPublic, true)] : [])))) as DraftRiskItem[];
      const shown = new Set(items.map((i) => i.id));
      const allChanges = await tx
        .select({ itemId: raidItemChange.itemId, field: raidItemChange.field, fromValue: raidItemChange.fromValue, toValue: raidItemChange.toValue, changedAt: raidItemChange.changedAt })
        .from(raidItemChange)
        .where(and(eq(raidItemChange.projectId, ctx.project.id), ...(since ? [gt(raidItemChange.changedAt, since)] : [])))
        .orderBy(asc(raidItemChange.id))
        .limit(20_000);
      const changes = allChanges.filter((c) => shown.has(c.itemId));
      // Milestones are public plan items (the public page lists them); workstreams never reach a draft.
      const [milestones, dateChanges] = await Promise.all([
        tx
          .select({ id: planItem.id, title: planItem.title, status: planItem.status, updatedAt: planItem.updatedAt, end: planItem.endDate })
          .from(planItem)
          .where(and(eq(planItem.projectId, ctx.project.id), eq(planItem.kind, 'milestone'))),
        tx
          .select({ itemId: planDateChange.itemId, field: planDateChange.field, fromValue: planDateChange.fromValue, toValue: planDateChange.toValue, changedAt: planDateChange.changedAt })
          .from(planDateChange)
          .where(and(eq(planDateChange.projectId, ctx.project.id), ...(since ? [gt(planDateChange.changedAt, since)] : [])))
          .orderBy(asc(planDateChange.id))
          .limit(20_000),
      ]);
      const references = await milestoneReferencesOf(
        tx,
        ctx.project.id,
        milestones.map((m) => m.id),
      );
      // Standards' checks are members' business (owners, evidence, waivers): a public draft leaves them out.
      const standards = isPublic
        ? undefined
        : {
            milestones: (await loadProjectStandards(tx, ctx.project.id)).map((m) => ({
              title: m.title,
              end: m.date,
              status: m.status,
              checks: m.checklists.flatMap((l) => l.checks.map((c) => ({ title: c.title, state: c.state }))),
            })),
            today: format(new Date(), 'yyyy-MM-dd'),
          };
      // Delivery forecasts of open milestones (when the project has delivery data): quoted, not decided.
      const forecasts = (await projectMilestoneForecasts(tx, ctx.project.id)).milestones.flatMap((m) =>
        m.forecast ? [{ title: m.title, dueDate: m.dueDate, ...m.forecast, likelyLate: m.likelyLate }] : [],
      );
      const draft = draftFromProjectData(items, changes, since, { milestones, dateChanges, references, standards, forecasts });
      const [created] = await tx
        .insert(statusUpdate)
        .values({ projectId: ctx.project.id, authorId: ctx.user.id, updatedBy: ctx.user.id, audience: input.audience, revision: 1, ...draft })
        .returning();
      await addAuthor(tx, created!.id, ctx.user.id);
      return created!;
    });
  }),

  /** Autosave of a draft; refused (CONFLICT) when someone saved a newer revision since `baseRevision`. */
  saveDraft: projectProcedure('editor')
    .input(z.object({ updateId, content: updateContentSchema, baseRevision, audience: updateAudienceSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is published: correct it instead.' });
        await refuseStale(tx, row, input.baseRevision);
        const [saved] = await tx
          .update(statusUpdate)
          .set({ ...input.content, audience: input.audience ?? row.audience, updatedAt: new Date(), updatedBy: ctx.user.id, revision: row.revision + 1 })
          .where(eq(statusUpdate.id, row.id))
          .returning({ id: statusUpdate.id, updatedAt: statusUpdate.updatedAt, revision: statusUpdate.revision, audience: statusUpdate.audience });
        await addAuthor(tx, row.id, ctx.user.id);
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

  /**
   * Publishes a draft (with its latest content): it becomes the project's health; a public one also
   * goes to the public page, its feed and the webhooks. Refused (CONFLICT) when the draft was saved
   * since `baseRevision`, and (PRECONDITION_FAILED) when a public one names private risks or plan
   * items, unless `confirmPrivateMentions`.
   */
  publish: projectProcedure('editor')
    .input(
      z.object({ updateId, content: updateContentSchema, baseRevision, audience: updateAudienceSchema.optional(), confirmPrivateMentions: z.boolean().default(false) }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!input.content.healthReason) throw new TRPCError({ code: 'BAD_REQUEST', message: 'healthReason: say in one line why the project has this health.' });
      if (!input.content.summary.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'summary: is required to publish.' });
      const published = await ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is already published.' });
        await refuseStale(tx, row, input.baseRevision);
        const audience = input.audience ?? row.audience;
        if (audience === 'public' && !input.confirmPrivateMentions) await refusePrivateMentions(tx, ctx.project.id, input.content);
        const now = new Date();
        const [updated] = await tx
          .update(statusUpdate)
          .set({
            ...input.content,
            audience,
            publishedAt: now,
            publishedBy: ctx.user.id,
            updatedAt: now,
            updatedBy: ctx.user.id,
            version: 1,
            revision: row.revision + 1,
            authorId: row.authorId ?? ctx.user.id,
          })
          .where(eq(statusUpdate.id, row.id))
          .returning();
        // Publishing the text as saved does not make the publisher an author; changing it does.
        if (JSON.stringify(contentOf(row)) !== JSON.stringify(contentOf(input.content))) await addAuthor(tx, row.id, ctx.user.id);
        await touchStatusSettings(tx, ctx.project.id);
        return updated!;
      });
      notifyStatusChanged(ctx.project.id);
      // Webhooks are a public channel, like the feed: internal updates stay in Waymark.
      if (published.audience === 'public') {
        ctx.webhooks.dispatch({ event: 'status_update.published', projectId: ctx.project.id, updateId: published.id, payload: webhookPayload(ctx.project, published) });
      }
      return published;
    }),

  /** Corrects a published update; the earlier text is kept as a version and the update says "edited". */
  correct: projectProcedure('editor')
    .input(
      z.object({ updateId, content: updateContentSchema, baseRevision, audience: updateAudienceSchema.optional(), confirmPrivateMentions: z.boolean().default(false) }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!input.content.healthReason || !input.content.summary.trim()) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'A published update needs a health reason and a summary.' });
      }
      const corrected = await ctx.db.transaction(async (tx) => {
        const row = await lockedUpdate(tx, ctx.project.id, input.updateId);
        if (!row.publishedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This update is a draft: save or publish it instead.' });
        await refuseStale(tx, row, input.baseRevision);
        const before = contentOf(row);
        const audience = input.audience ?? row.audience;
        const textChanged = JSON.stringify(before) !== JSON.stringify(contentOf(input.content));
        if (!textChanged && audience === row.audience) return { row, changed: false };
        if (audience === 'public' && !input.confirmPrivateMentions) await refusePrivateMentions(tx, ctx.project.id, input.content);
        if (textChanged) await tx.insert(statusUpdateVersion).values({ updateId: row.id, version: row.version, content: before, editedBy: ctx.user.id });
        const now = new Date();
        const [updated] = await tx
          .update(statusUpdate)
          .set({
            ...input.content,
            audience,
            updatedAt: now,
            updatedBy: ctx.user.id,
            revision: row.revision + 1,
            ...(textChanged ? { editedAt: now, version: row.version + 1 } : {}),
          })
          .where(eq(statusUpdate.id, row.id))
          .returning();
        if (textChanged) await addAuthor(tx, row.id, ctx.user.id);
        await touchStatusSettings(tx, ctx.project.id);
        return { row: updated!, changed: true };
      });
      if (corrected.changed) {
        notifyStatusChanged(ctx.project.id);
        if (corrected.row.audience === 'public') {
          ctx.webhooks.dispatch({ event: 'status_update.corrected', projectId: ctx.project.id, updateId: corrected.row.id, payload: webhookPayload(ctx.project, corrected.row) });
        }
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
