// Presence sent by y-websocket's provider: only this client's own entry. The stock provider sends
// every awareness change it applies, other people's included, so with N people moving carets each
// socket sends N times the messages it needs (30 people typing: ~155 messages a second per socket,
// past the server's per-socket rate, which then closed every socket; docs/benchmarks.md, meeting
// notes). The server ignores entries a socket sends for other clients anyway (issue 13).
import type { WebsocketProvider } from 'y-websocket';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export function sendOnlyOwnPresence(provider: WebsocketProvider): void {
  const { awareness } = provider;
  const send = provider._awarenessUpdateHandler as (changes: AwarenessChanges, origin: unknown) => void;
  awareness.off('update', send);
  awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
    // What the server relayed (origin: the provider) is other people's: never sent back.
    if (origin === provider) return;
    const own = awareness.clientID;
    if (![...changes.added, ...changes.updated, ...changes.removed].includes(own)) return;
    send({ added: [], updated: [own], removed: [] }, origin);
  });
}
