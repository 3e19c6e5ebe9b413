// Capacity and utilisation of a person, week by week: the numbers behind every grid cell, the
// utilisation API, staffing gaps and what-if comparisons. Plain functions, no I/O.
//
// - Capacity: weeklyHours spread evenly over the person's working days; a working day on time off
//   counts 0. A person with no working days, or off the whole week, has capacity 0.
// - Allocated: an allocation's weekly amount (hoursPerWeek, or percent of weeklyHours) prorated by
//   the working days of the week that fall inside the allocation. Time off does not shrink an
//   allocation (the work is still planned): it shrinks capacity, so leave shows as over-allocation.
// - Percent: round(100 * allocated / capacity); with capacity 0 it is 999 when anything is
//   allocated (band "over") and 0 otherwise. Never a division by zero.
import { dayNumber, weekdayOfDayNumber, type IsoDate, type WeekSpan } from './isoWeeks';

export type Band = 'under' | 'healthy' | 'over';

/** Utilisation bands: under <= underMaxPercent < healthy <= healthyMaxPercent < over. */
export interface BandThresholds {
  underMaxPercent: number;
  healthyMaxPercent: number;
}

export const defaultThresholds: BandThresholds = { underMaxPercent: 80, healthyMaxPercent: 100 };

/** What a percent reads as when capacity is 0 and something is allocated. */
export const percentWithoutCapacity = 999;

export interface CapacityPerson {
  weeklyHours: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: readonly number[];
  timeOff: readonly { from: IsoDate; to: IsoDate }[];
}

/** An allocation's amount over its dates (both days included); exactly one of hoursPerWeek / percent. */
export interface AllocationAmount {
  from: IsoDate;
  to: IsoDate;
  hoursPerWeek: number | null;
  percent: number | null;
}

export interface WeekUtilisation {
  week: string;
  allocatedHours: number;
  capacityHours: number;
  percent: number;
  band: Band;
}

/** Hours rounded to the hundredth, so sums read cleanly (13.33 rather than 13.333333333333334). */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export function utilisationPercent(allocatedHours: number, capacityHours: number): number {
  if (capacityHours <= 0) return allocatedHours > 0 ? percentWithoutCapacity : 0;
  return Math.round((100 * allocatedHours) / capacityHours);
}

export function utilisationBand(allocatedHours: number, capacityHours: number, thresholds: BandThresholds): Band {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: said for the reader; utilisationPercent gives the same bands without capacity
  if (capacityHours <= 0) return allocatedHours > 0 ? 'over' : 'under';
  const percent = utilisationPercent(allocatedHours, capacityHours);
  if (percent <= thresholds.underMaxPercent) return 'under';
  if (percent <= thresholds.healthyMaxPercent) return 'healthy';
  return 'over';
}

interface DayRange {
  from: number;
  to: number;
}

/** A person read once into day numbers, so each week costs a few integer comparisons. */
export interface PreparedPerson {
  weeklyHours: number;
  /** Indexed by ISO weekday (1..7). */
  works: boolean[];
  workingDayCount: number;
  timeOff: DayRange[];
}

export function preparePerson(person: CapacityPerson): PreparedPerson {
  // Stryker disable next-line ConditionalExpression: index 0 is unused; working days are 1..7 (the schema refuses 0)
  const works = Array.from({ length: 8 }, (_, weekday) => weekday >= 1 && person.workingDays.includes(weekday));
  return {
    weeklyHours: person.weeklyHours,
    works,
    workingDayCount: works.filter(Boolean).length,
    timeOff: person.timeOff.map((range) => ({ from: dayNumber(range.from), to: dayNumber(range.to) })),
  };
}

function onTimeOff(person: PreparedPerson, day: number): boolean {
  return person.timeOff.some((range) => day >= range.from && day <= range.to);
}

/** Hours a person can work in the week starting on the Monday with day number `mondayDay`. */
export function capacityForWeek(person: PreparedPerson, mondayDay: number): number {
  if (person.workingDayCount === 0) return 0;
  const hoursPerDay = person.weeklyHours / person.workingDayCount;
  let days = 0;
  for (let day = mondayDay; day < mondayDay + 7; day++) {
    if (person.works[weekdayOfDayNumber(day)] && !onTimeOff(person, day)) days++;
  }
  return hoursPerDay * days;
}

export interface PreparedAllocation {
  from: number;
  to: number;
  /** Hours a full week of the allocation is worth for its person. */
  weeklyAmount: number;
}

export function prepareAllocation(person: PreparedPerson, allocation: AllocationAmount): PreparedAllocation {
  const weeklyAmount = allocation.hoursPerWeek ?? ((allocation.percent ?? 0) / 100) * person.weeklyHours;
  return { from: dayNumber(allocation.from), to: dayNumber(allocation.to), weeklyAmount };
}

/**
 * Hours an allocation takes in one week: its weekly amount times the share of the person's working
 * days that fall inside it. For a person with no working days the share is of the seven calendar days.
 */
export function allocatedHoursForWeek(person: PreparedPerson, allocation: PreparedAllocation, mondayDay: number): number {
  const first = Math.max(mondayDay, allocation.from);
  const last = Math.min(mondayDay + 6, allocation.to);
  if (first > last) return 0;
  // Stryker disable next-line ConditionalExpression: a shortcut; the sum below is 0 as well
  if (allocation.weeklyAmount === 0) return 0;
  if (person.workingDayCount === 0) return (allocation.weeklyAmount * (last - first + 1)) / 7;
  let days = 0;
  for (let day = first; day <= last; day++) if (person.works[weekdayOfDayNumber(day)]) days++;
  return (allocation.weeklyAmount * days) / person.workingDayCount;
}

/** One row of utilisation: the person's weeks, each with its allocated and available hours and band. */
export function personUtilisation(
  person: CapacityPerson,
  allocations: readonly AllocationAmount[],
  weeks: readonly WeekSpan[],
  thresholds: BandThresholds,
): WeekUtilisation[] {
  const prepared = preparePerson(person);
  const spans = allocations.map((allocation) => prepareAllocation(prepared, allocation));
  return weeks.map(({ week, mondayDay }) => {
    let allocated = 0;
    for (const span of spans) allocated += allocatedHoursForWeek(prepared, span, mondayDay);
    const allocatedHours = roundHours(allocated);
    const capacityHours = roundHours(capacityForWeek(prepared, mondayDay));
    return {
      week,
      allocatedHours,
      capacityHours,
      percent: utilisationPercent(allocatedHours, capacityHours),
      band: utilisationBand(allocatedHours, capacityHours, thresholds),
    };
  });
}
