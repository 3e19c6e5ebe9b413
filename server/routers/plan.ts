// The live plan: reads come from the projection (plan_* tables), writes go through the live
// document `plan:<projectId>`; the calendar feed token is the owner's to read and rotate.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import {
  planBaseline,
  planCalendarFeed,
  planCharter,
  planDateChange,
  planDependency,
  planGoal,
  planItem,
  planRaci,
  planStakeholder,
  raidItem,
  user,
} from '@/db/schema';
import { readProjectionIssues } from '../collab/projections/issues';
import type { PlanItem } from '../domain/plan';
import type { RaciRole, StakeholderFields, StakeholderQuadrant } from '../domain/planCharter';
import { activeStatuses, type RaidKind, type SeverityBand } from '../domain/risk';
import { createTRPCRouter, projectProcedure } from '../trpc';

export interface PlanRisk {
  id: string;
  kind: RaidKind;
  title: string;
  score: number | null;
  band: SeverityBand | null;
  threatens: string[];
}

/** Open risks that name a plan item, worst first: the plan shows them on the milestone or bar. */
export async function readThreateningRisks(db: Executor, projectId: string): Promise<PlanRisk[]> {
  const rows = await db
    .select({ id: raidItem.id, kind: raidItem.kind, title: raidItem.title, score: raidItem.score, band: raidItem.band, threatens: raidItem.threatens })
    .from(raidItem)
    .where(and(eq(raidItem.projectId, projectId), inArray(raidItem.status, [...activeStatuses]), sql`jsonb_array_length(${raidItem.threatens}) > 0`))
    .orderBy(sql`${raidItem.score} desc nulls last`, asc(raidItem.id));
  return rows as PlanRisk[];
}

/** Everything the plan page shows, as the projection last saw it. */
export async function readPlan(db: Executor, projectId: string) {
  const [items, dependencies, baselines, charter, goals, stakeholders, raci, risks] = await Promise.all([
    db.select().from(planItem).where(eq(planItem.projectId, projectId)).orderBy(asc(planItem.startDate), asc(planItem.title), asc(planItem.id)),
    db.select({ id: planDependency.id, fromId: planDependency.fromId, toId: planDependency.toId }).from(planDependency).where(eq(planDependency.projectId, projectId)),
    db
      .select({ id: planBaseline.id, name: planBaseline.name, savedAt: planBaseline.savedAt, savedBy: planBaseline.savedBy, dates: planBaseline.dates })
      .from(planBaseline)
      .where(eq(planBaseline.projectId, projectId))
      .orderBy(asc(planBaseline.savedAt)),
    db.select().from(planCharter).where(eq(planCharter.projectId, projectId)),
    db.select().from(planGoal).where(eq(planGoal.projectId, projectId)).orderBy(asc(planGoal.dueDate), asc(planGoal.title)),
    db.select().from(planStakeholder).where(eq(planStakeholder.projectId, projectId)).orderBy(asc(planStakeholder.name)),
    db.select({ subjectId: planRaci.subjectId, stakeholderId: planRaci.stakeholderId, role: planRaci.role }).from(planRaci).where(eq(planRaci.projectId, projectId)),
    readThreateningRisks(db, projectId),
  ]);
  return {
    items: items.map(
      (row): PlanItem => ({
        id: row.id,
        kind: row.kind as PlanItem['kind'],
        title: row.title,
        description: row.description,
        ownerId: row.ownerId,
        status: row.status as PlanItem['status'],
        start: row.startDate,
        end: row.endDate,
        progress: row.progress,
        milestoneId: row.milestoneId,
      }),
    ),
    dependencies,
    baselines: baselines.map((b) => ({ ...b, savedAt: b.savedAt.toISOString() })),
    charter: { vision: charter[0]?.vision ?? '', scope: charter[0]?.scope ?? [], nonGoals: charter[0]?.nonGoals ?? [] },
    goals: goals.map(({ projectId: _p, ...g }) => g),
    stakeholders: stakeholders.map(({ projectId: _p, ...s }) => ({
      ...s,
      channel: s.channel as StakeholderFields['channel'],
      frequency: s.frequency as StakeholderFields['frequency'],
      quadrant: s.quadrant as StakeholderQuadrant,
    })),
    raci: raci.map((r) => ({ ...r, role: r.role as RaciRole })),
    risks,
  };
}
export type PlanSnapshot = Awaited<ReturnType<typeof readPlan>>;

