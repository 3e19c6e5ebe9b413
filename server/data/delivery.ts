// Reads and writes of a project's delivery data (work items imported from its tracker, the last
// column mapping), and the milestone forecasts the roadmap, portfolio and status drafts show.
// Callers have checked access; every query is scoped by project.
import { and, asc, count, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deliveryItem, deliveryMapping, planItem } from '@/db/schema';
import { deliveryMappingSchema, type DeliveryMapping, type DeliveryRow } from '../domain/deliveryCsv';
import { forecastSample, milestoneScopes, type DeliveryFacts, type PlanItemFacts } from '../domain/deliverySeries';
import { defaultForecastRuns, defaultForecastSeed, milestoneForecasts, type MilestoneForecast } from '../domain/forecast';
import type { IsoDate } from '../domain/isoWeeks';

/** Most work items one project keeps (an import that would pass it is refused). */
export const maxDeliveryItemsPerProject = 200_000;
/** Rows per INSERT: 12 values each stays far below Postgres's 65,535 parameters. */
const rowsPerStatement = 1_000;

/** Today in UTC, as the series and forecasts count weeks. */
export const todayUtc = (): IsoDate => new Date().toISOString().slice(0, 10);

/** The plan's milestones and workstreams, as the series and forecasts need them. */
export function planItemsOf(db: Executor, projectId: string): Promise<PlanItemFacts[]> {
  return db
    .select({ id: planItem.id, kind: planItem.kind, title: planItem.title, endDate: planItem.endDate, milestoneId: planItem.milestoneId })
    .from(planItem)
    .where(eq(planItem.projectId, projectId));
}

/** Every work item of the project, with only what the series read. */
export function deliveryFactsOf(db: Executor, projectId: string): Promise<DeliveryFacts[]> {
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
    .where(eq(deliveryItem.projectId, projectId));
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
 * fields the mapping names, so a file without a title column leaves the titles as they were.
 */
export async function storeDeliveryRows(db: Executor, projectId: string, rows: readonly DeliveryRow[], mapping: DeliveryMapping): Promise<void> {
  const excluded = (column: string) => sql.raw(`excluded."${column}"`);
  const set: Record<string, unknown> = {
    createdAt: excluded('created_at'),
    resolvedAt: excluded('resolved_at'),
    updatedAt: sql`now()`,
  };
  if (mapping.started) set.startedAt = excluded('started_at');
  if (mapping.title) set.title = excluded('title');
  if (mapping.type) set.type = excluded('type');
  if (mapping.estimate) set.estimate = excluded('estimate');
  if (mapping.labels) set.labels = excluded('labels');
  if (mapping.planItem || mapping.planItemRules?.length) set.planItemId = excluded('plan_item_id');
  for (let from = 0; from < rows.length; from += rowsPerStatement) {
    const values = rows.slice(from, from + rowsPerStatement).map(({ line: _line, ...row }) => ({ ...row, projectId }));
    await db.insert(deliveryItem).values(values).onConflictDoUpdate({ target: [deliveryItem.projectId, deliveryItem.key], set });
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
  const [items, plan] = await Promise.all([deliveryFactsOf(db, projectId), planItemsOf(db, projectId)]);
  const sample = forecastSample(items, today);
  return {
    weeksOfHistory: sample.length,
    milestones: milestoneForecasts(milestoneScopes(items, plan), sample, today, options.runs ?? defaultForecastRuns, options.seed ?? defaultForecastSeed),
  };
}
