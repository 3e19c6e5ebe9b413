// The roadmap's scale: which days the timeline spans (every item, its baseline and today, with a
// margin, and never less than a useful minimum) and where its week or month marks go.
import { addDays, differenceInCalendarDays, eachMonthOfInterval, eachWeekOfInterval, format, max as maxDate, min as minDate, parseISO } from 'date-fns';

export type Zoom = 'weeks' | 'months';

/** The least the timeline shows (about two months by week, half a year by month), so a new plan has room. */
const minimumDays: Record<Zoom, number> = { weeks: 56, months: 182 };

export interface TimelineRange {
  first: Date;
  days: number;
}

/** From a week before the earliest of `dates` (ISO days) to three weeks after the latest. */
export function timelineRange(dates: string[], zoom: Zoom): TimelineRange {
  const days = dates.map((d) => parseISO(d));
  const first = addDays(minDate(days), -7);
  const last = addDays(maxDate(days), 21);
  return { first, days: Math.max(differenceInCalendarDays(last, first) + 1, minimumDays[zoom]) };
}

/** Week (Monday) or month marks inside the range; a week or month begun before it would sit under the labels. */
export function scaleTicks(range: TimelineRange, zoom: Zoom): { date: string; label: string }[] {
  const interval = { start: range.first, end: addDays(range.first, range.days - 1) };
  const starts = zoom === 'weeks' ? eachWeekOfInterval(interval, { weekStartsOn: 1 }) : eachMonthOfInterval(interval);
  return starts
    .filter((d) => d >= range.first)
    .map((d) => ({ date: format(d, 'yyyy-MM-dd'), label: format(d, zoom === 'weeks' ? 'd MMM' : 'MMM yyyy') }));
}