const newFeedToken = () => randomBytes(24).toString('base64url');

export const planRouter = createTRPCRouter({
  /** The whole plan (roadmap, baselines, charter, goals, stakeholders, RACI, linked open risks). */
  get: projectProcedure('viewer').query(({ ctx }) => readPlan(ctx.db, ctx.project.id)),

  /** The open risks that threaten plan items (the plan page refreshes them while it is open). */
  risks: projectProcedure('viewer').query(({ ctx }) => readThreateningRisks(ctx.db, ctx.project.id)),

  /** Every date change of the plan's items (or of one item), newest first, with who made it. */
  dateHistory: projectProcedure('viewer')
    .input(z.object({ itemId: z.string().min(1).max(64).optional(), limit: z.number().int().min(1).max(500).default(200) }))
    .query(async ({ ctx, input }) => {
      const where = [eq(planDateChange.projectId, ctx.project.id)];
      if (input.itemId) where.push(eq(planDateChange.itemId, input.itemId));
      return ctx.db
        .select({
          id: planDateChange.id,
          itemId: planDateChange.itemId,
          itemTitle: planDateChange.itemTitle,
          field: planDateChange.field,
          from: planDateChange.fromValue,
          to: planDateChange.toValue,
          changedAt: planDateChange.changedAt,
          actorId: planDateChange.actorId,
          actorName: user.name,
        })
        .from(planDateChange)
        .leftJoin(user, eq(user.id, planDateChange.actorId))
        .where(and(...where))
        .orderBy(desc(planDateChange.id))
        .limit(input.limit);
    }),

  /** Freezes the current dates of every item under a name (through the live document). */
  saveBaseline: projectProcedure('editor')
    .input(z.object({ name: z.string().trim().min(1, 'name is required').max(120, 'name must be at most 120 characters') }))
    .mutation(({ ctx, input }) => ctx.live.apply('plan', ctx.project.id, { type: 'plan.saveBaseline', name: input.name }, ctx.user.id)),

  /** What the plan's projection could not write (items left out of reports), for owners and editors. */
  projectionIssues: projectProcedure('editor').query(({ ctx }) => readProjectionIssues(ctx.db, ctx.project.id, 'plan')),

  /** The secret calendar feed address (created on first use). Owners only: it reads without signing in. */
  calendarFeed: projectProcedure('owner').query(async ({ ctx }) => {
    return ctx.db.transaction(async (tx) => {
      await tx.insert(planCalendarFeed).values({ projectId: ctx.project.id, token: newFeedToken(), rotatedBy: ctx.user.id }).onConflictDoNothing();
      const [feed] = await tx.select().from(planCalendarFeed).where(eq(planCalendarFeed.projectId, ctx.project.id));
      return { path: `/p/${ctx.project.id}/milestones.ics?token=${feed!.token}`, rotatedAt: feed!.rotatedAt };
    });
  }),

  /** Replaces the feed token: calendars subscribed with the old address stop updating. */
  rotateCalendarToken: projectProcedure('owner').mutation(async ({ ctx }) => {
    return ctx.db.transaction(async (tx) => {
      const token = newFeedToken();
      const now = new Date();
      await tx
        .insert(planCalendarFeed)
        .values({ projectId: ctx.project.id, token, rotatedBy: ctx.user.id, rotatedAt: now })
        .onConflictDoUpdate({ target: planCalendarFeed.projectId, set: { token, rotatedBy: ctx.user.id, rotatedAt: now } });
      return { path: `/p/${ctx.project.id}/milestones.ics?token=${token}`, rotatedAt: now };
    });
  }),
});
