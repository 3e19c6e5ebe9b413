// Meeting notes: 30 people typing in one meeting's notes (the Y.XmlFragment `notes`, shaped as
// Tiptap writes it; generator/notesLayout.ts) at 5 keystrokes/s each, one character per keystroke,
// in their own paragraph and in shared ones (several typists in the same paragraph), moving their
// caret in presence with every keystroke. Measures each keystroke until every other typist has it,
// the server's CPU per keystroke (and its Postgres backends') and memory, then checks that nothing was lost (every typed
// character on every copy and on the server, in each typist's order: a client connecting afresh
// gets the server's copy) and that all copies are equal.
import { connectBenchClient, waitFor } from '../clients';
import { authoredText, lostCharacters, notesSummary, seedNotes, type NotesLayout } from '../generator/notesLayout';
import { startTypists } from '../generator/typists';
import { newHistogram, summarize, type Histogram, type LatencySummary } from '../histogram';
import { watchPostgresCpu } from '../postgresCpu';
import { prepareRooms, type RunningServer } from '../servers';

export interface MeetingResult {
  typists: number;
  keystrokesPerSecond: number;
  measuredSeconds: number;
  /** Keystrokes typed in the measured window. */
  keystrokes: number;
  /** To arrival at the last other typist. */
  latency: LatencySummary;
  firstLatency: LatencySummary;
  appliedLatency: LatencySummary;
  /** Keystrokes some other typist had not received 15 s after typing stopped. */
  undelivered: number;
  /** Times a typist's socket closed after it had synced, all typists together. */
  drops: number;
  /** Whether every keystroke reached every other typist within 15 s of typing stopping. */
  drained: boolean;
  /** Characters typed (warm-up included) missing, or out of their typist's order, on some copy or on the server. */
  lost: number;
  /** Copies (typists' and the server's) whose notes or state vector differ from the server's. */
  copiesDiffering: number;
  serverCpuPercent: number;
  /** Server CPU (user + system) over the measured window and the drain after it, per keystroke. */
  serverCpuUsPerKeystroke: number;
  serverRssMb: number;
  /** The same for the Postgres backends serving the bench's database (postgresCpu.ts); null where unreadable. */
  postgresCpuUsPerKeystroke: number | null;
  generatorCpuPercent: number;
  /**
   * Waymark only: its longest event-loop delay (includes waiting for a core) and longest block of
   * main-thread CPU (does not), over the measured window; they tell the server's own stalls from the machine's.
   */
  eventLoopMaxMs: number | null;
  mainThreadCpuMaxMs: number | null;
  /** Waymark: from receiving an update to its commit; Hocuspocus stores on a 2-10 s debounce (not waited for). */
  timeToDurable: LatencySummary;
}

