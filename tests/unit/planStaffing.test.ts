// Who works on each workstream, their over-allocated weeks and leave while on it, and milestones
// whose workstreams are under-staffed (server/domain/planStaffing.ts).
import { describe, expect, it } from 'vitest';
import {
  countsFor,
  describeWeeks,
  intersection,
  isProjectWide,
  mergeRanges,
  overlaps,
  peakHoursPerWeek,
  planStaffing,
  weekRange,
  type GapWeek,
  type OverWeek,
  type ProjectAllocation,
  type StaffedPerson,
  type StaffingWorkstream,
} from '@/server/domain/planStaffing';

const ws = (id: string, from: string, to: string, milestoneId: string | null = null): StaffingWorkstream => ({ id, name: `WS ${id}`, from, to, milestoneId });
const alloc = (personId: string, from: string, to: string, hoursPerWeek: number, workstreamId: string | null = null): ProjectAllocation => ({
  personId,
  from,
  to,
  hoursPerWeek,
  workstreamId,
});
const person = (id: string, name: string, timeOff: StaffedPerson['timeOff'] = []): StaffedPerson => ({ id, name, timeOff });
const over = (personId: string, week: string, weekStart: string, percent = 130): OverWeek => ({
  personId,
  week,
  weekStart,
  allocatedHours: (40 * percent) / 100,
  capacityHours: 40,
  percent,
});
const gap = (week: string, weekStart: string, gapHours: number, skill = 'backend'): GapWeek => ({
  needId: 'n1',
  skill,
  week,
  weekStart,
  neededHours: 40,
  allocatedHours: 40 - gapHours,
  gapHours,
});

// February 2027: Mondays are the 1st (W05), 8th (W06), 15th (W07), 22nd (W08).
const build = ws('build', '2027-02-01', '2027-02-19', 'launch');
const design = ws('design', '2027-02-22', '2027-03-05', 'launch');
const ana = person('ana', 'Ana');
const ben = person('ben', 'Ben', [{ from: '2027-02-10', to: '2027-02-12', reason: 'Holiday' }]);

describe('date ranges', () => {
  it('plan staffing: ranges that touch merge, ranges with a day between them do not', () => {
    expect(
      mergeRanges([
        { from: '2027-02-05', to: '2027-02-06' },
        { from: '2027-02-01', to: '2027-02-04' },
        { from: '2027-02-08', to: '2027-02-09' },
      ]),
    ).toEqual([
      { from: '2027-02-01', to: '2027-02-06' },
      { from: '2027-02-08', to: '2027-02-09' },
    ]);
    expect(mergeRanges([{ from: '2027-02-01', to: '2027-02-28' }, { from: '2027-02-03', to: '2027-02-04' }])).toEqual([{ from: '2027-02-01', to: '2027-02-28' }]);
  });
  it('plan staffing: ranges sharing only a day meet, whichever comes first', () => {
    expect(overlaps({ from: '2027-02-01', to: '2027-02-10' }, { from: '2027-02-10', to: '2027-02-12' })).toBe(true);
    expect(overlaps({ from: '2027-02-10', to: '2027-02-12' }, { from: '2027-02-01', to: '2027-02-10' })).toBe(true);
    expect(overlaps({ from: '2027-02-11', to: '2027-02-12' }, { from: '2027-02-01', to: '2027-02-10' })).toBe(false);
  });
  it('plan staffing: an intersection keeps both ends inclusive; ranges that do not meet have none', () => {
    expect(intersection({ from: '2027-02-01', to: '2027-02-10' }, { from: '2027-02-10', to: '2027-02-20' })).toEqual({ from: '2027-02-10', to: '2027-02-10' });
    expect(intersection({ from: '2027-02-01', to: '2027-02-09' }, { from: '2027-02-10', to: '2027-02-20' })).toBeNull();
  });
  it('plan staffing: a week runs Monday to Sunday, across a month end', () => {
    expect(weekRange('2027-02-22')).toEqual({ from: '2027-02-22', to: '2027-02-28' });
    expect(weekRange('2027-03-29')).toEqual({ from: '2027-03-29', to: '2027-04-04' });
  });
  it('plan staffing: weeks read by their Mondays as one week, a run, or a short list, never as ISO codes', () => {
    expect(describeWeeks(['2027-02-01'])).toBe('the week of 1 Feb 2027');
    expect(describeWeeks(['2027-02-01', '2027-02-08', '2027-02-15'])).toBe('the weeks of 1 Feb – 15 Feb 2027');
    expect(describeWeeks(['2027-02-01', '2027-02-15'])).toBe('the weeks of 1 Feb and 15 Feb 2027');
    expect(describeWeeks(['2027-02-01', '2027-02-15', '2027-03-01'])).toBe('the weeks of 1 Feb, 15 Feb and 1 Mar 2027');
    expect(describeWeeks([])).toBe('no weeks');
    expect(describeWeeks(['2027-02-01', '2027-02-15', '2027-03-01', '2027-03-15', '2027-03-29'])).toBe('the weeks of 1 Feb, 15 Feb 2027 and 3 more');
    // Across a new year, each Monday keeps its year.
    expect(describeWeeks(['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'])).toBe('the weeks of 14 Dec 2026 – 4 Jan 2027');
    for (const text of [describeWeeks(['2026-12-14']), describeWeeks(['2026-12-14', '2027-01-04'])]) expect(text).not.toMatch(/\d{4}-W\d{2}/);
  });
});

