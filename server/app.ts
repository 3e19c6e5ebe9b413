// Builds Waymark's single process: database (migrated), auth, live boards, the collaboration
// server and, unless told otherwise, Next's request handler, on one HTTP server and port.
// server/main.ts runs it; tests start it without Next to exercise the same composition.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDatabase, type DatabaseHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoIfEmpty } from '@/db/seed';
import { createAuth, type Auth } from './auth';
import { sessionAccess } from './collab/authenticate';
import { LiveDocuments } from './collab/liveDocuments';
import { CollabServer } from './collab/server';
import type { Config } from './env';
import { publishServices } from './globals';
import { StatusSite } from './status/publicSite';
import { WebhookSender } from './status/webhooks';

export interface WaymarkOptions {
  /** Serve pages and APIs with Next (`dev` for hot reload). Without it, only live boards run. */
  next?: { dev: boolean };
  /** Measurement hook for benchmarks (see LiveDocumentOptions.onCommit). */
  onCommit?: (receivedAt: readonly number[], committedAt: number) => void;
  /** Handles plain HTTP requests when Next is not used (tests). */
  fallbackHandler?: (services: { db: DatabaseHandle['db']; auth: Auth; documents: LiveDocuments }) => RequestListener;
}

export interface Waymark {
  port: number;
  database: DatabaseHandle;
  auth: Auth;
  documents: LiveDocuments;
  collab: CollabServer;
  seeded: Awaited<ReturnType<typeof seedDemoIfEmpty>>;
  /** Stops accepting, flushes every pending write, closes sockets and the database. */
  stop(): Promise<void>;
}

/** Rate limits key on X-Forwarded-For: set it from the socket unless a trusted proxy sets it. */
function pinClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy && req.headers['x-forwarded-for']) return;
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
}

export async function startWaymark(cfg: Config, options: WaymarkOptions = {}): Promise<Waymark> {
  const database = getDatabase(cfg);
  await migrateDatabase(database);
  // Ending a session (sign-out, revocation) closes the live sockets opened with it; the
  // collaboration server that holds them is built below.
  let endLiveSession: (sessionId: string) => void = () => {};
  const auth = createAuth(database.db, cfg, { sessionEnded: (session) => endLiveSession(session.id) });
  const documents = new LiveDocuments({
    db: database.db,
    compactEvery: cfg.collab.compactEvery,
    commitWindowMs: cfg.collab.commitWindowMs,
    projectionDebounceMs: cfg.collab.projectionDebounceMs,
    unloadAfterMs: cfg.collab.unloadAfterMs,
    maxPresenceBytes: cfg.collab.maxAwarenessBytes,
    maxPendingBytes: cfg.collab.maxPendingBytes,
    importSliceRows: cfg.collab.importSliceRows,
    onCommit: options.onCommit,
  });
  const webhooks = new WebhookSender(database.db, cfg.webhooks);
  // Retries a previous run was still waiting to make (a restart does not drop them).
  void webhooks.resume().catch((error) => console.error('Could not resume webhook retries:', error));
  publishServices({ auth, live: documents, webhooks });
  const seeded = cfg.seedDemo ? await seedDemoIfEmpty(database.db, auth, documents) : null;

  let handleRequest: RequestListener;
  let closeNext = async () => {};
  if (options.next) {
    const { default: next } = await import('next');
    const app = next({ dev: options.next.dev, dir: process.cwd(), hostname: cfg.host, port: cfg.port });
    await app.prepare();
    const nextHandler = app.getRequestHandler();
    handleRequest = (req, res) => void nextHandler(req, res);
    closeNext = () => app.close();
  } else {
    handleRequest = options.fallbackHandler?.({ db: database.db, auth, documents }) ?? ((_req, res) => res.writeHead(404).end());
  }

  const collab = new CollabServer({
    documents,
    access: sessionAccess(database.db, auth),
    origins: cfg.origins,
    limits: cfg.collab,
  });
  endLiveSession = (sessionId) => collab.endSession(sessionId);
  // Public status pages are answered here, before Next, with their own caching (server/status/publicSite.ts).
  const statusSite = new StatusSite({ db: database.db, appUrl: cfg.appUrl, log: (m) => console.warn(m) });
  const server = createServer((req, res) => {
    pinClientAddress(req, cfg.trustProxy);
    if (req.url?.startsWith('/status/')) void statusSite.handle(req, res);
    else handleRequest(req, res);
  });
  // Only our own path: Next adds its own upgrade listener (dev hot reload) and must keep its sockets.
  server.on('upgrade', (req, socket, head) => {
    collab.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(cfg.port, cfg.host, resolve));

  return {
    port: (server.address() as AddressInfo).port,
    database,
    auth,
    documents,
    collab,
    seeded,
    async stop() {
      server.close();
      await collab.close();
      server.closeAllConnections();
      await closeNext();
      await webhooks.close();
      await database.close();
    },
  };
}

/** On SIGTERM or SIGINT: stop (flushing everything) and exit 0; exit 1 if that takes over 20 s. */
export function stopOnSignals(waymark: Waymark, log: (message: string) => void = console.log): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: saving live boards and stopping…`);
    const forced = setTimeout(() => {
      console.error('Shutdown took longer than 20 s; exiting.');
      process.exit(1);
    }, 20_000);
    forced.unref();
    try {
      await waymark.stop();
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
