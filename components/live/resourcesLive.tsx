'use client';
// Keeps a resources answer shown outside the people page (resources.forPlan on the plan,
// resources.problems on the risk board) fresh the way the people page is: read again whenever the
// people board `people:<workspaceId>` signals a committed change (or this tab reconnects), with a
// slow poll only while that socket is not connected. No Yjs here: the board is opened by
// ResourcesSignalConnector, loaded in the browser only.
//
//   const live = useResourcesLive(workspaceId, () => query.refetch());
//   useQuery({ ..., refetchInterval: live.pollMs });   // false while the signal is live
//   return <>{live.connector}...</>;                    // render it once, anywhere in the component
import dynamic from 'next/dynamic';
import { createElement, useEffect, useRef, useState, type ReactElement } from 'react';
import type { BoardStatus } from './presence';

const ResourcesSignalConnector = dynamic(() => import('./ResourcesSignalConnector'), { ssr: false });

export interface ResourcesSignal {
  /** Moves at each committed change of the workspace's resources and at each (re)connection; 0 before the first sync. */
  revision: number;
  status: BoardStatus;
  refusal: string | null;
}

export const resourcesSignalNotConnected: ResourcesSignal = { revision: 0, status: 'connecting', refusal: null };

/** The poll while the people board's socket is down (connecting, offline or refused): a slow fallback. */
export const fallbackPollMs = 60_000;

/** True while the signal arrives live: no poll is needed. */
export function signalIsLive(signal: ResourcesSignal): boolean {
  return signal.status === 'saved' && !signal.refusal;
}

/**
 * Opens the signal for `workspaceId` (none without one: then it polls) and calls `refetch` each
 * time the revision moves. Render `connector` once; `pollMs` goes to useQuery's refetchInterval.
 */
export function useResourcesLive(workspaceId: string | undefined, refetch: () => unknown): { connector: ReactElement | null; pollMs: number | false; signal: ResourcesSignal } {
  const [signal, setSignal] = useState<ResourcesSignal>(resourcesSignalNotConnected);
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  }, [refetch]);
  useEffect(() => {
    if (signal.revision > 0) void refetchRef.current();
  }, [signal.revision]);
  const connector = workspaceId ? createElement(ResourcesSignalConnector, { workspaceId, onChange: setSignal }) : null;
  return { connector, pollMs: signalIsLive(signal) ? false : fallbackPollMs, signal };
}