describe('who counts on a workstream', () => {
  const planIds = new Set(['build', 'design']);
  it('plan staffing: an allocation tied to the workstream counts; one tied to another workstream does not, even over the same dates', () => {
    expect(countsFor(alloc('ana', '2027-02-01', '2027-02-19', 20, 'build'), build)).toBe(true);
    expect(countsFor(alloc('ana', '2027-02-01', '2027-02-19', 20, 'design'), build)).toBe(false);
  });
  it('plan staffing: an allocation to the project as a whole counts on no workstream, whatever its dates meet', () => {
    expect(countsFor(alloc('ana', '2027-02-01', '2027-02-19', 20), build)).toBe(false);
    expect(isProjectWide(alloc('ana', '2027-02-01', '2027-02-19', 20), planIds)).toBe(true);
    expect(isProjectWide(alloc('ana', '2027-02-01', '2027-02-19', 20, 'build'), planIds)).toBe(false);
  });
  it('plan staffing: an allocation tied to a workstream the plan no longer has is an allocation to the project', () => {
    expect(countsFor(alloc('ana', '2027-02-01', '2027-02-05', 20, 'deleted'), build)).toBe(false);
    expect(isProjectWide(alloc('ana', '2027-02-01', '2027-02-05', 20, 'deleted'), planIds)).toBe(true);
  });
  it('plan staffing: hours a week are the peak of allocations at the same time, not their sum over time', () => {
    const within = { from: '2027-02-01', to: '2027-02-28' };
    // 10 h in the first half, 30 h in the second: never 40 at once.
    expect(peakHoursPerWeek([alloc('a', '2027-02-01', '2027-02-10', 10), alloc('a', '2027-02-11', '2027-02-28', 30)], within)).toBe(30);
    // Overlapping from the 8th: 10 + 30.
    expect(peakHoursPerWeek([alloc('a', '2027-02-01', '2027-02-10', 10), alloc('a', '2027-02-08', '2027-02-28', 30)], within)).toBe(40);
    // An allocation outside the range adds nothing.
    expect(peakHoursPerWeek([alloc('a', '2027-03-01', '2027-03-10', 99), alloc('a', '2027-02-01', '2027-02-10', 12.25)], within)).toBe(12.3);
    expect(peakHoursPerWeek([], within)).toBe(0);
    // The larger first: the peak is kept, not the last total seen.
    expect(peakHoursPerWeek([alloc('a', '2027-02-01', '2027-02-10', 30), alloc('a', '2027-02-11', '2027-02-28', 10)], within)).toBe(30);
    // One ends on the day the other starts: both run that day.
    expect(peakHoursPerWeek([alloc('a', '2027-02-01', '2027-02-08', 10), alloc('a', '2027-02-08', '2027-02-28', 30)], within)).toBe(40);
  });
});

