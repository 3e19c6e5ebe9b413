// Propagation: real Yjs clients on a few boards (spread over the generator's worker threads), each
// making small edits at a steady rate; the latency of an edit is from the sender's change to its
// arrival at the LAST other client on its board (also: at the first, and until the last has
// applied it; see generator/editors.ts).
// Also reports the server's receive-to-commit latency (time to durable) and both sides' CPU.
// The bench runs it in rounds, the two servers taking turns, and merges each server's rounds
// (combineRounds): on a shared VM a slow minute would otherwise land on one server only.
import { waitFor } from '../clients';
import { startEditors } from '../generator/editors';
import { newHistogram, summarize, type Histogram, type LatencySummary } from '../histogram';
import { prepareRooms, type RunningServer } from '../servers';

/** Worker threads for the editing clients (BENCH_THREADS overrides). */
const generatorThreads = Number(process.env.BENCH_THREADS ?? 2);

export interface PropagationResult {
  clients: number;
  boards: number;
  /** Worker threads of the load generator the clients were spread over. */
  threads: number;
  edits: number;
  /** To the edit's arrival at the last other client on its board. */
  latency: LatencySummary;
  /** To its arrival at the first. */
  firstLatency: LatencySummary;
  /** Until the last has applied it (mostly the generator's queue: many clients share a thread). */
  appliedLatency: LatencySummary;
  undelivered: number;
  timeToDurable: LatencySummary;
  serverCpuPercent: number;
  serverRssMb: number;
  generatorCpuPercent: number;
}

/** One round, with its latencies to merge into the others'. */
export type PropagationRound = PropagationResult & { histograms: { latency: Histogram; first: Histogram; applied: Histogram } };

/** Several rounds as one: latencies merged, time to durable from the round with the worst p99, CPU averaged. */
export function combineRounds(rounds: PropagationRound[]): PropagationResult & { roundsP99: number[] } {
  const merged = { latency: newHistogram(), first: newHistogram(), applied: newHistogram() };
  for (const round of rounds) {
    merged.latency.add(round.histograms.latency);
    merged.first.add(round.histograms.first);
    merged.applied.add(round.histograms.applied);
  }
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  const worstDurable = rounds.map((r) => r.timeToDurable).reduce((a, b) => (b.p99 > a.p99 ? b : a));
  return {
    clients: rounds[0]!.clients,
    boards: rounds[0]!.boards,
    threads: rounds[0]!.threads,
    edits: rounds.reduce((sum, r) => sum + r.edits, 0),
    latency: summarize(merged.latency),
    firstLatency: summarize(merged.first),
    appliedLatency: summarize(merged.applied),
    undelivered: rounds.reduce((sum, r) => sum + r.undelivered, 0),
    timeToDurable: worstDurable,
    serverCpuPercent: mean(rounds.map((r) => r.serverCpuPercent)),
    serverRssMb: Math.max(...rounds.map((r) => r.serverRssMb)),
    generatorCpuPercent: mean(rounds.map((r) => r.generatorCpuPercent)),
    roundsP99: rounds.map((r) => r.latency.p99),
  };
}

export async function propagation(
  server: RunningServer,
  options: { clients: number; boards: number; editsPerSecond?: number; warmupMs?: number; measureMs?: number; threads?: number },
): Promise<PropagationRound> {
  const { clients, boards, editsPerSecond = 2, warmupMs = 3_000, measureMs = 15_000, threads = generatorThreads } = options;
  const { rooms, cookie } = await prepareRooms(server, boards);
  const editors = startEditors(server, rooms, cookie, { clients, editsPerSecond, threads });
  try {
    await Promise.race([
      editors.synced,
      new Promise((_, reject) => setTimeout(() => reject(new Error('clients did not sync within 60 s')), 60_000)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, warmupMs));
    await server.resetStats();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    editors.startMeasuring();
    await new Promise((resolve) => setTimeout(resolve, measureMs));
    editors.stopMeasuring();
    const cpu = process.cpuUsage(cpuBefore);
    const generatorCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 1000) / 10;
    editors.stopEditing();
    await waitFor(() => editors.outstanding() === 0, 5_000, 'the last edits').catch(() => {});
    const stats = await server.stats();
    const edits = editors.measuredEdits();
    // Hocuspocus stores on a debounce (2 s, at most 10 s): wait for its stores before reading them.
    let durable = stats.receiveToCommit;
    const deadline = performance.now() + 12_000;
    while (durable.count < edits && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      durable = (await server.stats()).receiveToCommit;
    }
    return {
      clients,
      boards,
      threads,
      edits,
      latency: summarize(editors.latency),
      firstLatency: summarize(editors.firstLatency),
      appliedLatency: summarize(editors.appliedLatency),
      histograms: { latency: editors.latency, first: editors.firstLatency, applied: editors.appliedLatency },
      undelivered: editors.outstanding(),
      timeToDurable: durable,
      serverCpuPercent: stats.cpuPercent,
      serverRssMb: stats.rssMb,
      generatorCpuPercent,
    };
  } finally {
    await editors.close();
  }
}
