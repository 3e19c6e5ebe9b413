// Reads of technical standards: a workspace's checklists with their checks, and a project's
// milestones with the checklists applied to each and every check's state. Shared by the standards
// procedures, the plan page and the status draft, so they all count readiness from the same rows.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { milestoneCheck, milestoneChecklist, planItem, standardCheck, standardChecklist, user } from '@/db/schema';
import { readiness, type CheckState, type Readiness } from '../domain/standards';

export interface ChecklistCheck {
  id: string;
  title: string;
  description: string;
  appliesTo: string;
}

export interface Checklist {
  id: string;
  name: string;
  description: string;
  version: number;
  checks: ChecklistCheck[];
  /** How many milestones (of all the workspace's projects) it is applied to. */
  milestoneCount: number;
}

/**
 * Joins a checklist's application to its milestone, so one whose milestone was deleted from the plan
 * is not counted (its checks are kept, so an undone deletion brings them back).
 */
export const milestoneStillPlanned = and(eq(planItem.projectId, milestoneChecklist.projectId), eq(planItem.id, milestoneChecklist.milestoneId));

/** Every checklist of a workspace, by name, each with its checks in order. */
export async function loadChecklists(db: Executor, workspaceId: string): Promise<Checklist[]> {
  const lists = await db.select().from(standardChecklist).where(eq(standardChecklist.workspaceId, workspaceId)).orderBy(asc(standardChecklist.name), asc(standardChecklist.id));
  if (!lists.length) return [];
  const ids = lists.map((l) => l.id);
  const [checks, uses] = await Promise.all([
    db.select().from(standardCheck).where(inArray(standardCheck.checklistId, ids)).orderBy(asc(standardCheck.position), asc(standardCheck.id)),
    db
      .select({ checklistId: milestoneChecklist.checklistId, n: count() })
      .from(milestoneChecklist)
      .innerJoin(planItem, milestoneStillPlanned)
      .where(inArray(milestoneChecklist.checklistId, ids))
      .groupBy(milestoneChecklist.checklistId),
  ]);
  const useCount = new Map(uses.map((u) => [u.checklistId, u.n]));
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    description: l.description,
    version: l.version,
    checks: checks.filter((c) => c.checklistId === l.id).map((c) => ({ id: c.id, title: c.title, description: c.description, appliesTo: c.appliesTo })),
    milestoneCount: useCount.get(l.id) ?? 0,
  }));
}

export interface MilestoneCheckRow {
  /** The milestone check's id: what standards.updateCheck takes. */
  id: string;
  title: string;
  description: string;
  appliesTo: string;
  state: CheckState;
  waiveReason: string;
  evidenceUrl: string;
  /** The owner: a member (with their name) or a name typed in; null when nobody owns it. */
  owner: { userId: string | null; name: string } | null;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface MilestoneStandards {
  milestoneId: string;
  title: string;
  /** Its date (YYYY-MM-DD). */
  date: string;
  status: string;
  readiness: Readiness;
  checklists: { checklistId: string; name: string; checks: MilestoneCheckRow[] }[];
}

/**
 * Every milestone of the project's plan (as projected), by date, with the checklists applied to it
 * and each check's state. Checks of a milestone deleted from the plan are kept but not shown, so an
 * undone deletion brings them back.
 */
export async function loadProjectStandards(db: Executor, projectId: string): Promise<MilestoneStandards[]> {
  const milestones = await db
    .select({ id: planItem.id, title: planItem.title, end: planItem.endDate, status: planItem.status })
    .from(planItem)
    .where(and(eq(planItem.projectId, projectId), eq(planItem.kind, 'milestone')))
    .orderBy(asc(planItem.endDate), asc(planItem.title), asc(planItem.id));
  const applied = await db
    .select({ id: milestoneChecklist.id, milestoneId: milestoneChecklist.milestoneId, checklistId: milestoneChecklist.checklistId, name: standardChecklist.name })
    .from(milestoneChecklist)
    .innerJoin(standardChecklist, eq(standardChecklist.id, milestoneChecklist.checklistId))
    .where(eq(milestoneChecklist.projectId, projectId))
    .orderBy(asc(standardChecklist.name), asc(milestoneChecklist.id));
  const checks = applied.length
    ? await db
        .select({
          id: milestoneCheck.id,
          milestoneChecklistId: milestoneCheck.milestoneChecklistId,
          title: standardCheck.title,
          description: standardCheck.description,
          appliesTo: standardCheck.appliesTo,
          position: standardCheck.position,
          state: milestoneCheck.state,
          waiveReason: milestoneCheck.waiveReason,
          evidenceUrl: milestoneCheck.evidenceUrl,
          ownerUserId: milestoneCheck.ownerUserId,
          ownerName: milestoneCheck.ownerName,
          version: milestoneCheck.version,
          updatedById: milestoneCheck.updatedBy,
          updatedAt: milestoneCheck.updatedAt,
        })
        .from(milestoneCheck)
        .innerJoin(standardCheck, eq(standardCheck.id, milestoneCheck.checkId))
        .where(eq(milestoneCheck.projectId, projectId))
        .orderBy(asc(standardCheck.position), asc(standardCheck.id))
    : [];
  const userIds = [...new Set(checks.flatMap((c) => [c.ownerUserId, c.updatedById]).filter((id): id is string => id !== null))];
  const names = new Map(
    userIds.length ? (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds))).map((u) => [u.id, u.name]) : [],
  );
  return milestones.map((m) => {
    const lists = applied
      .filter((a) => a.milestoneId === m.id)
      .map((a) => ({
        checklistId: a.checklistId,
        name: a.name,
        checks: checks
          .filter((c) => c.milestoneChecklistId === a.id)
          .map(
            (c): MilestoneCheckRow => ({
              id: c.id,
              title: c.title,
              description: c.description,
              appliesTo: c.appliesTo,
              state: c.state,
              waiveReason: c.waiveReason,
              evidenceUrl: c.evidenceUrl,
              owner: c.ownerUserId ? { userId: c.ownerUserId, name: names.get(c.ownerUserId) ?? 'A former member' } : c.ownerName ? { userId: null, name: c.ownerName } : null,
              version: c.version,
              updatedBy: c.updatedById ? (names.get(c.updatedById) ?? null) : null,
              updatedAt: c.updatedAt,
            }),
          ),
      }));
    return {
      milestoneId: m.id,
      title: m.title,
      date: m.end,
      status: m.status,
      readiness: readiness(lists.flatMap((l) => l.checks.map((c) => c.state))),
      checklists: lists,
    };
  });
}

/** What standards.forProject answers: the plan page's standards, whoever reads them. */
export interface ProjectStandards {
  canEdit: boolean;
  milestones: MilestoneStandards[];
  checklists: { id: string; name: string; description: string; checkCount: number }[];
}
