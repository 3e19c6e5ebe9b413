// Which browser origins may sign up, sign in, call tRPC and open live boards. Without APP_URL the app
// is whatever address it was opened by (http://127.0.0.1:3000, a machine's name on a LAN); with
// APP_URL, only it and TRUSTED_ORIGINS. Another site is refused either way. Each check runs the real
// piece: better-auth's handler, the guard in front of tRPC, and the collaboration server's upgrade.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '@/server/auth';
import { closeCodes } from '@/server/collab/protocol';
import { loadConfig, type Config } from '@/server/env';
import { guardApiRequest } from '@/server/http/apiGuard';
import { testDatabase } from '../support/database';
import { projectWithTeam, testAuthSecret, uniqueSuffix } from '../support/factories';
import { eventually, rawSocket, startCollabServer, type Harness } from '../collab/harness';

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-origins-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function configFrom(env: Record<string, string>): Config {
  return loadConfig({ DATA_DIR: dataDir, BETTER_AUTH_SECRET: testAuthSecret, AUTH_SIGN_IN_LIMIT: '10000', ...env });
}

/** A browser's POST to `url`: its Host is the address it was sent to, its Origin the page's. */
function browserPost(url: string, origin: string, body: unknown): Request {
  return new Request(url, {
    method: 'POST',
    headers: {
      host: new URL(url).host,
      origin,
      'content-type': 'application/json',
      'sec-fetch-site': new URL(url).origin === origin ? 'same-origin' : 'cross-site',
      'sec-fetch-mode': 'cors',
      'x-forwarded-for': '10.9.0.1',
    },
    body: JSON.stringify(body),
  });
}

interface Case {
  name: string;
  env: Record<string, string>;
  /** [the address the request was sent to, the page's origin] pairs the app must accept. */
  accepted: Array<[appAddress: string, origin: string]>;
  refused: Array<[appAddress: string, origin: string]>;
}

const cases: Case[] = [
  {
    name: 'without APP_URL',
    env: {},
    accepted: [
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
      ['http://pm-laptop.local:3000', 'http://pm-laptop.local:3000'],
      ['http://localhost:3000', 'http://localhost:3000'],
    ],
    refused: [
      ['http://127.0.0.1:3000', 'https://evil.example'],
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3001'],
    ],
  },
  {
    name: 'with APP_URL and TRUSTED_ORIGINS',
    env: { APP_URL: 'https://waymark.example.com', TRUSTED_ORIGINS: 'https://admin.example.com' },
    accepted: [
      ['https://waymark.example.com', 'https://waymark.example.com'],
      ['http://10.0.0.7:3000', 'https://waymark.example.com'],
      ['http://10.0.0.7:3000', 'https://admin.example.com'],
    ],
    refused: [
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
      ['http://10.0.0.7:3000', 'http://10.0.0.7:3000'],
      ['https://waymark.example.com', 'https://evil.example'],
    ],
  },
];

