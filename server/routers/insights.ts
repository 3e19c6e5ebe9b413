// The insights page's charts that come from what the boards already keep (docs/api.md, "Insights"):
// risk exposure by band and milestone slippage week by week, health over time from published
// updates, and the utilisation of the project's people. Readable by every member of the project.
// Delivery charts (burn-up, throughput, cycle time) are the delivery router's.
import { addDays, format } from 'date-fns';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { planDateChange, planItem, raidItem, raidItemChange, statusUpdate } from '@/db/schema';
import { loadAllocations, loadPeople, loadResourceSettings } from '../data/resources';
import { milestoneReferencesOf } from '../data/status';
import { milestoneSlippageOverTime, riskExposureOverTime, weekEndsUpTo } from '../domain/insights';
import { weeksFrom } from '../domain/isoWeeks';
import { personUtilisation, roundHours, utilisationPercent } from '../domain/utilisation';
import { createTRPCRouter, projectProcedure } from '../trpc';
import { windowOf } from './resources';

/** Weeks of history the charts look back over (half a year). */
export const insightWeeks = 26;
/** Weeks of utilisation shown: a few behind this week and a quarter ahead. */
const utilisationWeeksBack = 4;
const utilisationWeeksTotal = 16;

async function riskExposure(db: Executor, projectId: string, weekEnds: string[]) {
  const [items, changes] = await Promise.all([
    db
      .select({ id: raidItem.id, kind: raidItem.kind, status: raidItem.status, likelihood: raidItem.likelihood, impact: raidItem.impact, createdAt: raidItem.createdAt })
      .from(raidItem)
      .where(eq(raidItem.projectId, projectId)),
    db
      .select({ itemId: raidItemChange.itemId, field: raidItemChange.field, fromValue: raidItemChange.fromValue, changedAt: raidItemChange.changedAt })
      .from(raidItemChange)
      .where(eq(raidItemChange.projectId, projectId)),
  ]);
  return riskExposureOverTime(items, changes, weekEnds);
}

async function milestoneSlippage(db: Executor, projectId: string, weekEnds: string[]) {
  const rows = await db
    .select({ id: planItem.id, title: planItem.title, end: planItem.endDate })
    .from(planItem)
    .where(and(eq(planItem.projectId, projectId), eq(planItem.kind, 'milestone')))
    .orderBy(asc(planItem.endDate), asc(planItem.title));
  const [references, changes] = await Promise.all([
    milestoneReferencesOf(
      db,
      projectId,
      rows.map((r) => r.id),
    ),
    db
      .select({ itemId: planDateChange.itemId, field: planDateChange.field, fromValue: planDateChange.fromValue, changedAt: planDateChange.changedAt })
      .from(planDateChange)
      .where(eq(planDateChange.projectId, projectId)),
  ]);
  const milestones = rows.map((r) => ({ ...r, reference: references.get(r.id)?.date ?? null }));
  return { milestones, weeks: milestoneSlippageOverTime(milestones, changes, weekEnds) };
}

/** Week by week, the hours the project's people give it, give other projects, and can work. */
async function utilisation(db: Executor, project: { id: string; workspaceId: string }) {
  const weeks = weeksFrom(format(addDays(new Date(), -7 * utilisationWeeksBack), 'yyyy-MM-dd'), utilisationWeeksTotal);
  const onProject = await loadAllocations(db, project.workspaceId, { projectId: project.id });
  if (!onProject.length) return [];
  const personIds = [...new Set(onProject.map((a) => a.personId))];
  const [people, all, thresholds] = await Promise.all([
    loadPeople(db, project.workspaceId, personIds),
    loadAllocations(db, project.workspaceId, { overlapping: windowOf(weeks) }),
    loadResourceSettings(db, project.workspaceId),
  ]);
  const rows = weeks.map((w) => ({ week: w.week, monday: w.monday, projectHours: 0, otherHours: 0, capacityHours: 0, percent: 0 }));
  for (const person of people) {
    const theirs = all.filter((a) => a.personId === person.id);
    const everything = personUtilisation(person, theirs, weeks, thresholds);
    const here = personUtilisation(
      person,
      theirs.filter((a) => a.projectId === project.id),
      weeks,
      thresholds,
    );
    everything.forEach((week, i) => {
      rows[i]!.projectHours += here[i]!.allocatedHours;
      rows[i]!.otherHours += week.allocatedHours - here[i]!.allocatedHours;
      rows[i]!.capacityHours += week.capacityHours;
    });
  }
  return rows.map((row) => ({
    ...row,
    projectHours: roundHours(row.projectHours),
    otherHours: roundHours(row.otherHours),
    capacityHours: roundHours(row.capacityHours),
    percent: utilisationPercent(row.projectHours + row.otherHours, row.capacityHours),
  }));
}

export const insightsRouter = createTRPCRouter({
  /**
   * `{ riskExposure, slippage, health, utilisation }`: the last 26 weeks of exposure and slippage
   * (each week read at its Sunday), every published update's health, and 16 weeks of utilisation.
   */
  charts: projectProcedure('viewer').query(async ({ ctx }) => {
    const weekEnds = weekEndsUpTo(new Date(), insightWeeks);
    const [riskExposureWeeks, slippage, health, utilisationWeeks] = await Promise.all([
      riskExposure(ctx.db, ctx.project.id, weekEnds),
      milestoneSlippage(ctx.db, ctx.project.id, weekEnds),
      ctx.db
        .select({ id: statusUpdate.id, publishedAt: statusUpdate.publishedAt, health: statusUpdate.health, healthReason: statusUpdate.healthReason })
        .from(statusUpdate)
        .where(and(eq(statusUpdate.projectId, ctx.project.id), isNotNull(statusUpdate.publishedAt)))
        .orderBy(asc(statusUpdate.publishedAt)),
      utilisation(ctx.db, ctx.project),
    ]);
    return {
      riskExposure: riskExposureWeeks,
      slippage,
      health: health.map((h) => ({ ...h, publishedAt: h.publishedAt! })),
      utilisation: utilisationWeeks,
    };
  }),
});
