// The meeting scenario's load generator: typists (real Yjs clients on one meeting's notes) spread
// over worker threads (typistsWorker.ts). A keystroke is identified by its typist's Yjs client id
// and that client's clock after it; another client has it once a remote transaction there moved
// the typist's clock to at least that value (Yjs integrates a client's structs in order, so that
// is exactly "it is on that screen"). A keystroke's latency is from the typist's insert to its
// arrival at the LAST other typist (the socket notes arrival before the client applies the message,
// see clients.ts), also at the first, and until the last has applied it. Computed once typing ends.
import { Worker } from 'node:worker_threads';
import { newHistogram, recordMs, type Histogram } from '../histogram';
import type { RunningServer } from '../servers';
import type { NotesLayout } from './notesLayout';

export interface TypistsWorkerData {
  server: { kind: RunningServer['kind']; port: number };
  cookie: string;
  room: string;
  layout: NotesLayout;
  /** The typists this worker runs (0-based indices). */
  typists: number[];
  keystrokesPerSecond: number;
}
export type TypistsCommand = { type: 'start' } | { type: 'stop' } | { type: 'report' } | { type: 'close' };
/** One typist's copy at the end: what it typed, the notes' summary and who wrote what where. */
export interface TypistCopy {
  index: number;
  clientId: number;
  /** Times its socket closed after it had synced (the provider reconnects). */
  drops: number;
  typed: Record<number, string>;
  summary: { xml: string; stateVector: string };
  authored: Record<number, string>[];
}
export type TypistsReport =
  | { type: 'synced'; clients: [number, number][] }
  | { type: 'closed' }
  | { type: 'copies'; copies: TypistCopy[] }
  /** sent: [clientId, clockAfter, sentAt]; seen: [receiver typist, clientId, clock, arrivedAt, appliedAt]. */
  | { type: 'events'; sent: [number, number, number][]; seen: [number, number, number, number, number][] };

export interface KeystrokeLatencies {
  keystrokes: number;
  /** To arrival at the last other typist. */
  latency: Histogram;
  /** To arrival at the first other typist. */
  firstLatency: Histogram;
  /** Until the last other typist has applied it. */
  appliedLatency: Histogram;
  /** Keystrokes some other typist never received. */
  undelivered: number;
}

export interface Typists {
  /** Resolves once every typist has synced and holds the seeded notes. */
  synced: Promise<void>;
  start(): void;
  stop(): void;
  /** Keystrokes not yet at every other typist. */
  outstanding(): number;
  /** Latencies of the keystrokes typed between `from` and `to` (epoch ms). */
  latencies(from: number, to: number): KeystrokeLatencies;
  copies(): Promise<TypistCopy[]>;
  close(): Promise<void>;
}

