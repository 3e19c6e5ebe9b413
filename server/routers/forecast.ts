// Delivery forecasts (docs/api.md, "Forecasts"): when a number of items will be done, how many will
// be done by a date, and each milestone's forecast with whether it is likely late. Monte Carlo runs
// over the project's resolved items per week (the last 12 complete weeks, or fewer), seeded, so the
// same history gives the same answer.
import { TRPCError } from '@trpc/server';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';
import { deliveryTimesOf, projectMilestoneForecasts } from '../data/delivery';
import { todayUtc } from '../domain/dates';
import { planDateSchema } from '../domain/dates';
import { forecastSample } from '../domain/deliverySeries';
import { defaultForecastRuns, defaultForecastSeed, ForecastError, itemsDoneWithin, maxForecastWeeks, whenDone } from '../domain/forecast';
import { seededRandom } from '../domain/seededRandom';
import { createTRPCRouter, projectProcedure } from '../trpc';

const runsInput = z.number().int().min(100, 'must be at least 100').max(100_000, 'must be at most 100000').default(defaultForecastRuns);
const seedInput = z.number().int().min(0).max(4_294_967_295).default(defaultForecastSeed);

/** A forecast that cannot be made (no history, nothing resolved, too far) is a PRECONDITION_FAILED with the reason. */
function explainForecast<T>(forecast: () => T): T {
  try {
    return forecast();
  } catch (error) {
    if (error instanceof ForecastError) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message, cause: error });
    throw error;
  }
}

export const forecastRouter = createTRPCRouter({
  /** When `remaining` items will be done: dates at 50, 85 and 95 in 100 runs. */
  whenDone: projectProcedure('viewer')
    .input(z.object({ remaining: z.number().int().min(0).max(1_000_000), runs: runsInput, seed: seedInput }))
    .query(async ({ ctx, input }) => {
      const today = todayUtc();
      const sample = forecastSample(await deliveryTimesOf(ctx.db, ctx.project.id), today);
      return explainForecast(() => whenDone(sample, input.remaining, today, input.runs, input.seed));
    }),

  /** How many items will be done by `by` (whole weeks from today): counts reached in 50, 85 and 95 runs of 100. */
  howMany: projectProcedure('viewer')
    .input(z.object({ by: planDateSchema, runs: runsInput, seed: seedInput }))
    .query(async ({ ctx, input }) => {
      const today = todayUtc();
      const days = differenceInCalendarDays(parseISO(input.by), parseISO(today));
      if (days < 0) throw new TRPCError({ code: 'BAD_REQUEST', message: `by: must be today (${today}) or later` });
      const weeks = Math.floor(days / 7);
      if (weeks > maxForecastWeeks) throw new TRPCError({ code: 'BAD_REQUEST', message: `by: must be within ${maxForecastWeeks / 52} years` });
      const sample = forecastSample(await deliveryTimesOf(ctx.db, ctx.project.id), today);
      return explainForecast(() => itemsDoneWithin(sample, weeks, input.runs, seededRandom(input.seed)));
    }),

  /**
   * Every milestone of the plan with its work items (its own and its workstreams') and, while some
   * are open, when they will be done and whether the P85 date is after the milestone's date.
   */
  milestones: projectProcedure('viewer')
    .input(z.object({ runs: runsInput, seed: seedInput }))
    .query(({ ctx, input }) => projectMilestoneForecasts(ctx.db, ctx.project.id, { runs: input.runs, seed: input.seed })),
});
