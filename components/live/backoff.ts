// Reconnect back-off with jitter for y-websocket's provider. The stock provider waits
// min(2^n x 100 ms, maxBackoffTime) after the n-th failed attempt: clients dropped together by a
// server restart retry together, a thundering herd. Before each wait is scheduled, this sets the
// cap so the wait is "equal jitter": half the exponential delay plus a random part of the other
// half. Waits still grow (few attempts while the server is down) but no two clients share them.
import type { WebsocketProvider } from 'y-websocket';

export function jitterReconnects(provider: WebsocketProvider, capMs = 5_000, random = Math.random): void {
  // 'connection-close' is emitted before the provider counts the failure and schedules the retry.
  provider.on('connection-close', () => {
    const exponential = Math.min(capMs, 2 ** (provider.wsUnsuccessfulReconnects + 1) * 100);
    provider.maxBackoffTime = exponential / 2 + random() * (exponential / 2);
  });
}
