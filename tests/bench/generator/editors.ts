// The propagation load generator: editing clients spread over worker threads, each a real Yjs
// client (y-websocket's provider or Hocuspocus') that applies every edit. Edits and sightings come
// back from the workers in batches with absolute times. An edit's latency is from its sending to
// the LAST other client on its board receiving it: each client's socket notes a message's arrival
// before the client applies it (clients.ts, stampArrivals), so a client does not count the time its
// thread spent applying the same message for the clients ahead of it, as it would not on its own
// machine. The time until the last client has applied it is kept too (`appliedLatency`): with 25
// clients per thread on a 2-core machine, that one is mostly the generator's own queue.
import { Worker } from 'node:worker_threads';
import { newHistogram, recordMs, type Histogram } from '../histogram';
import type { RunningServer } from '../servers';

export interface EditorsWorkerData {
  server: { kind: RunningServer['kind']; port: number };
  cookie: string;
  clients: { index: number; room: string }[];
  editsPerSecond: number;
}
export type EditorsCommand = { type: 'stop-editing' } | { type: 'close' };
export type EditorsReport =
  | { type: 'synced' }
  | { type: 'closed' }
  /** sent: [edit, sentAt]; seen: [edit, arrivedAt, appliedAt], once per receiving client. */
  | { type: 'events'; sent: [string, number][]; seen: [string, number, number][] };

interface Edit {
  sentAt?: number;
  seen: number;
  firstArrivedAt: number;
  lastArrivedAt: number;
  lastAppliedAt: number;
}

export interface Editors {
  /** Resolves once every client has synced. */
  synced: Promise<void>;
  /** Latencies of the edits sent from now on (until `stopMeasuring`). */
  startMeasuring(): void;
  stopMeasuring(): void;
  /** From an edit to its arrival at the last other client on its board. */
  latency: Histogram;
  /** From an edit to its arrival at the first other client on its board. */
  firstLatency: Histogram;
  /** From an edit to the last other client on its board having applied it. */
  appliedLatency: Histogram;
  /** Measured edits not yet seen by every other client on their board. */
  outstanding(): number;
  measuredEdits(): number;
  stopEditing(): void;
  close(): Promise<void>;
}

export function startEditors(
  server: RunningServer,
  rooms: string[],
  cookie: string,
  options: { clients: number; editsPerSecond: number; threads: number },
): Editors {
  const roomOf = (index: number) => rooms[index % rooms.length]!;
  const receiversOn = new Map<string, number>();
  for (let i = 0; i < options.clients; i++) receiversOn.set(roomOf(i), (receiversOn.get(roomOf(i)) ?? 0) + 1);
  const edits = new Map<string, Edit>();
  const latency = newHistogram();
  const firstLatency = newHistogram();
  const appliedLatency = newHistogram();
  let window: { from: number; to: number } | undefined;
  let measured = 0;
  const inWindow = (at: number) => !!window && at >= window.from && at <= window.to;

  const complete = (key: string, edit: Edit) => {
    if (edit.sentAt === undefined) return;
    const room = roomOf(Number(key.slice(0, key.indexOf(':'))));
    if (edit.seen < receiversOn.get(room)! - 1) return;
    if (inWindow(edit.sentAt)) {
      recordMs(latency, edit.lastArrivedAt - edit.sentAt);
      recordMs(firstLatency, edit.firstArrivedAt - edit.sentAt);
      recordMs(appliedLatency, edit.lastAppliedAt - edit.sentAt);
    }
    edits.delete(key);
  };
  const onEvents = (sent: [string, number][], seen: [string, number, number][]) => {
    for (const [key, at] of sent) {
      const edit = edits.get(key) ?? { seen: 0, firstArrivedAt: Infinity, lastArrivedAt: 0, lastAppliedAt: 0 };
      edit.sentAt = at;
      if (inWindow(at)) measured++;
      edits.set(key, edit);
      complete(key, edit);
    }
    for (const [key, arrivedAt, appliedAt] of seen) {
      const edit = edits.get(key) ?? { seen: 0, firstArrivedAt: Infinity, lastArrivedAt: 0, lastAppliedAt: 0 };
      edit.seen++;
      edit.firstArrivedAt = Math.min(edit.firstArrivedAt, arrivedAt);
      edit.lastArrivedAt = Math.max(edit.lastArrivedAt, arrivedAt);
      edit.lastAppliedAt = Math.max(edit.lastAppliedAt, appliedAt);
      edits.set(key, edit);
      complete(key, edit);
    }
  };

  const workers = Array.from({ length: options.threads }, (_, t) => {
    const clients = [];
    for (let i = t; i < options.clients; i += options.threads) clients.push({ index: i, room: roomOf(i) });
    const data: EditorsWorkerData = { server: { kind: server.kind, port: server.port }, cookie, clients, editsPerSecond: options.editsPerSecond };
    return new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { ...data, module: new URL('./editorsWorker.ts', import.meta.url).href } });
  });
  const synced = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on('message', (report: EditorsReport) => {
            if (report.type === 'synced') resolve();
            if (report.type === 'events') onEvents(report.sent, report.seen);
          });
          worker.once('error', reject);
        }),
    ),
  ).then(() => {});

  const now = () => performance.timeOrigin + performance.now();
  return {
    synced,
    latency,
    firstLatency,
    appliedLatency,
    startMeasuring: () => (window = { from: now(), to: Infinity }),
    stopMeasuring: () => {
      if (window) window.to = now();
    },
    outstanding: () => [...edits.values()].filter((e) => e.sentAt !== undefined && inWindow(e.sentAt)).length,
    measuredEdits: () => measured,
    stopEditing: () => workers.forEach((w) => w.postMessage({ type: 'stop-editing' } satisfies EditorsCommand)),
    close: async () => {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.postMessage({ type: 'close' } satisfies EditorsCommand);
              setTimeout(() => void worker.terminate(), 5_000).unref();
            }),
        ),
      );
    },
  };
}
