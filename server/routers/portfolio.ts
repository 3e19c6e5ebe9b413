// The workspace portfolio (docs/api.md, "Portfolio"): every project of a workspace the caller may
// read, with its health, last update and whether one is overdue, top risks, next milestone, open
// actions and over-allocated people. Only members of the workspace (or of one of its projects) see
// it, and only the projects they are members of appear in it.
import { format } from 'date-fns';
import { and, asc, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { meetingAction, planItem, project, projectMember, raidItem } from '@/db/schema';
import { loadAllocations, loadPeople, loadResourceSettings } from '../data/resources';
import { projectMilestoneForecasts } from '../data/delivery';
import { communicationOf } from '../data/status';
import { forecastConfidence } from '../domain/insights';
import { weeksFrom } from '../domain/isoWeeks';
import { activeStatuses } from '../domain/risk';
import { personUtilisation } from '../domain/utilisation';
import { createTRPCRouter, workspaceProcedure } from '../trpc';
import { windowOf } from './resources';

/** How many of a project's risks the portfolio names. */
export const portfolioTopRisks = 3;

export const portfolioRouter = createTRPCRouter({
  /**
   * `{ projects: { id, name, health, lastUpdateAt, updateOverdue, topRisks, nextMilestone, ... }[] }`,
   * projects by name. Live projects only; archived ones are read-only history, not a portfolio.
   */
  get: workspaceProcedure('reader').query(async ({ ctx }) => {
    const projects = await ctx.db
      .select({ id: project.id, name: project.name, role: projectMember.role })
      .from(projectMember)
      .innerJoin(project, eq(project.id, projectMember.projectId))
      .where(and(eq(projectMember.userId, ctx.user.id), eq(project.workspaceId, ctx.workspace.id), isNull(project.archivedAt)))
      .orderBy(asc(project.name), asc(project.id));
    const ids = projects.map((p) => p.id);
    if (!ids.length) return { workspace: { id: ctx.workspace.id, name: ctx.workspace.name }, projects: [] };
    const today = format(new Date(), 'yyyy-MM-dd');
    const [communication, risks, milestones, actions, overAllocated] = await Promise.all([
      communicationOf(ctx.db, ids),
      ctx.db
        .select({ projectId: raidItem.projectId, id: raidItem.id, title: raidItem.title, score: raidItem.score, band: raidItem.band, status: raidItem.status })
        .from(raidItem)
        .where(and(inArray(raidItem.projectId, ids), eq(raidItem.kind, 'risk'), inArray(raidItem.status, [...activeStatuses])))
        .orderBy(desc(raidItem.score), asc(raidItem.title)),
      ctx.db
        .select({ projectId: planItem.projectId, id: planItem.id, title: planItem.title, date: planItem.endDate, status: planItem.status })
        .from(planItem)
        .where(and(inArray(planItem.projectId, ids), eq(planItem.kind, 'milestone'), ne(planItem.status, 'done')))
        .orderBy(asc(planItem.endDate), asc(planItem.title)),
      ctx.db
        .select({ projectId: meetingAction.projectId, n: count() })
        .from(meetingAction)
        .where(and(inArray(meetingAction.projectId, ids), eq(meetingAction.status, 'open')))
        .groupBy(meetingAction.projectId),
      overAllocatedThisWeek(ctx.db, ctx.workspace.id, ids),
    ]);
    const nextOf = (projectId: string) => milestones.find((m) => m.projectId === projectId && m.date >= today) ?? milestones.find((m) => m.projectId === projectId) ?? null;
    // Each next milestone's delivery forecast (projects without delivery data have none).
    const forecasts = new Map(
      await Promise.all(
        projects.map(async (p) => {
          const next = nextOf(p.id);
          const found = next ? (await projectMilestoneForecasts(ctx.db, p.id)).milestones.find((m) => m.planItemId === next.id) : undefined;
          return [p.id, found?.forecast ? { ...found.forecast, likelyLate: found.likelyLate, confidence: forecastConfidence(found.forecast, found.dueDate) } : null] as const;
        }),
      ),
    );
    return {
      workspace: { id: ctx.workspace.id, name: ctx.workspace.name },
      projects: projects.map((p) => {
        const talk = communication.get(p.id)!;
        const next = nextOf(p.id);
        return {
          id: p.id,
          name: p.name,
          role: p.role,
          health: talk.health?.health ?? null,
          healthReason: talk.health?.healthReason ?? null,
          lastUpdateAt: talk.health?.publishedAt ?? null,
          updateOverdue: talk.overdue,
          daysOverdue: talk.daysOverdue,
          topRisks: risks
            .filter((r) => r.projectId === p.id)
            .slice(0, portfolioTopRisks)
            .map(({ id, title, score, band }) => ({ id, title, score, band })),
          nextMilestone: next ? { id: next.id, title: next.title, date: next.date, status: next.status, forecast: forecasts.get(p.id) ?? null } : null,
          openActions: actions.find((a) => a.projectId === p.id)?.n ?? 0,
          overAllocatedPeople: overAllocated.get(p.id) ?? [],
        };
      }),
    };
  }),
});

/**
 * Per project, the people allocated to it this week whose allocations over every project pass the
 * workspace's "over" band (the people page's rule, server/domain/utilisation.ts).
 */
async function overAllocatedThisWeek(db: Parameters<typeof loadPeople>[0], workspaceId: string, projectIds: readonly string[]) {
  const weeks = weeksFrom(format(new Date(), 'yyyy-MM-dd'), 1);
  const [allocations, thresholds] = await Promise.all([loadAllocations(db, workspaceId, { overlapping: windowOf(weeks) }), loadResourceSettings(db, workspaceId)]);
  const result = new Map<string, { personId: string; name: string; percent: number }[]>();
  const mine = allocations.filter((a) => projectIds.includes(a.projectId));
  if (!mine.length) return result;
  const people = await loadPeople(db, workspaceId, [...new Set(mine.map((a) => a.personId))]);
  for (const person of people) {
    const [week] = personUtilisation(
      person,
      allocations.filter((a) => a.personId === person.id),
      weeks,
      thresholds,
    );
    if (week?.band !== 'over') continue;
    for (const projectId of new Set(mine.filter((a) => a.personId === person.id).map((a) => a.projectId))) {
      const list = result.get(projectId) ?? [];
      list.push({ personId: person.id, name: person.name, percent: week.percent });
      result.set(projectId, list);
    }
  }
  return result;
}
