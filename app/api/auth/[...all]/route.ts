// better-auth's endpoints (sign-up, sign-in, sign-out, session) under /api/auth/*.
import { toNextJsHandler } from 'better-auth/next-js';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return toNextJsHandler(services().auth).GET(req);
}

export function POST(req: Request) {
  return toNextJsHandler(services().auth).POST(req);
}
