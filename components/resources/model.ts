// What the people page draws, worked out in the browser from one `resources.grid` answer: where an
// allocation's bar sits among the shown weeks, where a dragged edge lands, which projects make up a
// cell, which people a filter keeps. Plain functions (no React, no I/O), tested in tests/components.
import { addDays, addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import type { AllocationView as Allocation, Person, TimeOff } from '@/server/data/resources';
import { formatDay } from '@/server/domain/dates';

/** A calendar date, `yyyy-MM-dd`. */
export type IsoDate = string;
/** An ISO week, `YYYY-Www`. */
export type IsoWeek = string;

export type CompactBand = 'u' | 'h' | 'o';
export type Band = 'under' | 'healthy' | 'over';

// The records as resources.grid and people.list send them (server/data/resources.ts); a type-only
// import, erased from the browser bundle.
export type { TimeOff, Person, AllocationView as Allocation } from '@/server/data/resources';

export interface GridCells {
  personId: string;
  allocated: number[];
  capacity: number[];
  percent: number[];
  band: CompactBand[];
}

/** The answer of `resources.grid` (one array entry per shown week). */
export interface GridData {
  canEdit: boolean;
  settings: { underMaxPercent: number; healthyMaxPercent: number };
  weeks: IsoWeek[];
  weekStarts: IsoDate[];
  projects: { id: string; name: string }[];
  people: Person[];
  allocations: Allocation[];
  cells: GridCells[];
}

/** The grid's zoom: a wide column per week with its numbers, or narrow ones over a year. */
export type Zoom = 'weeks' | 'months';

/** Weeks shown per zoom, and how far Earlier / Later step. */
export const zoomWeeks: Record<Zoom, { weeks: number; step: number }> = { weeks: { weeks: 16, step: 4 }, months: { weeks: 52, step: 13 } };

export const bandNames: Record<CompactBand, Band> = { u: 'under', h: 'healthy', o: 'over' };
export const bandLabels: Record<Band, string> = { under: 'Under', healthy: 'Healthy', over: 'Over' };

export const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The Monday of the week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return iso(startOfISOWeek(parseISO(date)));
}

/** The Sunday that ends the week starting on `monday`. */
export function sundayAfter(monday: IsoDate): IsoDate {
  return iso(addDays(parseISO(monday), 6));
}

/** The Monday `count` weeks after (or before, when negative) the given one. */
export function shiftWeeks(monday: IsoDate, count: number): IsoDate {
  return iso(addWeeks(parseISO(monday), count));
}

/** The ISO week of a date, `2027-W05`. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  return format(parseISO(date), "RRRR-'W'II");
}

/**
 * Index of the shown week a date falls in, counted from the first shown Monday: negative before
 * the shown weeks, `weekStarts.length` or more after them.
 */
