// Shared reads and writes of stakeholder communication: a project's settings (with defaults), the
// health of many projects at once, the revision that keys the public page's cache, and a page's data.
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { planBaseline, planDateChange, planItem, project, raidItem, statusSettings, statusUpdate, techItem } from '@/db/schema';
import { daysBehind, scheduleReferences, type ScheduleReference } from '../domain/milestoneSchedule';
import type { MilestoneStatus } from '../domain/plan';
import { communicationStatus, type Cadence, type Health, type PrivateItem } from '../domain/status';

export type StatusSettingsRow = typeof statusSettings.$inferSelect;

export async function statusSettingsOf(db: Executor, projectId: string) {
  const [row] = await db.select().from(statusSettings).where(eq(statusSettings.projectId, projectId));
  const cadence: Cadence | null = row?.cadenceDays ? { everyDays: row.cadenceDays, weekday: row.cadenceWeekday } : null;
  return {
    cadence,
    cadenceSetAt: row?.updatedAt ?? new Date(),
    publicEnabled: row?.publicEnabled ?? false,
    publicSlug: row?.publicSlug ?? null,
  };
}

/** Creates the settings row when missing and bumps its revision; call inside the writing transaction. */
export async function touchStatusSettings(db: Executor, projectId: string, changes: Partial<typeof statusSettings.$inferInsert> = {}) {
  const [row] = await db
    .insert(statusSettings)
    .values({ projectId, ...changes, revision: 1 })
    .onConflictDoUpdate({
      target: statusSettings.projectId,
      set: { ...changes, revision: sql`${statusSettings.revision} + 1`, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export interface ProjectHealth {
  health: Health;
  healthReason: string;
  publishedAt: Date;
}

/** The latest published update's health of each project (projects without one are absent). */
export async function latestHealthOf(db: Executor, projectIds: string[]): Promise<Map<string, ProjectHealth>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([statusUpdate.projectId], {
      projectId: statusUpdate.projectId,
      health: statusUpdate.health,
      healthReason: statusUpdate.healthReason,
      publishedAt: statusUpdate.publishedAt,
    })
    .from(statusUpdate)
    .where(and(inArray(statusUpdate.projectId, projectIds), isNotNull(statusUpdate.publishedAt)))
    .orderBy(statusUpdate.projectId, desc(statusUpdate.publishedAt));
  return new Map(rows.map((r) => [r.projectId, { health: r.health, healthReason: r.healthReason, publishedAt: r.publishedAt! }]));
}

/** Health and whether an update is overdue, for the project list and the project page. */
export async function communicationOf(db: Executor, projectIds: string[], now = new Date()) {
  const [health, settings] = await Promise.all([
    latestHealthOf(db, projectIds),
    projectIds.length ? db.select().from(statusSettings).where(inArray(statusSettings.projectId, projectIds)) : [],
  ]);
  const result = new Map<string, { health: ProjectHealth | null; cadence: Cadence | null; dueOn: string | null; overdue: boolean; daysOverdue: number }>();
  for (const id of projectIds) {
    const s = settings.find((r) => r.projectId === id);
    const cadence = s?.cadenceDays ? { everyDays: s.cadenceDays, weekday: s.cadenceWeekday } : null;
    const latest = health.get(id) ?? null;
    result.set(id, { health: latest, cadence, ...communicationStatus(cadence, latest?.publishedAt ?? null, s?.updatedAt ?? now, now) });
  }
  return result;
}

/**
 * Bumps the project's public revision without touching anything else: called in the same
 * transaction as every write the public page may show that is not a settings change (the boards'
 * projections, a project rename). A counter, not the newest change time, because a delete leaves
 * the newest time alone and an instance whose clock lags writes an older one.
 */
export async function bumpPublicRevision(db: Executor, projectId: string) {
  await db
    .insert(statusSettings)
    .values({ projectId, revision: 1 })
    .onConflictDoUpdate({ target: statusSettings.projectId, set: { revision: sql`${statusSettings.revision} + 1` } });
}

/** The project's public revision (0 before anything was written). */
export async function publicRevisionOf(db: Executor, projectId: string): Promise<number> {
  const [row] = await db.select({ revision: statusSettings.revision }).from(statusSettings).where(eq(statusSettings.projectId, projectId));
  return row?.revision ?? 0;
}

/**
 * What decides whether a cached public page is still right: the project's public revision, bumped
 * by publishes, corrections, settings, renames, every projection write (risks, plan items,
 * milestones, baselines, goals, stakeholders) and every tech.* write touching a public tech item.
 * Null when the page is off.
 */
export async function publicPageKey(db: Executor, slug: string) {
  const [row] = await db
    .select({ projectId: statusSettings.projectId, revision: statusSettings.revision })
    .from(statusSettings)
    .where(and(eq(statusSettings.publicSlug, slug), eq(statusSettings.publicEnabled, true)));
  return row ?? null;
}

/**
 * What each milestone's slippage is measured against (server/domain/milestoneSchedule.ts): the
 * latest baseline, or the date it was first planned for. Shared by the public table and the draft.
 */
export async function milestoneReferencesOf(db: Executor, projectId: string, milestoneIds: string[]): Promise<Map<string, ScheduleReference>> {
  if (!milestoneIds.length) return new Map();
  const [[baseline], created] = await Promise.all([
    db
      .select({ name: planBaseline.name, dates: planBaseline.dates })
      .from(planBaseline)
      .where(eq(planBaseline.projectId, projectId))
      .orderBy(desc(planBaseline.savedAt))
      .limit(1),
    db
      .select({ itemId: planDateChange.itemId, toValue: planDateChange.toValue })
      .from(planDateChange)
      .where(and(eq(planDateChange.projectId, projectId), eq(planDateChange.field, 'created'), inArray(planDateChange.itemId, milestoneIds)))
      .orderBy(asc(planDateChange.id)),
  ]);
  const firstPlanned = new Map<string, string>();
  for (const c of created) if (c.toValue && !firstPlanned.has(c.itemId)) firstPlanned.set(c.itemId, c.toValue);
  return scheduleReferences(milestoneIds, baseline ?? null, firstPlanned);
}

/**
 * The public page shows milestones (title, date, state) and risks marked public; everything else
 * (workstreams, other risks) is private. A public update that names one of these asks first.
 */
export async function privateItemsOf(db: Executor, projectId: string): Promise<PrivateItem[]> {
  const [risks, planItems] = await Promise.all([
    db.select({ title: raidItem.title }).from(raidItem).where(and(eq(raidItem.projectId, projectId), eq(raidItem.isPublic, false))),
    db.select({ title: planItem.title }).from(planItem).where(and(eq(planItem.projectId, projectId), ne(planItem.kind, 'milestone'))),
  ]);
  return [...risks.map((r) => ({ kind: 'risk' as const, title: r.title })), ...planItems.map((p) => ({ kind: 'plan item' as const, title: p.title }))];
}

/** Everything a public page may show, and nothing more: no owners, descriptions, private items (risks, tech items) or internal updates. */
export async function publicPageData(db: Executor, projectId: string) {
  const [proj] = await db.select({ name: project.name }).from(project).where(eq(project.id, projectId));
  const updates = await db
    .select({
      id: statusUpdate.id,
      health: statusUpdate.health,
      healthReason: statusUpdate.healthReason,
      summary: statusUpdate.summary,
      highlights: statusUpdate.highlights,
      lowlights: statusUpdate.lowlights,
      asks: statusUpdate.asks,
      nextSteps: statusUpdate.nextSteps,
      publishedAt: statusUpdate.publishedAt,
      editedAt: statusUpdate.editedAt,
    })
    .from(statusUpdate)
    .where(and(eq(statusUpdate.projectId, projectId), isNotNull(statusUpdate.publishedAt), eq(statusUpdate.audience, 'public')))
    .orderBy(desc(statusUpdate.publishedAt))
    .limit(200);
  const risks = await db
    .select({ id: raidItem.id, title: raidItem.title, kind: raidItem.kind, band: raidItem.band, score: raidItem.score, status: raidItem.status })
    .from(raidItem)
    .where(and(eq(raidItem.projectId, projectId), eq(raidItem.isPublic, true)))
    .orderBy(sql`${raidItem.score} desc nulls last`, raidItem.title);
  // Milestones: title, date and state only (never owners or descriptions), with slippage against
  // the same reference the drafted update uses (the latest baseline, else the first planned date).
  const milestoneRows = await db
    .select({ id: planItem.id, title: planItem.title, status: planItem.status, date: planItem.endDate })
    .from(planItem)
    .where(and(eq(planItem.projectId, projectId), eq(planItem.kind, 'milestone')))
    .orderBy(planItem.endDate, planItem.title);
  const references = await milestoneReferencesOf(
    db,
    projectId,
    milestoneRows.map((m) => m.id),
  );
  const milestones = milestoneRows.map((m) => {
    const reference = references.get(m.id) ?? null;
    return { ...m, status: m.status as MilestoneStatus, slippedDays: daysBehind(m.date, reference ?? undefined), reference };
  });
  // Technology: only items marked public, and of them only the name, the plain-language note and the
  // end of life (never versions, owners, licences, costs or fit notes).
  const technology = await db
    .select({ name: techItem.name, note: techItem.stakeholderNote, eolDate: techItem.eolDate })
    .from(techItem)
    .where(and(eq(techItem.projectId, projectId), eq(techItem.isPublic, true)))
    .orderBy(sql`lower(${techItem.name})`, techItem.name, techItem.id);
  return {
    // Stryker disable next-line OptionalChaining,StringLiteral: unreachable but for a project deleted between reading the page key and this line (its settings row, which the key comes from, is deleted with it); the page 404s on the next request either way.
    name: proj?.name ?? '',
    updates: updates.map((u) => ({ ...u, publishedAt: u.publishedAt! })),
    risks,
    milestones,
    technology,
  };
}
export type PublicPageData = Awaited<ReturnType<typeof publicPageData>>;
