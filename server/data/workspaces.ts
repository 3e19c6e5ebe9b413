// Workspaces: the personal one every user has, and shared ones a user creates.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { workspace, workspaceMember } from '@/db/schema';
import { slugify } from '../domain/slug';
import { randomBytes } from 'node:crypto';

function uniqueSlug(name: string): string {
  return `${slugify(name)}-${randomBytes(3).toString('hex')}`;
}

/** The user's personal workspace, created on first use. */
export async function personalWorkspace(db: Executor, user: { id: string; name: string }) {
  const [existing] = await db.select().from(workspace).where(eq(workspace.personalForUserId, user.id)).limit(1);
  if (existing) return existing;
  const [created] = await db
    .insert(workspace)
    .values({ name: `${user.name}'s workspace`, slug: uniqueSlug(user.name), personalForUserId: user.id })
    .onConflictDoNothing({ target: workspace.personalForUserId })
    .returning();
  if (!created) {
    // Another request created it at the same moment.
    const [raced] = await db.select().from(workspace).where(eq(workspace.personalForUserId, user.id)).limit(1);
    return raced!;
  }
  await db.insert(workspaceMember).values({ workspaceId: created.id, userId: user.id, role: 'owner' });
  return created;
}

export async function createWorkspace(db: Executor, userId: string, name: string) {
  const [created] = await db.insert(workspace).values({ name, slug: uniqueSlug(name) }).returning();
  await db.insert(workspaceMember).values({ workspaceId: created!.id, userId, role: 'owner' });
  return created!;
}

export async function isWorkspaceMember(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: workspaceMember.userId })
    .from(workspaceMember)
    .where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.userId, userId)))
    .limit(1);
  return Boolean(row);
}
