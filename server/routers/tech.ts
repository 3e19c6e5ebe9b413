// Technology oversight (docs/api.md, "Technology"): a project's tech inventory and radar place,
// manifest imports with a preview, ring history, the radar review marker, alerts and the optional
// registry version check; the workspace radar and licence deny list. Every write is one
// transaction; a write touching an item the public status page shows bumps the page's revision.
import { TRPCError } from '@trpc/server';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { raidItem, techItem, techPolicy, techReview, techRingChange, type TechEcosystem, type TechKind, type TechQuadrant } from '@/db/schema';
import { findMembership } from '../data/membership';
import { bumpPublicRevision } from '../data/status';
import { deniedLicencesOf, findTechItem, loadTechItems, ringHistoryOf, techReviewOf, workspaceTechItems } from '../data/tech';
import { todayUtc } from '../domain/dates';
import { techAlerts, type TechAlert } from '../domain/techAlerts';
import {
  deniedLicenceList,
  manifestContent,
  manifestFileName,
  techCostCents,
  techEcosystem,
  techEolDate,
  techKind,
  techLicence,
  techName,
  techNotes,
  techOwnerName,
  techQuadrant,
  techRing,
  techRingReason,
  techVersion,
} from '../domain/techFields';
import { normaliseDenyList } from '../domain/techLicences';
import { importChange, ManifestError, parseManifest, type ImportChange } from '../domain/techManifest';
import { mergeRadar } from '../domain/techRadar';
import { riskOfAlert } from '../domain/techRiskDraft';
import { notifyStatusChanged } from '../status/statusEvents';
import { latestVersions } from '../tech/registryCheck';
import { createTRPCRouter, projectProcedure, workspaceProcedure } from '../trpc';

export const staleTechItemMessage = 'Someone changed this item since you opened it; reload';
export const techItemNotFound = 'Tech item not found.';

/** Where a new item sits on the radar when no quadrant is given. */
export const defaultQuadrant: Record<TechKind, TechQuadrant> = {
  library: 'languages-frameworks',
  software: 'platforms',
  service: 'platforms',
  hardware: 'platforms',
  tool: 'tools',
};

const itemIdInput = z.uuid('id must be a tech item id');

/** A member of the project may own an item; anyone else's id is not found, as any id the caller cannot see. */
async function checkOwner(db: Executor, projectId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await findMembership(db, projectId, ownerId))) throw new TRPCError({ code: 'NOT_FOUND', message: 'ownerId: no member of this project has this id' });
}