export function weekIndexOf(weekStarts: readonly IsoDate[], date: IsoDate): number {
  const first = weekStarts[0];
  if (!first) return 0;
  const days = (Date.parse(`${mondayOf(date)}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  return Math.round(days / 7);
}

/** Where an allocation's bar sits among the shown weeks (clipped), or null when it lies outside them. */
export interface BarSpan {
  /** First and last shown week index the bar covers. */
  start: number;
  end: number;
  /** The allocation starts before / ends after the shown weeks (its edge is not on screen). */
  startsBefore: boolean;
  endsAfter: boolean;
}

export function barSpan(weekStarts: readonly IsoDate[], from: IsoDate, to: IsoDate): BarSpan | null {
  const count = weekStarts.length;
  const start = weekIndexOf(weekStarts, from);
  const end = weekIndexOf(weekStarts, to);
  if (count === 0 || end < 0 || start >= count) return null;
  return { start: Math.max(0, start), end: Math.min(count - 1, end), startsBefore: start < 0, endsAfter: end >= count };
}

export type Edge = 'start' | 'end';

/**
 * The dates of an allocation once one edge is moved to the shown week `index`: a start edge takes
 * that week's Monday, an end edge its Sunday (a whole week counts). An edge never passes the other
 * one: the allocation keeps at least its one week.
 */
export function datesWithEdgeAt(weekStarts: readonly IsoDate[], allocation: Pick<Allocation, 'from' | 'to'>, edge: Edge, index: number): { from: IsoDate; to: IsoDate } {
  const first = weekStarts[0] ?? mondayOf(allocation.from);
  if (edge === 'start') {
    const last = weekIndexOf(weekStarts, allocation.to);
    const monday = shiftWeeks(first, Math.min(index, last));
    return { from: monday, to: allocation.to };
  }
  const firstIndex = weekIndexOf(weekStarts, allocation.from);
  const monday = shiftWeeks(first, Math.max(index, firstIndex));
  return { from: allocation.from, to: sundayAfter(monday) };
}

/** The shown week index an edge is dragged to: its start index plus whole columns moved, kept on screen. */
export function draggedIndex(startIndex: number, deltaPixels: number, columnWidth: number, weekCount: number): number {
  const moved = Math.round(deltaPixels / columnWidth);
  return Math.min(weekCount - 1, Math.max(0, startIndex + moved));
}

/** Hours a week an allocation asks of a person: given in hours, or a share of their weekly hours. */
export function hoursOf(allocation: Pick<Allocation, 'hoursPerWeek' | 'percent'>, person: Pick<Person, 'weeklyHours'> | undefined): number {
  if (allocation.hoursPerWeek !== null) return allocation.hoursPerWeek;
  return ((allocation.percent ?? 0) * (person?.weeklyHours ?? 0)) / 100;
}

export function amountLabel(allocation: Pick<Allocation, 'hoursPerWeek' | 'percent'>): string {
  return allocation.hoursPerWeek !== null ? `${formatHours(allocation.hoursPerWeek)} h/wk` : `${formatHours(allocation.percent ?? 0)}%`;
}

/** The narrowest bar (px) that shows its whole label, and the narrowest that shows a short one. */
export const fullLabelMinWidth = 104;
export const shortLabelMinWidth = 40;

/**
 * What a bar `width` pixels wide shows: its whole label ("36 h/wk · Payments") when there is room,
 * the amount alone and shortened ("36h", "50%") on a one-week bar, nothing on a sliver (the
 * months zoom); the button's accessible name and tooltip always carry the whole of it.
 */
export function barLabel(allocation: Pick<Allocation, 'hoursPerWeek' | 'percent' | 'workstreamName'>, width: number): { text: string; fit: 'full' | 'short' | 'none' } {
  if (width >= fullLabelMinWidth) return { text: `${amountLabel(allocation)}${allocation.workstreamName ? ` · ${allocation.workstreamName}` : ''}`, fit: 'full' };
  if (width >= shortLabelMinWidth) return { text: allocation.hoursPerWeek !== null ? `${formatHours(allocation.hoursPerWeek)}h` : `${formatHours(allocation.percent ?? 0)}%`, fit: 'short' };
  return { text: '', fit: 'none' };
}

export function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1).replace(/\.0$/, '');
}

/** The allocations that touch the week starting `monday` (both ends included). */
export function allocationsInWeek<T extends Pick<Allocation, 'from' | 'to'>>(allocations: readonly T[], monday: IsoDate): T[] {
  const sunday = sundayAfter(monday);
  return allocations.filter((a) => a.from <= sunday && a.to >= monday);
}

/** The time off of a person that touches the week starting `monday`. */
export function timeOffInWeek(person: Pick<Person, 'timeOff'>, monday: IsoDate): TimeOff[] {
  return allocationsInWeek(person.timeOff, monday);
}

export interface GridFilters {
  skill: string;
  projectId: string;
  role: string;
}

export const noFilters: GridFilters = { skill: '', projectId: '', role: '' };

/**
 * The people a filter keeps: with the skill, with the role, and (for a project) with an allocation
 * to that project among `allocations`.
 */
export function filterPeople(people: readonly Person[], allocations: readonly Allocation[], filters: GridFilters): Person[] {
  const onProject = filters.projectId ? new Set(allocations.filter((a) => a.projectId === filters.projectId).map((a) => a.personId)) : null;
  return people.filter(
    (p) =>
      (!filters.skill || p.skills.some((s) => s.toLowerCase() === filters.skill.toLowerCase())) &&
      (!filters.role || p.role === filters.role) &&
      (!onProject || onProject.has(p.id)),
  );
}

/** Every skill and every role among the people, each once, sorted: the filters' choices. */
export function filterChoices(people: readonly Person[]): { skills: string[]; roles: string[] } {
  const skills = new Map<string, string>();
  for (const p of people) for (const s of p.skills) if (!skills.has(s.toLowerCase())) skills.set(s.toLowerCase(), s);
  const roles = new Set(people.map((p) => p.role).filter(Boolean));
  return { skills: [...skills.values()].sort((a, b) => a.localeCompare(b)), roles: [...roles].sort((a, b) => a.localeCompare(b)) };
}

/** Runs of consecutive shown weeks that start in the same month: the month zoom's header. */
export function monthRuns(weekStarts: readonly IsoDate[]): { label: string; span: number }[] {
  const runs: { label: string; span: number }[] = [];
  for (const monday of weekStarts) {
    const label = format(parseISO(monday), 'MMM yyyy');
    const last = runs.at(-1);
    if (last?.label === label) last.span++;
    else runs.push({ label, span: 1 });
  }
  return runs;
}

/** `2027-02-01` -> `1 Feb`: a week column's heading. */
export function shortDay(date: IsoDate): string {
  return format(parseISO(date), 'd MMM');
}

/** What one cell says to a screen reader and in the details line: utilisation, band, time off, projects. */
export function describeCell({
  person,
  week,
  monday,
  allocated,
  capacity,
  percent,
  band,
  projects,
}: {
  person: Pick<Person, 'name' | 'timeOff'>;
  week: IsoWeek;
  monday: IsoDate;
  allocated: number;
  capacity: number;
  percent: number;
  band: Band;
  projects: { name: string; hours: number }[];
}): string {
  const off = timeOffInWeek(person, monday);
  const parts = [`${person.name}, week of ${formatDay(monday)}`];
  if (allocated === 0 && capacity === 0) parts.push('not working');
  else if (allocated === 0) parts.push(`nothing allocated of ${formatHours(capacity)} h`);
  else parts.push(`${percent}%, ${bandLabels[band].toLowerCase()}: ${formatHours(allocated)} of ${formatHours(capacity)} h`);
  if (off.length) parts.push(`time off${off[0]!.reason ? ` (${off[0]!.reason})` : ''}`);
  if (projects.length) parts.push(projects.map((p) => `${p.name} ${formatHours(p.hours)} h`).join(', '));
  return parts.join('; ');
}

/** The words the people page's forms use for the fields the server names in its refusals. */
const fieldWords: Record<string, string> = {
  name: 'Name',
  role: 'Role',
  skills: 'Skills',
  skill: 'Skill',
  weeklyHours: 'Weekly hours',
  workingDays: 'Working days',
  hoursPerWeek: 'Hours a week',
  percent: 'Share of capacity',
  from: 'The first day',
  to: 'The last day',
  reason: 'Reason',
  count: 'People',
  underMaxPercent: 'Under up to',
  healthyMaxPercent: 'Healthy up to',
};

/**
 * A refusal as the person reads it: the server answers bad input with "weeklyHours: must be more
 * than 0 (…)", naming its fields; the forms call them "Weekly hours", so that is what shows. A
 * message that names no field passes unchanged, and anything but an Error reads "That did not work".
 */
export function readableError(error: unknown): string {
  if (!(error instanceof Error)) return 'That did not work. Try again.';
  return error.message
    .split('; ')
    .map((part) => {
      const match = /^([A-Za-z]+(?:\.[A-Za-z0-9]+)*): (.+)$/s.exec(part);
      if (!match) return part;
      const segments = match[1]!.split('.');
      const last = segments[segments.length - 1]!;
      const message = match[2]!.replace('on or after from', 'on or after the first day').replace('than underMaxPercent', 'than Under up to');
      // "skills.2: a skill must be at most 60 characters" already says what it is about.
      if (/^\d+$/.test(last)) return message[0]!.toUpperCase() + message.slice(1);
      const word = fieldWords[last];
      return word ? `${word} ${message}` : part;
    })
    .join('; ');
}
