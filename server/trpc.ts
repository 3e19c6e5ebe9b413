// tRPC set-up: the request context, error shape and the procedure builders every router uses.
// Authorization happens here and in each procedure, never only in the UI.
import { randomBytes } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Database } from '@/db';
import { meeting } from '@/db/schema';
import type { Auth, AuthSession } from './auth';
import type { LiveBoards } from './collab/liveBoards';
import type { Mailer } from './mail';
import type { WebhookSender } from './status/webhooks';
import { findMembership } from './data/membership';
import { roleAtLeast, type ProjectRole } from './domain/roles';
import { findUnstorableText, withoutLeadingByteOrderMarks } from './domain/storableText';

export interface TRPCContext {
  db: Database;
  live: LiveBoards;
  /** Tells the project's webhooks about publishes. */
  webhooks: WebhookSender;
  session: AuthSession | null;
  /** better-auth itself, for what procedures do on accounts (password reset links). */
  auth: Auth;
  /** The app's public origin, for links sent to people (invites, password resets). */
  appUrl: string;
  /** Outgoing mail; null when SMTP_URL is not set (links are then shown to copy). */
  mailer: Mailer | null;
}

/** Builds the context of one request from its headers (the session cookie). */
export async function createTRPCContext(opts: {
  headers: Headers;
  db: Database;
  auth: Auth;
  live: LiveBoards;
  webhooks: WebhookSender;
  appUrl: string;
  mailer: Mailer | null;
}): Promise<TRPCContext> {
  const session = await opts.auth.api.getSession({ headers: opts.headers });
  return { db: opts.db, live: opts.live, webhooks: opts.webhooks, session, auth: opts.auth, appUrl: opts.appUrl, mailer: opts.mailer };
}

/** "title: is required; likelihood: must be 1 to 5" rather than a JSON dump of zod issues. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

const internalErrorIds = new WeakMap<TRPCError, string>();

/**
 * The id an internal error is logged and answered under (made on first use, so the log line and
 * the response agree whichever is written first).
 */
export function internalErrorId(error: TRPCError): string {
  let id = internalErrorIds.get(error);
  if (!id) {
    id = randomBytes(8).toString('hex');
    internalErrorIds.set(error, id);
  }
  return id;
}

export const internalErrorMessage = 'Something went wrong';

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // A failed query's message holds its SQL and parameters, others a path or a host: none of it
    // is for the caller. The id finds the full error in the server log.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      const requestId = internalErrorId(error);
      return {
        ...shape,
        message: `${internalErrorMessage}. Request id: ${requestId}`,
        data: { ...shape.data, stack: undefined, requestId, zodIssues: undefined },
      };
    }
    return {
      ...shape,
      data: { ...shape.data, stack: undefined, requestId: undefined, zodIssues: error.cause instanceof ZodError ? error.cause.issues : undefined },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Joins routers into one namespace (the resources procedures of the workspace and of a project). */
export const mergeRouters = t.mergeRouters;

/** Turns input validation failures into BAD_REQUEST errors a person can read. */
const readableInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(result.error.cause), cause: result.error.cause });
  }
  return result;
});

/**
 * Refuses any input string Postgres could not store (a NUL character, a lone surrogate), whatever
 * the procedure: one bad value must never reach a live board. Strips the byte order marks a string
 * starts with (the embedded database would not read them back), before the procedure's own schema
 * sees the input (docs/security.md, "Bad values").
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const raw = await getRawInput();
  const found = findUnstorableText(raw);
  if (found) {
    const where = found.path.length ? found.path.join('.') : 'input';
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${where}: ${found.reason}` });
  }
  const cleaned = withoutLeadingByteOrderMarks(raw);
  return next({ getRawInput: async () => cleaned });
});

export const publicProcedure = t.procedure.use(readableInputErrors).use(storableInput);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

export const projectIdInput = z.object({ projectId: z.uuid('projectId must be a project id') });

/** Why a change to an archived project is refused (tRPC and the live boards say the same). */
export function archivedMessage(name: string): string {
  return `“${name}” is archived, so it is read-only. An owner can unarchive it in the project's settings.`;
}

/**
 * A procedure on one project: loads the caller's membership and requires at least `minimum`.
 * Non-members get NOT_FOUND, so a project's existence is never revealed to strangers.
 * An archived project is read-only: every mutation is FORBIDDEN, except those built with
 * `{ whileArchived: true }` (unarchive and delete).
 */
export function projectProcedure(minimum: ProjectRole, options: { whileArchived?: boolean } = {}) {
  return protectedProcedure.input(projectIdInput).use(async ({ ctx, input, next, type }) => {
    const row = await findMembership(ctx.db, input.projectId, ctx.user.id);
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Project not found.' });
    if (!roleAtLeast(row.role, minimum)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role; your role in this project is ${row.role}.` });
    }
    if (row.project.archivedAt && type !== 'query' && !options.whileArchived) {
      throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(row.project.name) });
    }
    return next({ ctx: { ...ctx, project: row.project, role: row.role } });
  });
}

export const meetingIdInput = z.object({ meetingId: z.uuid('meetingId must be a meeting id') });

/**
 * A procedure on one meeting: loads the meeting and the caller's membership of its project, and
 * requires at least `minimum`, as projectProcedure does for a project. An unknown meeting and a
 * meeting of a project the caller is not a member of are both NOT_FOUND.
 */
export function meetingProcedure(minimum: ProjectRole) {
  return protectedProcedure.input(meetingIdInput).use(async ({ ctx, input, next, type }) => {
    const [found] = await ctx.db.select().from(meeting).where(eq(meeting.id, input.meetingId)).limit(1);
    const row = found && (await findMembership(ctx.db, found.projectId, ctx.user.id));
    if (!found || !row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Meeting not found.' });
    if (!roleAtLeast(row.role, minimum)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role; your role in this project is ${row.role}.` });
    }
    if (row.project.archivedAt && type !== 'query') {
      throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(row.project.name) });
    }
    return next({ ctx: { ...ctx, project: row.project, role: row.role, meeting: found } });
  });
}
