// Bench of the public status page: requests/s and latency of /status/<slug> under load (autocannon),
// next to the same HTML served as a static file by a plain Node static server in the same run, plus
// the page's weight (bytes, gzipped). Loopback only; each run is bounded (BENCH_SECONDS, default 10).
// Run: npm run bench:status   ->  prints a table and writes JSON to tests/bench/results/.
import autocannon from 'autocannon';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startWaymark } from '@/server/app';
import { loadConfig } from '@/server/env';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    throughputBytesPerSecond: Math.round(result.throughput.average),
    requests: result.requests.total,
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'waymark-bench-'));
  const cfg = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', NODE_ENV: 'production', BETTER_AUTH_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuv' });
  const waymark = await startWaymark(cfg);
  let staticServer: Server | undefined;
  try {
    const statusPath = waymark.seeded!.statusPath;
    const pageUrl = `http://127.0.0.1:${waymark.port}${statusPath}`;
    const html = await (await fetch(pageUrl)).text();
    const file = path.join(dataDir, 'status.html');
    await writeFile(file, html);

    // The baseline: a plain Node server streaming the same file from disk.
    staticServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => staticServer!.listen(0, '127.0.0.1', resolve));
    const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/status.html`;

    const runs = {
      statusPage: await load(pageUrl),
      statusPageGzip: await load(pageUrl, { 'accept-encoding': 'gzip' }),
      staticFile: await load(staticUrl),
    };
    const weight = { bytes: Buffer.byteLength(html), gzippedBytes: gzipSync(html).byteLength, scripts: (html.match(/<script/g) ?? []).length };

    console.log(`\n/status/<slug> vs the same HTML as a static file (${seconds} s each, ${connections} connections, loopback)\n`);
    console.table(
      Object.fromEntries(
        Object.entries(runs).map(([name, r]) => [
          name,
          { 'req/s': r.requestsPerSecond, 'p50 ms': r.latencyMs.p50, 'p90 ms': r.latencyMs.p90, 'p99 ms': r.latencyMs.p99, 'max ms': r.latencyMs.max, 'MB/s': +(r.throughputBytesPerSecond / 1e6).toFixed(1) },
        ]),
      ),
    );
    console.log(`Page weight: ${weight.bytes} bytes, ${weight.gzippedBytes} bytes gzipped, ${weight.scripts} script tags.`);
    console.log(`Status page at ${Math.round((runs.statusPage.requestsPerSecond / runs.staticFile.requestsPerSecond) * 100)}% of the static file's requests/s.`);

    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
    await mkdir(resultsDir, { recursive: true });
    const out = path.join(resultsDir, `statusPage-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(out, JSON.stringify({ at: new Date().toISOString(), seconds, connections, database: waymark.database.driver, node: process.version, runs, weight }, null, 2));
    console.log(`Written to ${path.relative(process.cwd(), out)}`);
  } finally {
    staticServer?.close();
    await waymark.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