describe('plan staffing', () => {
  it('plan staffing: each workstream lists its people by name with hours, over weeks while on it, and leave cut to its days', () => {
    const result = planStaffing({
      workstreams: [design, build],
      milestones: [{ id: 'launch', name: 'Launch' }],
      people: [ana, ben],
      allocations: [alloc('ben', '2027-02-01', '2027-02-19', 20, 'build'), alloc('ana', '2027-02-01', '2027-02-19', 30, 'build'), alloc('ana', '2027-02-22', '2027-03-05', 30, 'design')],
      // Ana is over in W06 (on build) and W09 (on design); Ben in W05 (on build) and W12 (after both).
      overWeeks: [over('ana', '2027-W09', '2027-03-01'), over('ana', '2027-W06', '2027-02-08'), over('ben', '2027-W05', '2027-02-01', 150), over('ben', '2027-W12', '2027-03-22')],
      gapWeeks: [],
    });
    expect(result.workstreams.map((w) => w.workstreamId)).toEqual(['build', 'design']);
    expect(result.workstreams[0]).toEqual({
      workstreamId: 'build',
      name: 'WS build',
      from: '2027-02-01',
      to: '2027-02-19',
      people: [
        { personId: 'ana', name: 'Ana', hoursPerWeek: 30, overWeeks: ['2027-W06'], overWeekStarts: ['2027-02-08'], leaveDays: [] },
        { personId: 'ben', name: 'Ben', hoursPerWeek: 20, overWeeks: ['2027-W05'], overWeekStarts: ['2027-02-01'], leaveDays: [{ from: '2027-02-10', to: '2027-02-12', reason: 'Holiday' }] },
      ],
    });
    expect(result.workstreams[1]!.people).toEqual([{ personId: 'ana', name: 'Ana', hoursPerWeek: 30, overWeeks: ['2027-W09'], overWeekStarts: ['2027-03-01'], leaveDays: [] }]);
    expect(result.alsoOnProject).toEqual([]);
  });

  it('plan staffing: an over week or leave outside the days a person is on the workstream is not flagged on it', () => {
    const result = planStaffing({
      workstreams: [build],
      milestones: [],
      // On build only in its first week.
      people: [person('cy', 'Cy', [{ from: '2027-02-15', to: '2027-02-26', reason: 'Parental leave' }, { from: '2027-02-04', to: '2027-02-09', reason: 'Conference' }])],
      allocations: [alloc('cy', '2027-01-25', '2027-02-05', 40, 'build')],
      overWeeks: [over('cy', '2027-W07', '2027-02-15'), over('cy', '2027-W04', '2027-01-25')],
      gapWeeks: [],
    });
    expect(result.workstreams[0]!.people).toEqual([
      // Leave from the 4th to the 9th meets the 1st-5th on it: the 4th and 5th. W04 ends on the 31st, before the workstream.
      { personId: 'cy', name: 'Cy', hoursPerWeek: 40, overWeeks: [], overWeekStarts: [], leaveDays: [{ from: '2027-02-04', to: '2027-02-05', reason: 'Conference' }] },
    ]);
  });

  it('plan staffing: an allocation of someone unknown (another workspace, removed) is left out', () => {
    const result = planStaffing({ workstreams: [build], milestones: [], people: [ana], allocations: [alloc('ghost', '2027-02-01', '2027-02-19', 40, 'build')], overWeeks: [], gapWeeks: [] });
    expect(result.workstreams[0]!.people).toEqual([]);
  });

  it('plan staffing: a milestone is under-staffed when one of its workstreams has nobody, and says which', () => {
    const result = planStaffing({
      workstreams: [build, design],
      milestones: [{ id: 'launch', name: 'Launch' }, { id: 'beta', name: 'Beta' }],
      people: [ana],
      allocations: [alloc('ana', '2027-02-01', '2027-02-19', 40, 'build')],
      overWeeks: [],
      gapWeeks: [],
    });
    expect(result.milestones).toEqual([
      { milestoneId: 'launch', name: 'Launch', understaffed: true, reasons: ['Nobody is allocated to “WS design”.'] },
      // No workstreams deliver Beta: nothing to be short of.
      { milestoneId: 'beta', name: 'Beta', understaffed: false, reasons: [] },
    ]);
  });

  it('plan staffing: a milestone is under-staffed when a staffing gap is open over one of its workstreams, not when the gap is elsewhere or covered', () => {
    const base = {
      workstreams: [build, design],
      milestones: [{ id: 'launch', name: 'Launch' }],
      people: [ana],
      allocations: [alloc('ana', '2027-02-01', '2027-02-19', 40, 'build'), alloc('ana', '2027-02-22', '2027-03-05', 40, 'design')],
      overWeeks: [],
    };
    // W10 (8 March) is after both; W08 is covered (gap 0), W09 is a surplus.
    expect(planStaffing({ ...base, gapWeeks: [gap('2027-W10', '2027-03-08', 20), gap('2027-W08', '2027-02-22', 0), gap('2027-W09', '2027-03-01', -10)] }).milestones[0]).toEqual({
      milestoneId: 'launch',
      name: 'Launch',
      understaffed: false,
      reasons: [],
    });
    const short = planStaffing({ ...base, gapWeeks: [gap('2027-W06', '2027-02-08', 12), gap('2027-W07', '2027-02-15', 20.04, 'design'), gap('2027-W05', '2027-02-01', 4)] });
    expect(short.milestones[0]).toEqual({
      milestoneId: 'launch',
      name: 'Launch',
      understaffed: true,
      reasons: ['“WS build” is short of backend, design in the weeks of 1 Feb – 15 Feb 2027 (up to 20 h a week).'],
    });
  });

  it('plan staffing: a milestone’s reasons name only the needs whose own dates meet its workstream, not every need short in a shared week', () => {
    // Build runs from Wednesday 3 Feb; a need for design ends on Tuesday 2 Feb, in the same week.
    const fromWednesday = { ...build, from: '2027-02-03' };
    const result = planStaffing({
      workstreams: [fromWednesday],
      milestones: [{ id: 'launch', name: 'Launch' }],
      people: [ana],
      allocations: [alloc('ana', '2027-02-03', '2027-02-19', 40, 'build')],
      overWeeks: [],
      gapWeeks: [
        { ...gap('2027-W05', '2027-02-01', 16, 'design'), needId: 'early', needFrom: '2027-02-01', needTo: '2027-02-02' },
        { ...gap('2027-W06', '2027-02-08', 8, 'backend'), needId: 'mid', needFrom: '2027-02-08', needTo: '2027-02-12' },
        // A need of the project in June says nothing about February's workstream.
        { ...gap('2027-W23', '2027-06-07', 40, 'ops'), needId: 'june', needFrom: '2027-06-07', needTo: '2027-06-11' },
      ],
    });
    expect(result.milestones[0]!.reasons).toEqual(['“WS build” is short of backend in the week of 8 Feb 2027 (up to 8 h a week).']);
  });
});

