// ISO weeks as the resources pages count them: `2027-W05`, Monday to Sunday, the week belonging to
// the year of its Thursday. Names and parsing go through date-fns; the per-cell arithmetic of the
// grid (200 people x 52 weeks) works on day numbers, plain integers, so it allocates no Dates.
import { addDays, addWeeks, format, getISODay, isValid, parse, parseISO, startOfISOWeek } from 'date-fns';
import { z } from 'zod';

/** A calendar date `yyyy-MM-dd`. */
export type IsoDate = string;
/** An ISO week `YYYY-Www`, e.g. `2027-W05`. */
export type IsoWeek = string;

const weekPattern = /^(\d{4})-W(\d{2})$/;
const msPerDay = 86_400_000;

/** The ISO week a date falls in: `2027-01-01` (a Friday) is `2026-W53`. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  return format(parseISO(date), "RRRR-'W'II");
}

/** True for an ISO week that exists (`2026-W53` does, `2027-W53` does not). */
export function isIsoWeek(value: string): boolean {
  const match = weekPattern.exec(value);
  // Stryker disable next-line ConditionalExpression: a cheap early refusal; the round trip below refuses the same strings
  if (!match) return false;
  const monday = parse(value, "RRRR-'W'II", new Date(2000, 0, 1));
  // date-fns rolls week 53 of a 52-week year over into the next year: the round trip refuses it.
  return isValid(monday) && format(monday, "RRRR-'W'II") === value;
}

export const isoWeekSchema = z.string().max(8).refine(isIsoWeek, 'must be an ISO week like 2027-W05');

/** The Monday that starts an ISO week. */
export function mondayOfWeek(week: IsoWeek): IsoDate {
  if (!isIsoWeek(week)) throw new RangeError(`Not an ISO week: ${week}`);
  return format(parse(week, "RRRR-'W'II", new Date(2000, 0, 1)), 'yyyy-MM-dd');
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');
}

/** The seven days of a week, Monday first. */
export function daysOfWeek(week: IsoWeek): IsoDate[] {
  const monday = parseISO(mondayOfWeek(week));
  return Array.from({ length: 7 }, (_, index) => format(addDays(monday, index), 'yyyy-MM-dd'));
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return getISODay(parseISO(date));
}

export interface WeekSpan {
  week: IsoWeek;
  /** The Monday, `yyyy-MM-dd`. */
  monday: IsoDate;
  /** Day number of the Monday (see dayNumber). */
  mondayDay: number;
}

/** `count` consecutive weeks, the first being the week `from` falls in. */
export function weeksFrom(from: IsoDate, count: number): WeekSpan[] {
  const first = startOfISOWeek(parseISO(from));
  return Array.from({ length: Math.max(0, count) }, (_, index) => {
    const monday = addWeeks(first, index);
    const iso = format(monday, 'yyyy-MM-dd');
    return { week: format(monday, "RRRR-'W'II"), monday: iso, mondayDay: dayNumber(iso) };
  });
}

/**
 * Days since 1970-01-01 of a date `yyyy-MM-dd`, read as a calendar date (no time zone): day
 * numbers subtract and compare as integers, which is all the utilisation sums need.
 */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day number: day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
