// Project invites: a link with a role that works once, until it expires. The link carries a random
// token; only its SHA-256 is stored, so a copy of the database cannot be used to join projects.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { project, projectInvite, user } from '@/db/schema';
import type { Mailer } from '../mail';

export const inviteRoles = ['editor', 'viewer'] as const;
export type InviteRole = (typeof inviteRoles)[number];

export type InviteRow = typeof projectInvite.$inferSelect;

export function newInviteToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function inviteLink(appUrl: string, token: string): string {
  return `${appUrl}/invite/${token}`;
}

/** Why an invite can no longer be used, in words for the person holding the link; null while usable. */
export function inviteRefusal(invite: Pick<InviteRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): string | null {
  if (invite.revokedAt) return 'This invite was revoked by a project owner. Ask them for a new one.';
  if (invite.acceptedAt) return 'This invite has already been used. Ask a project owner for a new one.';
  if (invite.expiresAt <= now) {
    return `This invite expired on ${invite.expiresAt.toISOString().slice(0, 10)}. Ask a project owner for a new one.`;
  }
  return null;
}

/** The invite a token opens, with its project and who sent it; undefined for an unknown token. */
export async function findInvite(db: Executor, token: string) {
  const [row] = await db
    .select({ invite: projectInvite, project: { id: project.id, name: project.name, archivedAt: project.archivedAt }, invitedBy: user.name })
    .from(projectInvite)
    .innerJoin(project, eq(project.id, projectInvite.projectId))
    .leftJoin(user, eq(user.id, projectInvite.invitedBy))
    .where(eq(projectInvite.tokenHash, hashInviteToken(token)))
    .limit(1);
  return row;
}

/**
 * Marks the invite used by this user, atomically: of two people accepting one link at the same
 * moment, one gets it. Returns false when it was already used, revoked or expired meanwhile.
 */
export async function claimInvite(db: Executor, inviteId: string, userId: string): Promise<boolean> {
  const claimed = await db
    .update(projectInvite)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      and(
        eq(projectInvite.id, inviteId),
        isNull(projectInvite.acceptedAt),
        isNull(projectInvite.revokedAt),
        gt(projectInvite.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: projectInvite.id });
  return claimed.length > 0;
}

export async function createInvite(
  db: Executor,
  values: { projectId: string; role: InviteRole; email: string | null; invitedBy: string; expiresInDays: number },
): Promise<{ invite: InviteRow; token: string }> {
  const token = newInviteToken();
  const [invite] = await db
    .insert(projectInvite)
    .values({
      projectId: values.projectId,
      role: values.role,
      email: values.email,
      invitedBy: values.invitedBy,
      tokenHash: hashInviteToken(token),
      expiresAt: new Date(Date.now() + values.expiresInDays * 24 * 60 * 60 * 1000),
    })
    .returning();
  return { invite: invite!, token };
}

export async function sendInviteEmail(
  mailer: Mailer,
  message: { to: string; projectName: string; inviterName: string; role: InviteRole; link: string; expiresAt: Date },
): Promise<void> {
  await mailer.send({
    to: message.to,
    subject: `${message.inviterName} invited you to ${message.projectName} on Waymark`,
    text:
      `${message.inviterName} invited you to join “${message.projectName}” on Waymark as ${message.role === 'editor' ? 'an editor' : 'a viewer'}.\n\n` +
      `Join here (you can create an account on the way):\n\n${message.link}\n\n` +
      `The link works once and expires on ${message.expiresAt.toUTCString()}.\n` +
      `If you were not expecting this, ignore this e-mail.\n`,
  });
}
