// A live document's current state read straight from the update log, for readers outside the
// collaboration server's sockets (the minutes export, a status draft from the minutes). Updates a
// board holds in memory but has not committed yet (a commit window, a few milliseconds) are not in it.
import * as Y from 'yjs';
import type { Database } from '@/db';
import { UpdateLog } from './updateLog';

/** The document named `board` (e.g. `meeting:<meetingId>`) as stored; empty when it was never written. */
export async function readStoredDocument(db: Database, board: string): Promise<Y.Doc> {
  const { updates } = await new UpdateLog(db).load(board);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const { data } of updates) {
      try {
        Y.applyUpdate(doc, data);
      } catch {
        // A stored update Yjs rejects is skipped, as the live board does when it loads.
      }
    }
  });
  return doc;
}
