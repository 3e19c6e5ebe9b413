// Who may see a project, and with which role: shared by tRPC procedures and the collaboration server.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { project, projectMember } from '@/db/schema';
import type { ProjectRole } from '../domain/roles';

export type ProjectRow = typeof project.$inferSelect;

export async function findMembership(
  db: Executor,
  projectId: string,
  userId: string,
): Promise<{ project: ProjectRow; role: ProjectRole } | undefined> {
  const [row] = await db
    .select({ project, role: projectMember.role })
    .from(projectMember)
    .innerJoin(project, eq(project.id, projectMember.projectId))
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
    .limit(1);
  return row;
}
