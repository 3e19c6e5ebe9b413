// Reads of the tech inventory, shared by the tech router, the public status page and the demo
// seed: a project's items (with whether each moved or arrived since the radar's last review), its
// review marker, a workspace's deny list and every project's items for the workspace radar.
// Callers have checked access; every query is scoped by project or workspace.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { project, techItem, techPolicy, techReview, techRingChange, user } from '@/db/schema';

export type TechItemRow = typeof techItem.$inferSelect;

export interface TechItemView extends Omit<TechItemRow, 'projectId' | 'updatedBy'> {
  /** The owner's name when the owner is a member (`ownerId`); `ownerName` is the free-text owner. */
  ownerMemberName: string | null;
  /** Its ring changed after the radar's last review (always false before a first review). */
  movedSinceReview: boolean;
  /** Added after the radar's last review (always false before a first review). */
  addedSinceReview: boolean;
}

export interface TechReviewState {
  lastReviewedAt: Date | null;
  lastReviewedByName: string | null;
}

export async function techReviewOf(db: Executor, projectId: string): Promise<TechReviewState> {
  const [row] = await db
    .select({ lastReviewedAt: techReview.lastReviewedAt, name: user.name })
    .from(techReview)
    .leftJoin(user, eq(user.id, techReview.lastReviewedBy))
    .where(eq(techReview.projectId, projectId));
  return { lastReviewedAt: row?.lastReviewedAt ?? null, lastReviewedByName: row?.name ?? null };
}

/** Whether an item moved or arrived since `lastReviewedAt`. */
export function sinceReview(item: Pick<TechItemRow, 'ringChangedAt' | 'createdAt'>, lastReviewedAt: Date | null) {
  if (!lastReviewedAt) return { movedSinceReview: false, addedSinceReview: false };
  return {
    movedSinceReview: item.ringChangedAt !== null && item.ringChangedAt > lastReviewedAt,
    addedSinceReview: item.createdAt > lastReviewedAt,
  };
}

/** A project's items, by name (case aside), then ecosystem. */
export async function loadTechItems(db: Executor, projectId: string): Promise<TechItemView[]> {
  const [rows, review] = await Promise.all([
    db
      .select({ item: techItem, ownerMemberName: user.name })
      .from(techItem)
      .leftJoin(user, eq(user.id, techItem.ownerId))
      .where(eq(techItem.projectId, projectId))
      .orderBy(sql`lower(${techItem.name})`, asc(techItem.name), sql`${techItem.ecosystem} nulls first`, asc(techItem.id)),
    techReviewOf(db, projectId),
  ]);
  return rows.map(({ item: { projectId: _projectId, updatedBy: _updatedBy, ...item }, ownerMemberName }) => ({
    ...item,
    ownerMemberName,
    ...sinceReview(item, review.lastReviewedAt),
  }));
}

/** One item of a project, or undefined (another project's item is not found either). */
export async function findTechItem(db: Executor, projectId: string, id: string): Promise<TechItemRow | undefined> {
  const [row] = await db
    .select()
    .from(techItem)
    .where(and(eq(techItem.projectId, projectId), eq(techItem.id, id)))
    .limit(1);
  return row;
}

/** The licences a workspace does not allow ([] when none were set). */
export async function deniedLicencesOf(db: Executor, workspaceId: string): Promise<string[]> {
  const [row] = await db.select({ denied: techPolicy.deniedLicences }).from(techPolicy).where(eq(techPolicy.workspaceId, workspaceId));
  return row?.denied ?? [];
}

/** An item's ring changes, newest first, with who made them. */
export async function ringHistoryOf(db: Executor, projectId: string, itemId: string) {
  return db
    .select({
      id: techRingChange.id,
      fromRing: techRingChange.fromRing,
      toRing: techRingChange.toRing,
      reason: techRingChange.reason,
      changedAt: techRingChange.changedAt,
      changedById: techRingChange.changedBy,
      changedByName: user.name,
    })
    .from(techRingChange)
    .leftJoin(user, eq(user.id, techRingChange.changedBy))
    .where(and(eq(techRingChange.projectId, projectId), eq(techRingChange.itemId, itemId)))
    .orderBy(desc(techRingChange.id));
}

/** Every item of every project of a workspace (archived ones included, marked), with the project's review. */
export async function workspaceTechItems(db: Executor, workspaceId: string) {
  const projects = await db
    .select({ id: project.id, name: project.name, archivedAt: project.archivedAt, lastReviewedAt: techReview.lastReviewedAt })
    .from(project)
    .leftJoin(techReview, eq(techReview.projectId, project.id))
    .where(eq(project.workspaceId, workspaceId))
    .orderBy(asc(project.name), asc(project.id));
  if (projects.length === 0) return { projects, items: [] };
  const items = await db
    .select()
    .from(techItem)
    .where(
      inArray(
        techItem.projectId,
        projects.map((p) => p.id),
      ),
    )
    .orderBy(sql`lower(${techItem.name})`, asc(techItem.id));
  return { projects, items };
}
