// tRPC over HTTP at /api/trpc. Mutations must come from this app's own origin (CSRF): browsers
// always send Origin on cross-site POSTs, and non-browser clients may send none.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
import { services } from '@/server/services';
import { createTRPCContext } from '@/server/trpc';
import { isSameOrigin } from '@/server/http/origin';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  const { config, db, auth, live, webhooks } = services();
  if (req.method === 'POST' && !isSameOrigin(req.headers.get('origin'), req.headers.get('host'), config.appUrl)) {
    return Response.json({ error: { message: 'Cross-origin requests are not allowed.' } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db, auth, live, webhooks }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
