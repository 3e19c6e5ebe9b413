// One worker thread of the propagation load generator: runs a share of the editing clients (real
// Yjs clients), makes their edits at a steady rate and reports, in batches, when each edit was made
// and, for each of its clients, when the message carrying another client's edit reached it and
// when it had applied it. Times are absolute (epoch ms with sub-millisecond precision) so the main
// thread can compare them across workers.
import { parentPort, workerData } from 'node:worker_threads';
import { connectBenchClient, type BenchClient } from '../clients';
import type { RunningServer } from '../servers';
import type { EditorsCommand, EditorsReport, EditorsWorkerData } from './editors';

const { server, cookie, clients: assigned, editsPerSecond } = workerData as EditorsWorkerData;
const now = () => performance.timeOrigin + performance.now();
const target = { kind: server.kind, port: server.port } as RunningServer;

// Every y-websocket provider adds a process 'exit' listener: this thread holds many on purpose.
process.setMaxListeners(assigned.length + 10);

let sent: [string, number][] = [];
let seen: [string, number, number][] = [];
const timers: NodeJS.Timeout[] = [];
const clients: BenchClient[] = assigned.map(({ index, room }) => {
  const client = connectBenchClient(target, room, cookie, { stampArrivals: true });
  const map = client.doc.getMap<number>('bench');
  map.observe((event, transaction) => {
    if (transaction.local) return;
    const appliedAt = now();
    const arrivedAt = client.deliveringArrivedAt() ?? appliedAt;
    for (const key of event.keysChanged) seen.push([key, arrivedAt, appliedAt]);
  });
  let seq = 0;
  const edit = () => {
    const key = `${index}:${seq++}`;
    sent.push([key, now()]);
    map.set(key, seq);
  };
  void client.synced.then(() => {
    // Spread the clients' edits over the interval instead of firing them all at once.
    timers.push(setTimeout(() => timers.push(setInterval(edit, 1000 / editsPerSecond)), Math.random() * (1000 / editsPerSecond)));
  });
  return client;
});

const flush = () => {
  if (!sent.length && !seen.length) return;
  parentPort!.postMessage({ type: 'events', sent, seen } satisfies EditorsReport);
  sent = [];
  seen = [];
};
const flusher = setInterval(flush, 100);
void Promise.all(clients.map((c) => c.synced)).then(() => parentPort!.postMessage({ type: 'synced' } satisfies EditorsReport));

parentPort!.on('message', (command: EditorsCommand) => {
  if (command.type === 'stop-editing') {
    timers.forEach((t) => clearInterval(t));
    return;
  }
  if (command.type === 'close') {
    timers.forEach((t) => clearInterval(t));
    clearInterval(flusher);
    flush();
    for (const client of clients) client.destroy();
    parentPort!.postMessage({ type: 'closed' } satisfies EditorsReport);
    parentPort!.close();
  }
});
