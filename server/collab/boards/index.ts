// Every kind of live board the collaboration server knows, by the prefix of its room name.
import { boardKinds, type BoardKind } from '../liveBoards';
import { meetingBoard } from './meeting';
import { peopleBoard } from './people';
import { planBoard } from './plan';
import { risksBoard } from './risks';
import type { BoardDefinition } from './types';

export const boards: { [K in BoardKind]: BoardDefinition<K> } = {
  risks: risksBoard,
  plan: planBoard,
  meeting: meetingBoard,
  people: peopleBoard,
};

/**
 * Parses `<kind>:<boardId>` (`risks:<projectId>`, `plan:<projectId>`, `meeting:<meetingId>`,
 * `people:<workspaceId>`); undefined for an unknown kind or a malformed id (every board id is a UUID).
 */
export function parseBoardName(name: string): { kind: BoardKind; boardId: string } | undefined {
  const match = /^([a-z]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(name);
  if (!match || !(boardKinds as readonly string[]).includes(match[1]!)) return undefined;
  return { kind: match[1] as BoardKind, boardId: match[2]!.toLowerCase() };
}
