// Reads and writes of a project's delivery data (work items imported from its tracker, the last
// column mapping), and the milestone forecasts the roadmap, portfolio and status drafts show.
// Callers have checked access; every query is scoped by project.
import { and, asc, count, eq, getTableColumns, gt, gte, sql, type AnyColumn } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deliveryItem, deliveryMapping, planItem } from '@/db/schema';
import { deliveryMappingSchema, type DeliveryMapping, type DeliveryRow } from '../domain/deliveryCsv';
import { forecastSample, milestoneScopes, type DeliveryFacts, type DeliveryTimes, type PlanItemFacts } from '../domain/deliverySeries';
import { defaultForecastRuns, defaultForecastSeed, milestoneForecasts, type MilestoneForecast } from '../domain/forecast';
import { todayUtc } from '../domain/dates';
import type { IsoDate } from '../domain/isoWeeks';

/** Most work items one project keeps (an import that would pass it is refused). */
export const maxDeliveryItemsPerProject = 200_000;
/** Rows per INSERT (one JSON parameter each). */
const rowsPerStatement = 5_000;

/** The plan's milestones and workstreams, as the series and forecasts need them. */
export function planItemsOf(db: Executor, projectId: string): Promise<PlanItemFacts[]> {
  return db
    .select({ id: planItem.id, kind: planItem.kind, title: planItem.title, endDate: planItem.endDate, milestoneId: planItem.milestoneId })
    .from(planItem)
    .where(eq(planItem.projectId, projectId));
}

/**
 * A timestamp as epoch milliseconds, a float8 (which the drivers hand over as a number). Rounded:
 * float8 seconds times 1000 can land a hair under a whole millisecond; the dates Waymark stores
 * are whole milliseconds (from JavaScript Dates), so they come back exact.
 */
const epochMs = (column: AnyColumn) => sql<number | null>`round(date_part('epoch', ${column}) * 1000)`.mapWith(Number);

/**
 * Every work item of the project with its dates and plan item: what the throughput, burn-up and
 * forecasts count. The dates travel as numbers and the titles stay behind: at 20,000 items, rows
 * with three timestamps parsed from text and their titles were the largest share of the server's
 * CPU per delivery.summary (docs/benchmarks.md, "Insights page"). (Postgres building one JSON
 * array instead cost it about as much as it saved the server.)
 */
export async function deliveryTimesOf(db: Executor, projectId: string): Promise<DeliveryTimes[]> {
  const rows = await db
    .select({ created: epochMs(deliveryItem.createdAt), started: epochMs(deliveryItem.startedAt), resolved: epochMs(deliveryItem.resolvedAt), planItemId: deliveryItem.planItemId })
    .from(deliveryItem)
    .where(eq(deliveryItem.projectId, projectId));
  return rows.map((row) => ({
    createdAt: new Date(row.created!),
    startedAt: row.started === null ? null : new Date(row.started),
    resolvedAt: row.resolved === null ? null : new Date(row.resolved),
    planItemId: row.planItemId,
  }));
}

/** The work items resolved at or after `since`, with what the cycle times show of them. */
export function deliveryFactsResolvedSince(db: Executor, projectId: string, since: Date): Promise<DeliveryFacts[]> {
  return db
    .select({
      key: deliveryItem.key,
      title: deliveryItem.title,
      type: deliveryItem.type,
      createdAt: deliveryItem.createdAt,
      startedAt: deliveryItem.startedAt,
      resolvedAt: deliveryItem.resolvedAt,
      planItemId: deliveryItem.planItemId,
    })
    .from(deliveryItem)
    .where(and(eq(deliveryItem.projectId, projectId), gte(deliveryItem.resolvedAt, since)));
}

/** The keys the project already has: rows with these keys update, others create. */
export async function deliveryKeysOf(db: Executor, projectId: string): Promise<Set<string>> {
  const rows = await db.select({ key: deliveryItem.key }).from(deliveryItem).where(eq(deliveryItem.projectId, projectId));
  return new Set(rows.map((row) => row.key));
}

export async function deliveryItemCount(db: Executor, projectId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(deliveryItem).where(eq(deliveryItem.projectId, projectId));
  return row?.n ?? 0;
}

/**
 * Adds rows with new keys and updates those whose key the project has. An update changes only the
 * fields the mapping names, so a file without a title column leaves the titles as they were. Each
 * batch goes as one JSON parameter read by jsonb_to_recordset: building a statement of 12,000
 * parameters cost far more than Postgres's work (20,000 rows: 6.3 s that way on a busy machine).
 */
