'use client';
// Keeps an open updates page current: a publish, correction or save by anyone shows within about a
// second, without a reload. It polls `status.pageRevision` (one small indexed aggregate) every
// 500 ms while the tab is visible and re-renders the server page when the answer changes. Polling
// was chosen over a push channel (Server-Sent Events) because it needs no long-lived connection
// through proxies, works unchanged with several server instances (the revision is in the
// database, not in one process's memory) and costs one tiny query per open tab per poll.
// An editor holding text that is not saved (or in conflict) pauses the refresh, so a page that
// re-renders never takes away what someone is typing; it refreshes as soon as the text is saved.
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTRPC } from '@/components/trpc/client';

/** How often an open page asks whether anything changed. */
const pollMs = 500;

const HoldContext = createContext<(holder: string, holding: boolean) => void>(() => {});

/** For an editor: report whether it holds local text a refresh must wait for. */
export function useHoldRefresh(holder: string, holding: boolean) {
  const hold = useContext(HoldContext);
  useEffect(() => {
    hold(holder, holding);
    return () => hold(holder, false);
  }, [hold, holder, holding]);
}

/** `renderedRevision`: the page revision the server rendered this page at. */
export function LiveUpdates({ projectId, renderedRevision, children }: { projectId: string; renderedRevision: string; children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [holders, setHolders] = useState<ReadonlySet<string>>(new Set());
  /** The revision a refresh was last asked for, so a slow refresh is not asked for again each poll. */
  const requested = useRef<string | null>(null);
  const revision = useQuery({
    ...trpc.status.pageRevision.queryOptions({ projectId }),
    refetchInterval: pollMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

  const hold = useCallback((holder: string, holding: boolean) => {
    setHolders((current) => {
      if (current.has(holder) === holding) return current;
      const next = new Set(current);
      if (holding) next.add(holder);
      else next.delete(holder);
      return next;
    });
  }, []);

  const latest = revision.data?.revision ?? null;
  useEffect(() => {
    if (latest === null || latest === renderedRevision || latest === requested.current || holders.size) return;
    requested.current = latest;
    router.refresh();
  }, [latest, renderedRevision, holders, router]);

  return <HoldContext.Provider value={hold}>{children}</HoldContext.Provider>;
}
