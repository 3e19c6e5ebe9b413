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

  it('refuses a mutation from another origin with 403, saying why', async () => {
    const result = await guardApiRequest(post('{}', { origin: 'https://evil.example', 'content-type': 'application/json' }), options);
    expect((result as Response).status).toBe(403);
    expect(await (result as Response).json()).toEqual({ error: { message: 'Cross-origin requests are not allowed.' } });
  });

  it('accepts JSON whatever the case of its media type and with parameters', async () => {
    for (const contentType of ['Application/JSON', 'application/json ; charset=utf-8']) {
      const result = await guardApiRequest(post('{"json":1}', { 'content-type': contentType }), options);
      expect(result, contentType).toBeInstanceOf(Request);
    }
  });

  it('passes a mutation without a body through (an input-less procedure)', async () => {
    const result = await guardApiRequest(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }), options);
    expect(result).toBeInstanceOf(Request);
    expect(await (result as Request).text()).toBe('');
  });

  it('accepts a body of exactly the limit, declared or streamed', async () => {
    const exact = '"' + 'x'.repeat(1022) + '"';
    const declared = await guardApiRequest(post(exact, { 'content-type': 'application/json', 'content-length': '1024' }), options);
    expect(await (declared as Request).json()).toBe(JSON.parse(exact));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(exact));
        controller.close();
      },
    });
    const streamed = await guardApiRequest(post(stream, { 'content-type': 'application/json' }), options);
    expect(await (streamed as Request).json()).toBe(JSON.parse(exact));
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
    'refuses a %s mutation (what a cross-site form can send) with 415',
    async (contentType) => {
      const result = await guardApiRequest(post('name=Apollo', { 'content-type': contentType }), options);
      expect((result as Response).status).toBe(415);
      expect(await (result as Response).json()).toEqual({ error: { message: 'Send the request body as application/json.' } });
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
    for (const refused of [declared, streamed]) {
      expect(await (refused as Response).json()).toEqual({ error: { message: 'The request body is over 1024 bytes.' } });
    }
  });

  it('refuses a body declared over the limit at once, without reading any of it', async () => {
    let reads = 0;
    const endless = new ReadableStream({
      pull(controller) {
        reads++;
        controller.enqueue(new TextEncoder().encode('z'.repeat(100)));
      },
    });
    const result = await guardApiRequest(post(endless, { 'content-type': 'application/json', 'content-length': '1000000' }), options);
    expect((result as Response).status).toBe(413);
    expect(reads).toBeLessThanOrEqual(1); // a stream pulls once when it starts; the guard read nothing more
  });
});
