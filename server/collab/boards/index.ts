// Every kind of live board the collaboration server knows, by the prefix of its room name.
import { boardKinds, type BoardKind } from '../liveBoards';
import { planBoard } from './plan';
import { risksBoard } from './risks';
import type { BoardDefinition } from './types';

export const boards: { [K in BoardKind]: BoardDefinition<K> } = { risks: risksBoard, plan: planBoard };

/** Parses `risks:<projectId>` or `plan:<projectId>`; undefined for an unknown kind or a malformed project id. */
export function parseBoardName(name: string): { kind: BoardKind; projectId: string } | undefined {
  const match = /^([a-z]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(name);
  if (!match || !(boardKinds as readonly string[]).includes(match[1]!)) return undefined;
  return { kind: match[1] as BoardKind, projectId: match[2]!.toLowerCase() };
}
