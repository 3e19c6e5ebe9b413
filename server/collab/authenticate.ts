// Who is on the other end of an upgrade request, and what they may do on the board they asked
// for: the session cookie (better-auth) and the project membership decide, once per socket.
import type { IncomingMessage } from 'node:http';
import type { Database } from '@/db';
import type { Auth } from '../auth';
import { findMembership } from '../data/membership';
import { canEditBoards } from '../domain/roles';
import type { BoardKind } from './liveBoards';

export interface CollabUser {
  id: string;
  name: string;
}

export interface CollabAccess {
  /** Authenticates the request from its cookie; null when there is no valid session. */
  authenticate(req: IncomingMessage): Promise<CollabUser | null>;
  /** The user's access to a board; null when they are not a member (or it does not exist). */
  authorize(user: CollabUser, kind: BoardKind, projectId: string): Promise<{ readOnly: boolean } | null>;
}

export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

export function sessionAccess(db: Database, auth: Auth): CollabAccess {
  return {
    async authenticate(req) {
      const session = await auth.api.getSession({ headers: headersOf(req) });
      return session ? { id: session.user.id, name: session.user.name } : null;
    },
    async authorize(user, _kind, projectId) {
      const membership = await findMembership(db, projectId, user.id);
      if (!membership) return null;
      // An archived project is read-only for everyone until an owner unarchives it.
      return { readOnly: !canEditBoards(membership.role) || membership.project.archivedAt !== null };
    },
  };
}
