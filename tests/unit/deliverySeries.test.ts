// The insights series: throughput per week (the current week partial and last), the forecast's
// sample of complete weeks (12 at most, fewer for a young project), cycle times with their
// percentiles, burn-up per milestone with workstreams rolling up, milestone scopes, and one pass
// over 20,000 items fast enough for the insights page.
import { describe, expect, it } from 'vitest';
import { burnUp, cycleTimes, forecastSample, milestoneScopes, weeklyThroughput, type DeliveryFacts, type PlanItemFacts } from '@/server/domain/deliverySeries';

// A Thursday; its week starts on Monday 2026-11-30.
const today = '2026-12-03';
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
let serial = 0;
function item(created: string, resolved: string | null = null, fields: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return { key: `K-${++serial}`, title: '', type: 'Story', createdAt: at(created), startedAt: null, resolvedAt: resolved ? at(resolved) : null, planItemId: null, ...fields };
}

describe('weeklyThroughput', () => {
  it('counts resolved items per ISO week, Monday to Sunday in UTC, the current week last and partial', () => {
    const items = [
      item('2026-11-01', '2026-11-16T00:00:00Z'), // Monday 00:00: week of 16 Nov
      item('2026-11-01', '2026-11-22T23:59:59Z'), // Sunday 23:59: still week of 16 Nov
      item('2026-11-01', '2026-11-23T00:00:00Z'), // next Monday: week of 23 Nov
      item('2026-11-01', '2026-12-03'), // today
      item('2026-11-01', '2026-11-08'), // before the window
      item('2026-11-01'), // open
    ];
    expect(weeklyThroughput(items, today, 3)).toEqual([
      { week: '2026-W47', weekStart: '2026-11-16', resolved: 2, partial: false },
      { week: '2026-W48', weekStart: '2026-11-23', resolved: 1, partial: false },
      { week: '2026-W49', weekStart: '2026-11-30', resolved: 1, partial: true },
    ]);
  });

  it('crosses a year end with ISO week names', () => {
    const weeks = weeklyThroughput([item('2026-12-01', '2027-01-01')], '2027-01-05', 2);
    expect(weeks.map((week) => [week.week, week.weekStart, week.resolved])).toEqual([
      ['2026-W53', '2026-12-28', 1],
      ['2027-W01', '2027-01-04', 0],
    ]);
  });
});

