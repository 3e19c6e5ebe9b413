// Load-generator clients for both servers: real Yjs clients (y-websocket's WebsocketProvider for
// Waymark, HocuspocusProvider for Hocuspocus) and passive raw receivers that only timestamp the
// arrival of document-update frames (no Yjs decoding), for measuring many clients cheaply.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { jitterReconnects } from '@/components/live/backoff';
import { sendOnlyOwnPresence } from '../../components/live/ownPresence';
import type { RunningServer } from './servers';

/** What the Hocuspocus peer's client (tests/bench/peers/hocuspocusClient.ts) gives back. */
export interface PeerClient {
  awareness: Awareness;
  synced: Promise<void>;
  connected(): boolean;
  destroy(): void;
}
type ConnectPeerClient = (port: number, room: string, doc: Y.Doc, Socket: typeof WebSocket) => PeerClient;

// The peer's client needs @hocuspocus/provider from the bench's own package (installed by
// `npm run bench`), so it is loaded by URL: the app's typecheck and install never reach it.
const peerClientModule = new URL('./peers/hocuspocusClient.ts', import.meta.url).href;
const { connectHocuspocusClient } = (await import(peerClientModule).catch((error: unknown) => {
  throw new Error(`The benchmark's peer is not installed: run \`npm --prefix tests/bench ci\` (npm run bench does). ${String(error)}`);
})) as { connectHocuspocusClient: ConnectPeerClient };

export interface BenchClient {
  doc: Y.Doc;
  /** Presence (cursors), as the editor's caret extension sets it. */
  awareness: Awareness;
  /**
   * With `stampArrivals`: when the message the client is applying right now reached its socket
   * (epoch ms, as `performance.timeOrigin + performance.now()`); undefined outside such a message.
   */
  deliveringArrivedAt(): number | undefined;
  synced: Promise<void>;
  /** True while its socket is open. */
  connected(): boolean;
  destroy(): void;
}

function cookieSocket(cookie: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

/**
 * A socket class that notes when each message arrives and hands it to its client on the next turn
 * of the event loop, so that many clients sharing one thread each get an arrival time that does
 * not include the other clients' work on the same message (as if each were on its own machine);
 * `delivering.arrivedAt` is set while the client handles it.
 */
function stampingArrivals(Base: typeof WebSocket, delivering: { arrivedAt: number | undefined }): typeof WebSocket {
  return class extends Base {
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message') return super.emit(event, ...args);
      const arrivedAt = performance.timeOrigin + performance.now();
      setImmediate(() => {
        delivering.arrivedAt = arrivedAt;
        try {
          super.emit(event, ...args);
        } finally {
          delivering.arrivedAt = undefined;
        }
      });
      return true;
    }
  } as typeof WebSocket;
}

export function connectBenchClient(
  server: RunningServer,
  room: string,
  cookie: string,
  options: {
    jitter?: boolean;
    onAttempt?: () => void;
    stampArrivals?: boolean;
  } = {},
): BenchClient {
  const doc = new Y.Doc();
  const delivering = { arrivedAt: undefined as number | undefined };
  const deliveringArrivedAt = () => delivering.arrivedAt;
  const socketClass = (Base: typeof WebSocket) => (options.stampArrivals ? stampingArrivals(Base, delivering) : Base);
  if (server.kind === 'waymark') {
    const Socket = socketClass(cookieSocket(cookie) as unknown as typeof WebSocket);
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/collab`, room, doc, {
      WebSocketPolyfill: class extends Socket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols);
          options.onAttempt?.();
        }
      } as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    if (options.jitter) jitterReconnects(provider);
    // As the app's client does (components/live/useLiveDoc.ts).
    sendOnlyOwnPresence(provider);
    return {
      doc,
      awareness: provider.awareness,
      deliveringArrivedAt,
      synced: new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))),
      connected: () => provider.wsconnected && provider.synced,
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  const peer = connectHocuspocusClient(server.port, room, doc, socketClass(WebSocket));
  return {
    doc,
    awareness: peer.awareness,
    deliveringArrivedAt,
    synced: peer.synced,
    connected: peer.connected,
    destroy: () => {
      peer.destroy();
      doc.destroy();
    },
  };
}

/** A socket that records when document-update frames arrive, without decoding Yjs. */
export interface RawReceiver {
  ready: Promise<void>;
  /** Called with performance.now() for every document-update frame. */
  onUpdate: (at: number) => void;
  close(): void;
}

export function rawReceiver(server: RunningServer, room: string, cookie: string): RawReceiver {
  const url = server.kind === 'waymark' ? `ws://127.0.0.1:${server.port}/collab/${room}` : `ws://127.0.0.1:${server.port}`;
  const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
  const receiver: RawReceiver = {
    ready: new Promise((resolve, reject) => {
      ws.once('message', () => resolve()); // the server's sync step 1 (after authentication)
      ws.once('error', reject);
    }),
    onUpdate: () => {},
    close: () => ws.terminate(),
  };
  ws.on('open', () => {
    if (server.kind !== 'hocuspocus') return;
    // Hocuspocus needs an authentication message naming the document before it sends anything.
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 2); // Auth
    encoding.writeVarUint(encoder, 0); // Token
    encoding.writeVarString(encoder, 'bench');
    encoding.writeVarString(encoder, '4.7.0');
    ws.send(encoding.toUint8Array(encoder));
  });
  ws.on('message', (data: Buffer) => {
    const at = performance.now();
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (server.kind === 'hocuspocus') decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 0) return; // not sync
    if (decoding.readVarUint(decoder) !== 2) return; // not an update
    receiver.onUpdate(at);
  });
  return receiver;
}

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
