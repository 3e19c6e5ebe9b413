// The benchmark's client for the Hocuspocus peer (HocuspocusProvider). It lives beside the peer, in
// the bench's own package (tests/bench/package.json), so the app's install and typecheck never need
// @hocuspocus/*; tests/bench/clients.ts loads it at run time.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type WebSocket from 'ws';
import type * as Y from 'yjs';
import type { PeerClient } from '../clients';

export function connectHocuspocusClient(port: number, room: string, doc: Y.Doc, Socket: typeof WebSocket): PeerClient {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: Socket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token: 'bench' });
  provider.attach();
  return {
    awareness: provider.awareness!,
    synced: new Promise((resolve) => (provider.isSynced ? resolve() : provider.on('synced', () => resolve()))),
    connected: () => socket.status === 'connected',
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
