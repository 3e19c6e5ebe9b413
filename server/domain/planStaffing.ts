// Who works on each workstream of a project's plan, and whether that is enough: the people
// allocated to it with their hours, the weeks one of them is over-allocated (across every project)
// and their leave while on it, and the milestones whose workstreams are under-staffed. Plain
// functions over what the resources procedures read (allocations with their current dates, the
// weeks a person is over, the weeks a staffing need is short); no I/O.
import { addDays, format, parseISO } from 'date-fns';
import { describeWeeksText } from './weekText';

/** Both days included, `yyyy-MM-dd`. */
export interface DateRange {
  from: string;
  to: string;
}

export interface StaffingWorkstream extends DateRange {
  id: string;
  name: string;
  /** The milestone it delivers, if any. */
  milestoneId: string | null;
}

export interface StaffingMilestone {
  id: string;
  name: string;
}

export interface StaffedPerson {
  id: string;
  name: string;
  timeOff: (DateRange & { reason: string })[];
}

/**
 * An allocation of a person to the project, with its current dates (a workstream's own when it
 * follows one) and its hours a week (a share of capacity already turned into hours).
 */
export interface ProjectAllocation extends DateRange {
  personId: string;
  hoursPerWeek: number;
  workstreamId: string | null;
}

/** A week in which a person is over-allocated, all projects counted. */
export interface OverWeek {
  personId: string;
  /** ISO week, `2027-W05`. */
  week: string;
  /** Its Monday. */
  weekStart: string;
  allocatedHours: number;
  capacityHours: number;
  percent: number;
}

/** A week of a staffing need of the project, with what is allocated against it. */
export interface GapWeek {
  needId: string;
  skill: string;
  /** The need's own dates (a week may run past them): only a workstream those dates meet is short of it. */
  needFrom?: string;
  needTo?: string;
  week: string;
  weekStart: string;
  neededHours: number;
  allocatedHours: number;
  /** More than 0: short by that many hours; 0 or less: covered. */
  gapHours: number;
}

export interface WorkstreamPerson {
  personId: string;
  name: string;
  /** The most hours a week they give it at any one time (overlapping allocations add up). */
  hoursPerWeek: number;
  /** ISO weeks, while on it, in which they are over-allocated. */
  overWeeks: string[];
  /** The Mondays of those weeks, in the same order (what a page shows: "week of 14 Dec 2026"). */
  overWeekStarts: string[];
  /** Their time off while on it (cut to those days). */
  leaveDays: (DateRange & { reason: string })[];
}

export interface WorkstreamStaffing {
  workstreamId: string;
  name: string;
  from: string;
  to: string;
  /** Only the people whose allocations are tied to this workstream. */
  people: WorkstreamPerson[];
}

/**
 * A person allocated to the project but to no workstream of its plan ("Also on the project"):
 * listed once for the project, never counted as working on a workstream.
 */
export interface ProjectPerson extends WorkstreamPerson {
  /** The days of those allocations, merged. */
  periods: DateRange[];
}

export interface MilestoneStaffing {
  milestoneId: string;
  name: string;
  understaffed: boolean;
  /** Why, one sentence per under-staffed workstream (empty when it is not). */
  reasons: string[];
}

export interface PlanStaffing {
  workstreams: WorkstreamStaffing[];
  /** People on the project whose allocations are tied to no workstream of the plan. */
  alsoOnProject: ProjectPerson[];
  milestones: MilestoneStaffing[];
}

const day = (iso: string) => parseISO(iso);
const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** The days both ranges cover, or null when they do not meet. */
export function intersection(a: DateRange, b: DateRange): DateRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

/** Monday to Sunday of the week starting `weekStart`. */
export function weekRange(weekStart: string): DateRange {
  return { from: weekStart, to: iso(addDays(day(weekStart), 6)) };
}

/** Ranges sorted and joined where they touch or overlap (a range ending on the 4th and one starting on the 5th are one). */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= iso(addDays(day(last.to), 1))) {
      if (range.to > last.to) last.to = range.to;
    } else merged.push({ ...range });
  }
  return merged;
}

/**
 * Whether an allocation counts as working on a workstream: only when it is tied to it. An
 * allocation to the project as a whole says nothing about which workstream the person works on,
 * so it is listed once for the project (isProjectWide), never on every workstream it overlaps.
 */
export function countsFor(allocation: ProjectAllocation, workstream: StaffingWorkstream): boolean {
  return allocation.workstreamId === workstream.id;
}

/** An allocation tied to no workstream of the plan (none, or one the plan no longer has): the project as a whole. */
export function isProjectWide(allocation: ProjectAllocation, planWorkstreamIds: ReadonlySet<string>): boolean {
  return allocation.workstreamId === null || !planWorkstreamIds.has(allocation.workstreamId);
}

/** The most hours a week of these allocations that run at the same time, within `within`. */
export function peakHoursPerWeek(allocations: readonly ProjectAllocation[], within: DateRange): number {
  const clipped = allocations.flatMap((a) => {
    const range = intersection(a, within);
    return range ? [{ ...range, hours: a.hoursPerWeek }] : [];
  });
  let peak = 0;
  // The sum of overlapping ranges is highest at the start of one of them.
  for (const at of clipped) {
    const total = clipped.filter((b) => b.from <= at.from && at.from <= b.to).reduce((sum, b) => sum + b.hours, 0);
    if (total > peak) peak = total;
  }
  return Math.round(peak * 10) / 10;
}

