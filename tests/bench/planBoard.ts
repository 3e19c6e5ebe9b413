// Bench of the live plan (npm run bench:plan, after `next build`): starts Waymark on a loopback
// port with a fresh embedded database, fills one plan with 300 workstreams and 50 milestones, then
// measures (1) the server render of /p/<id>/plan (time to first byte and to the last byte, p50/p99)
// and (2) how long an edit made by one real y-websocket client takes to appear in another's
// document. Prints a table and writes JSON to tests/bench/results/ (git-ignored). Bounded in time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addDays, format } from 'date-fns';
import { addDependency, insertPlanItem, planItemsMap, updatePlanItem } from '@/server/collab/boards/planDocument';

const port = Number(process.env.BENCH_PORT ?? 3530);
const base = `http://localhost:${port}`;
const renders = Number(process.env.BENCH_RENDERS ?? 40);
const edits = Number(process.env.BENCH_EDITS ?? 50);
const workstreamCount = 300;
const milestoneCount = 50;
const overallLimitMs = Number(process.env.BENCH_LIMIT_MS ?? 180_000);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

if (!existsSync('.next/BUILD_ID')) {
  console.error('Build first: npx next build');
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-bench-'));
const serverEnv: NodeJS.ProcessEnv = { ...process.env };
delete serverEnv.DATABASE_URL; // always the embedded database in a fresh folder
const server = spawn('npx', ['tsx', 'server/main.ts'], {
  detached: true, // its own process group, so the whole tree stops with it
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...serverEnv,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: base,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    BETTER_AUTH_SECRET: 'waymark-bench-secret-0123456789-abcdefghijklmnop',
    AUTH_SIGN_IN_LIMIT: '10000',
  },
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

const providers: WebsocketProvider[] = [];
async function stop(code: number) {
  for (const p of providers) p.destroy();
  if (server.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
const limit = setTimeout(() => {
  console.error(`bench: gave up after ${overallLimitMs / 1000} s`);
  void stop(1);
}, overallLimitMs);

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${serverLog.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signUp(name: string): Promise<{ cookie: string; id: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(16).slice(2, 8)}@bench.waymark.test`;
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ name, email, password: 'bench-password-long-enough' }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), id: body.user.id };
}

async function mutation<T>(cookie: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${base}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ json: input }),
  });
  if (!response.ok) throw new Error(`${procedure} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function query<T>(cookie: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${procedure} failed: ${response.status}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

function connect(room: string, cookie: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const headers = { cookie, origin: base };
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const provider = new WebsocketProvider(`ws://localhost:${port}/collab`, room, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  return new Promise((resolve) => provider.once('sync', () => resolve({ doc, provider })));
}

try {
  await waitFor('the server', async () => ((await fetch(`${base}/sign-in`)).ok ? true : undefined), 90_000);
  const owner = await signUp('Owner');
  const editor = await signUp('Editor');
  const project = await mutation<{ id: string }>(owner.cookie, 'project.create', { name: `Bench ${Date.now()}` });
  // The editor joins the way people do: the owner's invite link, accepted with the editor's session.
  const invite = await mutation<{ link: string }>(owner.cookie, 'project.createInvite', { projectId: project.id, role: 'editor' });
  await mutation(editor.cookie, 'project.acceptInvite', { token: invite.link.split('/').pop() });

  // --- fill the plan through a live client, as people would ------------------------------------
  const room = `plan:${project.id}`;
  const a = await connect(room, owner.cookie);
  const start = new Date(2027, 0, 4);
  const day = (n: number) => format(addDays(start, n), 'yyyy-MM-dd');
  const milestoneIds: string[] = [];
  a.doc.transact(() => {
    for (let m = 0; m < milestoneCount; m++) milestoneIds.push(insertPlanItem(a.doc, { kind: 'milestone', title: `Milestone ${m + 1}`, end: day(14 + m * 7) }, owner.id));
    let previous: string | null = null;
    for (let w = 0; w < workstreamCount; w++) {
      const milestoneId = milestoneIds[w % milestoneCount]!;
      const id = insertPlanItem(
        a.doc,
        { kind: 'workstream', title: `Workstream ${w + 1}`, start: day((w % 40) * 3), end: day((w % 40) * 3 + 10 + (w % 7)), progress: w % 100, milestoneId },
        owner.id,
      );
      // Chains of three workstreams feeding a milestone, so arrows and flags are drawn too.
      if (previous && w % 3 !== 0) addDependency(a.doc, previous, id, owner.id);
      if (w % 3 === 2) addDependency(a.doc, id, milestoneId, owner.id);
      previous = id;
    }
  });
  await waitFor(
    'the projection of 350 items',
    async () => ((await query<{ items: unknown[] }>(owner.cookie, 'plan.get', { projectId: project.id })).items.length === workstreamCount + milestoneCount ? true : undefined),
  );

  // --- server render --------------------------------------------------------------------------
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < renders + 3; i++) {
    const t0 = performance.now();
    const response = await fetch(`${base}/p/${project.id}/plan`, { headers: { cookie: owner.cookie } });
    const t1 = performance.now();
    const body = await response.text();
    const t2 = performance.now();
    if (!response.ok || !body.includes('Workstream 300')) throw new Error(`the plan page did not render (${response.status})`);
    if (i < 3) continue; // warm-up
    ttfb.push(t1 - t0);
    total.push(t2 - t0);
    bytes = body.length;
  }

  // --- remote edit latency ----------------------------------------------------------------------
  const b = await connect(room, editor.cookie);
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const id = milestoneIds[i % milestoneIds.length]!;
    const date = day(400 + i);
    const seen = new Promise<number>((resolve) => {
      const check = () => {
        const item = planItemsMap(b.doc).get(id) as Y.Map<unknown> | undefined;
        if (item?.get('end') === date) {
          b.doc.off('update', check);
          resolve(performance.now());
        }
      };
      b.doc.on('update', check);
    });
    const t0 = performance.now();
    updatePlanItem(a.doc, id, { start: date, end: date });
    latencies.push((await Promise.race([seen, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('an edit did not arrive within 10 s')), 10_000))])) - t0);
  }

  const result = {
    when: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    plan: { workstreams: workstreamCount, milestones: milestoneCount, dependencies: a.doc.getMap('dependencies').size },
    render: {
      samples: ttfb.length,
      ttfbMs: { p50: round(percentile(ttfb, 50)), p99: round(percentile(ttfb, 99)) },
      totalMs: { p50: round(percentile(total, 50)), p99: round(percentile(total, 99)) },
      htmlBytes: bytes,
    },
    remoteEdit: { samples: latencies.length, ms: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(Math.max(...latencies)) } },
  };
  console.log(`\nPlan board bench: ${workstreamCount} workstreams, ${milestoneCount} milestones, ${result.plan.dependencies} dependencies (loopback)\n`);
  console.table({
    'server render, time to first byte (ms)': { p50: result.render.ttfbMs.p50, p99: result.render.ttfbMs.p99, samples: ttfb.length },
    'server render, whole page (ms)': { p50: result.render.totalMs.p50, p99: result.render.totalMs.p99, samples: total.length },
    'remote edit seen by another client (ms)': { p50: result.remoteEdit.ms.p50, p99: result.remoteEdit.ms.p99, samples: latencies.length },
  });
  mkdirSync('tests/bench/results', { recursive: true });
  const file = `tests/bench/results/planBoard-${result.when.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${file}`);
  clearTimeout(limit);
  await stop(0);
} catch (error) {
  console.error('bench failed:', error);
  clearTimeout(limit);
  await stop(1);
}
