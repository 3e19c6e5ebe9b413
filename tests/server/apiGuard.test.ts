// The API guard in front of tRPC: CSRF (origin and content type) and the body size limit.
import { describe, expect, it } from 'vitest';
import { guardApiRequest } from '@/server/http/apiGuard';

const options = { origins: { trusted: ['http://localhost:3000'], acceptRequestHost: false }, maxBodyBytes: 1024 };
const url = 'http://localhost:3000/api/trpc/project.create';

function post(body: BodyInit, headers: Record<string, string>) {
  return new Request(url, { method: 'POST', body, headers: { host: 'localhost:3000', ...headers }, duplex: 'half' } as RequestInit);
}

describe('API guard', () => {
  it('passes a same-origin JSON mutation through with its body intact', async () => {
    const result = await guardApiRequest(post('{"json":{"name":"Apollo"}}', { origin: 'http://localhost:3000', 'content-type': 'application/json' }), options);
    expect(result).toBeInstanceOf(Request);
    expect(await (result as Request).json()).toEqual({ json: { name: 'Apollo' } });
  });

  it('lets queries (GET) through untouched', async () => {
    const get = new Request(`${url}?input=%7B%7D`);
    expect(await guardApiRequest(get, options)).toBe(get);
  });

  it('refuses a mutation from another origin with 403', async () => {
    const result = await guardApiRequest(post('{}', { origin: 'https://evil.example', 'content-type': 'application/json' }), options);
    expect((result as Response).status).toBe(403);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
    'refuses a %s mutation (what a cross-site form can send) with 415',
    async (contentType) => {
      const result = await guardApiRequest(post('name=Apollo', { 'content-type': contentType }), options);
      expect((result as Response).status).toBe(415);
    },
  );

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = 'x'.repeat(2048);
    const declared = await guardApiRequest(post(big, { 'content-type': 'application/json', 'content-length': '2048' }), options);
    expect((declared as Response).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
        controller.close();
      },
    });
    const streamed = await guardApiRequest(post(stream, { 'content-type': 'application/json' }), options);
    expect((streamed as Response).status).toBe(413);
  });
});
