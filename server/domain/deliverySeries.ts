// The delivery series the insights page, the forecasts and the roadmap draw: throughput per week,
// cycle times, burn-up per milestone and the weekly sample a forecast draws from. Pure functions;
// each reads the items once and buckets them by week (day numbers, no Date per item and week), so
// 20,000 items cost one pass, not items x weeks.
import { dayNumber, weekdayOfDayNumber, weeksFrom, type IsoDate, type IsoWeek } from './isoWeeks';

const msPerDay = 86_400_000;

/** What every series but the cycle times needs of a work item: its dates and where it belongs. */
export interface DeliveryTimes {
  createdAt: Date;
  startedAt: Date | null;
  resolvedAt: Date | null;
  planItemId: string | null;
}

/** What the cycle times also show of an item (read only for the items resolved in their window). */
export interface DeliveryFacts extends DeliveryTimes {
  key: string;
  title: string;
  type: string;
}

/** What the series need of a plan item: milestones, and workstreams with the milestone they lead to. */
export interface PlanItemFacts {
  id: string;
  kind: string;
  title: string;
  endDate: IsoDate;
  milestoneId: string | null;
}

export interface WeekBucket {
  week: IsoWeek;
  /** The Monday that starts it. */
  weekStart: IsoDate;
}

/** The UTC day number of a moment (days since 1970-01-01). */
const dayOf = (moment: Date) => Math.floor(moment.getTime() / msPerDay);

/** The day number of the Monday of the week `day` falls in. */
const mondayOfDay = (day: number) => day - (weekdayOfDayNumber(day) - 1);

/** The last `weeks` weeks, the current one (holding `today`) last; and the day its first Monday is. */
function windowOf(today: IsoDate, weeks: number): { buckets: WeekBucket[]; firstMonday: number } {
  const firstMonday = mondayOfDay(dayNumber(today)) - 7 * (weeks - 1);
  const spans = weeksFrom(new Date(firstMonday * msPerDay).toISOString().slice(0, 10), weeks);
  return { buckets: spans.map((span) => ({ week: span.week, weekStart: span.monday })), firstMonday };
}

export interface ThroughputWeek extends WeekBucket {
  resolved: number;
  /** The current week, still under way. */
  partial: boolean;
}

/** Items resolved in each of the last `weeks` weeks, the current (partial) week last. */
export function weeklyThroughput(items: readonly DeliveryTimes[], today: IsoDate, weeks: number): ThroughputWeek[] {
  const { buckets, firstMonday } = windowOf(today, weeks);
  const counts = new Int32Array(weeks);
  for (const item of items) {
    if (!item.resolvedAt) continue;
    const index = Math.floor((dayOf(item.resolvedAt) - firstMonday) / 7);
    if (index >= 0 && index < weeks) counts[index]!++;
  }
  return buckets.map((bucket, index) => ({ ...bucket, resolved: counts[index]!, partial: index === weeks - 1 }));
}

/**
 * Items resolved in each complete week before the current one, oldest first: the last `maxWeeks`
 * weeks, or fewer when the history (from the week the first item was created) is shorter. Empty
 * when there is not one complete week of history.
 */
export function forecastSample(items: readonly DeliveryTimes[], today: IsoDate, maxWeeks = 12): number[] {
  if (items.length === 0) return [];
  let firstDay = Infinity;
  for (const item of items) firstDay = Math.min(firstDay, dayOf(item.createdAt));
  const currentMonday = mondayOfDay(dayNumber(today));
  const completeWeeks = Math.floor((currentMonday - mondayOfDay(firstDay)) / 7);
  const weeks = Math.max(0, Math.min(maxWeeks, completeWeeks));
  const counts = new Array<number>(weeks).fill(0);
  const firstMonday = currentMonday - 7 * weeks;
  for (const item of items) {
    if (!item.resolvedAt) continue;
    const index = Math.floor((dayOf(item.resolvedAt) - firstMonday) / 7);
    if (index >= 0 && index < weeks) counts[index]!++;
  }
  return counts;
}

/** The first moment of the cycle times' window (its first Monday, UTC): items resolved before it are not charted. */
export const cycleTimesWindowStart = (today: IsoDate, weeks: number): Date => new Date(windowOf(today, weeks).firstMonday * msPerDay);

export interface CycleTimePoint {
  key: string;
  title: string;
  type: string;
  resolvedOn: IsoDate;
  /** Days from started (or created, when the item has no start) to resolved, to one decimal. */
  days: number;
  from: 'started' | 'created';
}

