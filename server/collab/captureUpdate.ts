// The update one edit makes to a document: what a change made on the server (a command, an edit
// carried over from an older generation) stores and broadcasts like a client's.
import type * as Y from 'yjs';

/**
 * Runs `edit` on `doc` in one transaction (with `origin`) and returns what it returned, with the
 * update it made, or null if it changed nothing.
 */
export function captureUpdate<T>(doc: Y.Doc, edit: () => T, origin: unknown = null): { result: T; update: Uint8Array | null } {
  let update: Uint8Array | null = null;
  // One transaction: Yjs emits at most one update for it.
  const capture = (made: Uint8Array) => (update = made);
  doc.on('update', capture);
  try {
    const result = doc.transact(edit, origin);
    return { result, update };
  } finally {
    doc.off('update', capture);
  }
}
