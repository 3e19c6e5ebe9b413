// The Monte Carlo forecasts: constant throughput gives exact answers, a seed replays a run, no
// history and no throughput are refused with reasons (never a loop), the ten-year cap, "how many by"
// percentiles in the right order, milestone forecasts flagging likely lateness, and the speed of
// 10,000 runs.
import { describe, expect, it } from 'vitest';
import {
  dateAfterWeeks,
  ForecastError,
  itemsDoneWithin,
  maxForecastWeeks,
  milestoneForecasts,
  weeksToFinish,
  whenDone,
} from '@/server/domain/forecast';
import { seededRandom } from '@/server/domain/seededRandom';

const today = '2026-12-03';

/** The ForecastError a call throws (fails the test when it throws nothing or something else). */
function forecastError(call: () => unknown): ForecastError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ForecastError);
    return error as ForecastError;
  }
  throw new Error('expected a ForecastError');
}

describe('forecast: when done', () => {
  it('constant throughput of 5 items/week and 20 remaining gives P50 = P95 = 4 weeks from now', () => {
    const forecast = whenDone(Array(12).fill(5), 20, today, 10_000, 1);
    expect(forecast).toEqual({ p50: '2026-12-31', p85: '2026-12-31', p95: '2026-12-31' });
    expect(forecast.p50).toBe(dateAfterWeeks(today, 4));
  });

  it('21 remaining at 5 a week needs a fifth week; 0 remaining is done today', () => {
    expect(weeksToFinish([5, 5, 5], 21, 1_000, seededRandom(3))).toEqual({ p50: 5, p85: 5, p95: 5 });
    expect(weeksToFinish([5], 0, 1_000, seededRandom(3))).toEqual({ p50: 0, p85: 0, p95: 0 });
  });

  it('varying throughput spreads the dates: P50 <= P85 <= P95, and the same seed gives the same answer', () => {
    const history = [0, 2, 9, 4, 1, 7, 3, 0, 6, 5, 2, 8];
    const first = weeksToFinish(history, 60, 10_000, seededRandom(42));
    expect(first.p50).toBeLessThan(first.p95);
    expect(first.p50).toBeLessThanOrEqual(first.p85);
    expect(first.p85).toBeLessThanOrEqual(first.p95);
    // 60 items at a mean of 3.9 a week: about 15 weeks.
    expect(first.p50).toBeGreaterThanOrEqual(13);
    expect(first.p50).toBeLessThanOrEqual(17);
    expect(weeksToFinish(history, 60, 10_000, seededRandom(42))).toEqual(first);
  });

  it('each past week is drawn alike: four weeks of 10 and one of 1 finish 20 items in 2, 3 and 4 weeks at P50, P85, P95', () => {
    // Done in 2 weeks in 64% of runs, in 3 in 89.6%, in 4 in 97.3%.
    expect(weeksToFinish([10, 10, 10, 10, 1], 20, 10_000, seededRandom(9))).toEqual({ p50: 2, p85: 3, p95: 4 });
  });

  it('no history is refused with a reason, not a date', () => {
    const error = forecastError(() => whenDone([], 10, today));
    expect(error.problem).toBe('noHistory');
    expect(error.message).toMatch(/No delivery history/);
  });

  it('zero throughput in every week is refused at once (no simulation that never ends)', () => {
    const started = performance.now();
    const error = forecastError(() => whenDone([0, 0, 0, 0], 10, today, 100_000));
    expect(error.problem).toBe('noThroughput');
    expect(error.message).toBe('No items were resolved in the last 4 weeks, so no date can be forecast.');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('a pace that needs more than ten years stops at the cap and says so', () => {
    // One item in twelve weeks, 1,000 remaining: about 230 years.
    const started = performance.now();
    const error = forecastError(() => weeksToFinish([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1_000, 1_000, seededRandom(1)));
    expect(error.problem).toBe('tooFar');
    expect(error.message).toMatch(/more than 10 years/);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Just inside the cap is still a date.
    expect(weeksToFinish([1], maxForecastWeeks, 100, seededRandom(1)).p95).toBe(maxForecastWeeks);
  });

  it('10,000 runs take well under a second', () => {
    const history = [3, 5, 2, 8, 0, 4, 6, 1, 7, 5, 3, 4];
    const started = performance.now();
    whenDone(history, 200, today, 10_000, 5);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('forecast: how many by a date', () => {
  it('constant throughput: 4 weeks at 5 a week is 20 at every level', () => {
    expect(itemsDoneWithin([5, 5, 5], 4, 10_000, seededRandom(1))).toEqual({ p50: 20, p85: 20, p95: 20 });
  });

  it('p85 is the count reached in 85 runs of 100: p50 >= p85 >= p95', () => {
    const counts = itemsDoneWithin([0, 2, 9, 4, 1, 7, 3, 0, 6, 5, 2, 8], 10, 10_000, seededRandom(4));
    expect(counts.p50).toBeGreaterThan(counts.p95);
    expect(counts.p50).toBeGreaterThanOrEqual(counts.p85);
    expect(counts.p85).toBeGreaterThanOrEqual(counts.p95);
    // Mean 3.9 a week over 10 weeks.
    expect(counts.p50).toBeGreaterThanOrEqual(35);
    expect(counts.p50).toBeLessThanOrEqual(43);
  });

  it('two weeks of 10 and one of 0, over one week: half the runs or more reach 10, but not 95 in 100', () => {
    expect(itemsDoneWithin([10, 10, 0], 1, 10_000, seededRandom(2))).toEqual({ p50: 10, p85: 0, p95: 0 });
  });

  it('zero weeks is zero; no history and no throughput are refused', () => {
    expect(itemsDoneWithin([4], 0, 100, seededRandom(1))).toEqual({ p50: 0, p85: 0, p95: 0 });
    expect(forecastError(() => itemsDoneWithin([], 3, 100, seededRandom(1))).problem).toBe('noHistory');
    expect(forecastError(() => itemsDoneWithin([0, 0], 3, 100, seededRandom(1))).problem).toBe('noThroughput');
  });
});

describe('forecast: milestones', () => {
  const scope = (planItemId: string, dueDate: string, total: number, resolved: number) => ({ planItemId, title: planItemId, dueDate, total, resolved });

  it('P85 after the milestone date is likely late; on or before it is not; a done milestone has no forecast', () => {
    const [late, onTime, onTheDay, done] = milestoneForecasts(
      [scope('late', '2026-12-24', 30, 10), scope('ok', '2027-02-01', 30, 10), scope('exact', '2026-12-31', 25, 5), scope('done', '2026-11-01', 8, 8)],
      [5, 5, 5],
      today,
    );
    expect(late).toMatchObject({ remaining: 20, forecast: { p85: '2026-12-31' }, likelyLate: true, noForecastReason: null });
    expect(onTime).toMatchObject({ remaining: 20, likelyLate: false });
    expect(onTheDay).toMatchObject({ remaining: 20, forecast: { p85: '2026-12-31' }, likelyLate: false });
    expect(done).toMatchObject({ remaining: 0, forecast: null, likelyLate: false, noForecastReason: null });
  });

  it('without history every open milestone says why there is no forecast; one too far away is likely late', () => {
    const [none] = milestoneForecasts([scope('a', '2027-01-01', 5, 0)], [], today);
    expect(none).toMatchObject({ forecast: null, likelyLate: false, noForecastReason: expect.stringMatching(/No delivery history/) });
    const [tooFar] = milestoneForecasts([scope('b', '2027-01-01', 100_000, 0)], [1, 0, 0, 0], today, 200);
    expect(tooFar).toMatchObject({ forecast: null, likelyLate: true, noForecastReason: expect.stringMatching(/more than 10 years/) });
  });

  it("a milestone's forecast does not depend on the milestones before it", () => {
    const history = [0, 2, 9, 4, 1, 7];
    const alone = milestoneForecasts([scope('m', '2027-03-01', 40, 0)], history, today);
    const second = milestoneForecasts([scope('x', '2027-01-01', 17, 3), scope('m', '2027-03-01', 40, 0)], history, today);
    expect(second[1]!.forecast).toEqual(alone[0]!.forecast);
  });
});

describe('seededRandom', () => {
  it('replays the same mulberry32 sequence from a seed (saved fuzz seeds and forecasts depend on it), each in [0, 1)', () => {
    const two = seededRandom(2);
    expect([two(), two(), two()].map((x) => x * 2 ** 32)).toEqual([3153583793, 1395857638, 1225337227]);
    expect(seededRandom(0)() * 2 ** 32).toBe(1144304738);
    const many = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = many();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
