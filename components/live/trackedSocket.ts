// A WebSocket for y-websocket's provider that understands Waymark's extensions: it counts the
// document updates it sends and reads the server's `saved` acks (message type 100) so the UI can
// show Saving / Saved, and passes on the `rebuilt` notice (101: this tab's document is of an older
// generation of the board). Both are consumed here; the stock provider never sees them.
import * as decoding from 'lib0/decoding';
import { messageRebuilt, messageSaved, messageSync, syncStep2, syncUpdate } from '@/server/collab/protocol';

export interface SaveTracker {
  /** Called whenever the number of unsaved updates on the current socket changes. */
  onChange(unsaved: number): void;
  /** Called when the server closes the socket, with its close code and reason. */
  onClose(code: number, reason: string): void;
  /**
   * Called when the server has said the board was rebuilt and every update sent on this socket is
   * saved (carried over to the new generation): the document can be dropped and the board opened again.
   */
  onRebuilt(): void;
}

function isDocumentUpdate(data: ArrayBufferLike | ArrayBufferView): boolean {
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  if (bytes.length < 2) return false;
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== messageSync) return false;
  const step = decoding.readVarUint(decoder);
  return step === syncStep2 || step === syncUpdate;
}

/** Builds a WebSocket class (for `WebSocketPolyfill`) reporting to `tracker`. */
export function trackedWebSocket(tracker: SaveTracker): typeof WebSocket {
  return class TrackedWebSocket extends WebSocket {
    private sent = 0;
    private saved = 0;
    private rebuilt = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      const withSaved = new URL(url);
      withSaved.searchParams.set('saved', '1');
      super(withSaved, protocols);
      tracker.onChange(0);
      this.addEventListener('close', (event) => tracker.onClose(event.code, event.reason));
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data !== 'string' && !(data instanceof Blob) && isDocumentUpdate(data)) {
        this.sent++;
        tracker.onChange(this.sent - this.saved);
      }
      super.send(data);
    }

    // y-websocket assigns `onmessage`; acks are taken out before its handler runs.
    override set onmessage(handler: ((this: WebSocket, ev: MessageEvent) => unknown) | null) {
      super.onmessage = handler
        ? (event: MessageEvent) => {
            if (event.data instanceof ArrayBuffer) {
              const decoder = decoding.createDecoder(new Uint8Array(event.data));
              const type = decoding.readVarUint(decoder);
              if (type === messageSaved) {
                this.saved = Math.max(this.saved, decoding.readVarUint(decoder));
                tracker.onChange(this.sent - this.saved);
                this.reopenOnceSaved();
                return;
              }
              if (type === messageRebuilt) {
                this.rebuilt = true;
                this.reopenOnceSaved();
                return;
              }
            }
            handler.call(this, event);
          }
        : null;
    }

    private reopenOnceSaved(): void {
      if (!this.rebuilt || this.sent > this.saved) return;
      this.rebuilt = false;
      tracker.onRebuilt();
    }

    override get onmessage() {
      return super.onmessage;
    }
  };
}
