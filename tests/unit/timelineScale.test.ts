// The roadmap's scale: the span it shows and its week and month marks.
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { scaleTicks, timelineRange } from '@/components/plan/timelineScale';

const day = (d: Date) => format(d, 'yyyy-MM-dd');

describe('timelineRange', () => {
  it('spans a week before the earliest date to three weeks after the latest', () => {
    const range = timelineRange(['2027-01-13', '2027-06-30', '2027-03-01'], 'weeks');
    expect(day(range.first)).toBe('2027-01-06');
    expect(range.days).toBe(7 + 169 + 21);
  });

  it('shows at least two months by week and half a year by month, so an empty plan has room', () => {
    expect(timelineRange(['2026-12-01'], 'weeks').days).toBe(56);
    expect(timelineRange(['2026-12-01'], 'months').days).toBe(182);
    expect(day(timelineRange(['2026-12-01'], 'months').first)).toBe('2026-11-24');
  });
});

describe('scaleTicks', () => {
  it('marks the Mondays inside the range, not the one before it', () => {
    const range = timelineRange(['2026-12-02'], 'weeks'); // first: Wed 25 Nov 2026
    const ticks = scaleTicks(range, 'weeks');
    expect(ticks[0]).toEqual({ date: '2026-11-30', label: '30 Nov' });
    expect(ticks.map((t) => new Date(`${t.date}T00:00:00`).getDay())).toEqual(ticks.map(() => 1));
    expect(ticks.at(-1)!.date <= day(new Date(range.first.getTime() + (range.days - 1) * 86_400_000))).toBe(true);
  });

  it('marks the firsts of months inside the range, a range starting on one included', () => {
    expect(scaleTicks(timelineRange(['2026-12-02'], 'months'), 'months')[0]).toEqual({ date: '2026-12-01', label: 'Dec 2026' });
    expect(scaleTicks(timelineRange(['2027-01-08'], 'months'), 'months')[0]).toEqual({ date: '2027-01-01', label: 'Jan 2027' });
  });
});
