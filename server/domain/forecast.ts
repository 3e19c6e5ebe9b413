// Monte Carlo delivery forecasts: "when will these N items be done" and "how many will be done by
// a date", sampled from the team's own weekly throughput (items resolved per week), and the
// per-milestone forecast the roadmap and status drafts use. Pure functions with a seeded random
// generator, so the same history and seed always give the same answer.
import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate } from './isoWeeks';
import { seededRandom } from './seededRandom';

/** The three confidence levels every forecast answers: 50, 85 and 95 in 100 runs. */
export interface Percentiles<T> {
  p50: T;
  p85: T;
  p95: T;
}

/** Simulated weeks are capped here (ten years), so a forecast always ends. */
export const maxForecastWeeks = 520;
export const defaultForecastRuns = 10_000;
/** The seed used when none is given: the same history always gives the same forecast. */
export const defaultForecastSeed = 17;

export type ForecastProblem = 'noHistory' | 'noThroughput' | 'tooFar';

/** Why no forecast can be made, in words a person can act on. */
export class ForecastError extends Error {
  constructor(
    readonly problem: ForecastProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ForecastError';
  }
}

export const noHistoryMessage =
  'No delivery history to forecast from: import work items with their resolved dates (delivery.importCsv), and wait for one full week of history.';

function checkSample(weeklyThroughput: readonly number[]) {
  if (weeklyThroughput.length === 0) throw new ForecastError('noHistory', noHistoryMessage);
  if (weeklyThroughput.every((count) => count <= 0)) {
    const weeks = weeklyThroughput.length;
    throw new ForecastError('noThroughput', `No items were resolved in the last ${weeks} week${weeks === 1 ? '' : 's'}, so no date can be forecast.`);
  }
}

/** Nearest-rank position (0-based) of percentile `p` among `runs` sorted outcomes. */
const rankOf = (p: number, runs: number) => Math.max(0, Math.ceil((p / 100) * runs) - 1);

/**
 * Weeks needed to resolve `remaining` items, at 50, 85 and 95 in 100 runs: each run draws a past
 * week's throughput at random for every week until the items are done. Runs are counted by weeks
 * (no sort), so 10,000 runs cost about 10,000 x weeks draws.
 */
export function weeksToFinish(weeklyThroughput: readonly number[], remaining: number, runs: number, random: () => number): Percentiles<number> {
  checkSample(weeklyThroughput);
  if (remaining <= 0) return { p50: 0, p85: 0, p95: 0 };
  const sample = Int32Array.from(weeklyThroughput);
  const size = sample.length;
  // runsEndingIn[w]: runs done after w weeks; the last slot holds the runs that hit the cap.
  const runsEndingIn = new Uint32Array(maxForecastWeeks + 2);
  for (let run = 0; run < runs; run++) {
    let done = 0;
    let weeks = 0;
    while (done < remaining && weeks <= maxForecastWeeks) {
      done += sample[(random() * size) | 0]!;
      weeks++;
    }
    runsEndingIn[done < remaining ? maxForecastWeeks + 1 : weeks]!++;
  }
  const weeksAt = (p: number) => {
    const rank = rankOf(p, runs);
    let seen = 0;
    for (let weeks = 0; weeks < runsEndingIn.length; weeks++) {
      seen += runsEndingIn[weeks]!;
      if (seen > rank) return weeks;
    }
    return maxForecastWeeks + 1;
  };
  const result = { p50: weeksAt(50), p85: weeksAt(85), p95: weeksAt(95) };
  if (result.p95 > maxForecastWeeks) {
    throw new ForecastError('tooFar', `At the pace of the last ${size} week${size === 1 ? '' : 's'}, ${remaining} items would take more than ${maxForecastWeeks / 52} years; no date is forecast.`);
  }
  return result;
}

/**
 * Items resolved within `weeks` weeks, at 50, 85 and 95 in 100 runs: p85 is the count reached in
 * 85 runs out of 100, so p50 >= p85 >= p95.
 */
export function itemsDoneWithin(weeklyThroughput: readonly number[], weeks: number, runs: number, random: () => number): Percentiles<number> {
  checkSample(weeklyThroughput);
  const sample = Int32Array.from(weeklyThroughput);
  const size = sample.length;
  const totals = new Int32Array(runs);
  for (let run = 0; run < runs; run++) {
    let done = 0;
    for (let week = 0; week < weeks; week++) done += sample[(random() * size) | 0]!;
    totals[run] = done;
  }
  // Highest first: the count reached in p of 100 runs is the p-th from the top.
  totals.sort();
  const countAt = (p: number) => totals[runs - 1 - rankOf(p, runs)]!;
  return { p50: countAt(50), p85: countAt(85), p95: countAt(95) };
}

/** The date `weeks` weeks after `today`. */
export function dateAfterWeeks(today: IsoDate, weeks: number): IsoDate {
  return format(addDays(parseISO(today), weeks * 7), 'yyyy-MM-dd');
}

/** When `remaining` items will be done, as dates: see weeksToFinish. */
export function whenDone(weeklyThroughput: readonly number[], remaining: number, today: IsoDate, runs = defaultForecastRuns, seed = defaultForecastSeed): Percentiles<IsoDate> {
  const weeks = weeksToFinish(weeklyThroughput, remaining, runs, seededRandom(seed));
  return { p50: dateAfterWeeks(today, weeks.p50), p85: dateAfterWeeks(today, weeks.p85), p95: dateAfterWeeks(today, weeks.p95) };
}

/** A milestone's work items: all of them (its own and its workstreams') and those resolved. */
export interface MilestoneScope {
  planItemId: string;
  title: string;
  /** The milestone's date on the plan. */
  dueDate: IsoDate;
  total: number;
  resolved: number;
}

export interface MilestoneForecast extends MilestoneScope {
  remaining: number;
  /** When its remaining items will be done; null when they are all done or nothing can be forecast. */
  forecast: Percentiles<IsoDate> | null;
  /** The P85 date is after the milestone's date (or the remaining items are more than ten years away). */
  likelyLate: boolean;
  /** Why there is no forecast for open items (no history, no throughput, too far); null otherwise. */
  noForecastReason: string | null;
}

/**
 * Forecasts every milestone as if the team worked on it alone at its pace of the last weeks (an
 * optimistic reading when milestones run in parallel). Each milestone draws from its own generator
 * with the same seed, so its answer does not depend on the others.
 */
export function milestoneForecasts(
  scopes: readonly MilestoneScope[],
  weeklyThroughput: readonly number[],
  today: IsoDate,
  runs = defaultForecastRuns,
  seed = defaultForecastSeed,
): MilestoneForecast[] {
  return scopes.map((scope) => {
    const remaining = scope.total - scope.resolved;
    if (remaining <= 0) return { ...scope, remaining: 0, forecast: null, likelyLate: false, noForecastReason: null };
    try {
      const forecast = whenDone(weeklyThroughput, remaining, today, runs, seed);
      return { ...scope, remaining, forecast, likelyLate: forecast.p85 > scope.dueDate, noForecastReason: null };
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      return { ...scope, remaining, forecast: null, likelyLate: error.problem === 'tooFar', noForecastReason: error.message };
    }
  });
}
