'use client';
// After a live board reconnects (the server closes a member's sockets when their role changes, and
// a dropped connection may hide such a change too), re-read the server-rendered page so the role
// (what may be edited) and the member list are current. Not on the first connection.
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { SaveStatus } from './useLiveDoc';

export function useRefreshOnReconnect(status: SaveStatus, synced: boolean): void {
  const router = useRouter();
  const connected = status === 'saved' || status === 'saving';
  const wasConnected = useRef(false);
  const wasLive = useRef(false);
  useEffect(() => {
    if (connected && synced) {
      if (!wasConnected.current && wasLive.current) router.refresh();
      wasLive.current = true;
    }
    wasConnected.current = connected;
  }, [connected, synced, router]);
}
