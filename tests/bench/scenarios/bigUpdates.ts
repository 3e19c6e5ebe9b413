// Big updates and big imports: an honest editor's latency (edit -> arrival at another client on
// the same board, 10 edits/s) with no other load (the baseline), while one socket sends twelve
// 3 MiB updates as fast as it can, and while a 5,000-row CSV import runs through the live board;
// with the server's RSS before / peak / after, its longest event-loop delay and its longest block
// of main-thread CPU (which a busy machine does not inflate) in each phase.
// Waymark only: what it measures is Waymark's back-pressure and import slicing (issue 13 point 8).
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newHistogram, recordMs, summarize, type LatencySummary } from '../histogram';
import { connectBenchClient } from '../clients';
import type { RunningServer } from '../servers';

export interface BigUpdatesPhase {
  honest: LatencySummary;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  eventLoopMaxMs: number;
  /** The longest block of the server's main-thread CPU (ms): the event loop held by work, not by a busy machine. */
  mainThreadCpuMaxMs: number;
  /** How long the hostile load took to be stored (ms); 0 for the baseline. */
  loadMs: number;
}

export interface BigUpdatesResult {
  baseline: BigUpdatesPhase;
  bigUpdates: BigUpdatesPhase;
  bigImport: BigUpdatesPhase;
}

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text Yjs cannot shrink much: `length` characters. */
function bulkText(length: number, seed: number): string {
  const parts: string[] = [];
  let size = 0;
  let state = seed >>> 0;
  while (size < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const part = state.toString(36);
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sends twelve 3 MiB updates at once on a raw socket; resolves once all are acknowledged as stored. */
async function sendBigUpdates(server: RunningServer, room: string, cookie: string): Promise<void> {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 12; i++) source.getText('bulk').insert(0, bulkText(3 * MiB, i + 1));
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${room}?saved=1`, { headers: { cookie } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 100 && decoding.readVarUint(decoder) >= updates.length) resolve();
      });
      ws.once('close', (code) => reject(new Error(`the sender of big updates was closed (${code})`)));
      ws.once('open', () => {
        for (const update of updates) ws.send(updateMessage(update));
      });
    });
  } finally {
    ws.close();
    source.destroy();
  }
}

/** Runs `load` while an honest editor edits; measures latency, memory and event-loop delay. */
async function phase(server: RunningServer, room: string, cookie: string, minMs: number, load: () => Promise<void>): Promise<BigUpdatesPhase> {
  const sender = connectBenchClient(server, room, cookie);
  const receiver = connectBenchClient(server, room, cookie);
  await Promise.all([sender.synced, receiver.synced]);
  const latency = newHistogram();
  const sentAt = new Map<number, number>();
  const marks = receiver.doc.getMap<number>('bench-honest');
  marks.observe((event) => {
    for (const key of event.keysChanged) {
      const at = sentAt.get(Number(key));
      if (at !== undefined) {
        recordMs(latency, performance.now() - at);
        sentAt.delete(Number(key));
      }
    }
  });
  await server.resetStats();
  const before = await server.stats();
  let next = 0;
  const editing = setInterval(() => {
    const key = next++;
    sentAt.set(key, performance.now());
    sender.doc.getMap<number>('bench-honest').set(String(key), key);
  }, 100);
  const started = performance.now();
  await Promise.all([load(), sleep(minMs)]);
  const loadMs = Math.round(performance.now() - started);
  clearInterval(editing);
  // Let the last edits arrive, then everything be stored.
  const deadline = performance.now() + 60_000;
  while ((sentAt.size > 0 || ((await server.stats()).unsaved ?? 0) > 0) && performance.now() < deadline) await sleep(100);
  const during = await server.stats();
  sender.destroy();
  receiver.destroy();
  return {
    honest: summarize(latency),
    rssBeforeMb: before.rssMb,
    rssPeakMb: during.peakRssMb ?? during.rssMb,
    rssAfterMb: during.rssMb,
    eventLoopMaxMs: during.eventLoopMaxMs ?? 0,
    mainThreadCpuMaxMs: during.mainThread?.maxCpuMs ?? 0,
    loadMs,
  };
}

export async function bigUpdates(server: RunningServer, options: { baselineMs?: number } = {}): Promise<BigUpdatesResult> {
  const { baselineMs = 10_000 } = options;
  const response = await fetch(`http://127.0.0.1:${server.port}/team?projects=3`, { method: 'POST' });
  if (!response.ok) throw new Error(`could not create projects: ${response.status}`);
  const team = (await response.json()) as { projectIds: string[]; ownerId: string; ownerCookie: string };
  const [first, second, third] = team.projectIds.map((id) => `risks:${id}`) as [string, string, string];
  const cookie = team.ownerCookie;
  const baseline = await phase(server, first, cookie, baselineMs, async () => {});
  const big = await phase(server, second, cookie, 0, () => sendBigUpdates(server, second, cookie));
  const bigImport = await phase(server, third, cookie, 0, async () => {
    const projectId = third.slice('risks:'.length);
    const url = `http://127.0.0.1:${server.port}/import?projectId=${projectId}&actorId=${team.ownerId}&rows=5000`;
    const answer = await fetch(url, { method: 'POST' });
    if (!answer.ok) throw new Error(`import failed: ${answer.status} ${await answer.text()}`);
  });
  return { baseline, bigUpdates: big, bigImport };
}