describe('plan staffing: allocations to the project as a whole', () => {
  it('plan staffing: an allocation tied to no workstream is not counted as working on the workstreams it overlaps, but listed once as also on the project', () => {
    const result = planStaffing({
      workstreams: [build, design],
      milestones: [{ id: 'launch', name: 'Launch' }],
      people: [ana, ben],
      // Ana is on build; Ben is on the project from 1 Feb to 5 Mar (both workstreams' dates) and on no workstream.
      allocations: [alloc('ana', '2027-02-01', '2027-02-19', 30, 'build'), alloc('ben', '2027-02-01', '2027-02-12', 20), alloc('ben', '2027-02-15', '2027-03-05', 10), alloc('ben', '2027-02-22', '2027-02-26', 8, 'gone')],
      overWeeks: [over('ben', '2027-W06', '2027-02-08'), over('ben', '2027-W20', '2027-05-17')],
      gapWeeks: [],
    });
    expect(result.workstreams.map((w) => [w.workstreamId, w.people.map((p) => p.personId)])).toEqual([
      ['build', ['ana']],
      ['design', []],
    ]);
    expect(result.alsoOnProject).toEqual([
      {
        personId: 'ben',
        name: 'Ben',
        // 10 h from the 15th plus 8 h (a workstream the plan no longer has) in the week of the 22nd.
        hoursPerWeek: 20,
        overWeeks: ['2027-W06'],
        overWeekStarts: ['2027-02-08'],
        leaveDays: [{ from: '2027-02-10', to: '2027-02-12', reason: 'Holiday' }],
        periods: [
          { from: '2027-02-01', to: '2027-02-12' },
          { from: '2027-02-15', to: '2027-03-05' },
        ],
      },
    ]);
    // Nobody is tied to design: the milestone says so, Ben's project-wide time notwithstanding.
    expect(result.milestones[0]!.reasons).toEqual(['Nobody is allocated to “WS design”.']);
  });
});

