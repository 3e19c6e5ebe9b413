// The sign-in rate limit, through Waymark's own HTTP server (server/app.ts) in a process of its
// own: the server pins each request's client address from its socket, and better-auth counts
// attempts per pinned address. Requests leave from distinct loopback addresses (Linux routes all
// of 127.0.0.0/8 to lo), so the test sets no address header the server would believe.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { uniqueSuffix } from '../support/factories';

const limit = 3;
const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-signin-'));
const database: Record<string, string> = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir };
let server: ServerProcess;

beforeAll(async () => {
  // TRUST_PROXY off, as in a deployment without a reverse proxy: X-Forwarded-For is the socket's.
  server = await startServerProcess({ ...database, AUTH_SIGN_IN_LIMIT: String(limit), TRUST_PROXY: 'false' });
}, 120_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** POSTs JSON to better-auth from `localAddress`; resolves with the response status. */
function post(localAddress: string, endpoint: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        localAddress,
        method: 'POST',
        path: `/api/auth${endpoint}`,
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('sign-in rate limit by client address', () => {
  it('sign-in: attempts over the limit from one address get 429, a spoofed X-Forwarded-For does not escape it, another address still signs in', { timeout: 60_000 }, async () => {
    const email = `limit-${uniqueSuffix()}@example.test`;
    const password = `pw-${uniqueSuffix()}-long-enough`;
    expect(await post('127.0.0.9', '/sign-up/email', { email, password, name: 'Limited person' })).toBe(200);

    const attacker = '127.0.0.2';
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push(await post(attacker, '/sign-in/email', { email, password: 'wrong-password' }));
    expect(statuses).toEqual([...Array<number>(limit).fill(401), 429]);

    // The same socket address claiming to be someone else, once and as a chain: still limited.
    for (const spoofed of ['203.0.113.7', '127.0.0.3', '198.51.100.4, 127.0.0.3']) {
      expect(await post(attacker, '/sign-in/email', { email, password }, { 'x-forwarded-for': spoofed }), spoofed).toBe(429);
    }
    expect(await post(attacker, '/sign-in/email', { email, password })).toBe(429);

    // Another address is counted on its own.
    expect(await post('127.0.0.3', '/sign-in/email', { email, password })).toBe(200);
  });
});
