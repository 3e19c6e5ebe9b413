// Propagation: real Yjs clients on a few boards, each making small edits at a steady rate; the
// latency of an edit is from the sender's change to the LAST other client on its board seeing it.
// Also reports the server's receive-to-commit latency (time to durable) and both sides' CPU.
import { newHistogram, recordMs, summarize, type LatencySummary } from '../histogram';
import { connectBenchClient, waitFor } from '../clients';
import { prepareRooms, type RunningServer } from '../servers';

export interface PropagationResult {
  clients: number;
  boards: number;
  edits: number;
  latency: LatencySummary;
  undelivered: number;
  timeToDurable: LatencySummary;
  serverCpuPercent: number;
  serverRssMb: number;
  generatorCpuPercent: number;
}

export async function propagation(
  server: RunningServer,
  options: { clients: number; boards: number; editsPerSecond?: number; warmupMs?: number; measureMs?: number },
): Promise<PropagationResult> {
  const { clients: clientCount, boards, editsPerSecond = 2, warmupMs = 3_000, measureMs = 15_000 } = options;
  const { rooms, cookie } = await prepareRooms(server, boards);
  const clients = Array.from({ length: clientCount }, (_, i) => ({ room: i % boards, client: connectBenchClient(server, rooms[i % boards]!, cookie) }));
  const timers: NodeJS.Timeout[] = [];
  try {
    await Promise.race([
      Promise.all(clients.map((c) => c.client.synced)),
      new Promise((_, reject) => setTimeout(() => reject(new Error('clients did not sync within 60 s')), 60_000)),
    ]);
    const perRoom = new Map<number, number>();
    for (const c of clients) perRoom.set(c.room, (perRoom.get(c.room) ?? 0) + 1);

    const latency = newHistogram();
    const pending = new Map<string, { sentAt: number; remaining: number; measured: boolean }>();
    let measuring = false;
    let edits = 0;
    for (const { client } of clients) {
      const map = client.doc.getMap<number>('bench');
      map.observe((event, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const edit = pending.get(key);
          if (!edit) continue;
          if (--edit.remaining === 0) {
            if (edit.measured) recordMs(latency, now - edit.sentAt);
            pending.delete(key);
          }
        }
      });
    }
    clients.forEach(({ room, client }, i) => {
      let seq = 0;
      const map = client.doc.getMap<number>('bench');
      const edit = () => {
        const key = `${i}:${seq++}`;
        pending.set(key, { sentAt: performance.now(), remaining: perRoom.get(room)! - 1, measured: measuring });
        if (measuring) edits++;
        map.set(key, seq);
      };
      // Spread the clients' edits over the interval instead of firing them all at once.
      const start = setTimeout(() => timers.push(setInterval(edit, 1000 / editsPerSecond)), Math.random() * (1000 / editsPerSecond));
      timers.push(start);
    });

    await new Promise((resolve) => setTimeout(resolve, warmupMs));
    await server.resetStats();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    measuring = true;
    await new Promise((resolve) => setTimeout(resolve, measureMs));
    measuring = false;
    const cpu = process.cpuUsage(cpuBefore);
    const generatorCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 1000) / 10;
    timers.forEach((t) => clearInterval(t));
    await waitFor(() => [...pending.values()].every((p) => !p.measured), 5_000, 'the last edits').catch(() => {});
    const stats = await server.stats();
    // Hocuspocus stores on a debounce (2 s, at most 10 s): wait for its stores before reading them.
    let durable = stats.receiveToCommit;
    const deadline = performance.now() + 12_000;
    while (durable.count < edits && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      durable = (await server.stats()).receiveToCommit;
    }
    return {
      clients: clientCount,
      boards,
      edits,
      latency: summarize(latency),
      undelivered: [...pending.values()].filter((p) => p.measured).length,
      timeToDurable: durable,
      serverCpuPercent: stats.cpuPercent,
      serverRssMb: stats.rssMb,
      generatorCpuPercent,
    };
  } finally {
    timers.forEach((t) => clearInterval(t));
    for (const { client } of clients) client.destroy();
  }
}
