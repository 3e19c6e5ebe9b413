// Reads of a workspace's resources, shared by the people, allocation, resources, staffing and
// scenario routers (and the plan's and risk board's resource views): people with their time off,
// allocations with the current dates of the workstream they follow, staffing needs and the
// workspace's utilisation bands. Callers have checked access; every query is scoped by workspace.
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { allocation, person, personTimeOff, planItem, project, resourceSettings, staffingNeed } from '@/db/schema';
import { defaultThresholds, type BandThresholds } from '../domain/utilisation';

export interface TimeOff {
  id: string;
  from: string;
  to: string;
  reason: string;
}

export interface Person {
  id: string;
  name: string;
  role: string;
  skills: string[];
  weeklyHours: number;
  workingDays: number[];
  placeholder: boolean;
  userId: string | null;
  version: number;
  timeOff: TimeOff[];
}

/** The people of a workspace with their time off (earliest first), ordered by name. */
export async function loadPeople(db: Executor, workspaceId: string, personIds?: readonly string[]): Promise<Person[]> {
  if (personIds && personIds.length === 0) return [];
  const where = personIds ? and(eq(person.workspaceId, workspaceId), inArray(person.id, [...personIds])) : eq(person.workspaceId, workspaceId);
  const rows = await db
    .select({
      id: person.id,
      name: person.name,
      role: person.role,
      skills: person.skills,
      weeklyHours: person.weeklyHours,
      workingDays: person.workingDays,
      placeholder: person.placeholder,
      userId: person.userId,
      version: person.version,
    })
    .from(person)
    .where(where)
    .orderBy(sql`lower(${person.name})`, asc(person.name), asc(person.id));
  if (rows.length === 0) return [];
  const leave = await db
    .select({ id: personTimeOff.id, personId: personTimeOff.personId, from: personTimeOff.fromDate, to: personTimeOff.toDate, reason: personTimeOff.reason })
    .from(personTimeOff)
    .innerJoin(person, eq(person.id, personTimeOff.personId))
    .where(where)
    .orderBy(asc(personTimeOff.fromDate), asc(personTimeOff.id));
  const byPerson = new Map<string, TimeOff[]>();
  for (const { personId, ...range } of leave) {
    const list = byPerson.get(personId) ?? [];
    list.push(range);
    byPerson.set(personId, list);
  }
  return rows.map((row) => ({ ...row, timeOff: byPerson.get(row.id) ?? [] }));
}

export interface AllocationView {
  id: string;
  personId: string;
  projectId: string;
  /** The dates the allocation covers now: its workstream's when it follows one. */
  from: string;
  to: string;
  hoursPerWeek: number | null;
  percent: number | null;
  workstreamId: string | null;
  workstreamName: string | null;
  /** True when the dates are the workstream's current ones (it is tied to a workstream still on the plan). */
  followsWorkstream: boolean;
}

/** The effective dates of an allocation, in SQL: the workstream's when it follows one still on the plan. */
const effectiveFrom = sql<string>`coalesce(${planItem.startDate}, ${allocation.fromDate})`;
const effectiveTo = sql<string>`coalesce(${planItem.endDate}, ${allocation.toDate})`;

/**
 * A workspace's allocations (of one project, or overlapping a date range, when asked), each with the
 * current dates of the workstream it follows. Ordered by person, then start date.
 */
