// Who gets into a project, and back into their account: invites (a link with a role, e-mailed when
// mail is configured) and, on servers without mail, password reset links made by an owner.
// Merged into the project router (project.createInvite, project.acceptInvite, ...); see docs/api.md.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { projectInvite, projectMember, user, workspace, workspaceMember } from '@/db/schema';
import { resetLinkLifetimeSeconds } from '../auth';
import { claimInvite, createInvite, findInvite, inviteLink, inviteRefusal, inviteRoles, sendInviteEmail, type InviteRole } from '../data/invites';
import { archivedMessage, projectProcedure, protectedProcedure, publicProcedure, type TRPCContext } from '../trpc';

const inviteRole = z.enum(inviteRoles, { error: 'role must be editor or viewer (make someone owner after they join)' });
const inviteEmail = z
  .email('email must be an email address')
  .max(254, 'email must be at most 254 characters')
  .transform((e) => e.toLowerCase());
const expiresInDays = z.number().int('expiresInDays must be a whole number').min(1, 'expiresInDays must be 1 to 30').max(30, 'expiresInDays must be 1 to 30');
const inviteToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'token is not a valid invite token');

const unknownInvite = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'This invite link is not valid. Check that you copied all of it, or ask a project owner for a new one.' });

/**
 * Creates the invite and, when it names someone and mail is configured, e-mails it. The link is
 * returned to copy unless it went by e-mail (then only the invitee has it).
 */
async function issueInvite(
  ctx: Pick<TRPCContext, 'db' | 'appUrl' | 'mailer'> & { user: { id: string; name: string }; project: { id: string; name: string } },
  input: { role: InviteRole; email: string | null; expiresInDays: number },
) {
  const { invite, token } = await createInvite(ctx.db, { projectId: ctx.project.id, invitedBy: ctx.user.id, ...input });
  const link = inviteLink(ctx.appUrl, token);
  let emailed = false;
  let emailError: string | null = null;
  if (invite.email && ctx.mailer) {
    try {
      await sendInviteEmail(ctx.mailer, {
        to: invite.email,
        projectName: ctx.project.name,
        inviterName: ctx.user.name,
        role: input.role,
        link,
        expiresAt: invite.expiresAt,
      });
      emailed = true;
    } catch (error) {
      console.error('Invite e-mail failed:', error instanceof Error ? error.message : error);
      emailError = 'The invite e-mail could not be sent; copy the link and send it yourself.';
    }
  }
  return {
    id: invite.id,
    role: input.role,
    email: invite.email,
    expiresAt: invite.expiresAt,
    emailed,
    emailError,
    link: emailed ? null : link,
  };
}

/**
 * Whether an owner may make a password reset link for a member. Taking over the account must give
 * the owner nothing they do not already control: the member belongs only to projects this owner
 * owns, and to no workspace except their own personal one.
 */
async function resetLinkRefusal(ctx: Pick<TRPCContext, 'db'>, ownerId: string, memberId: string): Promise<string | null> {
  const [elsewhere] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMember)
    .where(
      and(
        eq(projectMember.userId, memberId),
        sql`not exists (select 1 from ${projectMember} as mine where mine.project_id = ${projectMember.projectId} and mine.user_id = ${ownerId} and mine.role = 'owner')`,
      ),
    );
  if (elsewhere!.n > 0) return 'They also belong to projects you do not own, so only they can reset their password.';
  const [workspaces] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMember)
    .innerJoin(workspace, eq(workspace.id, workspaceMember.workspaceId))
    .where(and(eq(workspaceMember.userId, memberId), sql`${workspace.personalForUserId} is distinct from ${memberId}`));
  if (workspaces!.n > 0) return 'They belong to a shared workspace, so only they can reset their password.';
  return null;
}

