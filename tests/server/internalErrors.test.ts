// An internal error over HTTP (here: the database pool closed under a signed-in request) is answered
// with "Something went wrong" and a request id, never the failed query's SQL or parameters; the same
// id is in the server log beside the full error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { handleTrpcRequest, type TrpcHandlerDeps } from '@/server/http/trpcHandler';
import { WebhookSender } from '@/server/status/webhooks';
import { testDatabase } from '../support/database';
import { createTestAuth, createUser, type TestUser } from '../support/factories';

const appUrl = 'http://localhost:3000';
let closed: DatabaseHandle;
let deps: TrpcHandlerDeps;
let person: TestUser;
const logged: { message: string; cause: unknown }[] = [];

beforeAll(async () => {
  const { db } = await testDatabase();
  const auth = createTestAuth(db);
  person = await createUser(auth, 'Unlucky');
  // The session still checks out; the pool the procedure queries through has been closed (a
  // database restart or outage between the two).
  closed = openDatabase({ url: 'postgres://waymark@127.0.0.1:1/waymark_closed', max: 1 });
  await closed.close();
  deps = {
    config: { origins: { trusted: [appUrl], acceptRequestHost: false }, appUrl, apiMaxBodyBytes: 1024 * 1024 },
    mailer: null,
    db: closed.db,
    auth,
    live: new LiveDocuments({ db: closed.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0 }),
    webhooks: new WebhookSender(closed.db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 1_000 }),
    logError: (message, cause) => logged.push({ message, cause }),
  };
});

afterAll(async () => {
  await deps.webhooks.close();
});

interface ErrorBody {
  error: { json: { message: string; code: number; data: { code: string; httpStatus: number; requestId?: string; stack?: string } } };
}

describe('internal errors over HTTP', () => {
  it('a failed query answers "Something went wrong" with a request id, no SQL or parameters, and the id is in the log', async () => {
    const response = await handleTrpcRequest(
      new Request(`${appUrl}/api/trpc/project.list`, { headers: { cookie: person.cookie, host: 'localhost:3000' } }),
      deps,
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    const { message, data } = body.error.json;
    expect(data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(data.requestId).toMatch(/^[0-9a-f]{16}$/);
    expect(message).toBe(`Something went wrong. Request id: ${data.requestId}`);
    expect(data.stack ?? null).toBeNull();
    for (const leak of ['Failed query', 'select', '"project"', 'params', person.id, 'CONNECTION_ENDED', '127.0.0.1']) {
      expect(text, `the response must not contain ${leak}`).not.toContain(leak);
    }

    const line = logged.find((l) => l.message.includes(data.requestId!));
    expect(line?.message).toBe(`tRPC project.list failed (request id ${data.requestId}):`);
    // The log keeps what the response leaves out.
    expect(String((line!.cause as Error).message)).toMatch(/^Failed query: select .*"project"/s);
  });

  it('a mutation failing the same way is answered the same way, with its own id', async () => {
    const response = await handleTrpcRequest(
      new Request(`${appUrl}/api/trpc/project.create`, {
        method: 'POST',
        headers: { cookie: person.cookie, host: 'localhost:3000', origin: appUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { name: 'Apollo' } }),
      }),
      deps,
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorBody;
    const { requestId } = body.error.json.data;
    expect(body.error.json.message).toBe(`Something went wrong. Request id: ${requestId}`);
    expect(logged.filter((l) => l.message.includes(requestId!))).toHaveLength(1);
  });

  it('errors meant for the caller keep their message and carry no request id', async () => {
    const response = await handleTrpcRequest(new Request(`${appUrl}/api/trpc/project.list`, { headers: { host: 'localhost:3000' } }), deps);
    expect(response.status).toBe(401);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.json.message).toBe('Sign in to continue.');
    expect(body.error.json.data.requestId ?? null).toBeNull();
  });
});