/** Refuses a name and ecosystem another item of the project already has (imports update that one instead). */
async function checkIdentityFree(db: Executor, projectId: string, name: string, ecosystem: TechEcosystem | null, exceptId?: string) {
  const [taken] = await db
    .select({ id: techItem.id })
    .from(techItem)
    .where(
      and(
        eq(techItem.projectId, projectId),
        eq(techItem.name, name),
        ecosystem === null ? isNull(techItem.ecosystem) : eq(techItem.ecosystem, ecosystem),
        exceptId ? ne(techItem.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `“${name}”${ecosystem ? ` (${ecosystem})` : ''} is already in this project's inventory; change that item instead.` });
}

const upsertInput = z.object({
  id: itemIdInput.optional(),
  /** The revision read; required to change an existing item. */
  revision: z.number().int().min(1).optional(),
  name: techName.optional(),
  kind: techKind.optional(),
  ecosystem: techEcosystem.nullable().optional(),
  version: techVersion.optional(),
  latestVersion: techVersion.nullable().optional(),
  eolDate: techEolDate.nullable().optional(),
  ownerId: z.string().min(1).max(100, 'must be at most 100 characters').nullable().optional(),
  ownerName: techOwnerName.optional(),
  licence: techLicence.optional(),
  costPerMonthCents: techCostCents.nullable().optional(),
  fitNotes: techNotes.optional(),
  stakeholderNote: techNotes.optional(),
  isPublic: z.boolean().optional(),
  quadrant: techQuadrant.optional(),
  ring: techRing.optional(),
  /** Why the ring changed (kept in the ring history). */
  ringReason: techRingReason.optional(),
});

export interface ImportPreviewItem {
  name: string;
  ecosystem: string;
  version: string;
  /** The version the inventory has now (null for an item to add). */
  currentVersion: string | null;
  change: ImportChange;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** With `preview: true` only: every dependency read and what importing it would do. */
  items?: ImportPreviewItem[];
}

export const techRouter = createTRPCRouter({
  /** Every item of the project, by name, with whether it moved or arrived since the last radar review. */
  list: projectProcedure('viewer').query(({ ctx }) => loadTechItems(ctx.db, ctx.project.id)),

  /** When the project's radar was last reviewed, by whom, and how many items moved since. */
  review: projectProcedure('viewer').query(async ({ ctx }) => {
    const [state, items] = await Promise.all([techReviewOf(ctx.db, ctx.project.id), loadTechItems(ctx.db, ctx.project.id)]);
    return { ...state, movedSinceReview: items.filter((item) => item.movedSinceReview).length, addedSinceReview: items.filter((item) => item.addedSinceReview).length };
  }),

  /**
   * Adds an item (no `id`: `name` and `kind` required) or changes the fields given of one (`id` and
   * the `revision` read: a stale one is refused with CONFLICT). A new ring is kept in the history
   * with who moved it and `ringReason`.
   */
  upsert: projectProcedure('editor')
    .input(upsertInput)
    .mutation(async ({ ctx, input }) => {
      const { projectId: _projectId, id, revision, ringReason, ...fields } = input;
      const projectId = ctx.project.id;
      const result = await ctx.db.transaction(async (tx) => {
        await checkOwner(tx, projectId, fields.ownerId);
        if (!id) {
          if (!fields.name) throw new TRPCError({ code: 'BAD_REQUEST', message: 'name: is required for a new item' });
          if (!fields.kind) throw new TRPCError({ code: 'BAD_REQUEST', message: 'kind: is required for a new item' });
          await checkIdentityFree(tx, projectId, fields.name, fields.ecosystem ?? null);
          const ring = fields.ring ?? 'assess';
          const [row] = await tx
            .insert(techItem)
            .values({
              ...fields,
              name: fields.name,
              kind: fields.kind,
              projectId,
              quadrant: fields.quadrant ?? defaultQuadrant[fields.kind],
              ring,
              updatedBy: ctx.user.id,
            })
            .returning({ id: techItem.id, revision: techItem.revision, isPublic: techItem.isPublic });
          await tx.insert(techRingChange).values({ itemId: row!.id, projectId, fromRing: null, toRing: ring, reason: ringReason ?? '', changedBy: ctx.user.id });
          if (row!.isPublic) await bumpPublicRevision(tx, projectId);
          return { id: row!.id, revision: row!.revision, publicChanged: row!.isPublic };
        }
        const current = await findTechItem(tx, projectId, id);
        if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: techItemNotFound });
        if (revision === undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: 'revision: is required to change an item (send the revision you read)' });
        const name = fields.name ?? current.name;
        const ecosystem = fields.ecosystem === undefined ? current.ecosystem : fields.ecosystem;
        if (name !== current.name || ecosystem !== current.ecosystem) await checkIdentityFree(tx, projectId, name, ecosystem, id);
        const ringMoved = fields.ring !== undefined && fields.ring !== current.ring;
        const now = new Date();
        const [row] = await tx
          .update(techItem)
          .set({
            ...fields,
            ...(ringMoved ? { ringChangedAt: now } : {}),
            revision: sql`${techItem.revision} + 1`,
            updatedAt: now,
            updatedBy: ctx.user.id,
          })
          .where(and(eq(techItem.id, id), eq(techItem.projectId, projectId), eq(techItem.revision, revision)))
          .returning({ id: techItem.id, revision: techItem.revision, isPublic: techItem.isPublic });
        if (!row) throw new TRPCError({ code: 'CONFLICT', message: staleTechItemMessage });
        if (ringMoved) {
          await tx.insert(techRingChange).values({ itemId: id, projectId, fromRing: current.ring, toRing: fields.ring!, reason: ringReason ?? '', changedBy: ctx.user.id, changedAt: now });
        }
        const publicChanged = current.isPublic || row.isPublic;
        if (publicChanged) await bumpPublicRevision(tx, projectId);
        return { id: row.id, revision: row.revision, publicChanged };
      });
      if (result.publicChanged) notifyStatusChanged(projectId);
      return { id: result.id, revision: result.revision };
    }),

  /** Removes an item with its ring history. */
  remove: projectProcedure('editor')
    .input(z.object({ id: itemIdInput }))
    .mutation(async ({ ctx, input }) => {
      const projectId = ctx.project.id;
      const removed = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .delete(techItem)
          .where(and(eq(techItem.id, input.id), eq(techItem.projectId, projectId)))
          .returning({ isPublic: techItem.isPublic });
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: techItemNotFound });
        if (row.isPublic) await bumpPublicRevision(tx, projectId);
        return row;
      });
      if (removed.isPublic) notifyStatusChanged(projectId);
      return { id: input.id };
    }),

  /** The item's ring changes, newest first: where it was first placed (`fromRing` null), then every move. */
  history: projectProcedure('viewer')
    .input(z.object({ id: itemIdInput }))
    .query(async ({ ctx, input }) => {
      if (!(await findTechItem(ctx.db, ctx.project.id, input.id))) throw new TRPCError({ code: 'NOT_FOUND', message: techItemNotFound });
      return ringHistoryOf(ctx.db, ctx.project.id, input.id);
    }),

  /** Marks the radar reviewed now: blips moved before this no longer show as moved. */
  markReviewed: projectProcedure('editor').mutation(async ({ ctx }) => {
    const now = new Date();
    await ctx.db.transaction((tx) =>
      tx
        .insert(techReview)
        .values({ projectId: ctx.project.id, lastReviewedAt: now, lastReviewedBy: ctx.user.id })
        .onConflictDoUpdate({ target: techReview.projectId, set: { lastReviewedAt: now, lastReviewedBy: ctx.user.id } }),
    );
    return { lastReviewedAt: now };
  }),

  /**
   * Alerts on the project's items, most pressing first (docs/api.md lists the kinds and their
   * rules), each with `riskId`: the risk already drafted from it, if the board has one.
   */
  alerts: projectProcedure('viewer').query(async ({ ctx }): Promise<(TechAlert & { riskId: string | null })[]> => {
    const projectId = ctx.project.id;
    const [items, denied, risks] = await Promise.all([
      loadTechItems(ctx.db, projectId),
      deniedLicencesOf(ctx.db, ctx.project.workspaceId),
      ctx.db.select({ id: raidItem.id, title: raidItem.title }).from(raidItem).where(eq(raidItem.projectId, projectId)).orderBy(raidItem.createdAt, raidItem.id),
    ]);
    return techAlerts(items, todayUtc(), denied).map((alert) => ({ ...alert, riskId: riskOfAlert(projectId, alert, risks) }));
  }),

  /**
   * Reads a manifest (package.json with an optional package-lock.json, requirements.txt, go.mod,
   * pom.xml) and adds or updates the project's items by ecosystem and name. With `preview` it
   * writes nothing and lists what would change. A file that cannot be read writes nothing either.
   */
  importManifest: projectProcedure('editor')
    .input(z.object({ fileName: manifestFileName, content: manifestContent, lockContent: manifestContent.optional(), preview: z.boolean().optional() }))
    .mutation(async ({ ctx, input }): Promise<ImportResult> => {
      let parsed: ReturnType<typeof parseManifest>;
      try {
        parsed = parseManifest(input.fileName, input.content, input.lockContent);
      } catch (error) {
        if (error instanceof ManifestError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
        throw error;
      }
      const projectId = ctx.project.id;
      const source = parsed.kind;
      const plan = async (db: Executor) => {
        const ecosystems = [...new Set(parsed.dependencies.map((d) => d.ecosystem))];
        const existing = ecosystems.length
          ? await db
              .select({ id: techItem.id, name: techItem.name, ecosystem: techItem.ecosystem, version: techItem.version })
              .from(techItem)
              .where(and(eq(techItem.projectId, projectId), inArray(techItem.ecosystem, ecosystems)))
          : [];
        const byKey = new Map(existing.map((row) => [`${row.ecosystem}:${row.name}`, row]));
        return parsed.dependencies.map((dependency) => {
          const current = byKey.get(`${dependency.ecosystem}:${dependency.name}`);
          return { dependency, current, change: importChange(dependency, current) };
        });
      };
      const count = (changes: { change: ImportChange }[]) => ({
        added: changes.filter((c) => c.change === 'add').length,
        updated: changes.filter((c) => c.change === 'update').length,
        unchanged: changes.filter((c) => c.change === 'same').length,
      });
      if (input.preview) {
        const changes = await plan(ctx.db);
        const items: ImportPreviewItem[] = changes.map(({ dependency, current, change }) => ({
          name: dependency.name,
          ecosystem: dependency.ecosystem,
          version: dependency.version,
          currentVersion: current?.version ?? null,
          change,
        }));
        return { ...count(changes), items };
      }
      const counts = await ctx.db.transaction(async (tx) => {
        const changes = await plan(tx);
        const now = new Date();
        const added = changes.filter((c) => c.change === 'add');
        // In slices, so a big manifest stays within the database's parameter limit.
        for (let i = 0; i < added.length; i += 500) {
          await tx.insert(techItem).values(
            added.slice(i, i + 500).map(({ dependency }) => ({
              projectId,
              name: dependency.name,
              ecosystem: dependency.ecosystem,
              version: dependency.version,
              kind: 'library' as const,
              quadrant: 'languages-frameworks' as const,
              // In use already: the radar starts it in "adopt" until someone moves it.
              ring: 'adopt' as const,
              source,
              updatedBy: ctx.user.id,
            })),
          );
        }
        for (const { current, dependency } of changes.filter((c) => c.change === 'update')) {
          await tx
            .update(techItem)
            .set({ version: dependency.version, source, revision: sql`${techItem.revision} + 1`, updatedAt: now, updatedBy: ctx.user.id })
            .where(and(eq(techItem.id, current!.id), eq(techItem.projectId, projectId)));
        }
        return count(changes);
      });
      return counts;
    }),

  /**
   * Asks the registry (TECH_REGISTRY_URL) for the latest version of the project's npm items. Without
   * a registry it does nothing (`configured: false`); a registry that is down, slow or answers
   * garbage leaves "latest" as last known. Returns the items whose latest version changed.
   */
  checkVersions: projectProcedure('editor').mutation(async ({ ctx }) => {
    const registry = ctx.techRegistry;
    if (!registry) return { configured: false, checked: 0, answered: 0, changed: [] as { id: string; name: string; from: string | null; to: string }[] };
    const projectId = ctx.project.id;
    const npmItems = await ctx.db
      .select({ id: techItem.id, name: techItem.name, latestVersion: techItem.latestVersion })
      .from(techItem)
      .where(and(eq(techItem.projectId, projectId), eq(techItem.ecosystem, 'npm')));
    // Outside any transaction: the registry's time budget must not hold database locks.
    const latest = await latestVersions(
      registry,
      npmItems.map((item) => item.name),
    );
    const changed: { id: string; name: string; from: string | null; to: string }[] = [];
    const now = new Date();
    await ctx.db.transaction(async (tx) => {
      for (const item of npmItems) {
        const answer = latest.get(item.name);
        if (!answer) continue;
        // The item may have been removed or edited meanwhile: touch it only if it is still there.
        const [row] = await tx
          .update(techItem)
          .set({ latestVersion: answer, latestCheckedAt: now })
          .where(and(eq(techItem.id, item.id), eq(techItem.projectId, projectId)))
          .returning({ id: techItem.id });
        if (row && answer !== item.latestVersion) changed.push({ id: item.id, name: item.name, from: item.latestVersion, to: answer });
      }
    });
    return { configured: true, checked: npmItems.length, answered: latest.size, changed };
  }),

  // ---- the workspace ---------------------------------------------------------------------------
  // Read by anyone who reads the workspace's resources (workspace members and members of its
  // projects); the deny list is changed by those who may change them (server/data/workspaceAccess.ts).

  /**
   * Every project's items merged into one blip per technology, with the projects using it; "hold"
   * blips used by a live project first. Also each project's item and alert counts (the portfolio).
   */
  radar: workspaceProcedure('reader').query(async ({ ctx }) => {
    const [{ projects, items }, denied] = await Promise.all([workspaceTechItems(ctx.db, ctx.workspace.id), deniedLicencesOf(ctx.db, ctx.workspace.id)]);
    const alerts = techAlerts(items, todayUtc(), denied);
    const itemProject = new Map(items.map((item) => [item.id, item.projectId]));
    return {
      canEdit: ctx.canEdit,
      blips: mergeRadar(projects, items),
      projects: projects.map((p) => ({
        id: p.id,
        name: p.name,
        archived: p.archivedAt !== null,
        lastReviewedAt: p.lastReviewedAt,
        items: items.filter((item) => item.projectId === p.id).length,
        alerts: alerts.filter((alert) => itemProject.get(alert.itemId) === p.id).length,
      })),
    };
  }),

  /** The licences the workspace does not allow. */
  denyList: workspaceProcedure('reader').query(async ({ ctx }) => ({ licences: await deniedLicencesOf(ctx.db, ctx.workspace.id), canEdit: ctx.canEdit })),

  /** Replaces the deny list (trimmed, one of each whatever the case). */
  setDenyList: workspaceProcedure('editor')
    .input(z.object({ licences: deniedLicenceList }))
    .mutation(async ({ ctx, input }) => {
      const licences = normaliseDenyList(input.licences);
      await ctx.db.transaction((tx) =>
        tx
          .insert(techPolicy)
          .values({ workspaceId: ctx.workspace.id, deniedLicences: licences, updatedBy: ctx.user.id })
          .onConflictDoUpdate({ target: techPolicy.workspaceId, set: { deniedLicences: licences, updatedBy: ctx.user.id, updatedAt: new Date() } }),
      );
      return { licences };
    }),
});