/**
 * Weeks by their Mondays, to follow "in": `the week of 1 Feb 2027`, `the weeks of 1 Feb – 15 Feb
 * 2027` for a run, `the weeks of 1 Feb, 15 Feb 2027 and 2 more` (never the ISO codes).
 */
export function describeWeeks(weekStarts: readonly string[]): string {
  return describeWeeksText(weekStarts);
}

/** The open gap weeks (short, not covered) that meet a date range, by week. */
export function gapWeeksDuring(gapWeeks: readonly GapWeek[], range: DateRange): GapWeek[] {
  return gapWeeks.filter((g) => g.gapHours > 0 && overlaps(weekRange(g.weekStart), range));
}

function byStartThenName(a: StaffingWorkstream, b: StaffingWorkstream): number {
  return a.from.localeCompare(b.from) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** The staffing of every workstream of a plan, and which milestones are under-staffed. */
export function planStaffing(input: {
  workstreams: readonly StaffingWorkstream[];
  milestones: readonly StaffingMilestone[];
  people: readonly StaffedPerson[];
  allocations: readonly ProjectAllocation[];
  overWeeks: readonly OverWeek[];
  gapWeeks: readonly GapWeek[];
}): PlanStaffing {
  const planIds = new Set(input.workstreams.map((w) => w.id));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const overByPerson = new Map<string, OverWeek[]>();
  for (const week of input.overWeeks) overByPerson.set(week.personId, [...(overByPerson.get(week.personId) ?? []), week]);

  /** A person's hours, over weeks and leave over the days `onIt` (their allocations' dates, clipped). */
  function personOn(personId: string, mine: readonly ProjectAllocation[], onIt: DateRange[], within: DateRange | null): WorkstreamPerson {
    const person = people.get(personId)!;
    const overWeeks = (overByPerson.get(personId) ?? [])
      .filter((w) => onIt.some((range) => overlaps(weekRange(w.weekStart), range)))
      .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
    const unique = [...new Map(overWeeks.map((w) => [w.week, w.weekStart])).entries()];
    const leaveDays = person.timeOff
      .flatMap((off) => onIt.flatMap((range) => intersection(off, range) ?? []).map((r) => ({ ...r, reason: off.reason })))
      .sort((a, b) => a.from.localeCompare(b.from));
    const span = within ?? { from: onIt[0]?.from ?? '0000-01-01', to: onIt.at(-1)?.to ?? '9999-12-31' };
    return {
      personId,
      name: person.name,
      hoursPerWeek: peakHoursPerWeek(mine, span),
      overWeeks: unique.map(([week]) => week),
      overWeekStarts: unique.map(([, start]) => start),
      leaveDays,
    };
  }
  const byName = (a: WorkstreamPerson, b: WorkstreamPerson) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId);

  const workstreams = [...input.workstreams].sort(byStartThenName).map((workstream): WorkstreamStaffing => {
    const counted = input.allocations.filter((a) => people.has(a.personId) && countsFor(a, workstream));
    const personIds = [...new Set(counted.map((a) => a.personId))];
    const staff = personIds.map((personId) => {
      const mine = counted.filter((a) => a.personId === personId);
      // The days they are on it: their allocations' dates within the workstream's.
      return personOn(personId, mine, mergeRanges(mine.flatMap((a) => intersection(a, workstream) ?? [])), workstream);
    });
    staff.sort(byName);
    return { workstreamId: workstream.id, name: workstream.name, from: workstream.from, to: workstream.to, people: staff };
  });

  const projectWide = input.allocations.filter((a) => people.has(a.personId) && isProjectWide(a, planIds));
  const alsoOnProject = [...new Set(projectWide.map((a) => a.personId))]
    .map((personId): ProjectPerson => {
      const mine = projectWide.filter((a) => a.personId === personId);
      const periods = mergeRanges(mine.map(({ from, to }) => ({ from, to })));
      return { ...personOn(personId, mine, periods, null), periods };
    })
    .sort(byName);

  const staffing = new Map(workstreams.map((w) => [w.workstreamId, w]));
  const milestones = input.milestones.map((milestone): MilestoneStaffing => {
    const reasons: string[] = [];
    for (const workstream of [...input.workstreams].filter((w) => w.milestoneId === milestone.id).sort(byStartThenName)) {
      if (staffing.get(workstream.id)!.people.length === 0) {
        reasons.push(`Nobody is allocated to “${workstream.name}”.`);
        continue;
      }
      // Only the needs whose own dates meet the workstream's, in the weeks both run.
      const gaps = input.gapWeeks.filter((g) => {
        const both = intersection({ from: g.needFrom ?? g.weekStart, to: g.needTo ?? weekRange(g.weekStart).to }, workstream);
        return g.gapHours > 0 && both !== null && overlaps(weekRange(g.weekStart), both);
      });
      if (gaps.length === 0) continue;
      const skills = [...new Set(gaps.map((g) => g.skill))].sort();
      const weekStarts = [...new Set(gaps.map((g) => g.weekStart))].sort();
      const worst = Math.max(...gaps.map((g) => g.gapHours));
      reasons.push(`“${workstream.name}” is short of ${skills.join(', ')} in ${describeWeeks(weekStarts)} (up to ${Math.round(worst * 10) / 10} h a week).`);
    }
    return { milestoneId: milestone.id, name: milestone.name, understaffed: reasons.length > 0, reasons };
  });

  return { workstreams, alsoOnProject, milestones };
}
