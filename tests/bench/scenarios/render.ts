// Server render: the risk board page of a project with 500 RAID items, requested by a few
// concurrent readers; time to first byte and to the full page (the whole app: Next, tRPC, the
// projection tables), p50 / p99, and throughput. Needs a production build (`next build`).
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { newHistogram, recordMs, summarize, type LatencySummary } from '../histogram';
import { waitFor } from '../clients';
import { profileFlags } from '../servers';

export interface RenderResult {
  items: number;
  concurrency: number;
  requests: number;
  requestsPerSecond: number;
  ttfb: LatencySummary;
  full: LatencySummary;
  pageBytes: number;
  /** The same page as a browser receives it (gzip, which the app applies when asked). */
  gzipBytes: number;
}

function timedGet(url: string, cookie: string): Promise<{ ttfb: number; full: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers: { cookie } }, (res) => {
      const ttfb = performance.now() - started;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ ttfb, full: performance.now() - started, bytes, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bytes on the wire for a GET that accepts gzip (not decompressed). */
function compressedSize(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      if (res.headers['content-encoding'] !== 'gzip') return reject(new Error('the page was not compressed'));
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

async function trpc(base: string, cookie: string, path: string, input: unknown) {
  const response = await fetch(`${base}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ json: input }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

export async function render(
  databaseUrl: string,
  port: number,
  options: { items?: number; concurrency?: number; durationMs?: number } = {},
): Promise<RenderResult> {
  const { items = 500, concurrency = 4, durationMs = 10_000 } = options;
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: base,
      SEED_DEMO: 'false',
      BETTER_AUTH_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      AUTH_SIGN_IN_LIMIT: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('is running on'), 120_000, 'the app to start');

    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ name: 'Bench TPM', email: `bench-${Date.now()}@example.test`, password: 'bench-password-123' }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const project = (await trpc(base, cookie, 'project.create', { name: 'Render bench' })) as { id: string };
    const header = 'title,kind,likelihood,impact,status,category,description';
    const kinds = ['risk', 'assumption', 'issue', 'dependency'];
    const statuses = ['open', 'mitigating', 'resolved', 'accepted', 'closed'];
    const rows = Array.from(
      { length: items },
      (_, i) => `Bench item ${i},${kinds[i % 4]},${(i % 5) + 1},${((i * 3) % 5) + 1},${statuses[i % 5]},Area ${i % 12},"A realistic description, item ${i}"`,
    );
    await trpc(base, cookie, 'raid.importCsv', { projectId: project.id, csv: [header, ...rows].join('\n') });
    const pageUrl = `${base}/p/${project.id}/risks`;
    // The projection is debounced: wait until the page shows the last item.
    const deadline = performance.now() + 30_000;
    for (;;) {
      const listed = (await (await fetch(`${base}/api/trpc/raid.list?input=${encodeURIComponent(JSON.stringify({ json: { projectId: project.id } }))}`, { headers: { cookie } })).json()) as {
        result: { data: { json: unknown[] } };
      };
      if (listed.result.data.json.length >= items || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Warm up (first requests compile caches), then measure.
    for (let i = 0; i < 5; i++) await timedGet(pageUrl, cookie);
    const gzipBytes = await compressedSize(pageUrl, cookie);
    const ttfb = newHistogram();
    const full = newHistogram();
    let requests = 0;
    let pageBytes = 0;
    const until = performance.now() + durationMs;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const result = await timedGet(pageUrl, cookie);
          if (result.status !== 200) throw new Error(`page answered ${result.status}`);
          recordMs(ttfb, result.ttfb);
          recordMs(full, result.full);
          pageBytes = result.bytes;
          requests++;
        }
      }),
    );
    return {
      items,
      concurrency,
      requests,
      requestsPerSecond: Math.round((requests / (performance.now() - started)) * 10_000) / 10,
      ttfb: summarize(ttfb),
      full: summarize(full),
      pageBytes,
      gzipBytes,
    };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
