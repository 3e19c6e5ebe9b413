// tRPC over HTTP at /api/trpc. Every request first passes the API guard (server/http/apiGuard.ts):
// same-origin JSON mutations only (CSRF), bounded bodies (413).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
import { services } from '@/server/services';
import { createTRPCContext } from '@/server/trpc';
import { guardApiRequest } from '@/server/http/apiGuard';

export const dynamic = 'force-dynamic';

async function handler(incoming: Request) {
  const { config, db, auth, live, webhooks, mailer } = services();
  const req = await guardApiRequest(incoming, { appUrl: config.appUrl, maxBodyBytes: config.apiMaxBodyBytes });
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db, auth, live, webhooks, appUrl: config.appUrl, mailer }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
