// What a kind of live board (risks, plan, meetings, people) tells the collaboration server: who
// may open it, how to watch its document for authors, server-side commands, and its projection.
import type * as Y from 'yjs';
import type { Database } from '@/db';
import type { ChangeAttribution, AttributionSnapshot } from '../attribution';
import type { CommandSlices } from '../commandSlices';
import type { BoardCommand, BoardCommandResult, BoardCommandType, BoardKind } from '../liveBoards';
import type { TextFields } from '../plainText';
import type { ProjectionReport } from '../projections/issues';

export interface ProjectionInput {
  db: Database;
  projectId: string;
  /** What the room names after its kind: the project's id, or the meeting's for a meeting board. */
  boardId: string;
  doc: Y.Doc;
  authors: AttributionSnapshot;
  /** Author to credit when a change has no recorded author (e.g. after a restart). */
  fallbackActorId: string | null;
  now: Date;
}

/** What a person may do on a board they are admitted to (decided once per socket). */
export interface BoardAccess {
  /** Their document updates are never applied (presence still is). */
  readOnly: boolean;
}

export interface BoardDefinition<K extends BoardKind = BoardKind> {
  kind: K;
  /**
   * Who may open a board that belongs to no project (people: a workspace's): their access, or
   * undefined for someone who may not know it exists. Without it, the board belongs to its
   * project (the board id, or projectOf) and admits that project's members (authenticate.ts).
   */
  access?(db: Database, boardId: string, userId: string): Promise<BoardAccess | undefined>;
  /**
   * The project a board belongs to, for boards keyed by a record (a meeting); null when that record
   * does not exist. Boards without it are keyed by their project's id.
   */
  projectOf?(db: Database, boardId: string): Promise<string | null>;
  /** Whether the board, as it is now, refuses every client's edit (an ended meeting); commands still apply. */
  refusesClientEdits?(doc: Y.Doc): boolean;
  /** Where it keeps free text (Y.Text; plain strings found there are converted). */
  textFields: TextFields;
  /** Starts recording who changes what in a loaded document. */
  observe(doc: Y.Doc, attribution: ChangeAttribution): void;
  /**
   * One handler per command: applies it to a document (a scratch copy; the caller persists the
   * resulting updates), yielding every `sliceRows` rows of a big one (see commandSlices.ts).
   */
  commands: {
    [T in BoardCommandType<K>]: (doc: Y.Doc, command: BoardCommand<K, T>, actorId: string, sliceRows: number) => CommandSlices<BoardCommandResult<K, T>>;
  };
  /** Derives the board's relational rows from the document. Idempotent. None: the board keeps no rows (people). */
  project?(input: ProjectionInput): Promise<ProjectionReport>;
}
