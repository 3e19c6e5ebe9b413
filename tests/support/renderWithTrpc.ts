// Renders a component in the test DOM under React Query and a tRPC client whose link answers each
// call from `answer(path, input)` and records what it was asked (path and input), in order.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createElement, type ReactElement } from 'react';
import { TRPCProvider } from '@/components/trpc/client';
import type { AppRouter } from '@/server/routers/_app';

export interface AskedCall {
  path: string;
  input: unknown;
}

export function renderWithTrpc(element: ReactElement, answer: (path: string, input: unknown) => unknown): AskedCall[] {
  const asked: AskedCall[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      asked.push({ path: op.path, input: op.input });
      observer.next({ result: { type: 'data', data: answer(op.path, op.input) } });
      observer.complete();
    });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(createElement(QueryClientProvider, { client: queryClient }, createElement(TRPCProvider, { trpcClient, queryClient, children: element })));
  return asked;
}