export interface CycleTimes {
  points: CycleTimePoint[];
  /** Nearest-rank percentiles of `days`; null when no item was resolved in the window. */
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

/** Cycle time of every item resolved in the last `weeks` weeks (the current one included), oldest first. */
export function cycleTimes(items: readonly DeliveryFacts[], today: IsoDate, weeks: number): CycleTimes {
  const { firstMonday } = windowOf(today, weeks);
  const windowEnd = firstMonday + 7 * weeks;
  const resolvedItems: DeliveryFacts[] = [];
  for (const item of items) {
    if (!item.resolvedAt) continue;
    const resolvedDay = dayOf(item.resolvedAt);
    if (resolvedDay >= firstMonday && resolvedDay < windowEnd) resolvedItems.push(item);
  }
  resolvedItems.sort((a, b) => a.resolvedAt!.getTime() - b.resolvedAt!.getTime());
  // One date string per day, not per item.
  const dayNames = new Map<number, IsoDate>();
  const nameOf = (day: number) => dayNames.get(day) ?? dayNames.set(day, new Date(day * msPerDay).toISOString().slice(0, 10)).get(day)!;
  const points = resolvedItems.map((item): CycleTimePoint => {
    const start = item.startedAt ?? item.createdAt;
    return {
      key: item.key,
      title: item.title,
      type: item.type,
      resolvedOn: nameOf(dayOf(item.resolvedAt!)),
      days: Math.round((item.resolvedAt!.getTime() - start.getTime()) / (msPerDay / 10)) / 10,
      from: item.startedAt ? 'started' : 'created',
    };
  });
  const days = Float64Array.from(points, (point) => point.days).sort();
  const at = (p: number) => (days.length ? days[Math.max(0, Math.ceil((p / 100) * days.length) - 1)]! : null);
  return { points, p50: at(50), p85: at(85), p95: at(95) };
}

/** The milestone each plan item counts towards: a milestone itself, a workstream its milestone. */
function milestoneByPlanItem(plan: readonly PlanItemFacts[]): Map<string, string> {
  const milestones = new Set(plan.filter((item) => item.kind === 'milestone').map((item) => item.id));
  const byItem = new Map<string, string>();
  for (const item of plan) {
    if (milestones.has(item.id)) byItem.set(item.id, item.id);
    else if (item.milestoneId && milestones.has(item.milestoneId)) byItem.set(item.id, item.milestoneId);
  }
  return byItem;
}

export interface BurnUpPoint extends WeekBucket {
  /** Items created by the end of the week (the scope as known then). */
  total: number;
  /** Items resolved by the end of the week. */
  done: number;
}

export interface BurnUpSeries {
  /** null for the whole project. */
  planItemId: string | null;
  title: string;
  /** The milestone's date; null for the whole project. */
  dueDate: IsoDate | null;
  points: BurnUpPoint[];
}

/**
 * Burn-up over the last `weeks` weeks: the whole project first, then each milestone with items
 * (its own and its workstreams'), by date. Items from before the window count from its first week.
 */
export function burnUp(items: readonly DeliveryTimes[], plan: readonly PlanItemFacts[], today: IsoDate, weeks: number, projectTitle = 'Whole project'): BurnUpSeries[] {
  const { buckets, firstMonday } = windowOf(today, weeks);
  const milestoneOf = milestoneByPlanItem(plan);
  const milestones = plan.filter((item) => item.kind === 'milestone').sort((a, b) => a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title));
  // Row 0 is the whole project; row i + 1 the i-th milestone. Counts per week, summed up below.
  const rowOf = new Map(milestones.map((milestone, index) => [milestone.id, index + 1]));
  const created = milestones.map(() => new Int32Array(weeks));
  const resolved = milestones.map(() => new Int32Array(weeks));
  created.unshift(new Int32Array(weeks));
  resolved.unshift(new Int32Array(weeks));
  const weekIndex = (moment: Date) => Math.max(0, Math.floor((dayOf(moment) - firstMonday) / 7));
  for (const item of items) {
    const milestone = item.planItemId ? milestoneOf.get(item.planItemId) : undefined;
    const createdIn = weekIndex(item.createdAt);
    const resolvedIn = item.resolvedAt ? weekIndex(item.resolvedAt) : weeks;
    const countIn = (row: number) => {
      if (createdIn < weeks) created[row]![createdIn]!++;
      if (resolvedIn < weeks) resolved[row]![resolvedIn]!++;
    };
    countIn(0);
    if (milestone !== undefined) countIn(rowOf.get(milestone)!);
  }
  const series = (row: number, planItemId: string | null, title: string, dueDate: IsoDate | null): BurnUpSeries => {
    let total = 0;
    let done = 0;
    const points = buckets.map((bucket, index) => {
      total += created[row]![index]!;
      done += resolved[row]![index]!;
      return { ...bucket, total, done };
    });
    return { planItemId, title, dueDate, points };
  };
  const result = [series(0, null, projectTitle, null)];
  milestones.forEach((milestone, index) => {
    const row = series(index + 1, milestone.id, milestone.title, milestone.endDate);
    if (row.points[weeks - 1]!.total > 0) result.push(row);
  });
  return result;
}

/** Every milestone with its items (its own and its workstreams') counted: all and resolved. */
export function milestoneScopes(items: readonly DeliveryTimes[], plan: readonly PlanItemFacts[]) {
  const milestoneOf = milestoneByPlanItem(plan);
  const counts = new Map<string, { total: number; resolved: number }>();
  for (const item of items) {
    const milestone = item.planItemId ? milestoneOf.get(item.planItemId) : undefined;
    if (milestone === undefined) continue;
    const count = counts.get(milestone) ?? { total: 0, resolved: 0 };
    count.total++;
    if (item.resolvedAt) count.resolved++;
    counts.set(milestone, count);
  }
  return plan
    .filter((item) => item.kind === 'milestone')
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title))
    .map((milestone) => ({ planItemId: milestone.id, title: milestone.title, dueDate: milestone.endDate, ...(counts.get(milestone.id) ?? { total: 0, resolved: 0 }) }));
}
