// What the page benches that run the built server share (resourcesGrid.ts, insightsPage.ts): a
// fresh Postgres database, migrated, with an owner to seed for; Waymark started on it as in
// production (server/main.ts, its own process group) and that owner signed in; timed GETs and tRPC
// calls; rounds measured with the server's and Postgres' CPU per round (the figures a busy machine
// inflates least); percentiles; a time limit (BENCH_LIMIT_MS) and a stop that drops the database.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openDatabase, type Database } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { createTestAuth, createUser } from '../support/factories';
import { freshBenchDatabase } from './database';
import { watchPostgresCpu } from './postgresCpu';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const summary = (values: number[]) => ({ p50: round2(percentile(values, 50)), p99: round2(percentile(values, 99)), max: round2(Math.max(...values)), samples: values.length });

export type Owner = Awaited<ReturnType<typeof createUser>>;

/** GET, timed to the first byte (headers) and to the last. */
export async function timedGet(url: string, cookie: string) {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const t1 = performance.now();
  const body = await response.text();
  const t2 = performance.now();
  return { status: response.status, body, ttfb: t1 - t0, total: t2 - t0 };
}

/**
 * Checks the build, creates the database and arms the time limit. Seed through `seedDatabase`
 * before `startServer`, as the demo is seeded; every exit goes through `stop`.
 */
export async function openPageBench(options: { port: number; limitMs: number }) {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('Build first: npx next build');
    process.exit(1);
  }
  const base = `http://localhost:${options.port}`;
  const fresh = await freshBenchDatabase();
  let server: ReturnType<typeof spawn> | undefined;
  let serverLog = '';

  async function stop(code: number): Promise<never> {
    clearTimeout(limit);
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
    await fresh.drop().catch(() => {});
    process.exit(code);
  }
  const limit = setTimeout(() => {
    console.error(`bench: gave up after ${options.limitMs / 1000} s\n${serverLog.slice(-2000)}`);
    void stop(1);
  }, options.limitMs);

  /** CPU (user + system, ms) of the server's process group so far, from /proc. */
  function serverCpuMs(): number {
    if (!server?.pid) return 0;
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // After the command name (in parentheses): state, ppid, pgrp, ...; utime and stime at 11 and 12.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === server.pid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {}
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const value = await check();
        if (value !== undefined) return value;
      } catch {}
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${serverLog.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    base,
    databaseUrl: fresh.url,
    stop,

    /** Migrates the database, creates the owner and hands both to `seed`. */
    async seedDatabase<T>(seed: (db: Database, owner: Owner) => Promise<T>): Promise<T & { owner: Owner; seedMs: number }> {
      const handle = openDatabase({ url: fresh.url, max: 4 });
      try {
        await migrateDatabase(handle);
        const owner = await createUser(createTestAuth(handle.db), 'Bench owner');
        const started = performance.now();
        const seeded = await seed(handle.db, owner);
        return { ...seeded, owner, seedMs: Math.round(performance.now() - started) };
      } finally {
        await handle.close();
      }
    },

    /** Starts Waymark on the database (production mode) and signs `owner` in: the session cookie. */
    async startServer(owner: Owner): Promise<string> {
      server = spawn('npx', ['tsx', 'server/main.ts'], {
        detached: true, // its own process group, so the whole tree stops with it
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(options.port),
          APP_URL: base,
          DATABASE_URL: fresh.url,
          SEED_DEMO: 'false',
          BETTER_AUTH_SECRET: 'waymark-bench-secret-0123456789-abcdefghijklmnop',
          AUTH_SIGN_IN_LIMIT: '10000',
        },
      });
      server.stdout!.on('data', (d) => (serverLog += d));
      server.stderr!.on('data', (d) => (serverLog += d));
      await waitFor('the server', async () => ((await fetch(`${base}/sign-in`)).ok ? true : undefined));
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: owner.email, password: owner.password }),
      });
      if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
      return signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },

    /** Runs `samples` rounds of `round` after `warmUp` ones, with the server's and Postgres' CPU per round over the measured ones. */
    async measured(samples: number, warmUp: number, round: (i: number, measuring: boolean) => Promise<void>) {
      for (let i = 0; i < warmUp; i++) await round(i, false);
      const postgresCpu = await watchPostgresCpu(fresh.url);
      const cpuBefore = serverCpuMs();
      for (let i = warmUp; i < warmUp + samples; i++) await round(i, true);
      const serverMs = (serverCpuMs() - cpuBefore) / samples;
      const postgresMs = await postgresCpu.sinceStartMs();
      await postgresCpu.close();
      return { serverCpuMsPerRound: round2(serverMs), postgresCpuMsPerRound: postgresMs === null ? null : round2(postgresMs / samples) };
    },

    /**
     * Runs the bench's body, then writes what it returns to tests/bench/results/<name>-<when>.json
     * (git-ignored), says which targets were missed and stops: exit 1 on a miss or an error.
     */
    async run(name: string, body: () => Promise<{ result: { when: string }; missed: string[] }>): Promise<never> {
      try {
        const { result, missed } = await body();
        mkdirSync('tests/bench/results', { recursive: true });
        const file = `tests/bench/results/${name}-${result.when.replace(/[:.]/g, '-')}.json`;
        writeFileSync(file, `${JSON.stringify({ ...result, missed }, null, 2)}\n`);
        console.log(`written to ${file}`);
        if (missed.length) console.error(`\nTargets missed:\n- ${missed.join('\n- ')}`);
        else console.log('\nAll targets met.');
        return await stop(missed.length ? 1 : 0);
      } catch (error) {
        console.error('bench failed:', error);
        return await stop(1);
      }
    },

    /** A tRPC query's address (superjson's envelope). */
    queryUrl: (procedure: string, input: unknown) => `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,

    async mutation<T>(cookie: string, procedure: string, input: unknown): Promise<T> {
      const response = await fetch(`${base}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie },
        body: JSON.stringify({ json: input }),
      });
      if (!response.ok) throw new Error(`${procedure} failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
    },
  };
}

export type PageBench = Awaited<ReturnType<typeof openPageBench>>;
