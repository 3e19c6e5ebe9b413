// Bad values over HTTP: a JSON body whose strings hold a NUL (`\u0000`) or a lone surrogate
// (`\ud800`) is answered 400 with a message naming the field, never a 500 from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { handleTrpcRequest, type TrpcHandlerDeps } from '@/server/http/trpcHandler';
import { WebhookSender } from '@/server/status/webhooks';
import { testDatabase } from '../support/database';
import { createTestAuth, createUser, type TestUser } from '../support/factories';

const appUrl = 'http://localhost:3000';
let deps: TrpcHandlerDeps;
let live: LiveDocuments;
let person: TestUser;

beforeAll(async () => {
  const { db } = await testDatabase();
  const auth = createTestAuth(db);
  live = new LiveDocuments({ db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0 });
  person = await createUser(auth, 'Hostile');
  deps = {
    config: { origins: { trusted: [appUrl], acceptRequestHost: false }, appUrl, apiMaxBodyBytes: 1024 * 1024 },
    mailer: null,
    db,
    auth,
    live,
    webhooks: new WebhookSender(db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 1_000 }),
    logError: () => {},
  };
});

afterAll(async () => {
  await deps.webhooks.close();
  await live.close();
});

/** POSTs a raw JSON body (written by hand, so its escapes reach the server as sent). */
async function post(path: string, body: string) {
  const response = await handleTrpcRequest(
    new Request(`${appUrl}/api/trpc/${path}`, {
      method: 'POST',
      body,
      headers: { cookie: person.cookie, host: 'localhost:3000', origin: appUrl, 'content-type': 'application/json' },
    }),
    deps,
  );
  return {
    status: response.status,
    body: (await response.json()) as { error?: { json: { message: string; data: { code: string } } }; result?: { data: { json: { name: string } } } },
  };
}

describe('bad values over HTTP', () => {
  it.each([
    ['a NUL character', String.raw`{"json":{"name":"Ops\u0000team"}}`, 'name: must not contain a NUL character'],
    ['a lone surrogate', String.raw`{"json":{"name":"Ops \ud800 team"}}`, 'name: must be valid Unicode text'],
  ])('workspace.create with %s in the name is answered 400 with a readable message', async (_what, body, message) => {
    const { status, body: answer } = await post('workspace.create', body);
    expect(status).toBe(400);
    expect(answer.error?.json.data.code).toBe('BAD_REQUEST');
    expect(answer.error?.json.message).toContain(message);
  });

  it('the same request with clean text (an RTL mark, an emoji) is stored as sent', async () => {
    const { status, body } = await post('workspace.create', String.raw`{"json":{"name":"Ops \u202e team 🧨"}}`);
    expect(status).toBe(200);
    expect(body.result?.data.json.name).toBe('Ops \u202e team 🧨');
  });
});