export async function storeDeliveryRows(db: Executor, projectId: string, rows: readonly DeliveryRow[], mapping: DeliveryMapping): Promise<void> {
  const updated = ['created_at', 'resolved_at'];
  if (mapping.started) updated.push('started_at');
  if (mapping.title) updated.push('title');
  if (mapping.type) updated.push('type');
  if (mapping.estimate) updated.push('estimate');
  if (mapping.labels) updated.push('labels');
  if (mapping.planItem || mapping.planItemRules?.length) updated.push('plan_item_id');
  // Column names from the list above only, never from the input.
  const set = sql.raw([...updated.map((column) => `"${column}" = excluded."${column}"`), '"updated_at" = now()'].join(', '));
  for (let from = 0; from < rows.length; from += rowsPerStatement) {
    const batch = JSON.stringify(
      rows.slice(from, from + rowsPerStatement).map((row) => ({
        key: row.key,
        title: row.title,
        type: row.type,
        estimate: row.estimate,
        labels: row.labels,
        created_at: row.createdAt.toISOString(),
        started_at: row.startedAt?.toISOString() ?? null,
        resolved_at: row.resolvedAt?.toISOString() ?? null,
        plan_item_id: row.planItemId,
      })),
    );
    await db.execute(sql`
      insert into delivery_item (project_id, key, title, type, estimate, labels, created_at, started_at, resolved_at, plan_item_id)
      select ${projectId}::uuid, r.key, r.title, r.type, r.estimate, r.labels, r.created_at, r.started_at, r.resolved_at, r.plan_item_id
      from jsonb_to_recordset(${batch}::jsonb) as r(key text, title text, type text, estimate double precision, labels jsonb, created_at timestamptz, started_at timestamptz, resolved_at timestamptz, plan_item_id text)
      on conflict (project_id, key) do update set ${set}`);
  }
}

/** The mapping of the project's last import, or null before its first. */
export async function lastDeliveryMapping(db: Executor, projectId: string): Promise<DeliveryMapping | null> {
  const [row] = await db.select({ mapping: deliveryMapping.mapping }).from(deliveryMapping).where(eq(deliveryMapping.projectId, projectId));
  const checked = row && deliveryMappingSchema.safeParse(row.mapping);
  return checked?.success ? checked.data : null;
}

export async function rememberDeliveryMapping(db: Executor, projectId: string, mapping: DeliveryMapping, userId: string): Promise<void> {
  const now = new Date();
  await db
    .insert(deliveryMapping)
    .values({ projectId, mapping, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: deliveryMapping.projectId, set: { mapping, updatedBy: userId, updatedAt: now } });
}

export type DeliveryItemView = Omit<typeof deliveryItem.$inferSelect, 'projectId'>;

/** A page of the project's items in key order, after `after` (a key), optionally of one plan item. */
export async function deliveryItemsPage(db: Executor, projectId: string, options: { after?: string; limit: number; planItemId?: string }): Promise<DeliveryItemView[]> {
  const { projectId: _projectId, ...columns } = getTableColumns(deliveryItem);
  return db
    .select(columns)
    .from(deliveryItem)
    .where(
      and(
        eq(deliveryItem.projectId, projectId),
        options.after === undefined ? undefined : gt(deliveryItem.key, options.after),
        options.planItemId === undefined ? undefined : eq(deliveryItem.planItemId, options.planItemId),
      ),
    )
    .orderBy(asc(deliveryItem.key))
    .limit(options.limit);
}

export interface ProjectMilestoneForecasts {
  /** Complete weeks of history the forecasts drew from (at most 12). */
  weeksOfHistory: number;
  milestones: MilestoneForecast[];
}

/** Every milestone of the project with its items counted and its remaining items forecast. */
export async function projectMilestoneForecasts(
  db: Executor,
  projectId: string,
  options: { today?: IsoDate; runs?: number; seed?: number } = {},
): Promise<ProjectMilestoneForecasts> {
  const today = options.today ?? todayUtc();
  const [items, plan] = await Promise.all([deliveryTimesOf(db, projectId), planItemsOf(db, projectId)]);
  const sample = forecastSample(items, today);
  return {
    weeksOfHistory: sample.length,
    milestones: milestoneForecasts(milestoneScopes(items, plan), sample, today, options.runs ?? defaultForecastRuns, options.seed ?? defaultForecastSeed),
  };
}
