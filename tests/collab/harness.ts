// A real collaboration server on port 0 (no Next) over the test database, and real y-websocket
// clients that carry a session cookie, for the collaboration tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { sendOnlyOwnPresence } from '@/components/live/ownPresence';
import * as Y from 'yjs';
import type { Database } from '@/db';
import type { Auth } from '@/server/auth';
import { sessionAccess, type CollabAccess } from '@/server/collab/authenticate';
import { defaultCollabLimits, type CollabLimits } from '@/server/collab/limits';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import type { ProjectionRetry } from '@/server/collab/liveDocument';
import { silentLogger, type Logger } from '@/server/collab/logger';
import type { RebuildPolicy } from '@/server/collab/rebuild';
import { CollabServer } from '@/server/collab/server';
import { UpdateLog } from '@/server/collab/updateLog';
import { parseBoardName } from '@/server/collab/boards';
import type { BoardKind } from '@/server/collab/liveBoards';
import { eventually } from '../support/eventually';
import { testDatabase } from '../support/database';
import type { OriginPolicy } from '@/server/http/origin';
import { createTestAuth, testOrigins } from '../support/factories';

export const appUrl = 'http://localhost:3000';

export interface Harness {
  db: Database;
  auth: Auth;
  documents: LiveDocuments;
  collab: CollabServer;
  url: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  limits?: Partial<CollabLimits>;
  compactEvery?: number;
  unloadAfterMs?: number;
  rebuild?: RebuildPolicy;
  /** Which origins may open boards; by default what APP_URL=http://localhost:3000 allows. */
  origins?: OriginPolicy;
  /** How long the projection waits after an edit (0: at once). */
  projectionDebounceMs?: number;
  /** How a failing projection is retried (default: the server's). */
  projectionRetry?: ProjectionRetry;
  /** Where the live boards log (default: nowhere). */
  logger?: Logger;
  /** Rows of an import applied per slice (default: LiveDocuments' default). */
  importSliceRows?: number;
  /** How long an update waits for others to share its commit (default 0). */
  commitWindowMs?: number;
  /** Replaces the session/membership checks (e.g. to make authentication hang). */
  access?: (real: CollabAccess) => CollabAccess;
}

export async function startCollabServer(options: HarnessOptions = {}): Promise<Harness> {
  const { db } = await testDatabase();
  // As in server/app.ts: a session ended through this auth closes the sockets opened with it.
  let endLiveSession: (sessionId: string) => void = () => {};
  const auth = createTestAuth(db, undefined, { sessionEnded: (session) => endLiveSession(session.id) });
  const limits = { ...defaultCollabLimits, maxMessageBytes: 1024 * 1024, pingIntervalMs: 60_000, authTimeoutMs: 5_000, ...options.limits };
  const documents = new LiveDocuments({
    db,
    compactEvery: options.compactEvery ?? 500,
    projectionDebounceMs: options.projectionDebounceMs ?? 0,
    unloadAfterMs: options.unloadAfterMs ?? 0,
    rebuild: options.rebuild,
    maxPresenceBytes: limits.maxAwarenessBytes,
    projectionRetry: options.projectionRetry,
    logger: options.logger ?? silentLogger,
    maxPendingBytes: limits.maxPendingBytes,
    importSliceRows: options.importSliceRows,
    commitWindowMs: options.commitWindowMs,
  });
  const collab = new CollabServer({
    documents,
    access: options.access ? options.access(sessionAccess(db, auth)) : sessionAccess(db, auth),
    origins: options.origins ?? testOrigins,
    limits,
    logger: silentLogger,
  });
  endLiveSession = (sessionId) => collab.endSession(sessionId);
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    db,
    auth,
    documents,
    collab,
    url: `ws://127.0.0.1:${port}/collab`,
    async close() {
      await collab.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A ws WebSocket class that sends the given cookie and Origin, for WebsocketProvider. */
export function socketClass(headers: { cookie?: string; origin?: string }) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v)) as Record<string, string> });
    }
  };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy(): void;
}

export function connectClient(
  url: string,
  room: string,
  cookie: string,
  params: Record<string, string> = {},
  options: { maxBackoffTime?: number } = {},
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: socketClass({ cookie }) as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    ...options,
  });
  // As the app's client does (components/live/useLiveDoc.ts).
  sendOnlyOwnPresence(provider);
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A raw socket that records every frame it receives and how it was closed. */
export function rawSocket(url: string, headers: { cookie?: string; origin?: string }) {
  const ws = new (socketClass(headers))(url);
  const frames: Buffer[] = [];
  ws.on('message', (data) => frames.push(data as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames, closed, opened };
}

/** A protocol message: its type, a sub-type where it has one (sync steps), and its payload. */
export function envelope(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (sub !== null) encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Retries an assertion until it passes or the time runs out (no fixed sleeps). */
export { eventually };

/**
 * Waits until the server has handled everything `client` has sent so far. A socket's messages are
 * handled in order, so presence set now, once `observer` sees it relayed, proves the earlier
 * messages (a viewer's write, say) were handled too; no waiting on another socket's unrelated event.
 */
export async function handledSoFar(client: Client, observer: Client): Promise<void> {
  const probe = `handled-${Math.random()}`;
  client.provider.awareness.setLocalStateField('probe', probe);
  // Plain throw, not expect: the benchmarks load this module outside vitest.
  await eventually(() => {
    if (observer.provider.awareness.getStates().get(client.doc.clientID)?.probe !== probe) throw new Error('presence probe not relayed yet');
  });
}

/** A copy of the board as the server holds it now (loading it if needed). */
export async function serverBoard(h: Harness, room: string): Promise<Y.Doc> {
  const board = parseBoardName(room);
  if (!board) throw new Error(`not a board: ${room}`);
  const document = await h.documents.open(board.kind, board.boardId);
  try {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document.doc));
    return copy;
  } finally {
    document.release();
  }
}

/** The board as its update log stores it. */
export async function storedBoard(db: Database, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const { data } of (await new UpdateLog(db).load(room)).updates) Y.applyUpdate(doc, data);
  return doc;
}

/**
 * The room of a board of kind `kind` in the team's project: the project's own board, for a
 * meeting a new meeting of the project (made by its owner), for people its workspace's board.
 */
export async function roomOf(
  kind: BoardKind,
  team: { project: { id: string; workspaceId: string }; as(persona: 'owner'): Promise<{ meeting: { create(input: { projectId: string; title: string; startsAt: Date }): Promise<{ id: string }> } }> },
): Promise<string> {
  if (kind === 'people') return `people:${team.project.workspaceId}`;
  if (kind !== 'meeting') return `${kind}:${team.project.id}`;
  const owner = await team.as('owner');
  const { id } = await owner.meeting.create({ projectId: team.project.id, title: 'Weekly sync', startsAt: new Date('2027-02-01T09:00:00Z') });
  return `meeting:${id}`;
}
