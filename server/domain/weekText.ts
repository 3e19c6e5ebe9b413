// ISO weeks as a person reads them: by their Monday ("the week of 14 Dec 2026"), never as the
// machine code `2026-W51`, which stays in data, keys and data attributes. Shared by the server's
// sentences (resource problems, under-staffed milestones) and the resources components.
import { addDays, format, parseISO } from 'date-fns';
import { isIsoWeek, mondayOfWeek } from './isoWeeks';

const dayMonth = (monday: string) => format(parseISO(monday), 'd MMM');
const dayMonthYear = (monday: string) => format(parseISO(monday), 'd MMM yyyy');
const yearOf = (monday: string) => monday.slice(0, 4);

/** The Monday of a week given as an ISO week (`2026-W51`) or already as its Monday (`2026-12-14`). */
export function mondayFor(week: string): string {
  return isIsoWeek(week) ? mondayOfWeek(week) : week;
}

/** `14 Dec 2026`: the Monday of a week (an ISO week or its Monday). */
export function weekStartText(week: string): string {
  return dayMonthYear(mondayFor(week));
}

/** `week of 14 Dec 2026`. */
export function weekOfText(week: string): string {
  return `week of ${weekStartText(week)}`;
}

/** Mondays in one sentence, the year said once when they share it: `14 Dec, 21 Dec 2026` or `28 Dec 2026, 4 Jan 2027`. */
function mondayList(mondays: readonly string[]): string[] {
  const oneYear = mondays.every((m) => yearOf(m) === yearOf(mondays[0]!));
  return mondays.map((m, i) => (oneYear && i < mondays.length - 1 ? dayMonth(m) : dayMonthYear(m)));
}

/** `14 Dec – 28 Dec 2026` or `28 Dec 2026 – 4 Jan 2027`: the Mondays of the first and the last week of a run. */
export function weekRangeText(firstWeek: string, lastWeek: string): string {
  const [first, last] = mondayList([mondayFor(firstWeek), mondayFor(lastWeek)]);
  return `${first} – ${last}`;
}

/**
 * Weeks (ISO weeks or Mondays, in order) in words, to follow "in": `the week of 14 Dec 2026`,
 * `the weeks of 14 Dec 2026 – 4 Jan 2027` for a run, `the weeks of 14 Dec, 4 Jan 2027 and 2 more`.
 */
export function describeWeeksText(weeks: readonly string[]): string {
  if (weeks.length === 0) return 'no weeks';
  const mondays = weeks.map(mondayFor);
  if (mondays.length === 1) return `the week of ${dayMonthYear(mondays[0]!)}`;
  const consecutive = mondays.every((m, i) => i === 0 || m === format(addDays(parseISO(mondays[i - 1]!), 7), 'yyyy-MM-dd'));
  if (consecutive) return `the weeks of ${weekRangeText(mondays[0]!, mondays.at(-1)!)}`;
  if (mondays.length <= 3) {
    const listed = mondayList(mondays);
    return `the weeks of ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  }
  return `the weeks of ${mondayList(mondays.slice(0, 2)).join(', ')} and ${mondays.length - 2} more`;
}
