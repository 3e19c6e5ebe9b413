// How long the main thread's own work held the event loop, counted in CPU time rather than wall
// time, so that a busy shared machine (other processes taking the CPU away) does not look like a
// blocked event loop: monitorEventLoopDelay counts the time the process waited for a core too.
// A timer ticks every `everyMs`; between two ticks the main thread's CPU time (Linux:
// /proc/thread-self/schedstat, in ns; elsewhere the whole process's, a looser upper bound) is the
// work of whatever ran in that gap. The longest gap's CPU is the longest synchronous block, give
// or take one tick of other work.
import { readFileSync } from 'node:fs';
import { newHistogram, recordMs, summarize, type LatencySummary } from './histogram';

const schedstat = '/proc/thread-self/schedstat';

function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

export interface MainThreadBlocks {
  /** The most CPU the main thread used between two ticks (ms). */
  maxCpuMs: number;
  /** The longest wall time between two ticks (ms), the same figure as an event-loop delay plus one tick. */
  maxWallMs: number;
  /** Gaps between ticks in which the main thread used more than 50 ms of CPU. */
  over50Ms: number;
  /** The CPU of the gaps in which the main thread was busy (> 2 ms): one slice of work each, roughly (ms). */
  busy: LatencySummary;
}

export function watchMainThreadBlocks(everyMs = 5) {
  let lastCpu = mainThreadCpuMs();
  let lastWall = performance.now();
  let blocks = { maxCpuMs: 0, maxWallMs: 0, over50Ms: 0 };
  const busy = newHistogram();
  const timer = setInterval(() => {
    const cpu = mainThreadCpuMs();
    const wall = performance.now();
    const cpuMs = cpu - lastCpu;
    blocks.maxCpuMs = Math.max(blocks.maxCpuMs, cpuMs);
    blocks.maxWallMs = Math.max(blocks.maxWallMs, wall - lastWall);
    if (cpuMs > 50) blocks.over50Ms++;
    if (cpuMs > 2) recordMs(busy, cpuMs);
    lastCpu = cpu;
    lastWall = wall;
  }, everyMs).unref();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    read: (): MainThreadBlocks => ({ maxCpuMs: round(blocks.maxCpuMs), maxWallMs: round(blocks.maxWallMs), over50Ms: blocks.over50Ms, busy: summarize(busy) }),
    reset() {
      blocks = { maxCpuMs: 0, maxWallMs: 0, over50Ms: 0 };
      busy.reset();
    },
    /** Leaves out the time since the last tick (e.g. a garbage collection the caller forced). */
    leaveOutSinceLastTick() {
      lastCpu = mainThreadCpuMs();
      lastWall = performance.now();
    },
    stop: () => clearInterval(timer),
  };
}
