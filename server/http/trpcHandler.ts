// tRPC over HTTP at /api/trpc (app/api/trpc/[trpc]/route.ts hands every request here). Each request
// first passes the API guard (same-origin JSON mutations, bounded bodies). An internal error is
// logged with a request id and answered with that id only: never the SQL, parameters or stack.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Database } from '@/db';
import type { OriginPolicy } from './origin';
import type { Auth } from '../auth';
import type { LiveBoards } from '../collab/liveBoards';
import type { Mailer } from '../mail';
import { appRouter } from '../routers/_app';
import type { WebhookSender } from '../status/webhooks';
import type { TechRegistry } from '../tech/registryCheck';
import { createTRPCContext, internalErrorId } from '../trpc';
import { guardApiRequest } from './apiGuard';

export interface TrpcHandlerDeps {
  config: { origins: OriginPolicy; appUrl: string; apiMaxBodyBytes: number; techRegistry?: TechRegistry | null };
  mailer: Mailer | null;
  db: Database;
  auth: Auth;
  live: LiveBoards;
  webhooks: WebhookSender;
  /** Where internal errors are written, with their request id (the server log by default). */
  logError?: (message: string, cause: unknown) => void;
}

export async function handleTrpcRequest(incoming: Request, deps: TrpcHandlerDeps): Promise<Response> {
  const { config, db, auth, live, webhooks, mailer } = deps;
  const logError = deps.logError ?? ((message, cause) => console.error(message, cause));
  const req = await guardApiRequest(incoming, { origins: config.origins, maxBodyBytes: config.apiMaxBodyBytes });
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db, auth, live, webhooks, appUrl: config.appUrl, mailer, techRegistry: config.techRegistry ?? null }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        logError(`tRPC ${path ?? '?'} failed (request id ${internalErrorId(error)}):`, error.cause ?? error);
      }
    },
  });
}
