// The grid's compact answer (`resources.grid`: allocations as rows of indexes and day offsets, no
// cells) turned back into what the people page draws: allocations as objects and, per person, the
// utilisation of every shown week, worked out with the server's own `personUtilisation`
// (server/domain/utilisation.ts), so a cell reads exactly what `resources.utilisation` answers.
// Plain functions, no React; tested in tests/components/gridModel.test.ts.
import { dayNumber, type WeekSpan } from '@/server/domain/isoWeeks';
import { personUtilisation, type Band } from '@/server/domain/utilisation';
import type { Allocation, CompactBand, GridCells, GridData, IsoDate, Person } from './model';

/** One allocation of the answer: `[id, personIndex, projectIndex, fromDay, toDay, hoursPerWeek, percent, workstreamIndex, follows]`. */
export type GridAllocationRow = readonly [string, number, number, number, number, number | null, number | null, number, number];

/** The answer of `resources.grid` (docs/api.md). */
export interface GridAnswer {
  canEdit: boolean;
  settings: { underMaxPercent: number; healthyMaxPercent: number };
  weeks: string[];
  weekStarts: IsoDate[];
  projects: { id: string; name: string }[];
  people: Person[];
  workstreams: { id: string; name: string }[];
  allocations: readonly GridAllocationRow[];
}

const msPerDay = 86_400_000;
const bandLetter: Record<Band, CompactBand> = { under: 'u', healthy: 'h', over: 'o' };

/** The date `yyyy-MM-dd` of a day number (days since 1970-01-01, see dayNumber). */
export function dateOfDay(day: number): IsoDate {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** The shown weeks as the utilisation functions take them. */
export function weekSpans(grid: Pick<GridAnswer, 'weeks' | 'weekStarts'>): WeekSpan[] {
  return grid.weeks.map((week, i) => ({ week, monday: grid.weekStarts[i]!, mondayDay: dayNumber(grid.weekStarts[i]!) }));
}

/** A person's cells over the shown weeks, from their allocations. */
export function personCells(person: Person, allocations: readonly Allocation[], weeks: readonly WeekSpan[], settings: GridAnswer['settings']): GridCells {
  const rows = personUtilisation(person, allocations, weeks, settings);
  return {
    personId: person.id,
    allocated: rows.map((row) => row.allocatedHours),
    capacity: rows.map((row) => row.capacityHours),
    percent: rows.map((row) => row.percent),
    band: rows.map((row) => bandLetter[row.band]),
  };
}

/** The allocations of the answer as objects (in the answer's order: by person, then start date). */
export function expandAllocations(grid: Pick<GridAnswer, 'weekStarts' | 'people' | 'projects' | 'workstreams' | 'allocations'>): Allocation[] {
  const day0 = grid.weekStarts.length ? dayNumber(grid.weekStarts[0]!) : 0;
  return grid.allocations.map(([id, personIndex, projectIndex, fromDay, toDay, hoursPerWeek, percent, workstreamIndex, follows]) => {
    const workstream = workstreamIndex >= 0 ? grid.workstreams[workstreamIndex] : undefined;
    return {
      id,
      personId: grid.people[personIndex]!.id,
      projectId: grid.projects[projectIndex]!.id,
      from: dateOfDay(day0 + fromDay),
      to: dateOfDay(day0 + toDay),
      hoursPerWeek,
      percent,
      workstreamId: workstream?.id ?? null,
      workstreamName: workstream?.name ?? null,
      followsWorkstream: follows === 1,
    };
  });
}

function byPerson(allocations: readonly Allocation[]): Map<string, Allocation[]> {
  const map = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const list = map.get(a.personId);
    if (list) list.push(a);
    else map.set(a.personId, [a]);
  }
  return map;
}

/** Everything the grid's components use, from one compact answer: allocations as objects and every cell. */
export function expandGrid(grid: GridAnswer): GridData {
  const allocations = expandAllocations(grid);
  const weeks = weekSpans(grid);
  const mine = byPerson(allocations);
  return {
    canEdit: grid.canEdit,
    settings: grid.settings,
    weeks: grid.weeks,
    weekStarts: grid.weekStarts,
    projects: grid.projects,
    people: grid.people,
    allocations,
    cells: grid.people.map((person) => personCells(person, mine.get(person.id) ?? [], weeks, grid.settings)),
  };
}

/**
 * The grid once one allocation is changed (or added, or with `null` dates removed): only its
 * person's cells are worked out again. What the editing client does at once, before the server's
 * answer comes back; the others refetch on the people board's signal.
 */
export function withAllocation(grid: GridData, allocation: Allocation, removed = false): GridData {
  const index = grid.allocations.findIndex((a) => a.id === allocation.id);
  const allocations = removed ? grid.allocations.filter((a) => a.id !== allocation.id) : index >= 0 ? [...grid.allocations.slice(0, index), allocation, ...grid.allocations.slice(index + 1)] : [...grid.allocations, allocation];
  const person = grid.people.find((p) => p.id === allocation.personId);
  const previous = index >= 0 ? grid.allocations[index]!.personId : allocation.personId;
  const changed = new Set([allocation.personId, previous]);
  const weeks = weekSpans(grid);
  const cells = grid.cells.map((row) => {
    if (!changed.has(row.personId)) return row;
    const owner = row.personId === person?.id ? person : grid.people.find((p) => p.id === row.personId);
    return owner ? personCells(owner, allocations.filter((a) => a.personId === row.personId), weeks, grid.settings) : row;
  });
  return { ...grid, allocations, cells };
}
