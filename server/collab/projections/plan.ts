// Projection of the live plan: plan_item rows diffed against the document (each date change is
// recorded in plan_date_change with its author, the slippage history), and the smaller tables
// (dependencies, baselines, charter, goals, stakeholders, RACI) rewritten when they differ.
// Idempotent: a second run on the same document changes nothing.
// One bad value never blocks the rest: text is made storable on read, an entry (item, dependency,
// baseline, goal, stakeholder, RACI cell) whose id cannot be a key is left out and reported, a
// baseline's frozen dates keep only real dates, and when a write still fails the run is redone with
// one savepoint per item and per table, skipping (and reporting) only what the database refuses.
import { and, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { planBaseline, planCharter, planDateChange, planDependency, planGoal, planItem, planRaci, planStakeholder } from '@/db/schema';
import { goalProgress, powerInterestQuadrant } from '../../domain/planCharter';
import { isPlanDate } from '../../domain/dates';
import type { FieldTransition } from '../attribution';
import { storableValue } from '../../domain/storableText';
import type { ProjectionInput } from '../boards/types';
import { issueReason, unstorableId, type ProjectionIssue, type ProjectionReport } from './issues';
import { readBaselines, readCharter, readDependencies, readGoals, readPlanItems, readRaci, readStakeholders } from '../boards/planDocument';
import { restoredItems } from './restoredItems';
import { bumpPublicRevision } from '../../data/status';
import { notifyStatusChanged } from '../../status/statusEvents';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The date fields whose every change is kept. */
const datedFields = [
  ['start', 'startDate'],
  ['end', 'endDate'],
] as const;

/** JSON with object keys sorted at every level (jsonb does not keep the order they were written in). */
function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Rewrites a project's rows of a small table when they differ from what the document says; true when it did. */
async function replaceRows<T extends PgTable & { projectId: unknown }>(
  tx: Tx,
  table: T,
  projectId: string,
  rows: Record<string, unknown>[],
  key: (row: Record<string, unknown>) => string,
): Promise<boolean> {
  const projectColumn = (table as unknown as { projectId: Parameters<typeof eq>[0] }).projectId;
  const existing = (await tx.select().from(table as PgTable).where(eq(projectColumn, projectId))) as Record<string, unknown>[];
  const canonical = (list: Record<string, unknown>[]) => [...list].sort((a, b) => key(a).localeCompare(key(b))).map(stableJson).join('\n');
  const wanted = rows.map((r) => ({ ...r, projectId }));
  if (canonical(existing) === canonical(wanted)) return false;
  await tx.delete(table as PgTable).where(eq(projectColumn, projectId));
  if (wanted.length) await tx.insert(table as PgTable).values(wanted as never);
  return true;
}

/**
 * The moves of one date since the last projection, each with its author, when they chain exactly
 * from the projected value to the document's (otherwise null: one net change is recorded).
 */
function datedMoves(transitions: readonly FieldTransition[], from: string, to: string): { from: string; to: string; actorId: string | null }[] | null {
  const moves = transitions.filter((t) => t.from !== t.to);
  if (moves.length < 2 || !moves.every((m) => typeof m.from === 'string' && typeof m.to === 'string' && isPlanDate(m.to))) return null;
  if (moves[0]!.from !== from || moves.at(-1)!.to !== to) return null;
  if (moves.some((m, i) => i > 0 && m.from !== moves[i - 1]!.to)) return null;
  return moves as { from: string; to: string; actorId: string | null }[];
}

/** A baseline's frozen dates, keeping only entries whose start and end are real dates. */
function frozenDates(dates: unknown): Record<string, { start: string; end: string }> {
  if (!dates || typeof dates !== 'object' || Array.isArray(dates)) return {};
  const kept: Record<string, { start: string; end: string }> = {};
  for (const [id, value] of Object.entries(dates as Record<string, unknown>)) {
    const { start, end } = (value ?? {}) as { start?: unknown; end?: unknown };
    if (typeof start === 'string' && typeof end === 'string' && isPlanDate(start) && isPlanDate(end)) kept[id] = { start, end };
  }
  return storableValue(kept);
}

export async function projectPlanBoard(input: ProjectionInput): Promise<ProjectionReport> {
  try {
    return await projectPlan(input, false);
  } catch {
    // Some row was refused: redo the run piece by piece, so only that piece is left out.
    return projectPlan(input, true);
  }
}

async function projectPlan({ db, projectId, doc, authors, fallbackActorId, now }: ProjectionInput, oneByOne: boolean): Promise<ProjectionReport> {
  const skipped: ProjectionIssue[] = [];
  /** The entries whose ids can be keys as written; the others are reported and left out. */
  const withStorableIds = <T>(entries: T[], idsOf: (entry: T) => string[], titleOf: (entry: T) => string): T[] =>
    entries.filter((entry) => {
      const idProblem = idsOf(entry).map(unstorableId).find(Boolean);
      if (idProblem) skipped.push({ itemId: idsOf(entry).join(':'), title: titleOf(entry), reason: `its id ${idProblem}` });
      return !idProblem;
    });
  const items = storableValue(withStorableIds(readPlanItems(doc), (i) => [i.id], (i) => i.title));
  const itemIds = new Set(items.map((i) => i.id));
  const dependencies = storableValue(withStorableIds(readDependencies(doc), (d) => [d.id], () => 'a dependency').filter((d) => itemIds.has(d.fromId) && itemIds.has(d.toId)));
  const baselines = withStorableIds(readBaselines(doc), (b) => [b.id], (b) => b.name).map((b) => ({
    ...storableValue({ id: b.id, name: b.name, savedBy: b.savedBy }),
    savedAt: Number.isNaN(Date.parse(b.savedAt)) ? new Date(0) : new Date(b.savedAt),
    dates: frozenDates(b.dates),
  }));
  const charter = storableValue(readCharter(doc));
  const goals = storableValue(withStorableIds(readGoals(doc), (g) => [g.id], (g) => g.title));
  const stakeholders = storableValue(withStorableIds(readStakeholders(doc), (s) => [s.id], (s) => s.name));
  const raci = storableValue(withStorableIds(readRaci(doc), (r) => [r.subjectId, r.stakeholderId], (r) => `RACI ${r.role}`));
  const createdAtOf = new Map<string, string>();
  doc.getMap<unknown>('items').forEach((value, id) => {
    const created = (value as { get?: (k: string) => unknown }).get?.('createdAt');
    if (typeof created === 'string' && !Number.isNaN(Date.parse(created))) createdAtOf.set(id, created);
  });

  /** Whether this run wrote anything: the public page's cache key then moves with the commit. */
  let wrote = false;
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(planItem).where(eq(planItem.projectId, projectId));
    const before = new Map(existing.map((row) => [row.id, row]));
    const changes: (typeof planDateChange.$inferInsert)[] = [];
    const actorFor = (itemId: string, field: string) => {
      const actor = authors.actorFor(itemId, field);
      return actor === undefined ? fallbackActorId : actor;
    };

    const restored = await restoredItems(tx, planDateChange, projectId, items.filter((item) => !before.has(item.id)).map((item) => item.id));

    for (const item of items) {
      const previous = before.get(item.id);
      before.delete(item.id);
      const row = {
        projectId,
        id: item.id,
        kind: item.kind,
        title: item.title,
        description: item.description,
        ownerId: item.ownerId,
        status: item.status,
        startDate: item.start,
        endDate: item.end,
        progress: item.progress,
        milestoneId: item.milestoneId,
      };
      if (previous) {
        const same = (Object.keys(row) as (keyof typeof row)[]).every((k) => previous[k] === row[k]);
        if (same) continue;
        for (const [field, column] of datedFields) {
          if (previous[column] === row[column]) continue;
          const moves = datedMoves(authors.transitionsOf(item.id, field), previous[column], row[column]);
          if (moves) {
            for (const move of moves) {
              changes.push({ projectId, itemId: item.id, itemTitle: item.title, field, fromValue: move.from, toValue: move.to, actorId: move.actorId ?? fallbackActorId, changedAt: now });
            }
          } else {
            changes.push({ projectId, itemId: item.id, itemTitle: item.title, field, fromValue: previous[column], toValue: row[column], actorId: actorFor(item.id, field), changedAt: now });
          }
        }
      } else if (!restored.has(item.id)) {
        changes.push({ projectId, itemId: item.id, itemTitle: item.title, field: 'created', fromValue: null, toValue: item.end, actorId: actorFor(item.id, '*'), changedAt: now });
      }
      const createdAt = previous?.createdAt ?? (createdAtOf.has(item.id) ? new Date(createdAtOf.get(item.id)!) : now);
      const write = (writer: Tx) =>
        writer
          .insert(planItem)
          .values({ ...row, createdAt, updatedAt: now })
          .onConflictDoUpdate({ target: [planItem.projectId, planItem.id], set: { ...row, updatedAt: now } });
      if (!oneByOne) await write(tx);
      else if (!(await inSavepoint(tx, item.id, item.title, write))) {
        // Its date changes go with it: they are recorded once its row can be written.
        for (let i = changes.length - 1; i >= 0; i--) if (changes[i]!.itemId === item.id) changes.splice(i, 1);
        continue;
      }
      wrote = true;
    }

    const removed = [...before.values()];
    if (removed.length) {
      wrote = true;
      await tx.delete(planItem).where(and(eq(planItem.projectId, projectId), inArray(planItem.id, removed.map((r) => r.id))));
      for (const row of removed) {
        changes.push({ projectId, itemId: row.id, itemTitle: row.title, field: 'deleted', fromValue: row.endDate, toValue: null, actorId: actorFor(row.id, '*'), changedAt: now });
      }
    }
    if (changes.length) await tx.insert(planDateChange).values(changes);

    /** `write` answers whether it changed anything. */
    const piece = async (name: string, write: (writer: Tx) => Promise<boolean>) => {
      let changed = false;
      if (!oneByOne) changed = await write(tx);
      else await inSavepoint(tx, name, name, async (w) => (changed = await write(w)));
      if (changed) wrote = true;
    };
    await piece('dependencies', (w) => replaceRows(w, planDependency, projectId, dependencies.map((d) => ({ id: d.id, fromId: d.fromId, toId: d.toId })), (r) => String(r.id)));
    await piece('baselines', (w) => replaceRows(w, planBaseline, projectId, baselines, (r) => String(r.id)));
    await piece('goals', (w) => replaceRows(w, planGoal, projectId, goals.map((g) => ({ ...g, progress: goalProgress(g) })), (r) => String(r.id)));
    await piece('stakeholders', (w) =>
      replaceRows(
        w,
        planStakeholder,
        projectId,
        stakeholders.map((s) => ({ ...s, quadrant: powerInterestQuadrant(s.influence, s.interest) })),
        (r) => String(r.id),
      ),
    );
    await piece('raci', (w) => replaceRows(w, planRaci, projectId, raci.map((r) => ({ ...r })), (r) => `${r.subjectId}:${r.stakeholderId}`));

    await piece('charter', async (w) => {
      const [charterRow] = await w.select().from(planCharter).where(eq(planCharter.projectId, projectId));
      const charterChanged =
        !charterRow ||
        charterRow.vision !== charter.vision ||
        JSON.stringify(charterRow.scope) !== JSON.stringify(charter.scope) ||
        JSON.stringify(charterRow.nonGoals) !== JSON.stringify(charter.nonGoals);
      if (charterChanged) {
        await w
          .insert(planCharter)
          .values({ projectId, ...charter, updatedAt: now })
          .onConflictDoUpdate({ target: planCharter.projectId, set: { ...charter, updatedAt: now } });
      }
      return charterChanged;
    });
    if (wrote) await bumpPublicRevision(tx, projectId);
  });
  if (wrote) notifyStatusChanged(projectId);
  return { skipped };

  /** Runs one write in a savepoint; when the database refuses it, reports it and goes on. */
  async function inSavepoint(tx: Tx, itemId: string, title: string, write: (writer: Tx) => Promise<unknown>): Promise<boolean> {
    try {
      await tx.transaction(async (savepoint) => {
        await write(savepoint);
      });
      return true;
    } catch (error) {
      skipped.push({ itemId, title, reason: issueReason(error) });
      return false;
    }
  }
}
