// ISO weeks: names, Mondays, runs of weeks across year ends, and day numbers.
import { describe, expect, it } from 'vitest';
import { daysOfWeek, dayNumber, isIsoWeek, isoWeekday, isoWeekOf, isoWeekSchema, mondayOf, mondayOfWeek, weekdayOfDayNumber, weeksFrom } from '@/server/domain/isoWeeks';

describe('ISO weeks', () => {
  it('isoWeeks: a date belongs to the week of its Thursday, across year ends', () => {
    expect(isoWeekOf('2027-02-05')).toBe('2027-W05');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-12-27')).toBe('2026-W52');
  });

  it('isoWeeks: the Monday of a week and of a date', () => {
    expect(mondayOfWeek('2027-W05')).toBe('2027-02-01');
    expect(mondayOfWeek('2026-W53')).toBe('2026-12-28');
    expect(() => mondayOfWeek('2027-W53')).toThrow('Not an ISO week: 2027-W53');
    expect(mondayOfWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOf('2027-02-07')).toBe('2027-02-01');
    expect(mondayOf('2027-02-01')).toBe('2027-02-01');
    expect(() => mondayOfWeek('2027-W53')).toThrow(RangeError);
  });

  it('isoWeeks: only weeks that exist are weeks', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2027-W53')).toBe(false);
    for (const text of ['2027-W00', '2027-W5', '2027W05', '2027-w05', '', '2027-W05x']) expect(isIsoWeek(text), text).toBe(false);
    expect(isoWeekSchema.safeParse('2027-W05').success).toBe(true);
    expect(isoWeekSchema.safeParse('2027-W54').success).toBe(false);
  });

  it('isoWeeks: the seven days of a week, Monday first', () => {
    expect(daysOfWeek('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('isoWeeks: N weeks from a date start with the week the date falls in', () => {
    const weeks = weeksFrom('2026-12-31', 3);
    expect(weeks.map((week) => week.week)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
    expect(weeks.map((week) => week.monday)).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(weeks[1]!.mondayDay - weeks[0]!.mondayDay).toBe(7);
    expect(weeksFrom('2027-01-01', 0)).toEqual([]);
    expect(weeksFrom('2027-03-22', 52)).toHaveLength(52);
  });

  it('isoWeeks: day numbers count calendar days and know their weekday, across DST changes', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2027-03-29') - dayNumber('2027-03-27')).toBe(2);
    expect(weekdayOfDayNumber(dayNumber('1970-01-01'))).toBe(4);
    expect(weekdayOfDayNumber(dayNumber('2027-02-01'))).toBe(1);
    expect(weekdayOfDayNumber(dayNumber('2027-02-07'))).toBe(7);
    expect(weekdayOfDayNumber(dayNumber('1969-12-29'))).toBe(1);
    expect(isoWeekday('2027-02-07')).toBe(7);
  });
});
