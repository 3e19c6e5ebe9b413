// Ceiling: one real sender edits a board while passive receivers are added in steps of 25; each
// step measures, per edit, the time until the LAST receiver got the update frame. The ceiling is
// the last receiver count whose p95 stayed within 100 ms.
import { connectBenchClient } from '../clients';
import { rawReceiver, type RawReceiver } from '../clients';
import { newHistogram, recordMs, summarize, type LatencySummary } from '../histogram';
import { prepareRooms, type RunningServer } from '../servers';

export interface CeilingStep {
  receivers: number;
  latency: LatencySummary;
  missed: number;
  generatorCpuPercent: number;
  serverCpuPercent: number;
}

export interface CeilingResult {
  ceiling: number;
  reachedLimit: boolean;
  steps: CeilingStep[];
}

export async function ceiling(
  server: RunningServer,
  options: { step?: number; maxReceivers?: number; editsPerSecond?: number; stepMs?: number; p95LimitMs?: number } = {},
): Promise<CeilingResult> {
  const { step = 25, maxReceivers = 600, editsPerSecond = 5, stepMs = 3_000, p95LimitMs = 100 } = options;
  const { rooms, cookie } = await prepareRooms(server, 1);
  const room = rooms[0]!;
  const sender = connectBenchClient(server, room, cookie);
  const receivers: RawReceiver[] = [];
  const steps: CeilingStep[] = [];
  try {
    await sender.synced;
    const map = sender.doc.getMap<number>('ceiling');
    let ceilingCount = 0;
    while (receivers.length < maxReceivers) {
      const batch = Array.from({ length: step }, () => rawReceiver(server, room, cookie));
      await Promise.all(batch.map((r) => r.ready));
      receivers.push(...batch);

      // Per edit: the arrival of the first update frame at each receiver after the edit was sent.
      const arrivals: number[][] = [];
      const sentAt: number[] = [];
      receivers.forEach((receiver, index) => {
        receiver.onUpdate = (at) => {
          const edit = sentAt.length - 1;
          if (edit < 0 || at < sentAt[edit]!) return;
          const row = (arrivals[edit] ??= []);
          if (row[index] === undefined) row[index] = at;
        };
      });
      await server.resetStats();
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const edits = Math.round((stepMs / 1000) * editsPerSecond);
      for (let i = 0; i < edits; i++) {
        sentAt.push(performance.now());
        map.set(`e${steps.length}-${i}`, i);
        await new Promise((resolve) => setTimeout(resolve, 1000 / editsPerSecond));
      }
      const cpu = process.cpuUsage(cpuBefore);
      const latency = newHistogram();
      let missed = 0;
      sentAt.forEach((at, edit) => {
        const row = arrivals[edit] ?? [];
        const got = row.filter((x) => x !== undefined);
        if (got.length < receivers.length) missed++;
        else recordMs(latency, Math.max(...got) - at);
      });
      const summary = summarize(latency);
      const stats = await server.stats();
      steps.push({
        receivers: receivers.length,
        latency: summary,
        missed,
        generatorCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 1000) / 10,
        serverCpuPercent: stats.cpuPercent,
      });
      if (missed > 0 || summary.p95 > p95LimitMs) break;
      ceilingCount = receivers.length;
    }
    return { ceiling: ceilingCount, reachedLimit: ceilingCount >= maxReceivers, steps };
  } finally {
    sender.destroy();
    for (const r of receivers) r.close();
  }
}
