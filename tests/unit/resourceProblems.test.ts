// A project's resource problems and the resource risk each one fills in (server/domain/resourceProblems.ts).
import { describe, expect, it } from 'vitest';
import type { GapWeek, OverWeek, ProjectAllocation, StaffingWorkstream } from '@/server/domain/planStaffing';
import { resourceProblems, riskPrefill, workstreamMostHit, type ProblemNeed } from '@/server/domain/resourceProblems';
import { raidFieldsSchema, emptyRaidFields } from '@/server/domain/risk';

const ws = (id: string, from: string, to: string): StaffingWorkstream => ({ id, name: `WS ${id}`, from, to, milestoneId: null });
const alloc = (personId: string, from: string, to: string, workstreamId: string | null = null): ProjectAllocation => ({ personId, from, to, hoursPerWeek: 30, workstreamId });
const over = (personId: string, week: string, weekStart: string, allocatedHours = 52, capacityHours = 40): OverWeek => ({
  personId,
  week,
  weekStart,
  allocatedHours,
  capacityHours,
  percent: capacityHours ? Math.round((100 * allocatedHours) / capacityHours) : 999,
});
const need: ProblemNeed = { id: 'n1', skill: 'backend', count: 2, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' };
const gap = (week: string, weekStart: string, gapHours: number, needId = 'n1'): GapWeek => ({
  needId,
  skill: 'backend',
  week,
  weekStart,
  neededHours: 40,
  allocatedHours: 40 - gapHours,
  gapHours,
});

// February 2027: Mondays are the 1st (W05), 8th (W06), 15th (W07), 22nd (W08).
const build = ws('build', '2027-02-01', '2027-02-12');
const design = ws('design', '2027-02-08', '2027-02-26');
const base = {
  people: [
    { id: 'ana', name: 'Ana Lima', userId: 'user-ana' },
    { id: 'ben', name: 'Ben Ode', userId: 'user-not-a-member' },
  ],
  workstreams: [build, design],
  needs: [] as ProblemNeed[],
  gapWeeks: [] as GapWeek[],
  memberUserIds: new Set(['user-ana']),
};

describe('over-allocations', () => {
  it('resource problems: a person over while on the project is one problem with their weeks, the worst week, owner and workstream', () => {
    const problems = resourceProblems({
      ...base,
      allocations: [alloc('ana', '2027-02-01', '2027-02-12', 'build')],
      overWeeks: [over('ana', '2027-W06', '2027-02-08', 60), over('ana', '2027-W05', '2027-02-01')],
    });
    expect(problems).toEqual([
      {
        id: 'over:ana',
        kind: 'over-allocation',
        title: 'Ana Lima is over-allocated in the weeks of 1 Feb – 8 Feb 2027',
        detail:
          'Ana Lima has more work than time in 2 weeks while on this project, all projects counted. At the worst, the week of 8 Feb 2027, 60 h are allocated against a capacity of 40 h (150%).',
        personId: 'ana',
        ownerUserId: 'user-ana',
        workstreamId: 'build',
        weeks: ['2027-W05', '2027-W06'],
      },
    ]);
  });

  it('resource problems: weeks over outside their allocations on this project are not this project’s problem', () => {
    const problems = resourceProblems({ ...base, allocations: [alloc('ana', '2027-02-01', '2027-02-05')], overWeeks: [over('ana', '2027-W08', '2027-02-22')] });
    expect(problems).toEqual([]);
  });

  it('resource problems: someone with no allocation on the project is never listed, over or not', () => {
    expect(resourceProblems({ ...base, allocations: [], overWeeks: [over('ana', '2027-W05', '2027-02-01')] })).toEqual([]);
  });

  it('resource problems: a linked account that is not a project member is not the owner; zero capacity reads as time off', () => {
    const [problem] = resourceProblems({ ...base, allocations: [alloc('ben', '2027-02-01', '2027-02-26')], overWeeks: [over('ben', '2027-W07', '2027-02-15', 8, 0)] });
    expect(problem!.ownerUserId).toBeUndefined();
    expect(problem!.detail).toContain('In the week of 15 Feb 2027 8 h are allocated while they have no capacity');
    expect(problem!.detail).toContain('in one week');
    // An allocation to the project as a whole: no workstream is guessed from its dates.
    expect(problem!.workstreamId).toBeUndefined();
  });

  it('resource problems: an allocation tied to no workstream leaves the risk unlinked, even when a workstream meets every over week', () => {
    const [problem] = resourceProblems({
      ...base,
      allocations: [alloc('ana', '2027-02-01', '2027-02-26')],
      overWeeks: [over('ana', '2027-W05', '2027-02-01'), over('ana', '2027-W07', '2027-02-15'), over('ana', '2027-W08', '2027-02-22')],
    });
    expect(problem!.workstreamId).toBeUndefined();
    expect(riskPrefill(problem!).threatens).toEqual([]);
    expect(problem!.title).toBe('Ana Lima is over-allocated in the weeks of 1 Feb, 15 Feb and 22 Feb 2027');
  });

  it('resource problems: with allocations tied to two workstreams, the one tied in most over weeks is linked; a project allocation alongside adds none', () => {
    const [problem] = resourceProblems({
      ...base,
      allocations: [alloc('ana', '2027-02-01', '2027-02-05', 'build'), alloc('ana', '2027-02-15', '2027-02-26', 'design'), alloc('ana', '2027-02-01', '2027-02-26')],
      overWeeks: [over('ana', '2027-W05', '2027-02-01'), over('ana', '2027-W07', '2027-02-15'), over('ana', '2027-W08', '2027-02-22')],
    });
    expect(problem!.workstreamId).toBe('design');
  });

  it('resource problems: a tied allocation outside the over weeks does not link its workstream', () => {
    const [problem] = resourceProblems({
      ...base,
      allocations: [alloc('ana', '2027-02-01', '2027-02-05', 'build'), alloc('ana', '2027-02-15', '2027-02-26')],
      overWeeks: [over('ana', '2027-W07', '2027-02-15')],
    });
    expect(problem!.workstreamId).toBeUndefined();
  });

  it('resource problems: an allocation tied to one workstream does not link another that meets the weeks more', () => {
    const [problem] = resourceProblems({ ...base, allocations: [alloc('ana', '2027-02-08', '2027-02-12', 'build')], overWeeks: [over('ana', '2027-W06', '2027-02-08')] });
    expect(problem!.workstreamId).toBe('build');
  });

  it('resource problems: no workstream meets the weeks, so none is linked', () => {
    const [problem] = resourceProblems({ ...base, allocations: [alloc('ana', '2027-03-01', '2027-03-05')], overWeeks: [over('ana', '2027-W09', '2027-03-01')] });
    expect(problem!.workstreamId).toBeUndefined();
  });
});

describe('staffing gaps', () => {
  it('resource problems: a need short in some weeks is one problem; covered and surplus weeks are left out', () => {
    const problems = resourceProblems({
      ...base,
      allocations: [],
      overWeeks: [],
      needs: [need],
      gapWeeks: [gap('2027-W05', '2027-02-01', 0), gap('2027-W06', '2027-02-08', 10), gap('2027-W07', '2027-02-15', 25), gap('2027-W08', '2027-02-22', -5)],
    });
    expect(problems).toEqual([
      {
        id: 'gap:n1',
        kind: 'staffing-gap',
        title: 'Short of backend in the weeks of 8 Feb – 15 Feb 2027',
        detail: 'The project needs 2 × 20 h a week of backend from 1 Feb 2027 to 28 Feb 2027. At the worst, the week of 15 Feb 2027, 15 h of 40 h are allocated: 25 h short.',
        // design meets W06 and W07, build only W06.
        workstreamId: 'design',
        weeks: ['2027-W06', '2027-W07'],
      },
    ]);
  });

  it('resource problems: a need fully covered is no problem, and gap weeks of another need are not counted on it', () => {
    expect(resourceProblems({ ...base, allocations: [], overWeeks: [], needs: [need], gapWeeks: [gap('2027-W06', '2027-02-08', 10, 'other-need')] })).toEqual([]);
  });

  it('resource problems: over-allocations come first, each kind earliest first', () => {
    const problems = resourceProblems({
      ...base,
      people: [...base.people, { id: 'cy', name: 'Cy', userId: null }],
      allocations: [alloc('ana', '2027-02-01', '2027-02-26'), alloc('cy', '2027-02-01', '2027-02-26')],
      overWeeks: [over('ana', '2027-W08', '2027-02-22'), over('cy', '2027-W06', '2027-02-08')],
      needs: [need, { ...need, id: 'n2' }],
      gapWeeks: [gap('2027-W08', '2027-02-22', 5), gap('2027-W05', '2027-02-01', 5, 'n2')],
    });
    expect(problems.map((p) => p.id)).toEqual(['over:cy', 'over:ana', 'gap:n2', 'gap:n1']);
  });
});

describe('the resource risk', () => {
  it('resource problems: the prefill is a risk in Resources, owned by the person’s account, threatening the workstream', () => {
    expect(riskPrefill({ title: 'Ana Lima is over-allocated in 2027-W05', detail: 'Too much work.', ownerUserId: 'user-ana', workstreamId: 'build' })).toEqual({
      kind: 'risk',
      title: 'Ana Lima is over-allocated in 2027-W05',
      description: 'Too much work.',
      category: 'Resources',
      ownerId: 'user-ana',
      threatens: ['build'],
    });
    expect(riskPrefill({ title: 'Short of backend', detail: '', ownerUserId: undefined, workstreamId: undefined })).toMatchObject({ ownerId: null, threatens: [] });
  });

  it('resource problems: a long name still gives a title the risk board accepts', () => {
    const [problem] = resourceProblems({
      ...base,
      people: [{ id: 'ana', name: 'A'.repeat(300), userId: null }],
      allocations: [alloc('ana', '2027-02-01', '2027-02-05')],
      overWeeks: [over('ana', '2027-W05', '2027-02-01')],
    });
    expect(problem!.title).toHaveLength(200);
    expect(raidFieldsSchema.safeParse({ ...emptyRaidFields, ...riskPrefill(problem!) }).success).toBe(true);
  });

  it('resource problems: the workstream most hit wins, ties go to the earliest', () => {
    expect(workstreamMostHit([design, build], ['2027-02-08'])).toBe('build');
    expect(workstreamMostHit([build, design], ['2027-02-15', '2027-02-22'])).toBe('design');
    expect(workstreamMostHit([build], ['2027-03-01'])).toBeUndefined();
  });
});
