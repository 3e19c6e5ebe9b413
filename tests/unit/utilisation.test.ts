// Utilisation: capacity from working days and time off, allocations prorated over part weeks,
// bands at their edges, and capacity 0 without a division by zero.
import { describe, expect, it } from 'vitest';
import { weeksFrom } from '@/server/domain/isoWeeks';
import {
  allocatedHoursForWeek,
  capacityForWeek,
  defaultThresholds,
  personUtilisation,
  prepareAllocation,
  preparePerson,
  utilisationBand,
  utilisationPercent,
  type AllocationAmount,
  type CapacityPerson,
} from '@/server/domain/utilisation';

const fullTime: CapacityPerson = { weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], timeOff: [] };
// 2027-W05: Monday 1 Feb to Sunday 7 Feb 2027.
const [w05] = weeksFrom('2027-02-01', 1);
const hours = (from: string, to: string, hoursPerWeek: number): AllocationAmount => ({ from, to, hoursPerWeek, percent: null });

function week(person: CapacityPerson, allocations: AllocationAmount[], thresholds = defaultThresholds) {
  return personUtilisation(person, allocations, [w05!], thresholds)[0]!;
}

describe('utilisation', () => {
  it('utilisation: a full week at weekly hours is 100% and healthy', () => {
    expect(week(fullTime, [hours('2027-01-01', '2027-12-31', 40)])).toEqual({ week: '2027-W05', allocatedHours: 40, capacityHours: 40, percent: 100, band: 'healthy' });
  });

  it('utilisation: capacity is spread over the working days only', () => {
    const fourDays: CapacityPerson = { weeklyHours: 32, workingDays: [1, 2, 3, 4], timeOff: [] };
    expect(capacityForWeek(preparePerson(fourDays), w05!.mondayDay)).toBe(32);
    // Working Friday to Sunday: 3 days of 10 hours.
    const weekend = preparePerson({ weeklyHours: 30, workingDays: [5, 6, 7], timeOff: [] });
    expect(capacityForWeek(weekend, w05!.mondayDay)).toBe(30);
    // An allocation from Monday to Thursday meets none of their working days; one to Friday meets one.
    expect(allocatedHoursForWeek(weekend, prepareAllocation(weekend, hours('2027-02-01', '2027-02-04', 30)), w05!.mondayDay)).toBe(0);
    expect(allocatedHoursForWeek(weekend, prepareAllocation(weekend, hours('2027-02-01', '2027-02-05', 30)), w05!.mondayDay)).toBe(10);
  });

  it('utilisation: time off takes its working days out of capacity, not weekend days', () => {
    const onLeave: CapacityPerson = { ...fullTime, timeOff: [{ from: '2027-02-04', to: '2027-02-14' }] };
    // Thursday and Friday off: 24 of 40 hours left, the allocation still planned in full.
    expect(week(onLeave, [hours('2027-01-01', '2027-12-31', 24)])).toMatchObject({ allocatedHours: 24, capacityHours: 24, percent: 100, band: 'healthy' });
    expect(week(onLeave, [hours('2027-01-01', '2027-12-31', 40)])).toMatchObject({ capacityHours: 24, percent: 167, band: 'over' });
    const weekendOff: CapacityPerson = { ...fullTime, timeOff: [{ from: '2027-02-06', to: '2027-02-07' }] };
    expect(week(weekendOff, [])).toMatchObject({ capacityHours: 40 });
  });

  it('utilisation: an allocation over part of a week counts its working days only', () => {
    // Wednesday to Sunday: 3 of 5 working days.
    expect(week(fullTime, [hours('2027-02-03', '2027-03-01', 40)])).toMatchObject({ allocatedHours: 24, percent: 60, band: 'under' });
    // Monday only, and a range wholly outside the week.
    expect(week(fullTime, [hours('2027-01-01', '2027-02-01', 40)])).toMatchObject({ allocatedHours: 8 });
    expect(week(fullTime, [hours('2027-02-08', '2027-03-01', 40)])).toMatchObject({ allocatedHours: 0, percent: 0, band: 'under' });
    // Saturday and Sunday only: nothing for a Monday-to-Friday person.
    expect(week(fullTime, [hours('2027-02-06', '2027-02-07', 40)])).toMatchObject({ allocatedHours: 0 });
  });

  it('utilisation: a percent allocation is a share of weekly hours, prorated the same way', () => {
    const partTime: CapacityPerson = { weeklyHours: 20, workingDays: [1, 2, 3, 4, 5], timeOff: [] };
    expect(week(partTime, [{ from: '2027-01-01', to: '2027-12-31', hoursPerWeek: null, percent: 50 }])).toMatchObject({ allocatedHours: 10, percent: 50 });
    expect(week(partTime, [{ from: '2027-02-01', to: '2027-02-02', hoursPerWeek: null, percent: 100 }])).toMatchObject({ allocatedHours: 8, percent: 40 });
  });

  it('utilisation: allocations add up, hours round to the hundredth', () => {
    const result = week(fullTime, [hours('2027-01-01', '2027-12-31', 30), hours('2027-02-01', '2027-02-03', 20)]);
    expect(result).toMatchObject({ allocatedHours: 42, percent: 105, band: 'over' });
    const third = week({ weeklyHours: 40, workingDays: [1, 2, 3], timeOff: [] }, [hours('2027-02-01', '2027-02-01', 10)]);
    expect(third.allocatedHours).toBe(3.33);
  });

  it('utilisation: bands change exactly past the thresholds', () => {
    expect(utilisationBand(80, 100, defaultThresholds)).toBe('under');
    expect(utilisationBand(81, 100, defaultThresholds)).toBe('healthy');
    expect(utilisationBand(100, 100, defaultThresholds)).toBe('healthy');
    expect(utilisationBand(101, 100, defaultThresholds)).toBe('over');
    expect(utilisationBand(0, 100, defaultThresholds)).toBe('under');
    const strict = { underMaxPercent: 50, healthyMaxPercent: 90 };
    expect(utilisationBand(50, 100, strict)).toBe('under');
    expect(utilisationBand(51, 100, strict)).toBe('healthy');
    expect(utilisationBand(91, 100, strict)).toBe('over');
    expect(week(fullTime, [hours('2027-01-01', '2027-12-31', 36)], strict)).toMatchObject({ percent: 90, band: 'healthy' });
  });

  it('utilisation: capacity 0 reads 0 capacity, over for any allocation, never a division by zero', () => {
    const awayAllWeek: CapacityPerson = { ...fullTime, timeOff: [{ from: '2027-01-25', to: '2027-02-10' }] };
    expect(week(awayAllWeek, [hours('2027-01-01', '2027-12-31', 1)])).toEqual({ week: '2027-W05', allocatedHours: 1, capacityHours: 0, percent: 999, band: 'over' });
    expect(week(awayAllWeek, [])).toEqual({ week: '2027-W05', allocatedHours: 0, capacityHours: 0, percent: 0, band: 'under' });
    expect(utilisationPercent(5, 0)).toBe(999);
    expect(utilisationPercent(0, 0)).toBe(0);
    // No working days at all: capacity 0, an allocation is spread over the seven calendar days.
    const noDays: CapacityPerson = { weeklyHours: 40, workingDays: [], timeOff: [] };
    expect(week(noDays, [hours('2027-02-01', '2027-02-07', 14)])).toEqual({ week: '2027-W05', allocatedHours: 14, capacityHours: 0, percent: 999, band: 'over' });
    expect(week(noDays, [hours('2027-02-01', '2027-02-02', 14)])).toMatchObject({ allocatedHours: 4 });
  });

  it('utilisation: a zero-hour allocation counts nothing', () => {
    expect(week(fullTime, [hours('2027-01-01', '2027-12-31', 0)])).toMatchObject({ allocatedHours: 0, percent: 0, band: 'under' });
  });

  it('utilisation: one entry per week, weeks in order', () => {
    const rows = personUtilisation(fullTime, [hours('2027-02-03', '2027-02-09', 40)], weeksFrom('2027-02-01', 3), defaultThresholds);
    expect(rows.map((row) => [row.week, row.allocatedHours])).toEqual([['2027-W05', 24], ['2027-W06', 16], ['2027-W07', 0]]);
  });

  it('utilisation: time off in the middle of a week takes only its own days, both ends included', () => {
    // Wednesday 3 to Thursday 4 Feb 2027 off: Monday, Tuesday and Friday remain.
    const midWeek = preparePerson({ ...fullTime, timeOff: [{ from: '2027-02-03', to: '2027-02-04' }] });
    expect(capacityForWeek(midWeek, w05!.mondayDay)).toBe(24);
    // One day off, Thursday only.
    const oneDay = preparePerson({ ...fullTime, timeOff: [{ from: '2027-02-04', to: '2027-02-04' }] });
    expect(capacityForWeek(oneDay, w05!.mondayDay)).toBe(32);
  });

  it('utilisation: a person with no working days takes calendar days, and an allocation outside the week is nothing', () => {
    const none = preparePerson({ weeklyHours: 14, workingDays: [], timeOff: [] });
    expect(capacityForWeek(none, w05!.mondayDay)).toBe(0);
    expect(allocatedHoursForWeek(none, prepareAllocation(none, hours('2027-02-01', '2027-02-02', 14)), w05!.mondayDay)).toBe(4);
    expect(allocatedHoursForWeek(none, prepareAllocation(none, hours('2027-03-01', '2027-03-31', 14)), w05!.mondayDay)).toBe(0);
    expect(allocatedHoursForWeek(none, prepareAllocation(none, hours('2026-12-01', '2026-12-31', 14)), w05!.mondayDay)).toBe(0);
  });
});
