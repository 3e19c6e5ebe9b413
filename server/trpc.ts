// tRPC set-up: the request context, error shape and the procedure builders every router uses.
// Authorization happens here and in each procedure, never only in the UI.
import { randomBytes } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Database } from '@/db';
import { allocation, meeting, person, personTimeOff, project, resourceScenario, staffingNeed } from '@/db/schema';
import type { Auth, AuthSession } from './auth';
import type { LiveBoards } from './collab/liveBoards';
import type { Mailer } from './mail';
import type { WebhookSender } from './status/webhooks';
import type { TechRegistry } from './tech/registryCheck';
import { findMembership } from './data/membership';
import { findWorkspaceAccess } from './data/workspaceAccess';
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
  /** The registry tech.checkVersions asks (TECH_REGISTRY_URL); null when none is set. */
  techRegistry: TechRegistry | null;
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
  techRegistry?: TechRegistry | null;
}): Promise<TRPCContext> {
  const session = await opts.auth.api.getSession({ headers: opts.headers });
  return {
    db: opts.db,
    live: opts.live,
    webhooks: opts.webhooks,
    session,
    auth: opts.auth,
    appUrl: opts.appUrl,
    mailer: opts.mailer,
    techRegistry: opts.techRegistry ?? null,
  };
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

// ---- resources (people, allocations, staffing needs, scenarios) --------------------------------
// Access is by workspace (server/data/workspaceAccess.ts): its owner, or an owner or editor of one of
// its live projects, changes resources ('editor'); any other member of the workspace or of one of its
// projects reads them ('reader'); anyone else is a stranger and is told nothing exists (NOT_FOUND).

export type ResourceUse = 'reader' | 'editor';

export const readOnlyResourcesMessage =
  "You can see this workspace's people and allocations but not change them: that needs the workspace's owner, or the owner or editor role in one of its projects.";

interface ResourceAccessContext {
  db: Database;
  user: { id: string };
}

/**
 * The caller's access to a workspace's resources, or the error to answer with: NOT_FOUND (saying
 * `notFound`, so a record's existence is not revealed either) for strangers, FORBIDDEN for readers
 * on writes.
 */
export async function requireResourceAccess(ctx: ResourceAccessContext, workspaceId: string, use: ResourceUse, notFound: string) {
  const access = await findWorkspaceAccess(ctx.db, workspaceId, ctx.user.id);
  if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: notFound });
  if (use === 'editor' && !access.canEdit) throw new TRPCError({ code: 'FORBIDDEN', message: readOnlyResourcesMessage });
  return access;
}

export const workspaceIdInput = z.object({ workspaceId: z.uuid('workspaceId must be a workspace id') });

/** A procedure on a workspace's resources: `ctx.workspace` and `ctx.canEdit` inside. */
export function workspaceProcedure(use: ResourceUse) {
  return protectedProcedure.input(workspaceIdInput).use(async ({ ctx, input, next }) => {
    const access = await requireResourceAccess(ctx, input.workspaceId, use, 'Workspace not found.');
    return next({ ctx: { ...ctx, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

/**
 * A procedure on one project's resources (its staffing needs) under the workspace rule above. A
 * change to an archived project's needs is refused, as every change to an archived project is.
 */
export function projectResourcesProcedure(use: ResourceUse) {
  return protectedProcedure.input(projectIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db.select().from(project).where(eq(project.id, input.projectId)).limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Project not found.' });
    const access = await requireResourceAccess(ctx, found.workspaceId, use, 'Project not found.');
    if (use === 'editor' && found.archivedAt) throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(found.name) });
    return next({ ctx: { ...ctx, project: found, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

export const personIdInput = z.object({ personId: z.uuid('personId must be a person id') });

/** A procedure on one person: `ctx.person` inside; an unknown person and a stranger's are both NOT_FOUND. */
export function personProcedure(use: ResourceUse) {
  return protectedProcedure.input(personIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db.select().from(person).where(eq(person.id, input.personId)).limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Person not found.' });
    const access = await requireResourceAccess(ctx, found.workspaceId, use, 'Person not found.');
    return next({ ctx: { ...ctx, person: found, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

export const timeOffIdInput = z.object({ timeOffId: z.uuid('timeOffId must be a time off id') });

/** A procedure on one period of time off: `ctx.timeOff` and its `ctx.person` inside. */
export function timeOffProcedure(use: ResourceUse) {
  return protectedProcedure.input(timeOffIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db
      .select({ timeOff: personTimeOff, person })
      .from(personTimeOff)
      .innerJoin(person, eq(person.id, personTimeOff.personId))
      .where(eq(personTimeOff.id, input.timeOffId))
      .limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Time off not found.' });
    const access = await requireResourceAccess(ctx, found.person.workspaceId, use, 'Time off not found.');
    return next({ ctx: { ...ctx, timeOff: found.timeOff, person: found.person, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

export const allocationIdInput = z.object({ allocationId: z.uuid('allocationId must be an allocation id') });

/** A procedure on one allocation: `ctx.allocation` inside. */
export function allocationProcedure(use: ResourceUse) {
  return protectedProcedure.input(allocationIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db.select().from(allocation).where(eq(allocation.id, input.allocationId)).limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Allocation not found.' });
    const access = await requireResourceAccess(ctx, found.workspaceId, use, 'Allocation not found.');
    return next({ ctx: { ...ctx, allocation: found, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

export const needIdInput = z.object({ needId: z.uuid('needId must be a staffing need id') });

/** A procedure on one staffing need: `ctx.need` inside. */
export function staffingNeedProcedure(use: ResourceUse) {
  return protectedProcedure.input(needIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db.select().from(staffingNeed).where(eq(staffingNeed.id, input.needId)).limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Staffing need not found.' });
    const access = await requireResourceAccess(ctx, found.workspaceId, use, 'Staffing need not found.');
    return next({ ctx: { ...ctx, need: found, workspace: access.workspace, canEdit: access.canEdit } });
  });
}

export const scenarioIdInput = z.object({ scenarioId: z.uuid('scenarioId must be a scenario id') });

/** A procedure on one what-if scenario: `ctx.scenario` inside. */
export function scenarioProcedure(use: ResourceUse) {
  return protectedProcedure.input(scenarioIdInput).use(async ({ ctx, input, next }) => {
    const [found] = await ctx.db.select().from(resourceScenario).where(eq(resourceScenario.id, input.scenarioId)).limit(1);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'Scenario not found.' });
    const access = await requireResourceAccess(ctx, found.workspaceId, use, 'Scenario not found.');
    return next({ ctx: { ...ctx, scenario: found, workspace: access.workspace, canEdit: access.canEdit } });
  });
}
