// What the rest of the server may ask of the live boards. Commands are plain data so that callers
// (tRPC procedures in Next's module graph) never touch Yjs objects from another copy of yjs.
import type { RaidFields } from '../domain/risk';

export const boardKinds = ['risks'] as const;
export type BoardKind = (typeof boardKinds)[number];

export type BoardCommand = {
  type: 'raid.import';
  rows: { id: string | null; fields: Partial<RaidFields> }[];
};

export interface BoardCommandResult {
  created: number;
  updated: number;
}

export interface LiveBoards {
  /** Applies a change through the live document: persisted, then broadcast to connected clients. */
  apply(kind: BoardKind, projectId: string, command: BoardCommand, actorId: string): Promise<BoardCommandResult>;
  /**
   * A member's role changed or they were removed: their open sockets on the project's boards are
   * closed with 4509 so they reconnect and are authorized again (a removed member is then refused).
   */
  accessChanged(projectId: string, userId: string): void;
}

export function boardName(kind: BoardKind, projectId: string): string {
  return `${kind}:${projectId}`;
}
