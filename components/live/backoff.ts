// Reconnect back-off with full jitter for y-websocket's provider. The stock provider waits
// min(2^n x 100 ms, maxBackoffTime) after the n-th failed attempt: clients dropped together by a
// server restart retry together, a thundering herd. Before each wait is scheduled, this draws the
// cap at random below the exponential delay, so every wait becomes random in [100 ms, 2^n x 100 ms].
import type { WebsocketProvider } from 'y-websocket';

export function jitterReconnects(provider: WebsocketProvider, capMs = 10_000, random = Math.random): void {
  // 'connection-close' is emitted before the provider counts the failure and schedules the retry.
  provider.on('connection-close', () => {
    const exponential = Math.min(capMs, 2 ** (provider.wsUnsuccessfulReconnects + 1) * 100);
    provider.maxBackoffTime = 100 + random() * Math.max(0, exponential - 100);
  });
}
