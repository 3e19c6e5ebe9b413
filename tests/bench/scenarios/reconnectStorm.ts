// Reconnect storm: many connected clients, the server restarts (SIGTERM, then a new process on the
// same port); time until every client is synced again, and the peak of connection attempts per
// 100 ms that reach the new server once it listens (the herd it has to absorb; attempts while it
// is down are refused by the OS at no cost), with the stock back-off and Waymark's jittered one.
import { connectBenchClient, waitFor, type BenchClient } from '../clients';
import { prepareRooms, type RunningServer } from '../servers';

export interface StormResult {
  clients: number;
  backoff: 'stock' | 'jittered';
  resyncedMs: number;
  /** Most connection attempts in any 100 ms after the new server listens. */
  peakAttemptsPer100ms: number;
  attempts: number;
}

export async function reconnectStorm(
  start: () => Promise<RunningServer>,
  options: { clients?: number; boards?: number; jitter: boolean },
): Promise<{ result: StormResult; server: RunningServer }> {
  const { clients: count = 1_000, boards = 20 } = options;
  // Every y-websocket provider adds a process 'exit' listener: this process holds many on purpose.
  process.setMaxListeners(process.getMaxListeners() + count);
  let server = await start();
  const { rooms, cookie } = await prepareRooms(server, boards);
  const attempts: number[] = [];
  const clients: BenchClient[] = [];
  try {
    for (let i = 0; i < count; i += 100) {
      const wave = Array.from({ length: Math.min(100, count - i) }, (_, j) =>
        connectBenchClient(server, rooms[(i + j) % boards]!, cookie, { jitter: options.jitter, onAttempt: () => attempts.push(performance.now()) }),
      );
      await Promise.all(wave.map((c) => c.synced));
      clients.push(...wave);
    }
    attempts.length = 0;
    const restartAt = performance.now();
    await server.stop('SIGTERM');
    server = await start();
    const upAt = performance.now();
    await waitFor(() => clients.every((c) => c.connected()), 120_000, 'every client to sync again');
    const resyncedMs = Math.round(performance.now() - restartAt);
    const buckets = new Map<number, number>();
    for (const at of attempts.filter((t) => t >= upAt)) buckets.set(Math.floor(at / 100), (buckets.get(Math.floor(at / 100)) ?? 0) + 1);
    return {
      result: {
        clients: count,
        backoff: options.jitter ? 'jittered' : 'stock',
        resyncedMs,
        peakAttemptsPer100ms: Math.max(0, ...buckets.values()),
        attempts: attempts.length,
      },
      server,
    };
  } finally {
    for (const c of clients) c.destroy();
  }
}
