// What-if scenarios: a draft list of allocation changes (add, move, remove) applied in memory to the
// current allocations, and the utilisation cells that would change. Plain functions, no I/O; the
// scenario router stores the drafts and applies them for real in one transaction.
import type { ScenarioChange } from '@/db/schema/resources';
import type { WeekSpan } from './isoWeeks';
import { personUtilisation, roundHours, type Band, type BandThresholds, type CapacityPerson } from './utilisation';

export type { ScenarioChange };

export interface ScenarioAllocation {
  id: string;
  personId: string;
  projectId: string;
  from: string;
  to: string;
  hoursPerWeek: number | null;
  percent: number | null;
  workstreamId: string | null;
}

export type ScenarioOutcome = { ok: true; allocations: ScenarioAllocation[] } | { ok: false; missingAllocationIds: string[] };

/** The id an added allocation has in memory (it has none until the scenario is applied). */
export function draftAllocationId(changeIndex: number): string {
  return `draft:${changeIndex}`;
}

/**
 * The allocations once every change is made, in order. A move sets the dates explicitly, so it
 * unties the allocation from its workstream; a move with hoursPerWeek turns a percent into hours.
 * A change naming an allocation that no longer exists (removed since, or by an earlier change)
 * makes the whole scenario fail: it is applied entirely or not at all.
 */
export function applyScenarioChanges(allocations: readonly ScenarioAllocation[], changes: readonly ScenarioChange[]): ScenarioOutcome {
  const byId = new Map(allocations.map((allocation) => [allocation.id, { ...allocation }]));
  const missing: string[] = [];
  changes.forEach((change, index) => {
    if (change.kind === 'add') {
      const id = draftAllocationId(index);
      byId.set(id, { id, personId: change.personId, projectId: change.projectId, from: change.from, to: change.to, hoursPerWeek: change.hoursPerWeek, percent: null, workstreamId: null });
      return;
    }
    const current = byId.get(change.allocationId);
    if (!current) {
      missing.push(change.allocationId);
      return;
    }
    if (change.kind === 'remove') {
      byId.delete(change.allocationId);
      return;
    }
    current.from = change.from;
    current.to = change.to;
    current.workstreamId = null;
    if (change.hoursPerWeek !== undefined) {
      current.hoursPerWeek = change.hoursPerWeek;
      current.percent = null;
    }
    if (change.personId !== undefined) current.personId = change.personId;
  });
  if (missing.length > 0) return { ok: false, missingAllocationIds: [...new Set(missing)] };
  return { ok: true, allocations: [...byId.values()] };
}

export interface ChangedCell {
  personId: string;
  week: string;
  before: { percent: number; band: Band };
  after: { percent: number; band: Band };
  deltaHours: number;
}

/**
 * The cells whose allocated hours differ between two sets of allocations, person by person and
 * week by week (people are those of `people`; allocations of anyone else are ignored).
 */
export function changedCells(
  people: ReadonlyMap<string, CapacityPerson>,
  before: readonly ScenarioAllocation[],
  after: readonly ScenarioAllocation[],
  weeks: readonly WeekSpan[],
  thresholds: BandThresholds,
): ChangedCell[] {
  const group = (allocations: readonly ScenarioAllocation[]) => {
    const byPerson = new Map<string, ScenarioAllocation[]>();
    for (const allocation of allocations) {
      const list = byPerson.get(allocation.personId) ?? [];
      list.push(allocation);
      byPerson.set(allocation.personId, list);
    }
    return byPerson;
  };
  const beforeByPerson = group(before);
  const afterByPerson = group(after);
  const cells: ChangedCell[] = [];
  for (const [personId, person] of people) {
    const was = beforeByPerson.get(personId) ?? [];
    const will = afterByPerson.get(personId) ?? [];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut; nobody's allocations change nothing
    if (was.length === 0 && will.length === 0) continue;
    const beforeWeeks = personUtilisation(person, was, weeks, thresholds);
    const afterWeeks = personUtilisation(person, will, weeks, thresholds);
    beforeWeeks.forEach((old, index) => {
      const next = afterWeeks[index]!;
      const deltaHours = roundHours(next.allocatedHours - old.allocatedHours);
      if (deltaHours === 0) return;
      cells.push({
        personId,
        week: old.week,
        before: { percent: old.percent, band: old.band },
        after: { percent: next.percent, band: next.band },
        deltaHours,
      });
    });
  }
  return cells;
}
