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
}

export function boardName(kind: BoardKind, projectId: string): string {
  return `${kind}:${projectId}`;
}
