// One worker thread of the meeting scenario's typists: real Yjs clients on one meeting's notes,
// each typing one character at a time at a steady rate into its own paragraph and a shared one, at
// its cursor (a relative position, as the editor keeps it), and moving its caret in presence after
// every keystroke (as Tiptap's caret extension does). Reports each keystroke (the typist's Yjs
// client id and its clock after it, and when) and, per client, each remote transaction that moved
// another client's clock (when its message reached the socket and when it was applied). Times are
// absolute (epoch ms, sub-millisecond) so the main thread can compare them across workers.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { connectBenchClient, waitFor, type BenchClient } from '../clients';
import type { RunningServer } from '../servers';
import { authoredText, notesSummary, ownParagraph, paragraphCount, paragraphText, sharedParagraph } from './notesLayout';
import type { TypistsCommand, TypistsReport, TypistsWorkerData } from './typists';

const { server, cookie, room, layout, typists, keystrokesPerSecond } = workerData as TypistsWorkerData;
const now = () => performance.timeOrigin + performance.now();
const target = { kind: server.kind, port: server.port } as RunningServer;
process.setMaxListeners(typists.length + 10);

const words = 'we agreed to move the vendor review to next week and ask finance for the updated budget before the steering meeting'.split(' ');

/** A small seeded generator, so each typist's words and moves are the same on both servers. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let sent: [number, number, number][] = [];
let seen: [number, number, number, number, number][] = [];
const timers: NodeJS.Timeout[] = [];
const watchers: NodeJS.Timeout[] = [];

interface Typist {
  index: number;
  client: BenchClient;
  /** Times its socket was seen closed after it first synced (polled every 50 ms). */
  drops: number;
  /** What it typed, per paragraph index. */
  typed: Record<number, string>;
  start(): void;
}

const started: Typist[] = typists.map((index) => {
  const client = connectBenchClient(target, room, cookie, { stampArrivals: true });
  const { doc, awareness } = client;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const appliedAt = now();
    const arrivedAt = client.deliveringArrivedAt() ?? appliedAt;
    for (const [other, clock] of transaction.afterState) {
      if (clock !== (transaction.beforeState.get(other) ?? 0)) seen.push([index, other, clock, arrivedAt, appliedAt]);
    }
  });
  const random = seeded(index + 1);
  const typed: Record<number, string> = {};
  const cursors = new Map<number, Y.RelativePosition>();
  let paragraph = ownParagraph(layout, index);
  let word = '';
  const keystroke = () => {
    if (!word) {
      // Between words, now and then move to the shared paragraph, or back to one's own.
      if (paragraph === ownParagraph(layout, index) ? random() < 0.25 : random() < 0.5) {
        paragraph = paragraph === ownParagraph(layout, index) ? sharedParagraph(layout, index) : ownParagraph(layout, index);
      }
      word = `${words[Math.floor(random() * words.length)]} `;
    }
    const char = word[0]!;
    word = word.slice(1);
    const text = paragraphText(doc, paragraph);
    const cursor = cursors.get(paragraph);
    const at = (cursor && Y.createAbsolutePositionFromRelativePosition(cursor, doc)?.index) ?? text.length;
    // Timed before the insert: the provider sends the update from inside it.
    const typedAt = now();
    text.insert(at, char);
    sent.push([doc.clientID, Y.getState(doc.store, doc.clientID), typedAt]);
    typed[paragraph] = (typed[paragraph] ?? '') + char;
    // The caret sticks to the character just typed (assoc -1), as the editor's selection does.
    const caret = Y.createRelativePositionFromTypeIndex(text, at + 1, -1);
    cursors.set(paragraph, caret);
    const json = Y.relativePositionToJSON(caret);
    awareness.setLocalStateField('cursor', { anchor: json, head: json });
  };
  awareness.setLocalStateField('user', { name: `Typist ${index + 1}`, color: '#1d4ed8' });
  const typist = {
    index,
    client,
    drops: 0,
    typed,
    // Spread the typists' keystrokes over the interval instead of firing them all at once.
    start: () => void timers.push(setTimeout(() => timers.push(setInterval(keystroke, 1000 / keystrokesPerSecond)), Math.random() * (1000 / keystrokesPerSecond))),
  };
  let wasConnected = false;
  void client.synced.then(() => (wasConnected = true));
  const watch = setInterval(() => {
    const connected = client.connected();
    if (wasConnected && !connected) typist.drops++;
    if (connected) wasConnected = true;
    else wasConnected = false;
  }, 50);
  watchers.push(watch);
  return typist;
});

const flush = () => {
  if (!sent.length && !seen.length) return;
  parentPort!.postMessage({ type: 'events', sent, seen } satisfies TypistsReport);
  sent = [];
  seen = [];
};
const flusher = setInterval(flush, 100);

void (async () => {
  await Promise.all(started.map((t) => t.client.synced));
  // The notes are seeded before the typists connect; wait until each copy holds them.
  await waitFor(() => started.every((t) => t.client.doc.getXmlFragment('notes').length >= paragraphCount(layout)), 30_000, 'the seeded notes');
  parentPort!.postMessage({ type: 'synced', clients: started.map((t) => [t.index, t.client.doc.clientID]) } satisfies TypistsReport);
})();

parentPort!.on('message', (command: TypistsCommand) => {
  if (command.type === 'start') started.forEach((t) => t.start());
  if (command.type === 'stop') {
    timers.forEach((t) => clearInterval(t));
    flush();
  }
  if (command.type === 'report') {
    flush();
    parentPort!.postMessage({
      type: 'copies',
      copies: started.map((t) => ({ index: t.index, clientId: t.client.doc.clientID, drops: t.drops, typed: t.typed, summary: notesSummary(t.client.doc), authored: authoredText(t.client.doc) })),
    } satisfies TypistsReport);
  }
  if (command.type === 'close') {
    timers.forEach((t) => clearInterval(t));
    clearInterval(flusher);
    watchers.forEach((w) => clearInterval(w));
    flush();
    for (const t of started) t.client.destroy();
    parentPort!.postMessage({ type: 'closed' } satisfies TypistsReport);
    parentPort!.close();
  }
});