describe.each(cases)('origins $name', ({ env, accepted, refused }) => {
  let auth: Auth;
  let cfg: Config;
  beforeAll(async () => {
    cfg = configFrom(env);
    auth = createAuth((await testDatabase()).db, cfg);
  });

  const newAccount = () => {
    const suffix = uniqueSuffix();
    return { name: `Origin ${suffix}`, email: `origin-${suffix}@example.test`, password: `pw-${suffix}-long-enough` };
  };
  const signUp = (appAddress: string, origin: string, account: ReturnType<typeof newAccount>) =>
    auth.handler(browserPost(`${appAddress}/api/auth/sign-up/email`, origin, account));
  const signIn = (appAddress: string, origin: string, { email, password }: ReturnType<typeof newAccount>) =>
    auth.handler(browserPost(`${appAddress}/api/auth/sign-in/email`, origin, { email, password }));

  it.each(accepted)('sign-up and sign-in at %s from %s are accepted', async (appAddress, origin) => {
    const account = newAccount();
    const signedUp = await signUp(appAddress, origin, account);
    expect(signedUp.status, await signedUp.text()).toBe(200);
    const signedIn = await signIn(appAddress, origin, account);
    expect(signedIn.status, await signedIn.clone().text()).toBe(200);
    expect(signedIn.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(true);
  });

  it.each(refused)('sign-up and sign-in at %s from %s are refused with "Invalid origin"', async (appAddress, origin) => {
    const account = newAccount();
    const signedUp = await signUp(appAddress, origin, account);
    expect(signedUp.status).toBe(403);
    expect(await signedUp.text()).toMatch(/Invalid origin/i);
    // Even for an account that exists (made through the API, where no Origin is checked).
    await auth.api.signUpEmail({ body: account });
    const signedIn = await signIn(appAddress, origin, account);
    expect(signedIn.status).toBe(403);
    expect(await signedIn.text()).toMatch(/Invalid origin/i);
  });

  it.each(accepted)('a tRPC mutation at %s from %s passes the guard', async (appAddress, origin) => {
    const guarded = await guardApiRequest(browserPost(`${appAddress}/api/trpc/project.create`, origin, { json: { name: 'Apollo' } }), {
      origins: cfg.origins,
      maxBodyBytes: cfg.apiMaxBodyBytes,
    });
    expect(guarded).toBeInstanceOf(Request);
  });

  it.each(refused)('a tRPC mutation at %s from %s is refused with 403', async (appAddress, origin) => {
    const guarded = await guardApiRequest(browserPost(`${appAddress}/api/trpc/project.create`, origin, { json: { name: 'Apollo' } }), {
      origins: cfg.origins,
      maxBodyBytes: cfg.apiMaxBodyBytes,
    });
    expect(guarded).toBeInstanceOf(Response);
    expect((guarded as Response).status).toBe(403);
  });
});

describe('origins of live-board sockets', () => {
  let withoutAppUrl: Harness;
  let withAppUrl: Harness;
  beforeAll(async () => {
    withoutAppUrl = await startCollabServer({ origins: configFrom({}).origins });
    withAppUrl = await startCollabServer({
      origins: configFrom({ APP_URL: 'https://waymark.example.com', TRUSTED_ORIGINS: 'https://admin.example.com' }).origins,
    });
  });
  afterAll(async () => {
    await withoutAppUrl?.close();
    await withAppUrl?.close();
  });

  /** The socket's Host is the server's own address (ws://127.0.0.1:<port>). */
  async function openBoard(h: Harness, origin: (serverAddress: string) => string) {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const serverAddress = `http://${new URL(h.url).host}`;
    return rawSocket(`${h.url}/risks:${team.project.id}`, { cookie: team.users.owner.cookie, origin: origin(serverAddress) });
  }

  async function expectOpened(socket: ReturnType<typeof rawSocket>) {
    await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
    socket.ws.close();
  }

  async function expectRefused(socket: ReturnType<typeof rawSocket>) {
    expect((await socket.closed).code).toBe(closeCodes.originNotAllowed);
    expect(socket.frames).toHaveLength(0);
  }

  it('without APP_URL: a socket from the address the app was opened by syncs; another site is closed with 4403', async () => {
    await expectOpened(await openBoard(withoutAppUrl, (own) => own));
    await expectRefused(await openBoard(withoutAppUrl, () => 'https://evil.example'));
  });

  it('with APP_URL: sockets from it and TRUSTED_ORIGINS sync; from the bare address of the server, closed with 4403', async () => {
    await expectOpened(await openBoard(withAppUrl, () => 'https://waymark.example.com'));
    await expectOpened(await openBoard(withAppUrl, () => 'https://admin.example.com'));
    await expectRefused(await openBoard(withAppUrl, (own) => own));
    await expectRefused(await openBoard(withAppUrl, () => 'https://evil.example'));
  });
});
