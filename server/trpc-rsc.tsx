// Server components call procedures here: a per-request cached caller, plus prefetch + HydrateClient
// so client components start with the server's data instead of an empty flash.
import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { makeQueryClient } from '@/components/trpc/query-client';
import { appRouter, createCaller } from './routers/_app';
import { services } from './services';
import { createTRPCContext } from './trpc';

const createContext = cache(async () => {
  const { config, db, auth, live, webhooks, mailer } = services();
  return createTRPCContext({ headers: new Headers(await headers()), db, auth, live, webhooks, appUrl: config.appUrl, mailer, techRegistry: config.techRegistry });
});

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** A caller for reading data directly in a server component. */
export const serverCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}

/** The signed-in session for this request, or null. */
export const currentSession = cache(async () => (await createContext()).session);
