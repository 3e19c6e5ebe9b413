// Jittered reconnects: each wait is drawn below the exponential back-off, never above the cap.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { jitterReconnects } from '@/components/live/backoff';

function provider() {
  return new WebsocketProvider('ws://127.0.0.1:9/collab', 'risks:x', new Y.Doc(), {
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

describe('jittered reconnects', () => {
  it('draws each wait between half and all of the exponential delay for the attempt', () => {
    const p = provider();
    const draws = [0, 0.5, 1];
    jitterReconnects(p, 10_000, () => draws.shift()!);
    p.wsUnsuccessfulReconnects = 2; // the next wait would be 2^3 x 100 ms = 800 ms
    p.emit('connection-close', [null, p]);
    expect(p.maxBackoffTime).toBe(400);
    p.emit('connection-close', [null, p]);
    expect(p.maxBackoffTime).toBe(600);
    p.emit('connection-close', [null, p]);
    expect(p.maxBackoffTime).toBe(800);
    p.destroy();
  });

  it('never waits longer than the cap', () => {
    const p = provider();
    jitterReconnects(p, 5_000, () => 1);
    p.wsUnsuccessfulReconnects = 20;
    p.emit('connection-close', [null, p]);
    expect(p.maxBackoffTime).toBe(5_000);
    p.destroy();
  });
});