export async function loadAllocations(
  db: Executor,
  workspaceId: string,
  filter: { projectId?: string; overlapping?: { from: string; to: string }; allocationIds?: readonly string[] } = {},
): Promise<AllocationView[]> {
  if (filter.allocationIds?.length === 0) return [];
  const where = [eq(allocation.workspaceId, workspaceId)];
  if (filter.projectId) where.push(eq(allocation.projectId, filter.projectId));
  if (filter.allocationIds) where.push(inArray(allocation.id, [...filter.allocationIds]));
  if (filter.overlapping) where.push(lte(effectiveFrom, filter.overlapping.to), gte(effectiveTo, filter.overlapping.from));
  const rows = await db
    .select({
      id: allocation.id,
      personId: allocation.personId,
      projectId: allocation.projectId,
      from: effectiveFrom,
      to: effectiveTo,
      hoursPerWeek: allocation.hoursPerWeek,
      percent: allocation.percent,
      workstreamId: allocation.workstreamId,
      workstreamName: planItem.title,
      followsWorkstream: sql<boolean>`${planItem.id} is not null`,
    })
    .from(allocation)
    .leftJoin(planItem, and(eq(planItem.projectId, allocation.projectId), eq(planItem.id, allocation.workstreamId), eq(planItem.kind, 'workstream')))
    .where(and(...where))
    .orderBy(asc(allocation.personId), asc(effectiveFrom), asc(allocation.id));
  // Drivers differ on how a date expression comes back: keep the `yyyy-MM-dd` string.
  return rows.map((row) => ({ ...row, from: dateText(row.from), to: dateText(row.to), followsWorkstream: Boolean(row.followsWorkstream) }));
}

function dateText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** The workspace's utilisation bands (the defaults, 80 and 100, until someone changes them). */
export async function loadResourceSettings(db: Executor, workspaceId: string): Promise<BandThresholds> {
  const [row] = await db
    .select({ underMaxPercent: resourceSettings.underMaxPercent, healthyMaxPercent: resourceSettings.healthyMaxPercent })
    .from(resourceSettings)
    .where(eq(resourceSettings.workspaceId, workspaceId))
    .limit(1);
  return row ?? { ...defaultThresholds };
}

export interface StaffingNeedRow {
  id: string;
  projectId: string;
  skill: string;
  count: number;
  hoursPerWeek: number;
  from: string;
  to: string;
}

/** Staffing needs of a workspace (or of one project), earliest first. */
export async function loadStaffingNeeds(db: Executor, workspaceId: string, projectId?: string): Promise<StaffingNeedRow[]> {
  const where = [eq(staffingNeed.workspaceId, workspaceId)];
  if (projectId) where.push(eq(staffingNeed.projectId, projectId));
  return db
    .select({
      id: staffingNeed.id,
      projectId: staffingNeed.projectId,
      skill: staffingNeed.skill,
      count: staffingNeed.count,
      hoursPerWeek: staffingNeed.hoursPerWeek,
      from: staffingNeed.fromDate,
      to: staffingNeed.toDate,
    })
    .from(staffingNeed)
    .where(and(...where))
    .orderBy(asc(staffingNeed.fromDate), asc(staffingNeed.skill), asc(staffingNeed.id));
}

/**
 * The projects of a workspace a grid names: the live ones, and archived ones that still have
 * allocations (so no allocation points at a project the page cannot name).
 */
export async function loadWorkspaceProjects(db: Executor, workspaceId: string, alsoIds: readonly string[] = []): Promise<{ id: string; name: string }[]> {
  const live = isNull(project.archivedAt);
  return db
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), alsoIds.length ? or(live, inArray(project.id, [...alsoIds])) : live))
    .orderBy(sql`lower(${project.name})`, asc(project.id));
}

/** Every project of a workspace, archived ones marked, by name: callers pick what they show. */
export async function loadAllWorkspaceProjects(db: Executor, workspaceId: string): Promise<{ id: string; name: string; archived: boolean }[]> {
  const rows = await db
    .select({ id: project.id, name: project.name, archivedAt: project.archivedAt })
    .from(project)
    .where(eq(project.workspaceId, workspaceId))
    .orderBy(sql`lower(${project.name})`, asc(project.id));
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

/** True when `workstreamId` is a workstream on the project's plan. */
export async function isWorkstreamOf(db: Executor, projectId: string, workstreamId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: planItem.id })
    .from(planItem)
    .where(and(eq(planItem.projectId, projectId), eq(planItem.id, workstreamId), eq(planItem.kind, 'workstream')))
    .limit(1);
  return Boolean(row);
}

/** True when the person exists and belongs to the workspace. */
export async function personInWorkspace(db: Executor, workspaceId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.id, personId), eq(person.workspaceId, workspaceId)))
    .limit(1);
  return Boolean(row);
}