export type MeetingRound = MeetingResult & { histograms: { latency: Histogram; first: Histogram; applied: Histogram } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const epochNow = () => performance.timeOrigin + performance.now();

export async function meeting(
  server: RunningServer,
  options: {
    typists?: number;
    keystrokesPerSecond?: number;
    sharedParagraphs?: number;
    warmupMs?: number;
    measureMs?: number;
    threads?: number;
    /** The servers' database, for the CPU of its Postgres backends. */
    databaseUrl?: string;
  } = {},
): Promise<MeetingRound> {
  const { typists = 30, keystrokesPerSecond = 5, sharedParagraphs = 3, warmupMs = 3_000, measureMs = 30_000, threads = Number(process.env.BENCH_THREADS ?? 2) } = options;
  const layout: NotesLayout = { typists, sharedParagraphs };
  const { rooms, cookie } = await prepareRooms(server, 1, 'meeting');
  const room = rooms[0]!;

  const seeder = connectBenchClient(server, room, cookie);
  await seeder.synced;
  seedNotes(seeder.doc, layout);
  const generator = startTypists(server, room, cookie, { layout, keystrokesPerSecond, threads });
  try {
    await Promise.race([generator.synced, sleep(60_000).then(() => Promise.reject(new Error('typists did not sync within 60 s')))]);
    seeder.destroy();

    generator.start();
    await sleep(warmupMs);
    await server.resetStats();
    const postgresCpu = options.databaseUrl ? await watchPostgresCpu(options.databaseUrl) : undefined;
    const cpuBefore = process.cpuUsage();
    const from = epochNow();
    await sleep(measureMs);
    const to = epochNow();
    generator.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const generatorCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (to - from)) * 1000) / 10;
    const drained = await waitFor(() => generator.outstanding() === 0, 15_000, 'the last keystrokes').then(
      () => true,
      () => false,
    );
    const stats = await server.stats();
    const postgresCpuMs = (await postgresCpu?.sinceStartMs()) ?? null;
    await postgresCpu?.close();
    // Each worker reports its last events before its copies, so none is still on its way here.
    const copies = await generator.copies();
    const measured = generator.latencies(from, to);

    // The server's copy, as a client connecting now gets it, against every typist's.
    const checker = connectBenchClient(server, room, cookie);
    await checker.synced;
    const expected = copies[0]!.summary.stateVector;
    await waitFor(() => notesSummary(checker.doc).stateVector === expected, 10_000, "the server's copy").catch(() => {});
    const serverCopy = { summary: notesSummary(checker.doc), authored: authoredText(checker.doc) };
    checker.destroy();
    if (process.env.BENCH_DEBUG) {
      for (const c of copies) console.log('copy', c.index, 'drops', c.drops, 'lost', lostCharacters(copies, [c.authored]), 'same as server', c.summary.xml === serverCopy.summary.xml, c.summary.stateVector === serverCopy.summary.stateVector);
      console.log('server lost', lostCharacters(copies, [serverCopy.authored]), 'drained', drained, 'stats', JSON.stringify(stats));
    }

    return {
      typists,
      keystrokesPerSecond,
      measuredSeconds: Math.round((to - from) / 100) / 10,
      keystrokes: measured.keystrokes,
      latency: summarize(measured.latency),
      firstLatency: summarize(measured.firstLatency),
      appliedLatency: summarize(measured.appliedLatency),
      histograms: { latency: measured.latency, first: measured.firstLatency, applied: measured.appliedLatency },
      undelivered: measured.undelivered,
      drained,
      drops: copies.reduce((sum, c) => sum + c.drops, 0),
      lost: lostCharacters(copies, [...copies.map((c) => c.authored), serverCopy.authored]),
      copiesDiffering: copies.filter((c) => c.summary.xml !== serverCopy.summary.xml || c.summary.stateVector !== serverCopy.summary.stateVector).length,
      serverCpuPercent: stats.cpuPercent,
      serverCpuUsPerKeystroke: measured.keystrokes ? Math.round((stats.cpuMs * 1000) / measured.keystrokes) : 0,
      serverRssMb: stats.rssMb,
      postgresCpuUsPerKeystroke: postgresCpuMs !== null && measured.keystrokes ? Math.round((postgresCpuMs * 1000) / measured.keystrokes) : null,
      generatorCpuPercent,
      eventLoopMaxMs: stats.eventLoopMaxMs ?? null,
      mainThreadCpuMaxMs: stats.mainThread?.maxCpuMs ?? null,
      timeToDurable: stats.receiveToCommit,
    };
  } finally {
    seeder.destroy();
    await generator.close();
  }
}

const worst = (values: (number | null)[]) => (values.every((v) => v === null) ? null : Math.max(...values.map((v) => v ?? 0)));

/** Several rounds as one: latencies merged, counts summed, CPU averaged, the worst time to durable. */
export function combineMeetingRounds(rounds: MeetingRound[]): MeetingResult & { roundsP99: number[] } {
  const merged = { latency: newHistogram(), first: newHistogram(), applied: newHistogram() };
  for (const round of rounds) {
    merged.latency.add(round.histograms.latency);
    merged.first.add(round.histograms.first);
    merged.applied.add(round.histograms.applied);
  }
  const sum = (pick: (r: MeetingRound) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const mean = (pick: (r: MeetingRound) => number) => Math.round((sum(pick) / rounds.length) * 10) / 10;
  return {
    typists: rounds[0]!.typists,
    keystrokesPerSecond: rounds[0]!.keystrokesPerSecond,
    measuredSeconds: sum((r) => r.measuredSeconds),
    keystrokes: sum((r) => r.keystrokes),
    latency: summarize(merged.latency),
    firstLatency: summarize(merged.first),
    appliedLatency: summarize(merged.applied),
    undelivered: sum((r) => r.undelivered),
    drained: rounds.every((r) => r.drained),
    drops: sum((r) => r.drops),
    lost: sum((r) => r.lost),
    copiesDiffering: sum((r) => r.copiesDiffering),
    serverCpuPercent: mean((r) => r.serverCpuPercent),
    serverCpuUsPerKeystroke: Math.round(mean((r) => r.serverCpuUsPerKeystroke)),
    serverRssMb: Math.max(...rounds.map((r) => r.serverRssMb)),
    postgresCpuUsPerKeystroke: rounds.some((r) => r.postgresCpuUsPerKeystroke === null) ? null : Math.round(mean((r) => r.postgresCpuUsPerKeystroke!)),
    generatorCpuPercent: mean((r) => r.generatorCpuPercent),
    eventLoopMaxMs: worst(rounds.map((r) => r.eventLoopMaxMs)),
    mainThreadCpuMaxMs: worst(rounds.map((r) => r.mainThreadCpuMaxMs)),
    timeToDurable: rounds.map((r) => r.timeToDurable).reduce((a, b) => (b.p99 > a.p99 ? b : a)),
    roundsP99: rounds.map((r) => r.latency.p99),
  };
}
