// A webhook receiver for the status tests: a plain HTTP server on 127.0.0.1 that records every
// delivery (body, signature, event, attempt) and checks signatures as a real receiver would.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  signature: string;
  event: string;
  attempt: string;
}

export type Receiver = Awaited<ReturnType<typeof receiver>>;

/** A receiver on 127.0.0.1 that answers with the next status in `statuses` (then 200). */
export async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({
        body,
        signature: String(req.headers['waymark-signature'] ?? ''),
        event: String(req.headers['waymark-event'] ?? ''),
        attempt: String(req.headers['waymark-delivery-attempt'] ?? ''),
      });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/waymark`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a receiver does: recompute the HMAC over "<t>.<body>" and compare in constant time. */
export function verify(secret: string, signature: string, body: string): boolean {
  const parts = Object.fromEntries(signature.split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
