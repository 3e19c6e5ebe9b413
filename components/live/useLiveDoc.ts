'use client';
// Opens a live board for a React component: a Y.Doc synced through y-websocket with Waymark's
// collaboration server, awareness carrying who is here, and the Saving / Saved / Offline status.
// When the server says the board was rebuilt (this document is of an older generation; its edits
// have been carried over), the document is dropped and the board opened again in a new one.
// Import this only from modules loaded with next/dynamic({ ssr: false }).
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { closeCodes } from '@/server/collab/protocol';
import { jitterReconnects } from './backoff';
import { sendOnlyOwnPresence } from './ownPresence';
import { saveStatus } from './presence';
import { trackedWebSocket } from './trackedSocket';

export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline';

export interface LiveDoc {
  doc: Y.Doc;
  awareness: Awareness;
  status: SaveStatus;
  synced: boolean;
  /**
   * How many times this document has synced with the board: once per (re)connection. A reader of
   * a board that only signals changes (people) reads again at each, for signals sent while it was
   * offline are not replayed.
   */
  syncs: number;
  /** Set when the server refused the connection for good (signed out, no access). */
  refusal: string | null;
}

// Final close codes (4400-4499: y-websocket stops reconnecting after them) and what they mean to a person.
const refusals: Record<number, string> = {
  4400: 'The connection was closed after an unreadable message. Reload the page to continue.',
  4401: 'Your session has ended. Sign in again to keep editing.',
  4403: 'This page was opened from another site; live editing is refused.',
  4404: 'You no longer have access to this board.',
  4422: 'The server refused a change from this page. Reload the page to continue.',
};
const isFinal = (code: number) => code >= 4400 && code < 4500;

/**
 * `presence: false` listens only: this tab sets no presence of its own, so nobody sees it on the
 * board (a page that only reads a board's change signal, as the plan and the risk board read the
 * people board's).
 */
export function useLiveDoc(opts: { room: string; user: { id: string; name: string; color: string }; presence?: boolean }): LiveDoc | null {
  const { room } = opts;
  const present = opts.presence ?? true;
  const { id, name, color } = opts.user;
  const [live, setLive] = useState<LiveDoc | null>(null);
  /** Bumped when the board was rebuilt: a new document replaces the old one. */
  const [opening, setOpening] = useState(0);

  useEffect(() => {
    const doc = new Y.Doc();
    let connected = false;
    let synced = false;
    let syncs = 0;
    let unsaved = 0;
    let refusal: string | null = null;
    const status = (): SaveStatus => saveStatus({ connected, synced, unsaved });
    let provider: WebsocketProvider | undefined;
    const publish = () => provider && setLive({ doc, awareness: provider.awareness, status: status(), synced, syncs, refusal });

    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    provider = new WebsocketProvider(`${protocol}//${window.location.host}/collab`, room, doc, {
      WebSocketPolyfill: trackedWebSocket({
        onChange(count) {
          unsaved = count;
          publish();
        },
        onClose(code, reason) {
          // Told the board was rebuilt but did not reopen in time (everything sent was carried over).
          if (code === closeCodes.boardRebuilt) return setOpening((n) => n + 1);
          if (isFinal(code)) {
            refusal = refusals[code] ?? `The live connection was refused (${reason || code}). Reload the page to continue.`;
            publish();
          }
        },
        onRebuilt() {
          setOpening((n) => n + 1);
        },
      }),
    });
    // Jittered back-off so a server restart is not met by every client at the same moment.
    jitterReconnects(provider);
    sendOnlyOwnPresence(provider);
    if (present) provider.awareness.setLocalStateField('user', { id, name, color });
    provider.on('status', ({ status: s }: { status: string }) => {
      connected = s === 'connected';
      publish();
    });
    provider.on('sync', (isSynced: boolean) => {
      synced = synced || isSynced;
      if (isSynced) syncs++;
      publish();
    });
    publish();
    return () => {
      provider?.destroy();
      doc.destroy();
      setLive(null);
    };
  }, [room, id, name, color, present, opening]);

  return live;
}
