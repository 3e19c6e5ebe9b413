// One client socket on a live board: who it is, whether it may write, and its bookkeeping
// (document updates received, the presence client id it controls, its session, liveness for pings).
import WebSocket from 'ws';
import { closeReasons } from './protocol';
import type { LiveDocument } from './liveDocument';

let nextConnectionId = 1;

export class Connection {
  readonly id = nextConnectionId++;
  userId = '';
  /** The better-auth session it was opened with; the socket is closed when that session ends. */
  sessionId = '';
  /** The session user's name: what others see in this socket's presence, whatever it claims. */
  userName = '';
  /** Decided once, at authentication: viewers' document updates are never applied. */
  readOnly = true;
  /** Document-update messages received on this socket (sync step 2 and update). */
  updatesReceived = 0;
  /** The Yjs client id whose presence this socket sets: the first it announced (liveDocument.ts). Removed when it closes. */
  presenceClientId: number | undefined;
  document: LiveDocument | undefined;
  alive = true;
  closed = false;
  /** Bytes of this socket's updates applied on its board but not yet committed (liveDocument.ts). */
  pendingBytes = 0;
  /** Messages held back, in order, while the socket is paused for back-pressure (server.ts). */
  readonly held: Uint8Array[] = [];
  /** Messages that arrived before authentication and loading finished, in order. */
  readonly queued: Uint8Array[] = [];
  queuedBytes = 0;

  constructor(
    readonly socket: WebSocket,
    /** The client asked for `saved` acknowledgements (`?saved=1`). */
    readonly wantsSaved: boolean,
    private readonly maxBufferedBytes = Number.POSITIVE_INFINITY,
  ) {}

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      // A socket that stopped reading would otherwise hold every broadcast in memory.
      this.closed = true;
      this.socket.terminate();
      return;
    }
    // No per-message callback: a failed send surfaces as the socket's 'close' event.
    this.socket.send(message);
  }

  close(code: number, reason = closeReasons[code] ?? ''): void {
    if (this.closed) return;
    this.closed = true;
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }
}