describe('forecastSample', () => {
  it('takes the last 12 complete weeks, never the current one', () => {
    const items = [item('2026-01-05', '2026-11-25'), item('2026-01-05', '2026-12-01'), item('2026-01-05', '2026-09-07'), item('2026-01-05', '2026-09-06')];
    const sample = forecastSample(items, today);
    expect(sample).toHaveLength(12);
    // 12 weeks back from Monday 30 Nov starts Monday 7 Sep: 6 Sep is outside, 7 Sep the first week; 25 Nov the last.
    expect(sample).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('has fewer weeks when the first item was created less than 12 weeks ago, and none before a full week', () => {
    expect(forecastSample([item('2026-11-18', '2026-11-20'), item('2026-11-19')], today)).toEqual([1, 0]);
    expect(forecastSample([item('2026-11-30', '2026-12-01')], today)).toEqual([]);
    expect(forecastSample([], today)).toEqual([]);
  });
});

describe('cycleTimes', () => {
  it('measures from started, or from created without a start, to one decimal; percentiles by nearest rank', () => {
    const items = [
      item('2026-11-01', '2026-11-20T12:00:00Z', { key: 'A', startedAt: at('2026-11-18T00:00:00Z') }),
      item('2026-11-10T12:00:00Z', '2026-11-11T00:00:00Z', { key: 'B' }),
      item('2026-11-01', '2026-12-02', { key: 'C', startedAt: at('2026-11-22') }),
      item('2026-10-01', '2026-11-01', { key: 'old' }),
      item('2026-11-01', null, { key: 'open' }),
    ];
    const times = cycleTimes(items, today, 4);
    expect(times.points.map((point) => [point.key, point.days, point.from, point.resolvedOn])).toEqual([
      ['B', 0.5, 'created', '2026-11-11'],
      ['A', 2.5, 'started', '2026-11-20'],
      ['C', 10, 'started', '2026-12-02'],
    ]);
    expect([times.p50, times.p85, times.p95]).toEqual([2.5, 10, 10]);
  });

  it('has no percentiles without items in the window', () => {
    expect(cycleTimes([item('2026-01-01', '2026-02-01')], today, 4)).toEqual({ points: [], p50: null, p85: null, p95: null });
  });
});

const plan: PlanItemFacts[] = [
  { id: 'launch', kind: 'milestone', title: 'Launch', endDate: '2027-01-15', milestoneId: null },
  { id: 'beta', kind: 'milestone', title: 'Beta', endDate: '2026-12-20', milestoneId: null },
  { id: 'empty', kind: 'milestone', title: 'Nothing yet', endDate: '2027-03-01', milestoneId: null },
  { id: 'search', kind: 'workstream', title: 'Search', endDate: '2026-12-10', milestoneId: 'beta' },
  { id: 'loose', kind: 'workstream', title: 'Loose', endDate: '2026-12-10', milestoneId: null },
];

describe('burnUp', () => {
  it('the whole project, then each milestone with items by date; workstream items count towards their milestone', () => {
    const items = [
      item('2026-10-01', '2026-11-18', { planItemId: 'beta' }), // created before the window
      item('2026-11-17', null, { planItemId: 'search' }),
      item('2026-11-24', '2026-12-01', { planItemId: 'launch' }),
      item('2026-11-24', null, { planItemId: 'loose' }),
      item('2026-12-02', null, { planItemId: 'gone' }), // a plan item since deleted: the whole project only
    ];
    const series = burnUp(items, plan, today, 3, 'Apollo');
    expect(series.map((row) => [row.planItemId, row.title, row.dueDate])).toEqual([
      [null, 'Apollo', null],
      ['beta', 'Beta', '2026-12-20'],
      ['launch', 'Launch', '2027-01-15'],
    ]);
    const points = (index: number) => series[index]!.points.map((point) => [point.weekStart, point.total, point.done]);
    expect(points(0)).toEqual([['2026-11-16', 2, 1], ['2026-11-23', 4, 1], ['2026-11-30', 5, 2]]);
    expect(points(1)).toEqual([['2026-11-16', 2, 1], ['2026-11-23', 2, 1], ['2026-11-30', 2, 1]]);
    expect(points(2)).toEqual([['2026-11-16', 0, 0], ['2026-11-23', 1, 0], ['2026-11-30', 1, 1]]);
  });
});

describe('milestoneScopes', () => {
  it('counts every milestone (by date) with its own and its workstreams items, resolved apart', () => {
    const items = [item('2026-11-01', '2026-11-02', { planItemId: 'beta' }), item('2026-11-01', null, { planItemId: 'search' }), item('2026-11-01', null, { planItemId: 'loose' }), item('2026-11-01')];
    expect(milestoneScopes(items, plan)).toEqual([
      { planItemId: 'beta', title: 'Beta', dueDate: '2026-12-20', total: 2, resolved: 1 },
      { planItemId: 'launch', title: 'Launch', dueDate: '2027-01-15', total: 0, resolved: 0 },
      { planItemId: 'empty', title: 'Nothing yet', dueDate: '2027-03-01', total: 0, resolved: 0 },
    ]);
  });
});

describe('speed', () => {
  const milestones: PlanItemFacts[] = Array.from({ length: 50 }, (_, index) => ({ id: `m${index}`, kind: 'milestone', title: `M${index}`, endDate: '2027-06-01', milestoneId: null }));
  const itemsOf = (count: number) =>
    Array.from({ length: count }, (_, index) => {
      const created = new Date(Date.UTC(2025, 0, 1) + (index % 600) * 86_400_000);
      return { key: `K-${index}`, title: 'x', type: 'Story', createdAt: created, startedAt: null, resolvedAt: index % 3 ? new Date(created.getTime() + 5 * 86_400_000) : null, planItemId: `m${index % 50}` };
    });
  /** The best of three runs of every series over `items`, in ms (the machine is shared: the best run is the cost). */
  const allSeries = (items: DeliveryFacts[]) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      weeklyThroughput(items, '2026-08-20', 104);
      cycleTimes(items, '2026-08-20', 104);
      burnUp(items, milestones, '2026-08-20', 104);
      milestoneScopes(items, milestones);
      forecastSample(items, '2026-08-20');
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };

  it('20,000 items and 50 milestones over two years: every series well under half a second, and ten times the items costs about ten times as much (no quadratic work)', () => {
    const small = allSeries(itemsOf(2_000));
    const large = allSeries(itemsOf(20_000));
    expect(large).toBeLessThan(500);
    // Linear work is ~10x (a fixed cost per week makes it less); items x items would be ~100x.
    expect(large / Math.max(small, 1)).toBeLessThan(40);
  });
});
