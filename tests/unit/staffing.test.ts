// Staffing: what a need asks for week by week against the skilled people allocated, gaps and surpluses.
import { describe, expect, it } from 'vitest';
import { weeksFrom } from '@/server/domain/isoWeeks';
import { gapWeeks, hasSkill, neededHoursForWeek, staffingForNeeds, type StaffingAllocation, type StaffingNeedInput, type StaffingPerson } from '@/server/domain/staffing';

const ada: StaffingPerson = { id: 'ada', skills: ['Backend', 'Go'], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], timeOff: [] };
const bob: StaffingPerson = { id: 'bob', skills: ['design'], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], timeOff: [] };
const people = new Map([ada, bob].map((person) => [person.id, person]));
const weeks = weeksFrom('2027-02-01', 3); // W05, W06, W07
const need: StaffingNeedInput = { id: 'n1', skill: ' backend ', count: 2, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-14' };
const allocation = (personId: string, from: string, to: string, hoursPerWeek: number): StaffingAllocation => ({ personId, from, to, hoursPerWeek, percent: null });

describe('staffing', () => {
  it('staffing: skills match without case or surrounding spaces', () => {
    expect(hasSkill(['Backend'], ' backend')).toBe(true);
    expect(hasSkill(['Back end'], 'backend')).toBe(false);
  });

  it('staffing: a need short of people has a positive gap each week it covers', () => {
    const [result] = staffingForNeeds([need], people, [allocation('ada', '2027-01-01', '2027-12-31', 20)], weeks);
    expect(result!.weeks).toEqual([
      { week: '2027-W05', neededHours: 40, allocatedHours: 20, gapHours: 20 },
      { week: '2027-W06', neededHours: 40, allocatedHours: 20, gapHours: 20 },
    ]);
    expect(gapWeeks(result!)).toEqual(['2027-W05', '2027-W06']);
  });

  it('staffing: people without the skill do not count; more than needed is a surplus', () => {
    const [result] = staffingForNeeds([need], people, [allocation('bob', '2027-01-01', '2027-12-31', 40), allocation('ada', '2027-01-01', '2027-12-31', 50)], weeks);
    expect(result!.weeks[0]).toEqual({ week: '2027-W05', neededHours: 40, allocatedHours: 50, gapHours: -10 });
    expect(gapWeeks(result!)).toEqual([]);
  });

  it('staffing: part weeks prorate both the need and the allocations inside its dates', () => {
    const short: StaffingNeedInput = { ...need, count: 1, hoursPerWeek: 40, from: '2027-02-03', to: '2027-02-09' };
    expect(neededHoursForWeek(short, weeks[0]!.mondayDay)).toBe(24);
    const [result] = staffingForNeeds([short], people, [allocation('ada', '2027-01-01', '2027-12-31', 40)], weeks);
    // Allocated all year, but only Wednesday to Tuesday meets the need.
    expect(result!.weeks).toEqual([
      { week: '2027-W05', neededHours: 24, allocatedHours: 24, gapHours: 0 },
      { week: '2027-W06', neededHours: 16, allocatedHours: 16, gapHours: 0 },
    ]);
  });

  it('staffing: a need with nobody allocated is short by all it asks; unknown people are ignored', () => {
    const [result] = staffingForNeeds([need], people, [allocation('ghost', '2027-01-01', '2027-12-31', 40)], weeks);
    expect(result!.weeks.map((week) => week.gapHours)).toEqual([40, 40]);
  });

  it('staffing: a need over a weekend only asks for nothing', () => {
    expect(neededHoursForWeek({ ...need, from: '2027-02-06', to: '2027-02-07' }, weeks[0]!.mondayDay)).toBe(0);
  });

  it('staffing: only the weeks a need touches, including a need ending on a Monday or starting on a Sunday', () => {
    const secondWeek: StaffingNeedInput = { ...need, from: '2027-02-08', to: '2027-02-14' };
    expect(staffingForNeeds([secondWeek], people, [], weeks)[0]!.weeks.map((w) => w.week)).toEqual(['2027-W06']);
    const endsMonday: StaffingNeedInput = { ...need, from: '2027-02-03', to: '2027-02-08' };
    expect(staffingForNeeds([endsMonday], people, [], weeks)[0]!.weeks.map((w) => w.week)).toEqual(['2027-W05', '2027-W06']);
    const startsSunday: StaffingNeedInput = { ...need, from: '2027-02-07', to: '2027-02-10' };
    expect(staffingForNeeds([startsSunday], people, [], weeks)[0]!.weeks.map((w) => w.week)).toEqual(['2027-W05', '2027-W06']);
  });

  it('staffing: a week exactly staffed is not a gap week', () => {
    const [result] = staffingForNeeds([{ ...need, count: 1 }], people, [allocation('ada', '2027-02-01', '2027-02-07', 20), allocation('ada', '2027-02-08', '2027-02-14', 10)], weeks);
    expect(result!.weeks.map((w) => w.gapHours)).toEqual([0, 10]);
    expect(gapWeeks(result!)).toEqual(['2027-W06']);
  });
});
