// The two servers under benchmark, each in its own process on the same Postgres database:
// Waymark's collaboration server (its real process composition, without Next) and Hocuspocus.
// Both answer GET /stats and POST /stats/reset; clients for each live in clients.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import type { MainThreadBlocks } from './mainThreadBlocks';

export type ServerKind = 'waymark' | 'hocuspocus';

export interface RunningServer {
  kind: ServerKind;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  stats(): Promise<ServerStats>;
  resetStats(): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerStats {
  rssMb: number;
  cpuPercent: number;
  /** Server CPU (user + system) since the last reset, ms. */
  cpuMs: number;
  sockets: number;
  boards: number;
  receiveToCommit: { count: number; p50: number; p95: number; p99: number; max: number };
  /** Waymark only: the highest RSS since the last reset (sampled every 50 ms). */
  peakRssMb?: number;
  /** Waymark only: the longest event-loop delay since the last reset. */
  eventLoopMaxMs?: number;
  /** Waymark only: the longest blocks of the main thread's CPU since the last reset (mainThreadBlocks.ts). */
  mainThread?: MainThreadBlocks;
  /** Waymark only: updates applied but not yet committed. */
  unsaved?: number;
}

const entry: Record<ServerKind, string> = {
  waymark: 'tests/collab/fixtures/collabProcess.ts',
  hocuspocus: 'tests/bench/peers/hocuspocus.ts',
};

/** BENCH_PROFILE_DIR=dir: Node flags that write a CPU profile of a bench process there when it exits. */
export function profileFlags(): string[] {
  return process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
}

export function startServer(kind: ServerKind, env: Record<string, string>, port = 0): Promise<RunningServer> {
  const args = ['--expose-gc', ...profileFlags(), '--import', 'tsx', entry[kind]];
  // BENCH_PIN=1: the server gets CPU 0 to itself (run.ts moves the generator off it); Postgres floats.
  const pinned = process.env.BENCH_PIN === '1';
  const child = spawn(pinned ? 'taskset' : process.execPath, pinned ? ['-c', '0', process.execPath, ...args] : args, {
    env: { ...process.env, PROJECTION_DEBOUNCE_MS: '300', ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (!match) return;
      const base = `http://127.0.0.1:${match[1]}`;
      resolve({
        kind,
        port: Number(match[1]),
        child,
        exited,
        stats: async () => (await fetch(`${base}/stats`)).json() as Promise<ServerStats>,
        resetStats: async () => void (await fetch(`${base}/stats/reset`, { method: 'POST' })),
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`${kind} server exited before it was ready (${code})`)));
  });
}

/**
 * Rooms to use on a server: Waymark needs real projects (with a member's cookie), and for `meeting`
 * rooms a meeting in one; Hocuspocus takes any name.
 */
export async function prepareRooms(server: RunningServer, count: number, kind: 'risks' | 'meeting' = 'risks'): Promise<{ rooms: string[]; cookie: string }> {
  if (server.kind === 'hocuspocus') {
    const run = Math.random().toString(36).slice(2, 8);
    return { rooms: Array.from({ length: count }, (_, i) => `bench-${kind}-${run}-${i}`), cookie: '' };
  }
  const query = kind === 'meeting' ? `meetings=${count}` : `projects=${count}`;
  const response = await fetch(`http://127.0.0.1:${server.port}/team?${query}`, { method: 'POST' });
  if (!response.ok) throw new Error(`could not create ${kind === 'meeting' ? 'meetings' : 'projects'}: ${response.status} ${await response.text()}`);
  const team = (await response.json()) as { projectIds: string[]; meetingIds: string[]; ownerCookie: string };
  const rooms = kind === 'meeting' ? team.meetingIds.map((id) => `meeting:${id}`) : team.projectIds.map((id) => `risks:${id}`);
  return { rooms, cookie: team.ownerCookie };
}
