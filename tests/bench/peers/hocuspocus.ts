// The peer in the benchmarks: Hocuspocus (@hocuspocus/server) with its Database extension storing
// each document to the same Postgres, default debounce. Like Waymark's bench process it answers
// `GET /stats` (memory, CPU, change-to-store latency) and `POST /stats/reset` on its HTTP port.
// Prints `READY <port>` once it listens. Benchmark-only: never part of the app.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';
import { newHistogram, recordMs, summarize } from '../histogram';

const sql = postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} });
await sql`create table if not exists hocuspocus_document (name text primary key, data bytea not null)`;

const durable = newHistogram();
const unstored = new Map<string, number[]>();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  websocketOptions: { maxPayload: 4 * 1024 * 1024 },
  async onChange({ documentName }) {
    const list = unstored.get(documentName) ?? [];
    list.push(performance.now());
    unstored.set(documentName, list);
  },
  async onRequest({ request, response }) {
    if (request.url === '/stats' || request.url === '/stats/reset') {
      if (request.url === '/stats/reset') {
        durable.reset();
        cpuSince = process.cpuUsage();
        wallSince = performance.now();
      }
      (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage(cpuSince);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
          cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallSince)) * 1000) / 10,
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
          sockets: server.hocuspocus.getConnectionsCount(),
          boards: server.hocuspocus.getDocumentsCount(),
          receiveToCommit: summarize(durable),
        }),
      );
      // Hocuspocus' request hook stops the default response by rejecting.
      throw null;
    }
  },
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql`select data from hocuspocus_document where name = ${documentName}`;
        return row ? new Uint8Array(row.data as Buffer) : null;
      },
      store: async ({ documentName, state }) => {
        const pending = unstored.get(documentName) ?? [];
        unstored.set(documentName, []);
        await sql`insert into hocuspocus_document (name, data) values (${documentName}, ${Buffer.from(state)})
                  on conflict (name) do update set data = excluded.data`;
        const now = performance.now();
        for (const at of pending) recordMs(durable, now - at);
      },
    }),
  ],
});
await server.listen();
console.log(`READY ${server.address.port}`);
