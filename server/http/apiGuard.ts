// The checks every tRPC request passes before any procedure runs: mutations only from the app's
// own origin and only as JSON (a cross-site form cannot send JSON without a CORS preflight), and
// bodies no larger than the configured limit (413), read without buffering more than that.
import { isAppOrigin, type OriginPolicy } from './origin';

export interface ApiGuardOptions {
  origins: OriginPolicy;
  maxBodyBytes: number;
}

function refuse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

/** Returns the request to hand to tRPC (its body read and bounded), or the response refusing it. */
export async function guardApiRequest(req: Request, options: ApiGuardOptions): Promise<Request | Response> {
  if (req.method !== 'POST') return req;
  if (!isAppOrigin(req.headers.get('origin'), req.headers.get('host'), options.origins)) {
    return refuse(403, 'Cross-origin requests are not allowed.');
  }
  // Stryker disable next-line StringLiteral: without a Content-Type any stand-in other than application/json is refused alike.
  const contentType = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return refuse(415, 'Send the request body as application/json.');
  }
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > options.maxBodyBytes) return refuse(413, `The request body is over ${options.maxBodyBytes} bytes.`);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBodyBytes) {
        await reader.cancel();
        return refuse(413, `The request body is over ${options.maxBodyBytes} bytes.`);
      }
      chunks.push(value);
    }
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
}
