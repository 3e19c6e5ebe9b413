// Density: many idle sockets spread over many boards. Server memory and CPU while they sit idle,
// then after they all disconnect: how long until memory is back within 10% of its baseline
// (boards unload once idle and saved).
import { rawReceiver, type RawReceiver } from '../clients';
import { prepareRooms, type RunningServer } from '../servers';

export interface DensityResult {
  sockets: number;
  boards: number;
  baselineRssMb: number;
  connectedRssMb: number;
  idleCpuPercent: number;
  boardsLoaded: number;
  afterDisconnectRssMb: number;
  backWithin10PercentMs: number | null;
  connectMs: number;
}

export async function density(server: RunningServer, options: { sockets?: number; boards?: number; idleMs?: number } = {}): Promise<DensityResult> {
  const { sockets = 2_000, boards = 200, idleMs = 10_000 } = options;
  const { rooms, cookie } = await prepareRooms(server, boards);
  const baseline = await server.stats();
  const receivers: RawReceiver[] = [];
  const started = performance.now();
  try {
    // Connect in waves, as a morning of people opening their boards would.
    for (let i = 0; i < sockets; i += 100) {
      const wave = Array.from({ length: Math.min(100, sockets - i) }, (_, j) => rawReceiver(server, rooms[(i + j) % boards]!, cookie));
      await Promise.all(wave.map((r) => r.ready));
      receivers.push(...wave);
    }
    const connectMs = Math.round(performance.now() - started);
    await server.resetStats();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const connected = await server.stats();
    for (const r of receivers) r.close();
    receivers.length = 0;
    const disconnectedAt = performance.now();
    let after = await server.stats();
    let backWithin10PercentMs: number | null = null;
    while (performance.now() - disconnectedAt < 60_000) {
      after = await server.stats();
      if (after.rssMb <= baseline.rssMb * 1.1) {
        backWithin10PercentMs = Math.round(performance.now() - disconnectedAt);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    return {
      sockets,
      boards,
      baselineRssMb: baseline.rssMb,
      connectedRssMb: connected.rssMb,
      idleCpuPercent: connected.cpuPercent,
      boardsLoaded: connected.boards,
      afterDisconnectRssMb: after.rssMb,
      backWithin10PercentMs,
      connectMs,
    };
  } finally {
    for (const r of receivers) r.close();
  }
}
