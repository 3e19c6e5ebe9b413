// Waymark's one process on one port: Next's request handler for pages and APIs, and the
// collaboration server for `/collab/*` upgrades. Run with tsx: `npm start` (production, via
// server/start.ts) or `npm run dev` (hot reload). SIGTERM/SIGINT flush every pending write first.
import { createServer, type IncomingMessage } from 'node:http';
import next from 'next';
import { getDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoIfEmpty } from '@/db/seed';
import { createAuth } from './auth';
import { sessionAccess } from './collab/authenticate';
import { LiveDocuments } from './collab/liveDocuments';
import { CollabServer } from './collab/server';
import { config, ConfigError } from './env';
import { publishServices } from './globals';

const dev = process.argv.includes('--dev');

/** Rate limits key on X-Forwarded-For: set it from the socket unless a trusted proxy sets it. */
function pinClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy && req.headers['x-forwarded-for']) return;
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
}

async function main() {
  const cfg = config();
  const database = getDatabase(cfg);
  await migrateDatabase(database);
  const auth = createAuth(database.db, cfg);
  const documents = new LiveDocuments({
    db: database.db,
    compactEvery: cfg.collab.compactEvery,
    projectionDebounceMs: cfg.collab.projectionDebounceMs,
    unloadAfterMs: cfg.collab.unloadAfterMs,
  });
  publishServices({ auth, live: documents });

  const seeded = cfg.seedDemo ? await seedDemoIfEmpty(database.db, auth, documents) : null;

  const app = next({ dev, dir: process.cwd(), hostname: cfg.host, port: cfg.port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const collab = new CollabServer({
    documents,
    access: sessionAccess(database.db, auth),
    appUrl: cfg.appUrl,
    maxMessageBytes: cfg.collab.maxMessageBytes,
    pingIntervalMs: cfg.collab.pingIntervalMs,
    authTimeoutMs: cfg.collab.authTimeoutMs,
  });

  const server = createServer((req, res) => {
    pinClientAddress(req, cfg.trustProxy);
    void handleRequest(req, res);
  });
  // Only our own path: Next adds its own upgrade listener (dev hot reload) and must keep its sockets.
  server.on('upgrade', (req, socket, head) => {
    collab.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(cfg.port, cfg.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;

  console.log(`Waymark is running on http://localhost:${port} (${database.driver}${dev ? ', development' : ''})`);
  if (seeded) {
    console.log(`Demo workspace seeded. Sign in as ${seeded.email} / ${seeded.password}`);
    console.log(`  (also sam@demo.waymark.dev, an editor, and priya@demo.waymark.dev, a viewer; same password)`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving live boards and stopping…`);
    const forced = setTimeout(() => {
      console.error('Shutdown took longer than 20 s; exiting.');
      process.exit(1);
    }, 20_000);
    forced.unref();
    server.close();
    await collab.close();
    server.closeAllConnections();
    await app.close();
    await database.close();
    clearTimeout(forced);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Waymark failed to start:', error);
  process.exit(1);
});
