// A project's staffing needs against what is allocated, week by week: the gap row of the grid, the
// project page's needs and the plan's under-staffed warnings. Plain functions, no I/O.
//
// - Needed: count x hoursPerWeek, prorated by the weekdays (Monday to Friday) of the week that fall
//   inside the need's dates: a need has no working days of its own, so it follows the usual week.
// - Allocated: the hours of the project's allocations whose person has the skill (compared without
//   case or surrounding spaces), counted only over the need's dates. Each need counts every such
//   allocation: two needs for the same skill at the same time both see the same people.
// - Gap: needed - allocated; above 0 the project is short, below 0 it has a surplus.
import { dayNumber, weekdayOfDayNumber, type IsoDate, type WeekSpan } from './isoWeeks';
import { allocatedHoursForWeek, prepareAllocation, preparePerson, roundHours, type AllocationAmount, type CapacityPerson } from './utilisation';

export interface StaffingNeedInput {
  id: string;
  skill: string;
  count: number;
  hoursPerWeek: number;
  from: IsoDate;
  to: IsoDate;
}

export interface StaffingPerson extends CapacityPerson {
  id: string;
  skills: readonly string[];
}

export interface StaffingAllocation extends AllocationAmount {
  personId: string;
}

export interface StaffingWeek {
  week: string;
  neededHours: number;
  allocatedHours: number;
  /** > 0: short of people; < 0: a surplus. */
  gapHours: number;
}

export interface NeedWeeks extends StaffingNeedInput {
  weeks: StaffingWeek[];
}

export function skillKey(skill: string): string {
  // Stryker disable next-line MethodExpression: folding to upper case matches the same skills but for rare letters (ß)
  return skill.trim().toLocaleLowerCase('en');
}

/** True when a person's skills include `skill` (case and surrounding spaces do not matter). */
export function hasSkill(skills: readonly string[], skill: string): boolean {
  const wanted = skillKey(skill);
  return skills.some((own) => skillKey(own) === wanted);
}

/** Hours a need asks for in the week starting at `mondayDay` (weekdays of the week inside the need). */
export function neededHoursForWeek(need: StaffingNeedInput, mondayDay: number): number {
  const first = Math.max(mondayDay, dayNumber(need.from));
  const last = Math.min(mondayDay + 6, dayNumber(need.to));
  let weekdays = 0;
  for (let day = first; day <= last; day++) if (weekdayOfDayNumber(day) <= 5) weekdays++;
  return (need.count * need.hoursPerWeek * weekdays) / 5;
}

/**
 * Each need with one entry per week of `weeks` that overlaps its dates. `allocations` are the
 * project's own; `people` holds at least their people.
 */
export function staffingForNeeds(
  needs: readonly StaffingNeedInput[],
  people: ReadonlyMap<string, StaffingPerson>,
  allocations: readonly StaffingAllocation[],
  weeks: readonly WeekSpan[],
): NeedWeeks[] {
  return needs.map((need) => {
    const from = dayNumber(need.from);
    const to = dayNumber(need.to);
    const skilled = allocations.flatMap((allocation) => {
      const person = people.get(allocation.personId);
      if (!person || !hasSkill(person.skills, need.skill)) return [];
      const prepared = preparePerson(person);
      const span = prepareAllocation(prepared, allocation);
      // Only the hours inside the need's dates meet it.
      return [{ prepared, span: { ...span, from: Math.max(span.from, from), to: Math.min(span.to, to) } }];
    });
    const needWeeks = weeks
      .filter(({ mondayDay }) => mondayDay <= to && mondayDay + 6 >= from)
      .map(({ week, mondayDay }) => {
        const neededHours = roundHours(neededHoursForWeek(need, mondayDay));
        let allocated = 0;
        for (const { prepared, span } of skilled) allocated += allocatedHoursForWeek(prepared, span, mondayDay);
        const allocatedHours = roundHours(allocated);
        return { week, neededHours, allocatedHours, gapHours: roundHours(neededHours - allocatedHours) };
      });
    return { ...need, weeks: needWeeks };
  });
}

/** The weeks a need is short of people. */
export function gapWeeks(need: NeedWeeks): string[] {
  return need.weeks.filter((week) => week.gapHours > 0).map((week) => week.week);
}
