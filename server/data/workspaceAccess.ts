// Who may see and change a workspace's resources (people, allocations, staffing needs, scenarios):
// shared by the tRPC procedures and the live board `people:<workspaceId>`. A workspace owner, or
// anyone who is an owner or editor of one of its live (not archived) projects, may change them; a
// workspace member or project member with no such role reads them; anyone else is a stranger.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { project, projectMember, workspace, workspaceMember } from '@/db/schema';

export type WorkspaceRow = typeof workspace.$inferSelect;

export interface WorkspaceAccess {
  workspace: WorkspaceRow;
  canEdit: boolean;
}

export async function findWorkspaceAccess(db: Executor, workspaceId: string, userId: string): Promise<WorkspaceAccess | undefined> {
  const [found] = await db.select().from(workspace).where(eq(workspace.id, workspaceId)).limit(1);
  if (!found) return undefined;
  const [membership] = await db
    .select({ role: workspaceMember.role })
    .from(workspaceMember)
    .where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.userId, userId)))
    .limit(1);
  if (membership?.role === 'owner') return { workspace: found, canEdit: true };
  const roles = await db
    .select({ role: projectMember.role, archivedAt: project.archivedAt })
    .from(projectMember)
    .innerJoin(project, eq(project.id, projectMember.projectId))
    .where(and(eq(project.workspaceId, workspaceId), eq(projectMember.userId, userId)));
  if (!membership && roles.length === 0) return undefined;
  const canEdit = roles.some((row) => row.archivedAt === null && (row.role === 'owner' || row.role === 'editor'));
  return { workspace: found, canEdit };
}

/** The live (not archived) projects of a workspace, by id: an allocation or staffing need must name one. */
export async function liveProjectsOf(db: Executor, workspaceId: string, projectIds: readonly string[]): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const rows = await db
    .select({ id: project.id })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), inArray(project.id, [...projectIds]), isNull(project.archivedAt)));
  return new Set(rows.map((row) => row.id));
}
