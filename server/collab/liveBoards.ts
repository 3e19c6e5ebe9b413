// What the rest of the server may ask of the live boards. Commands are plain data so that callers
// (tRPC procedures in Next's module graph) never touch Yjs objects from another copy of yjs.
import type { ActionFields, ActionStatus, DecisionFields } from '../domain/meeting';
import type { MeetingBoard } from './boards/meetingDocument';
import type { PlanImport } from '../domain/planImport';
import type { RaidFields } from '../domain/risk';

export const boardKinds = ['risks', 'plan', 'meeting', 'people'] as const;
export type BoardKind = (typeof boardKinds)[number];
/**
 * Kinds with one board per project, named `<kind>:<projectId>`; the others name a record
 * (`meeting:<meetingId>`) or a workspace (`people:<workspaceId>`).
 */
export const projectBoardKinds = ['risks', 'plan'] as const satisfies readonly BoardKind[];

/**
 * Each kind of board has its own commands, each with its own result, so a command cannot reach
 * the wrong board and a caller gets the result of the command it sent.
 */
export interface BoardCommands {
  risks: {
    'raid.import': {
      command: { rows: { id: string | null; fields: Partial<RaidFields> }[] };
      result: { created: number; updated: number };
    };
  };
  plan: {
    'plan.saveBaseline': { command: { name: string }; result: { baselineId: string; itemCount: number } };
    'plan.import': { command: PlanImport; result: { created: number; updated: number; dependencies: number } };
  };
  meeting: {
    /** The first agenda items of a new meeting: the previous meeting's open actions (domain/meetingSeries.ts). */
    'meeting.seedAgenda': { command: { items: { title: string; carriedActionIds: string[] }[] }; result: { agendaItemIds: string[] } };
    /** Changes nothing: the board's actions as it holds them now (the projection may be a moment behind). */
    'meeting.readActions': { command: Record<never, never>; result: { actions: { id: string; status: ActionStatus }[] } };
    /** The board as it is now, as plain data, and its notes as Markdown (the minutes export and the status draft). */
    'meeting.readMinutes': { command: Record<never, never>; result: { board: MeetingBoard; notesMarkdown: string } };
    /** Refused (`ended: true`, nothing written) once the meeting has ended. */
    'meeting.addAction': { command: { fields: Partial<ActionFields> }; result: { actionId: string | null; ended: boolean } };
    'meeting.addDecision': { command: { fields: Partial<DecisionFields> }; result: { decisionId: string | null; ended: boolean } };
    /** Applies on an ended meeting too; `found: false` when the action is not on the board. */
    'meeting.setActionDone': { command: { actionId: string; done: boolean }; result: { found: boolean } };
    'meeting.end': { command: Record<never, never>; result: { endedAt: string } };
    'meeting.reopen': { command: Record<never, never>; result: { reopened: boolean } };
    /** Fills a new, empty board with a whole document made on the server (the demo's meetings, db/seedDemoMeetings.ts); throws on a board with content. */
    'meeting.import': { command: { update: Uint8Array }; result: Record<never, never> };
  };
  /** None: the people board carries only the server's change signal (resourcesChanged) and presence. */
  people: Record<never, never>;
}

export type BoardCommandType<K extends BoardKind> = keyof BoardCommands[K] & string;
/** A command for a board of kind K (of type T, by default any of K's). */
export type BoardCommand<K extends BoardKind, T extends BoardCommandType<K> = BoardCommandType<K>> = {
  [C in T]: { type: C } & (BoardCommands[K][C] extends { command: infer Command } ? Command : never);
}[T];
export type BoardCommandResult<K extends BoardKind, T extends BoardCommandType<K>> = BoardCommands[K][T] extends { result: infer Result } ? Result : never;

export interface LiveBoards {
  /** Applies a change through the live document: persisted, then broadcast to connected clients. */
  apply<K extends BoardKind, T extends BoardCommandType<K>>(kind: K, boardId: string, command: BoardCommand<K, T>, actorId: string): Promise<BoardCommandResult<K, T>>;
  /**
   * A member's role changed or they were removed: their open sockets on the project's boards (its
   * meetings' included, and its workspace's people board) are closed with 4509 so they reconnect
   * and are authorized again (a removed member is then refused).
   */
  accessChanged(projectId: string, userId: string): void;
  /**
   * The project is about to be deleted: every open socket on its boards is closed (4509) and this
   * resolves once the boards' pending writes and projections are stored, so its history can go.
   */
  closeProject(projectId: string): Promise<void>;
  /** One board is about to be deleted (a meeting): as closeProject, for that board alone. */
  closeBoard(kind: BoardKind, boardId: string): Promise<void>;
  /**
   * A workspace's resources (people, time off, allocations, staffing needs, scenarios) changed and
   * the change is committed: the people board `people:<workspaceId>` tells its clients to refetch.
   */
  resourcesChanged(workspaceId: string): void;
}

/**
 * A board's room name: `<kind>:<boardId>`, the board id being the project's for risks and plan, the
 * meeting's for a meeting, the workspace's for people.
 */
export function boardName(kind: BoardKind, boardId: string): string {
  return `${kind}:${boardId}`;
}
