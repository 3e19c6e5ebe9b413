// Other shapes of the resources grid's answer, built from one real answer (expanded back to the
// first shape, A), with their JSON size and the CPU superjson (tRPC's transformer) spends on each:
// the figures behind the change to shape D that docs/benchmarks.md ("Resources grid") records.
// Measured in the bench process, not the server.
import superjson from 'superjson';
import type { AllocationView } from '@/server/data/resources';
import { dayNumber } from '@/server/domain/isoWeeks';

export interface GridForShapes {
  weekStarts: string[];
  people: { id: string }[];
  projects: { id: string }[];
  allocations: AllocationView[];
  cells: { personId: string; allocated: number[]; capacity: number[]; percent: number[]; band: string[] }[];
}

/** Allocations as tuples: people, projects and workstreams by index, dates as days from the first Monday. */
function compactAllocations(grid: GridForShapes) {
  const day0 = dayNumber(grid.weekStarts[0]!);
  const personIndex = new Map(grid.people.map((p, i) => [p.id, i]));
  const projectIndex = new Map(grid.projects.map((p, i) => [p.id, i]));
  const workstreams = [...new Map(grid.allocations.filter((a) => a.workstreamId).map((a) => [a.workstreamId!, a.workstreamName])).entries()];
  const workstreamIndex = new Map(workstreams.map(([id], i) => [id, i]));
  return {
    workstreams: workstreams.map(([id, name]) => ({ id, name })),
    rows: grid.allocations.map((a) => [
      a.id,
      personIndex.get(a.personId),
      projectIndex.get(a.projectId),
      dayNumber(a.from) - day0,
      dayNumber(a.to) - day0,
      a.hoursPerWeek,
      a.percent,
      a.workstreamId ? workstreamIndex.get(a.workstreamId) : -1,
      a.followsWorkstream ? 1 : 0,
    ]),
  };
}

export function gridShapes(grid: GridForShapes, rounds = 12) {
  const compact = compactAllocations(grid);
  const shapes: Record<string, unknown> = {
    'A. as now': grid,
    'B. A without cells': { ...grid, cells: undefined },
    'C. A with allocations as tuples': { ...grid, allocations: compact },
    'D. B and C': { ...grid, cells: undefined, allocations: compact },
    'E. C with cells of allocated and capacity only': { ...grid, allocations: compact, cells: grid.cells.map(({ personId, allocated, capacity }) => ({ personId, allocated, capacity })) },
  };
  return Object.fromEntries(
    Object.entries(shapes).map(([name, shape]) => {
      const cpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < rounds; i++) {
        const before = process.cpuUsage();
        bytes = Buffer.byteLength(superjson.stringify(shape));
        const spent = process.cpuUsage(before);
        cpu.push((spent.user + spent.system) / 1000);
      }
      cpu.sort((a, b) => a - b);
      return [name, { bytes, superjsonCpuMsMedian: Math.round(cpu[Math.floor(rounds / 2)]! * 10) / 10 }];
    }),
  );
}
