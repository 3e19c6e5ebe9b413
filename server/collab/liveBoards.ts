// What the rest of the server may ask of the live boards. Commands are plain data so that callers
// (tRPC procedures in Next's module graph) never touch Yjs objects from another copy of yjs.
import type { RaidFields } from '../domain/risk';

export const boardKinds = ['risks', 'plan'] as const;
export type BoardKind = (typeof boardKinds)[number];

/** Each kind of board has its own commands and results, so a command cannot reach the wrong board. */
export interface BoardCommands {
  risks: {
    command: { type: 'raid.import'; rows: { id: string | null; fields: Partial<RaidFields> }[] };
    result: { created: number; updated: number };
  };
  plan: {
    command: { type: 'plan.saveBaseline'; name: string };
    result: { baselineId: string; itemCount: number };
  };
}

export type BoardCommand<K extends BoardKind = BoardKind> = BoardCommands[K]['command'];
export type BoardCommandResult<K extends BoardKind = BoardKind> = BoardCommands[K]['result'];

export interface LiveBoards {
  /** Applies a change through the live document: persisted, then broadcast to connected clients. */
  apply<K extends BoardKind>(kind: K, projectId: string, command: BoardCommand<K>, actorId: string): Promise<BoardCommandResult<K>>;
  /**
   * A member's role changed or they were removed: their open sockets on the project's boards are
   * closed with 4509 so they reconnect and are authorized again (a removed member is then refused).
   */
  accessChanged(projectId: string, userId: string): void;
}

export function boardName(kind: BoardKind, projectId: string): string {
  return `${kind}:${projectId}`;
}