export function startTypists(
  server: RunningServer,
  room: string,
  cookie: string,
  options: { layout: NotesLayout; keystrokesPerSecond: number; threads: number },
): Typists {
  const { layout } = options;
  const clientOf = new Map<number, number>(); // client id -> typist
  /** Per typist: its keystrokes' [clockAfter, sentAt], in order. */
  const sent = Array.from({ length: layout.typists }, () => [] as [number, number][]);
  /** advances[sender][receiver]: the sender's clock at the receiver, [clock, arrivedAt, appliedAt], rising. */
  const advances = Array.from({ length: layout.typists }, () => Array.from({ length: layout.typists }, () => [] as [number, number, number][]));
  // Events can name a client before its worker reported which typist it is: keep them until then.
  let early: [number, number, number, number, number][] = [];
  let earlySent: [number, number, number][] = [];

  const onSent = (events: [number, number, number][]) => {
    for (const event of events) {
      const typist = clientOf.get(event[0]);
      if (typist === undefined) earlySent.push(event);
      else sent[typist]!.push([event[1], event[2]]);
    }
  };
  const onSeen = (events: [number, number, number, number, number][]) => {
    for (const event of events) {
      const [receiver, client, clock, arrivedAt, appliedAt] = event;
      const sender = clientOf.get(client);
      if (sender === undefined) {
        early.push(event);
        continue;
      }
      advances[sender]![receiver]!.push([clock, arrivedAt, appliedAt]);
    }
  };
  const lastClockAt = (sender: number, receiver: number) => advances[sender]![receiver]!.at(-1)?.[0] ?? 0;

  let copiesWanted: ((copies: TypistCopy[]) => void) | undefined;
  let copies: TypistCopy[] = [];
  const workers = Array.from({ length: options.threads }, (_, t) => {
    const mine = Array.from({ length: layout.typists }, (_, i) => i).filter((i) => i % options.threads === t);
    const data: TypistsWorkerData = { server: { kind: server.kind, port: server.port }, cookie, room, layout, typists: mine, keystrokesPerSecond: options.keystrokesPerSecond };
    return new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { ...data, module: new URL('./typistsWorker.ts', import.meta.url).href } });
  });
  const synced = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on('message', (report: TypistsReport) => {
            if (report.type === 'synced') {
              for (const [typist, client] of report.clients) clientOf.set(client, typist);
              const [waitingSeen, waitingSent] = [early, earlySent];
              [early, earlySent] = [[], []];
              onSent(waitingSent);
              onSeen(waitingSeen);
              resolve();
            }
            if (report.type === 'events') {
              onSent(report.sent);
              onSeen(report.seen);
            }
            if (report.type === 'copies') {
              copies.push(...report.copies);
              if (copies.length === layout.typists) copiesWanted?.(copies);
            }
          });
          worker.once('error', reject);
        }),
    ),
  ).then(() => {});

  return {
    synced,
    start: () => workers.forEach((w) => w.postMessage({ type: 'start' } satisfies TypistsCommand)),
    stop: () => workers.forEach((w) => w.postMessage({ type: 'stop' } satisfies TypistsCommand)),
    outstanding: () => {
      let missing = 0;
      for (let s = 0; s < layout.typists; s++) {
        const last = sent[s]!.at(-1)?.[0];
        if (last === undefined) continue;
        for (let r = 0; r < layout.typists; r++) if (r !== s && lastClockAt(s, r) < last) missing++;
      }
      return missing;
    },
    latencies: (from, to) => {
      const result: KeystrokeLatencies = { keystrokes: 0, latency: newHistogram(), firstLatency: newHistogram(), appliedLatency: newHistogram(), undelivered: 0 };
      for (let s = 0; s < layout.typists; s++) {
        for (const [clock, sentAt] of sent[s]!) {
          if (sentAt < from || sentAt > to) continue;
          result.keystrokes++;
          let first = Infinity;
          let last = 0;
          let applied = 0;
          let delivered = true;
          for (let r = 0; r < layout.typists; r++) {
            if (r === s) continue;
            const seenAt = firstAtLeast(advances[s]![r]!, clock);
            if (!seenAt) {
              delivered = false;
              break;
            }
            first = Math.min(first, seenAt[1]);
            last = Math.max(last, seenAt[1]);
            applied = Math.max(applied, seenAt[2]);
          }
          if (!delivered) {
            result.undelivered++;
            continue;
          }
          recordMs(result.latency, last - sentAt);
          recordMs(result.firstLatency, first - sentAt);
          recordMs(result.appliedLatency, applied - sentAt);
        }
      }
      return result;
    },
    copies: () => {
      copies = [];
      const all = new Promise<TypistCopy[]>((resolve) => (copiesWanted = resolve));
      workers.forEach((w) => w.postMessage({ type: 'report' } satisfies TypistsCommand));
      return all;
    },
    close: async () => {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.postMessage({ type: 'close' } satisfies TypistsCommand);
              setTimeout(() => void worker.terminate(), 5_000).unref();
            }),
        ),
      );
    },
  };
}

/** The first advance reaching `clock` (advances rise), by binary search. */
function firstAtLeast(advances: [number, number, number][], clock: number): [number, number, number] | undefined {
  let low = 0;
  let high = advances.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (advances[mid]![0] < clock) low = mid + 1;
    else high = mid;
  }
  return advances[low];
}
