// The insights page's series from the history the boards already keep: risk exposure by band week
// by week (replayed back from today's RAID log through its change history) and each milestone's
// end date against its reference week by week (from the plan's date history); how sure a delivery
// forecast is of a milestone's date. Pure functions.
import { addDays, formatISO, parseISO } from 'date-fns';
import { slippageDays } from './plan';
import { activeStatuses, riskScore, severityBand, severityBands, type SeverityBand } from './risk';

/** The end of each of the `count` weeks up to the one holding `today` (Sundays, oldest first, as YYYY-MM-DD). */
export function weekEndsUpTo(today: Date, count: number): string[] {
  const isoDay = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  const sunday = addDays(parseISO(formatISO(today, { representation: 'date' })), 7 - isoDay);
  return Array.from({ length: count }, (_, i) => formatISO(addDays(sunday, -7 * (count - 1 - i)), { representation: 'date' }));
}

/** The instant a week-end date closes at (its last millisecond, UTC), so a change that day counts. */
function closeOf(weekEnd: string): number {
  return Date.parse(`${weekEnd}T23:59:59.999Z`);
}

export interface ExposureItem {
  id: string;
  kind: string;
  status: string;
  likelihood: number | null;
  impact: number | null;
  createdAt: Date;
}

export interface ExposureChange {
  itemId: string;
  field: string;
  fromValue: string | null;
  changedAt: Date;
}

export type ExposureWeek = { week: string; total: number } & Record<SeverityBand, number>;

/** Each item's changes, newest first, so a replay back in time undoes them in order. */
function newestFirstByItem<C extends { itemId: string; changedAt: Date }>(changes: readonly C[]): Map<string, C[]> {
  const byItem = new Map<string, C[]>();
  for (const change of changes) {
    const list = byItem.get(change.itemId) ?? [];
    list.push(change);
    byItem.set(change.itemId, list);
  }
  for (const list of byItem.values()) list.sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
  return byItem;
}

/**
 * The summed scores of active risks in each band at the end of each week. Today's items are taken
 * back in time by undoing, newest first, every change made after the week ended; an item counts from
 * its creation. Deleted items have no scores left to replay and are not counted.
 */
export function riskExposureOverTime(items: readonly ExposureItem[], changes: readonly ExposureChange[], weekEnds: readonly string[]): ExposureWeek[] {
  const risks = items.filter((item) => item.kind === 'risk');
  const byItem = newestFirstByItem(changes);
  return weekEnds.map((week) => {
    const close = closeOf(week);
    const row: ExposureWeek = { week, total: 0, critical: 0, high: 0, medium: 0, low: 0 };
    for (const item of risks) {
      const history = byItem.get(item.id) ?? [];
      const created = history.find((c) => c.field === 'created')?.changedAt ?? item.createdAt;
      if (created.getTime() > close) continue;
      const state = { status: item.status, likelihood: item.likelihood, impact: item.impact };
      for (const change of history) {
        if (change.changedAt.getTime() <= close) break;
        if (change.field === 'status') state.status = change.fromValue ?? state.status;
        else if (change.field === 'likelihood') state.likelihood = change.fromValue === null ? null : Number(change.fromValue);
        else if (change.field === 'impact') state.impact = change.fromValue === null ? null : Number(change.fromValue);
      }
      if (!activeStatuses.includes(state.status as (typeof activeStatuses)[number])) continue;
      const score = riskScore(state.likelihood, state.impact);
      const band = severityBand(score);
      if (score === null || band === null) continue;
      row[band] += score;
      row.total += score;
    }
    return row;
  });
}

export const exposureBands = severityBands;

export interface SlippageMilestone {
  id: string;
  title: string;
  end: string;
  /** The date it is measured against (latest baseline, else first planned); null when unknown. */
  reference: string | null;
}

export interface SlippageChange {
  itemId: string;
  field: string;
  fromValue: string | null;
  changedAt: Date;
}

export interface SlippageWeek {
  week: string;
  /** Days behind its reference per milestone id, as planned at the end of the week (absent before it existed). */
  daysBehind: Record<string, number>;
}

/** Each milestone's days behind its reference at the end of each week, from its end-date history. */
export function milestoneSlippageOverTime(milestones: readonly SlippageMilestone[], changes: readonly SlippageChange[], weekEnds: readonly string[]): SlippageWeek[] {
  const byItem = newestFirstByItem(changes);
  return weekEnds.map((week) => {
    const close = closeOf(week);
    const daysBehind: Record<string, number> = {};
    for (const milestone of milestones) {
      if (!milestone.reference) continue;
      const history = byItem.get(milestone.id) ?? [];
      const created = history.find((c) => c.field === 'created');
      if (created && created.changedAt.getTime() > close) continue;
      let end = milestone.end;
      for (const change of history) {
        if (change.changedAt.getTime() <= close) break;
        if (change.field === 'end' && change.fromValue) end = change.fromValue;
      }
      daysBehind[milestone.id] = slippageDays(milestone.reference, end);
    }
    return { week, daysBehind };
  });
}

/**
 * How sure the forecast is of the milestone's date, in the percentiles it gives: the due date is
 * before the P50 date ("under 50%"), between P50 and P85, between P85 and P95, or on or after P95.
 */
export function forecastConfidence(forecast: { p50: string; p85: string; p95: string }, dueDate: string): 'under 50%' | '50-85%' | '85-95%' | 'over 95%' {
  if (dueDate < forecast.p50) return 'under 50%';
  if (dueDate < forecast.p85) return '50-85%';
  if (dueDate < forecast.p95) return '85-95%';
  return 'over 95%';
}
