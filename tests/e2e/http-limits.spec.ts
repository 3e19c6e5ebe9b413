// The real server applies the API guard in front of tRPC: cross-origin and form-encoded mutations
// are refused (CSRF), and an oversized body gets 413, before any procedure runs.
import { expect, test } from '@playwright/test';

test('api: cross-origin, form-encoded and oversized mutations are refused', async ({ request, baseURL }) => {
  const endpoint = `${baseURL}/api/trpc/project.create`;
  const crossOrigin = await request.post(endpoint, {
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    data: JSON.stringify({ json: { name: 'Hijacked' } }),
  });
  expect(crossOrigin.status()).toBe(403);

  const form = await request.post(endpoint, { form: { name: 'Hijacked' } });
  expect(form.status()).toBe(415);

  const oversized = await request.post(endpoint, {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ json: { name: 'x'.repeat(4 * 1024 * 1024) } }),
  });
  expect(oversized.status()).toBe(413);

  // A well-formed JSON mutation without a session reaches tRPC and is refused there.
  const anonymous = await request.post(endpoint, {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ json: { name: 'Apollo' } }),
  });
  expect(anonymous.status()).toBe(401);
});
