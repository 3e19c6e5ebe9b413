'use client';
// The open item of a board, kept in the address (`?item=<id>`, server/domain/itemLinks.ts) so it can
// be shared: opening an item from the board adds a history entry (Back closes it), closing it
// replaces the entry without the parameter. Next's router follows these native history calls, so
// `useSearchParams` sees every change, including Back and Forward; nothing reloads.
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { itemParam } from '@/server/domain/itemLinks';

export function useItemInAddress(): { itemInAddress: string | null; showInAddress(id: string | null, how: 'push' | 'replace'): void } {
  const itemInAddress = useSearchParams().get(itemParam);
  const showInAddress = useCallback((id: string | null, how: 'push' | 'replace') => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set(itemParam, id);
    else url.searchParams.delete(itemParam);
    if (url.href === window.location.href) return;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  return { itemInAddress, showInAddress };
}
