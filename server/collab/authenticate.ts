// Who is on the other end of an upgrade request, and what they may do on the board they asked
// for: the session cookie (better-auth) and the project membership (or, for a board of no project,
// the board's own check) decide, once per socket; the session is checked again while the socket
// lives (liveSessions).
import type { IncomingMessage } from 'node:http';
import { and, gt, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { session as sessionTable } from '@/db/schema';
import type { Auth } from '../auth';
import { findMembership } from '../data/membership';
import { canEditBoards } from '../domain/roles';
import { boards } from './boards';
import type { BoardAccess, BoardDefinition } from './boards/types';
import type { BoardKind } from './liveBoards';

export interface CollabUser {
  id: string;
  name: string;
  /** The better-auth session the socket was opened with: its end closes the socket. */
  sessionId: string;
}

export interface CollabAccess {
  /** Authenticates the request from its cookie; null when there is no valid session. */
  authenticate(req: IncomingMessage): Promise<CollabUser | null>;
  /**
   * The user's access to a board (`boardId`: the project's id, the meeting's for a meeting board,
   * whose project is looked up, the workspace's for a people board); null when they may not open it
   * (not a member of its project or workspace), or it does not exist.
   */
  authorize(user: CollabUser, kind: BoardKind, boardId: string): Promise<BoardAccess | null>;
  /** Which of these sessions still exist and have not expired. */
  liveSessions(sessionIds: readonly string[]): Promise<Set<string>>;
}

export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    // Stryker disable next-line ConditionalExpression,CallExpression: Node gives a request's headers as arrays only for set-cookie, which sign-in does not read.
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    // Stryker disable next-line ConditionalExpression: Node never lists a request header with an undefined value; the check is for the type.
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

export function sessionAccess(db: Database, auth: Auth): CollabAccess {
  return {
    async authenticate(req) {
      const session = await auth.api.getSession({ headers: headersOf(req) });
      return session ? { id: session.user.id, name: session.user.name, sessionId: session.session.id } : null;
    },
    async authorize(user, kind, boardId) {
      const board: BoardDefinition = boards[kind];
      if (board.access) return (await board.access(db, boardId, user.id)) ?? null;
      const projectId = board.projectOf ? await board.projectOf(db, boardId) : boardId;
      if (!projectId) return null;
      const membership = await findMembership(db, projectId, user.id);
      if (!membership) return null;
      // An archived project is read-only for everyone until an owner unarchives it.
      return { readOnly: !canEditBoards(membership.role) || membership.project.archivedAt !== null };
    },
    async liveSessions(sessionIds) {
      const live = new Set<string>();
      // In slices, to keep each query's parameter list small however many sockets are open.
      // Stryker disable next-line EqualityOperator: `<=` adds one query for an empty slice, which finds nothing.
      for (let i = 0; i < sessionIds.length; i += 1000) {
        const rows = await db
          .select({ id: sessionTable.id })
          .from(sessionTable)
          // Stryker disable next-line MethodExpression: the whole list instead of a slice finds the same sessions; only a query's parameter count (Postgres allows 65,535) would tell.
          .where(and(inArray(sessionTable.id, sessionIds.slice(i, i + 1000)), gt(sessionTable.expiresAt, new Date())));
        for (const row of rows) live.add(row.id);
      }
      return live;
    },
  };
}
