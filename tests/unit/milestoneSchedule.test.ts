// Behind what, and by how much, a milestone is: the baseline's frozen date when the baseline holds
// the milestone, else its first planned date; the one sentence the draft update and the public
// milestones table both print.
import { describe, expect, it } from 'vitest';
import { daysBehind, describeReference, describeScheduleSlip, scheduleReferences } from '@/server/domain/milestoneSchedule';

describe('scheduleReferences', () => {
  const firstPlanned = new Map([
    ['m1', '2027-03-01'],
    ['m2', '2027-04-01'],
  ]);

  it('takes the baseline date when the baseline froze the milestone, else the first planned date, else nothing', () => {
    const refs = scheduleReferences(['m1', 'm2', 'm3'], { name: 'Kick-off', dates: { m1: { end: '2027-02-20' } } }, firstPlanned);
    expect(refs.get('m1')).toEqual({ date: '2027-02-20', against: 'baseline', baselineName: 'Kick-off' });
    expect(refs.get('m2')).toEqual({ date: '2027-04-01', against: 'first_planned' });
    expect(refs.has('m3')).toBe(false);
    expect([...refs.keys()]).toEqual(['m1', 'm2']);
  });

  it('uses the first planned dates when there is no baseline', () => {
    const refs = scheduleReferences(['m1'], null, firstPlanned);
    expect(refs.get('m1')).toEqual({ date: '2027-03-01', against: 'first_planned' });
  });
});

describe('daysBehind and the sentence', () => {
  const baseline = { date: '2027-03-01', against: 'baseline', baselineName: 'Kick-off' } as const;
  const first = { date: '2027-03-01', against: 'first_planned' } as const;

  it('counts the days later than the reference, never below zero, and zero with no reference', () => {
    expect(daysBehind('2027-03-04', baseline)).toBe(3);
    expect(daysBehind('2027-02-20', baseline)).toBe(0);
    expect(daysBehind('2027-03-04', undefined)).toBe(0);
  });

  it('names what a slip is counted against', () => {
    expect(describeReference(baseline)).toBe('baseline “Kick-off”');
    expect(describeReference(first)).toBe('first planned date (2027-03-01)');
  });

  it('says one day, several days, on schedule, or that there is nothing to compare with', () => {
    expect(describeScheduleSlip('2027-03-02', baseline)).toBe('1 day behind its baseline “Kick-off”');
    expect(describeScheduleSlip('2027-03-11', first)).toBe('10 days behind its first planned date (2027-03-01)');
    expect(describeScheduleSlip('2027-03-01', first)).toBe('on schedule against its first planned date (2027-03-01)');
    expect(describeScheduleSlip('2027-02-01', baseline)).toBe('on schedule against its baseline “Kick-off”');
    expect(describeScheduleSlip('2027-03-11', undefined)).toBe('no earlier date to compare with');
  });
});