export const accessProcedures = {
  /** Owners invite by link (optionally addressed to an e-mail) as editor or viewer. */
  createInvite: projectProcedure('owner')
    .input(z.object({ email: inviteEmail.optional(), role: inviteRole, expiresInDays: expiresInDays.default(7) }))
    .mutation(({ ctx, input }) => issueInvite(ctx, { role: input.role, email: input.email ?? null, expiresInDays: input.expiresInDays })),

  /** Invites not yet used or revoked (expired ones included, marked), newest first. */
  listInvites: projectProcedure('owner').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        id: projectInvite.id,
        role: projectInvite.role,
        email: projectInvite.email,
        createdAt: projectInvite.createdAt,
        expiresAt: projectInvite.expiresAt,
        invitedBy: user.name,
      })
      .from(projectInvite)
      .leftJoin(user, eq(user.id, projectInvite.invitedBy))
      .where(and(eq(projectInvite.projectId, ctx.project.id), isNull(projectInvite.acceptedAt), isNull(projectInvite.revokedAt)))
      .orderBy(desc(projectInvite.createdAt));
    const now = new Date();
    // Stryker disable next-line EqualityOperator: `<` differs only for an invite expiring at this very millisecond.
    return rows.map((row) => ({ ...row, expired: row.expiresAt <= now }));
  }),

  revokeInvite: projectProcedure('owner')
    .input(z.object({ inviteId: z.uuid('inviteId must be an invite id') }))
    .mutation(async ({ ctx, input }) => {
      const [revoked] = await ctx.db
        .update(projectInvite)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            eq(projectInvite.id, input.inviteId),
            eq(projectInvite.projectId, ctx.project.id),
            isNull(projectInvite.acceptedAt),
            isNull(projectInvite.revokedAt),
          ),
        )
        .returning({ id: projectInvite.id });
      if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: 'No open invite with that id in this project (it may have been used or revoked).' });
      return { id: revoked.id, revoked: true as const };
    }),

  /**
   * Adds someone by e-mail, through an invite: the answer is the same whether or not the address
   * has an account, and nobody joins without following the link.
   */
  addMember: projectProcedure('owner')
    .input(z.object({ email: inviteEmail, role: inviteRole }))
    .mutation(async ({ ctx, input }) => {
      // Members are listed to owners already, so saying this one is a member reveals nothing new.
      const [member] = await ctx.db
        .select({ name: user.name })
        .from(projectMember)
        .innerJoin(user, eq(user.id, projectMember.userId))
        .where(and(eq(projectMember.projectId, ctx.project.id), eq(sql`lower(${user.email})`, input.email)));
      if (member) throw new TRPCError({ code: 'CONFLICT', message: `${member.name} is already a member of this project.` });
      return issueInvite(ctx, { role: input.role, email: input.email, expiresInDays: 7 });
    }),

  /** What an invite link opens, for its page: readable by anyone holding the link. */
  inviteDetails: publicProcedure.input(z.object({ token: inviteToken })).query(async ({ ctx, input }) => {
    const found = await findInvite(ctx.db, input.token);
    if (!found) throw unknownInvite();
    const refusal = found.project.archivedAt ? archivedMessage(found.project.name) : inviteRefusal(found.invite);
    return {
      projectName: found.project.name,
      role: found.invite.role as InviteRole,
      email: found.invite.email,
      invitedBy: found.invitedBy,
      expiresAt: found.invite.expiresAt,
      refusal,
    };
  }),

  /** Joins the invite's project with its role (signed in: sign up first when new to Waymark). */
  acceptInvite: protectedProcedure.input(z.object({ token: inviteToken })).mutation(async ({ ctx, input }) => {
    const found = await findInvite(ctx.db, input.token);
    if (!found) throw unknownInvite();
    const { invite } = found;
    const [existing] = await ctx.db
      .select({ role: projectMember.role })
      .from(projectMember)
      .where(and(eq(projectMember.projectId, invite.projectId), eq(projectMember.userId, ctx.user.id)));
    if (existing) return { projectId: invite.projectId, projectName: found.project.name, role: existing.role, joined: false };
    const refusal = inviteRefusal(invite);
    if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
    if (found.project.archivedAt) throw new TRPCError({ code: 'FORBIDDEN', message: archivedMessage(found.project.name) });
    if (invite.email && invite.email !== ctx.user.email.toLowerCase()) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This invite is for ${invite.email}, but you are signed in as ${ctx.user.email}. Sign out, then sign in or sign up as ${invite.email}.`,
      });
    }
    await ctx.db.transaction(async (tx) => {
      if (!(await claimInvite(tx, invite.id, ctx.user.id))) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'This invite has already been used. Ask a project owner for a new one.' });
      }
      await tx.insert(projectMember).values({ projectId: invite.projectId, userId: ctx.user.id, role: invite.role }).onConflictDoNothing();
    });
    return { projectId: invite.projectId, projectName: found.project.name, role: invite.role, joined: true };
  }),

  /**
   * On a server without mail, an owner makes a one-time password reset link (an hour) for a member
   * and hands it over. Allowed only when the account gives the owner nothing more (resetLinkRefusal).
   */
  createPasswordResetLink: projectProcedure('owner')
    .input(z.object({ userId: z.string().min(1, 'userId is required').max(200) }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.mailer) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'This server sends e-mail: they can reset their password themselves with “Forgot your password?” on the sign-in page.',
        });
      }
      if (input.userId === ctx.user.id) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'You are signed in: change your own password instead of making a reset link.' });
      }
      const [member] = await ctx.db
        .select({ name: user.name })
        .from(projectMember)
        .innerJoin(user, eq(user.id, projectMember.userId))
        .where(and(eq(projectMember.projectId, ctx.project.id), eq(projectMember.userId, input.userId), ne(projectMember.userId, ctx.user.id)));
      if (!member) throw new TRPCError({ code: 'NOT_FOUND', message: 'That person is not a member of this project.' });
      const refusal = await resetLinkRefusal(ctx, ctx.user.id, input.userId);
      if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: `${member.name}: ${refusal}` });
      // The same verification record better-auth's own reset flow writes, so its /reset-password
      // endpoint checks, expires and consumes it (once).
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + resetLinkLifetimeSeconds * 1000);
      const auth = await ctx.auth.$context;
      await auth.internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: input.userId, expiresAt });
      return { link: `${ctx.appUrl}/reset-password?token=${token}`, expiresAt, name: member.name };
    }),
};