describe('plan staffing: order and edges', () => {
  it('plan staffing: workstreams by start, then name, then id; people by name, then id', () => {
    const result = planStaffing({
      workstreams: [ws('b', '2027-02-01', '2027-02-05'), { ...ws('c', '2027-02-01', '2027-02-05'), name: 'WS a' }, ws('a', '2027-02-01', '2027-02-05'), ws('z', '2027-01-25', '2027-02-05')],
      milestones: [],
      people: [person('z-id', 'Ana'), person('a-id', 'Ben'), person('m-id', 'Ana')],
      allocations: [alloc('a-id', '2027-02-01', '2027-02-05', 10, 'z'), alloc('z-id', '2027-02-01', '2027-02-05', 10, 'z'), alloc('m-id', '2027-02-01', '2027-02-05', 10, 'z')],
      overWeeks: [],
      gapWeeks: [],
    });
    expect(result.workstreams.map((w) => w.workstreamId)).toEqual(['z', 'a', 'c', 'b']);
    expect(result.workstreams[0]!.people.map((p) => p.personId)).toEqual(['m-id', 'z-id', 'a-id']);
  });

  it('plan staffing: an allocation tied to one workstream is not counted on another over the same days', () => {
    const result = planStaffing({
      workstreams: [build, ws('ops', '2027-02-01', '2027-02-19')],
      milestones: [],
      people: [ana],
      allocations: [alloc('ana', '2027-02-01', '2027-02-19', 20, 'build')],
      overWeeks: [],
      gapWeeks: [],
    });
    expect(result.workstreams.map((w) => [w.workstreamId, w.people.length])).toEqual([
      ['build', 1],
      ['ops', 0],
    ]);
  });

  it('plan staffing: on a workstream in two spells, over weeks and leave of either spell count, in date order', () => {
    const result = planStaffing({
      workstreams: [ws('long', '2027-02-01', '2027-03-26')],
      milestones: [],
      people: [person('dee', 'Dee', [{ from: '2027-03-15', to: '2027-03-16', reason: 'Moving' }, { from: '2027-02-02', to: '2027-02-02', reason: 'Dentist' }, { from: '2027-02-22', to: '2027-02-23', reason: 'Between spells' }])],
      // On it in February's first week and in March's third week only.
      allocations: [alloc('dee', '2027-03-15', '2027-03-19', 20, 'long'), alloc('dee', '2027-02-01', '2027-02-05', 20, 'long')],
      overWeeks: [over('dee', '2027-W11', '2027-03-15'), over('dee', '2027-W08', '2027-02-22'), over('dee', '2027-W05', '2027-02-01')],
      gapWeeks: [],
    });
    expect(result.workstreams[0]!.people[0]).toEqual({
      personId: 'dee',
      name: 'Dee',
      hoursPerWeek: 20,
      overWeeks: ['2027-W05', '2027-W11'],
      overWeekStarts: ['2027-02-01', '2027-03-15'],
      leaveDays: [
        { from: '2027-02-02', to: '2027-02-02', reason: 'Dentist' },
        { from: '2027-03-15', to: '2027-03-16', reason: 'Moving' },
      ],
    });
  });

  it('plan staffing: a milestone lists its workstreams’ reasons by start date, skills in order', () => {
    const late = { ...ws('late', '2027-03-01', '2027-03-05', 'launch'), name: 'Late' };
    const early = { ...ws('early', '2027-02-01', '2027-02-05', 'launch'), name: 'Early' };
    const result = planStaffing({
      workstreams: [late, early],
      milestones: [{ id: 'launch', name: 'Launch' }],
      people: [ana],
      allocations: [alloc('ana', '2027-02-01', '2027-02-05', 10, 'early'), alloc('ana', '2027-03-01', '2027-03-05', 10, 'late')],
      overWeeks: [],
      gapWeeks: [gap('2027-W09', '2027-03-01', 8, 'qa'), gap('2027-W05', '2027-02-01', 8, 'ux'), gap('2027-W05', '2027-02-01', 4, 'backend')],
    });
    expect(result.milestones[0]!.reasons).toEqual([
      '“Early” is short of backend, ux in the week of 1 Feb 2027 (up to 8 h a week).',
      '“Late” is short of qa in the week of 1 Mar 2027 (up to 8 h a week).',
    ]);
  });
});
