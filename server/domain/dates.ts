// Calendar dates as Waymark keeps and shows them: ISO `yyyy-MM-dd` in documents and tables, shown as
// `5 Feb 2027`, with years limited to 1900-2999 (a typo such as year 0006 or 3500 is refused, and
// Postgres could not store year 0 at all). Pure functions, shared by the date field, the domain
// schemas and the projections.
import { format, isValid, parse, parseISO } from 'date-fns';
import { z } from 'zod';

/** Today in UTC as `yyyy-MM-dd`: the day due dates, alerts, inbox entries and forecasts count from. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export const minYear = 1900;
export const maxYear = 2999;

/** How every date reads in the app: `5 Feb 2027`. */
export const dayFormat = 'd MMM yyyy';

/** What a person may type into a date field, said once for hints and messages. */
export const typedDateHint = 'Type a date like 5 Feb 2027 or 2027-02-05.';

const yearOutOfRange = `must be a year from ${minYear} to ${maxYear}`;

/** True for a real calendar date `yyyy-MM-dd` whose year is from 1900 to 2999. */
export function isPlanDate(value: string): boolean {
  // Stryker disable next-line Regex,ConditionalExpression: a quick first test only; the round trip below (format(date) === value) refuses anything but yyyy-MM-dd, anchored or not.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = parseISO(value);
  // Stryker disable next-line ConditionalExpression: after the pattern above, parseISO only fails on impossible days (Invalid Date, whose year NaN is out of range): each check alone refuses the same strings.
  if (!isValid(date) || format(date, 'yyyy-MM-dd') !== value) return false;
  const year = date.getFullYear();
  return year >= minYear && year <= maxYear;
}

/** A date as stored in live documents and tables: ISO, and within the sane year range. */
export const planDateSchema = z.iso
  .date('must be a date like 2026-12-31')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= minYear && year <= maxYear;
  }, yearOutOfRange);

/** `2027-02-05` → `5 Feb 2027`; an empty value shows as an empty string. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parseISO(iso);
  return isValid(date) ? format(date, dayFormat) : iso;
}

export type TypedDate = { ok: true; date: string | null } | { ok: false; message: string };

/** The forms a person may type, tried in order (day-month-year only: `02/05` is ambiguous, so refused). */
const typedFormats = ['yyyy-MM-dd', 'd MMM yyyy', 'd MMMM yyyy', 'd MMM, yyyy', 'd MMMM, yyyy'];

/**
 * Reads what a person typed into a date field: `5 Feb 2027`, `5 February 2027` or `2027-02-05`
 * (case and extra spaces do not matter). Empty text is `date: null`. Anything else, an impossible
 * day, or a year outside 1900-2999 comes back with a message to show.
 */
export function parseTypedDate(text: string): TypedDate {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (!typed) return { ok: true, date: null };
  for (const pattern of typedFormats) {
    const date = parse(typed, pattern, new Date(2000, 0, 1));
    if (!isValid(date)) continue;
    // date-fns accepts a year of any length ("27", "20270"): insist on four digits, as shown.
    if (!/(^|\D)\d{4}(\D|$)/.test(typed)) break;
    const year = date.getFullYear();
    if (year < minYear || year > maxYear) return { ok: false, message: `The year ${format(date, "yyyy")} is outside ${minYear}–${maxYear}. ${typedDateHint}` };
    return { ok: true, date: format(date, 'yyyy-MM-dd') };
  }
  return { ok: false, message: `“${typed.slice(0, 40)}” is not a date Waymark can read. ${typedDateHint}` };
}
