// What a kind of live board (risks, and later plan, meetings) tells the collaboration server:
// how to watch its document for authors, how to apply server-side commands, and its projection.
import type * as Y from 'yjs';
import type { Database } from '@/db';
import type { ChangeAttribution, AttributionSnapshot } from '../attribution';
import type { BoardCommand, BoardCommandResult, BoardKind } from '../liveBoards';

export interface ProjectionInput {
  db: Database;
  projectId: string;
  doc: Y.Doc;
  authors: AttributionSnapshot;
  /** Author to credit when a change has no recorded author (e.g. after a restart). */
  fallbackActorId: string | null;
  now: Date;
}

export interface BoardDefinition<K extends BoardKind = BoardKind> {
  kind: K;
  /** Starts recording who changes what in a loaded document. */
  observe(doc: Y.Doc, attribution: ChangeAttribution): void;
  /** Applies a command to a document (a scratch copy; the caller persists the resulting update). */
  applyCommand(doc: Y.Doc, command: BoardCommand<K>, actorId: string): BoardCommandResult<K>;
  /** Derives the board's relational rows from the document. Idempotent. */
  project(input: ProjectionInput): Promise<void>;
}
