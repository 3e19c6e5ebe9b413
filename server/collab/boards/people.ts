// A workspace's people board (`people:<workspaceId>`) as a kind of live board: presence on the
// allocation grid and the server's change signal (peopleDocument.ts), nothing else. Resources are
// records in Postgres, written by tRPC mutations with version checks; so every client only reads
// this board (its document updates are never applied), it has no commands and no projection.
// Anyone who may see the workspace's resources is admitted (server/data/workspaceAccess.ts).
import { findWorkspaceAccess } from '../../data/workspaceAccess';
import type { BoardDefinition } from './types';

export const peopleBoard: BoardDefinition<'people'> = {
  kind: 'people',

  async access(db, workspaceId, userId) {
    // Editors change resources through tRPC, not through this document: everyone reads it.
    return (await findWorkspaceAccess(db, workspaceId, userId)) ? { readOnly: true } : undefined;
  },

  textFields: { entries: [], singletons: [], lists: [] },

  // Nothing to attribute: only the server writes, and there is no projection to feed.
  observe() {},

  commands: {},
};
