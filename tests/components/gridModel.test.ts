// The grid's compact answer expanded on the client (components/resources/gridModel.ts): allocation
// rows back to objects (day offsets before and after the window, workstreams by index), every cell
// equal to what resources.utilisation works out (personUtilisation), and one edit recomputed for
// its person alone giving the same grid as a full expansion.
import { describe, expect, it } from 'vitest';
import { compactAllocations } from '@/server/routers/resources';
import { dayNumber, weeksFrom } from '@/server/domain/isoWeeks';
import { personUtilisation } from '@/server/domain/utilisation';
import { dateOfDay, expandGrid, withAllocation, type GridAnswer } from '@/components/resources/gridModel';
import type { Allocation, Person } from '@/components/resources/model';

const person = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  name: id,
  role: '',
  skills: [],
  weeklyHours: 40,
  workingDays: [1, 2, 3, 4, 5],
  placeholder: false,
  userId: null,
  version: 1,
  timeOff: [],
  ...over,
});

const allocation = (over: Partial<Allocation> & Pick<Allocation, 'id' | 'personId' | 'from' | 'to'>): Allocation => ({
  projectId: 'apollo',
  hoursPerWeek: 20,
  percent: null,
  workstreamId: null,
  workstreamName: null,
  followsWorkstream: false,
  ...over,
});

const people = [
  person('ada'),
  person('bob', { weeklyHours: 32, workingDays: [1, 2, 3, 4], timeOff: [{ id: 't1', from: '2027-02-10', to: '2027-02-19', reason: 'Ski' }] }),
  person('cy', { workingDays: [] }),
];
const projects = [
  { id: 'apollo', name: 'Apollo' },
  { id: 'gemini', name: 'Gemini' },
];
const allocations: Allocation[] = [
  allocation({ id: 'a1', personId: 'ada', from: '2027-01-20', to: '2027-02-12', hoursPerWeek: 30 }),
  allocation({ id: 'a2', personId: 'ada', projectId: 'gemini', from: '2027-02-03', to: '2027-12-31', hoursPerWeek: null, percent: 40, workstreamId: 'w1', workstreamName: 'Build', followsWorkstream: true }),
  allocation({ id: 'a3', personId: 'bob', from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 36, workstreamId: 'w1', workstreamName: 'Build' }),
  allocation({ id: 'a4', personId: 'cy', projectId: 'gemini', from: '2027-02-08', to: '2027-02-09', hoursPerWeek: 10 }),
];
const weeks = weeksFrom('2027-02-01', 6);
const settings = { underMaxPercent: 80, healthyMaxPercent: 100 };

function answer(rows: readonly Allocation[] = allocations): GridAnswer {
  return {
    canEdit: true,
    settings,
    weeks: weeks.map((w) => w.week),
    weekStarts: weeks.map((w) => w.monday),
    projects,
    people,
    ...compactAllocations(rows, people, projects, weeks[0]!.mondayDay),
  };
}

describe('the grid answer expanded on the client', () => {
  it('reads dates from day numbers', () => {
    for (const date of ['1970-01-01', '2027-02-01', '2028-02-29', '2099-12-31']) expect(dateOfDay(dayNumber(date))).toBe(date);
  });

  it('turns allocation rows back into the allocations, workstreams listed once', () => {
    const compact = answer();
    expect(compact.workstreams).toEqual([{ id: 'w1', name: 'Build' }]);
    expect(compact.allocations[0]).toEqual(['a1', 0, 0, -12, 11, 30, null, -1, 0]);
    expect(compact.allocations[1]).toEqual(['a2', 0, 1, 2, 333, null, 40, 0, 1]);
    expect(expandGrid(compact).allocations).toEqual(allocations);
  });

  it('works out every cell as resources.utilisation does', () => {
    const grid = expandGrid(answer());
    expect(grid.cells).toEqual(
      people.map((p) => {
        const rows = personUtilisation(p, allocations.filter((a) => a.personId === p.id), weeks, settings);
        return {
          personId: p.id,
          allocated: rows.map((r) => r.allocatedHours),
          capacity: rows.map((r) => r.capacityHours),
          percent: rows.map((r) => r.percent),
          band: rows.map((r) => r.band[0]),
        };
      }),
    );
    // Spot checks: Ada's W05 is 30 h + 40% of 40 from Wednesday (3/5 x 16): 39.6 of 40.
    expect(grid.cells[0]!.allocated[0]).toBe(39.6);
    // Bob works Monday to Thursday and is off from Wednesday of W06 to Friday of W07: two days left in W06, none in W07.
    expect(grid.cells[1]!.capacity.slice(0, 3)).toEqual([32, 16, 0]);
    expect(grid.cells[1]!.band[2]).toBe('o');
    // Cy works no day: capacity 0, over when anything is allocated, never a division by zero.
    expect(grid.cells[2]!.percent.slice(0, 2)).toEqual([0, 999]);
  });

  it('recomputes one edited allocation for its person alone, the same as a full expansion', () => {
    const grid = expandGrid(answer());
    const moved = { ...allocations[2]!, from: '2027-02-15', hoursPerWeek: 44 };
    expect(withAllocation(grid, moved)).toEqual(expandGrid(answer(allocations.map((a) => (a.id === moved.id ? moved : a)))));
    // Another person's cells are the very same arrays.
    expect(withAllocation(grid, moved).cells[0]).toBe(grid.cells[0]);
    const added = allocation({ id: 'a5', personId: 'cy', from: '2027-03-01', to: '2027-03-07' });
    expect(withAllocation(grid, added).cells).toEqual(expandGrid(answer([...allocations, added])).cells);
    expect(withAllocation(grid, allocations[0]!, true).cells).toEqual(expandGrid(answer(allocations.slice(1))).cells);
  });
});
