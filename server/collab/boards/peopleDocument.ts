// The people board's document (`people:<workspaceId>`): one Y.Map `signal` whose `revision` the
// server counts up after every committed change of the workspace's resources. The records stay in
// Postgres; this number only tells the grids that are open to read them again.
import type * as Y from 'yjs';

export const signalMapName = 'signal';

/** The board's revision: 0 for a board that never signalled; a stray non-number reads as 0. */
export function readRevision(doc: Y.Doc): number {
  const revision = doc.getMap<unknown>(signalMapName).get('revision');
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0 ? revision : 0;
}

/** Counts the revision up by one (only the server writes the board). */
export function signalResourcesChanged(doc: Y.Doc): void {
  doc.getMap<unknown>(signalMapName).set('revision', readRevision(doc) + 1);
}
