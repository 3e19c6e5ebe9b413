// A new user's first run, through `npm start` itself (on the build the e2e suite has just made):
// no APP_URL, the app opened at http://127.0.0.1:<port>, the demo sign-in printed on the first start
// and accepted from that address, a live edit saved; then SIGTERM to the npm process stops the whole
// server within seconds, leaving nothing behind, and the edit was flushed to the tables pages read.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/serverProcess';
import { editor, field, openBoard, row } from './support';

interface NpmStart {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` in its own process group (so the test can see whether anything of it is left). */
function npmStart(env: Record<string, string>): NpmStart {
  const inherited = { ...process.env };
  // A new user's environment: none of the e2e server's settings.
  for (const name of ['APP_URL', 'TRUSTED_ORIGINS', 'DATABASE_URL', 'BETTER_AUTH_SECRET', 'SEED_DEMO', 'AUTH_SIGN_IN_LIMIT', 'NODE_ENV', 'PORT', 'DATA_DIR']) {
    delete inherited[name];
  }
  const npm = spawn('npm', ['start'], { env: { ...inherited, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { npm, output: () => output, exited };
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The living processes of a process group, from /proc (Linux). Zombies are left out: an orphan that
 * has exited waits there until init reaps it, and answers nothing.
 */
function livingProcesses(pgid: number): string[] {
  const living: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z') living.push(`${entry} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`);
  }
  return living;
}
async function stopWithSigterm(app: NpmStart, port: number) {
  const pgid = app.npm.pid!;
  const signalledAt = Date.now();
  process.kill(pgid, 'SIGTERM'); // the npm process only, as a process manager would
  expect(await app.exited, app.output()).toEqual({ code: 0, signal: null });
  await expect.poll(() => portIsOpen(port), { timeout: 15_000 }).toBe(false);
  await expect.poll(() => livingProcesses(pgid), { timeout: 15_000, message: 'processes of `npm start` outlived it' }).toEqual([]);
  expect(Date.now() - signalledAt).toBeLessThan(15_000);
  expect(app.output()).toMatch(/SIGTERM: saving live boards and stopping/);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

test('first run: npm start without APP_URL serves http://127.0.0.1, and SIGTERM to npm stops it all, flushing the board', async ({ browser }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-first-run-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A long projection delay: only the shutdown's flush can bring the edit into the tables in time.
  const env = { PORT: String(port), DATA_DIR: dataDir, PROJECTION_DEBOUNCE_MS: '600000' };
  const running: NpmStart[] = [];
  try {
    const first = npmStart(env);
    running.push(first);
    await expect.poll(first.output, { timeout: 180_000, message: 'the first start prints the demo sign-in' }).toMatch(/Sign in as \S+ \/ \S+/);
    const [, email, password] = /Sign in as (\S+) \/ (\S+)/.exec(first.output())!;

    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signIn(page, email!, password!);
    const projectLink = page.getByRole('link', { name: /Atlas platform migration/ });
    const projectId = /\/p\/([0-9a-f-]{36})/.exec((await projectLink.getAttribute('href'))!)![1]!;

    await openBoard(page, projectId);
    await page.getByRole('button', { name: 'New item' }).click();
    await field(page, 'Title').fill('Load balancer certificate expires mid-migration');
    await page.keyboard.press('Escape');
    await expect(editor(page)).toBeHidden();
    await expect(row(page, 'Load balancer certificate expires mid-migration')).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await context.close();

    await stopWithSigterm(first, port);

    // Started again: the projection (what lists, pages and the status site read) has the edit before
    // any board is opened, so the shutdown flushed it.
    const second = npmStart(env);
    running.push(second);
    await expect.poll(second.output, { timeout: 120_000 }).toMatch(/Waymark is running/);
    expect(second.output()).not.toMatch(/Sign in as/);
    const again = await browser.newContext({ baseURL: base });
    const listing = await again.newPage();
    await signIn(listing, email!, password!);
    const input = encodeURIComponent(JSON.stringify({ json: { projectId } }));
    const list = await listing.request.get(`/api/trpc/raid.list?input=${input}`);
    expect(list.ok(), await list.text()).toBe(true);
    expect(await list.text()).toContain('Load balancer certificate expires mid-migration');
    await again.close();

    await stopWithSigterm(second, port);
  } finally {
    for (const app of running) if (livingProcesses(app.npm.pid!).length > 0) process.kill(-app.npm.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
