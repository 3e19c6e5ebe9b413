// What-if: changes applied in memory, whole or not at all, and the cells they change.
import { describe, expect, it } from 'vitest';
import { weeksFrom } from '@/server/domain/isoWeeks';
import { defaultThresholds, type CapacityPerson } from '@/server/domain/utilisation';
import { applyScenarioChanges, changedCells, draftAllocationId, type ScenarioAllocation } from '@/server/domain/whatIf';

const person: CapacityPerson = { weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], timeOff: [] };
const people = new Map([['ada', person], ['bob', person]]);
const weeks = weeksFrom('2027-02-01', 3); // W05, W06, W07
const base: ScenarioAllocation[] = [
  { id: 'a1', personId: 'ada', projectId: 'p1', from: '2027-02-01', to: '2027-02-14', hoursPerWeek: 40, percent: null, workstreamId: 'ws1' },
  { id: 'a2', personId: 'bob', projectId: 'p1', from: '2027-02-01', to: '2027-02-21', hoursPerWeek: null, percent: 50, workstreamId: null },
];

describe('what-if', () => {
  it('whatIf: add, move and remove in order', () => {
    const outcome = applyScenarioChanges(base, [
      { kind: 'add', personId: 'ada', projectId: 'p2', from: '2027-02-15', to: '2027-02-21', hoursPerWeek: 10 },
      { kind: 'move', allocationId: 'a1', from: '2027-02-08', to: '2027-02-21', hoursPerWeek: 20 },
      { kind: 'remove', allocationId: 'a2' },
    ]);
    expect(outcome).toEqual({
      ok: true,
      allocations: [
        { ...base[0], from: '2027-02-08', to: '2027-02-21', hoursPerWeek: 20, percent: null, workstreamId: null },
        { id: draftAllocationId(0), personId: 'ada', projectId: 'p2', from: '2027-02-15', to: '2027-02-21', hoursPerWeek: 10, percent: null, workstreamId: null },
      ],
    });
    // The input is not changed.
    expect(base[0]!.from).toBe('2027-02-01');
  });

  it('whatIf: a move keeps a percent when no hours are given, and can hand the work to someone else', () => {
    const outcome = applyScenarioChanges(base, [{ kind: 'move', allocationId: 'a2', from: '2027-02-08', to: '2027-02-14', personId: 'ada' }]);
    expect(outcome.ok && outcome.allocations[1]).toMatchObject({ personId: 'ada', percent: 50, hoursPerWeek: null, from: '2027-02-08' });
  });

  it('whatIf: a change on an allocation gone since fails the whole scenario', () => {
    expect(applyScenarioChanges(base, [{ kind: 'remove', allocationId: 'a1' }, { kind: 'move', allocationId: 'a1', from: '2027-02-01', to: '2027-02-02' }, { kind: 'remove', allocationId: 'zz' }])).toEqual({
      ok: false,
      missingAllocationIds: ['a1', 'zz'],
    });
  });

  it('whatIf: only the cells that change, with before, after and the hours between', () => {
    const outcome = applyScenarioChanges(base, [
      { kind: 'move', allocationId: 'a1', from: '2027-02-08', to: '2027-02-21' },
      { kind: 'add', personId: 'bob', projectId: 'p2', from: '2027-02-08', to: '2027-02-14', hoursPerWeek: 30 },
    ]);
    if (!outcome.ok) throw new Error('expected the scenario to apply');
    expect(changedCells(people, base, outcome.allocations, weeks, defaultThresholds)).toEqual([
      { personId: 'ada', week: '2027-W05', before: { percent: 100, band: 'healthy' }, after: { percent: 0, band: 'under' }, deltaHours: -40 },
      { personId: 'ada', week: '2027-W07', before: { percent: 0, band: 'under' }, after: { percent: 100, band: 'healthy' }, deltaHours: 40 },
      { personId: 'bob', week: '2027-W06', before: { percent: 50, band: 'under' }, after: { percent: 125, band: 'over' }, deltaHours: 30 },
    ]);
  });

  it('whatIf: no changes, no cells', () => {
    expect(changedCells(people, base, base, weeks, defaultThresholds)).toEqual([]);
  });

  it('whatIf: an added allocation is known by its change until applied', () => {
    expect(draftAllocationId(2)).toBe('draft:2');
  });
});
