// The demo's delivery data, read back through the delivery and forecast procedures as its people
// see them: twelve complete weeks of throughput, cycle times, a burn-up for each milestone with
// work (workstream items rolling up), the Jira mapping offered again, and milestone forecasts in
// which "All payments on API v3" is likely late while the rehearsal and the cut-over are not.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDeliveryMapping, demoOpenItems, demoResolvedPerWeek } from '@/db/seedDemoDelivery';
import { useSeededDemo } from '../support/seededDemo';

const demo = useSeededDemo('demo_delivery');
let projectId: string;
beforeAll(() => {
  ({ projectId } = demo);
});

const openCount = Object.values(demoOpenItems).reduce((sum, n) => sum + n, 0);
const resolvedCount = demoResolvedPerWeek.reduce((sum, n) => sum + n, 0);

describe('demo delivery data', () => {
  it('twelve complete weeks of throughput, as seeded, and the current week last', async () => {
    const viewer = await demo.caller('viewer');
    const summary = await viewer.delivery.summary({ projectId, weeks: 13 });
    expect(summary).toMatchObject({ itemCount: resolvedCount + openCount, resolvedCount, openCount });
    expect(summary.throughput.slice(0, 12).map((week) => week.resolved)).toEqual(demoResolvedPerWeek);
    expect(summary.throughput.at(-1)).toMatchObject({ partial: true, resolved: 0 });
    // Every resolved item has a cycle time, most from a start date; percentiles in order.
    expect(summary.cycleTimes.points).toHaveLength(resolvedCount);
    expect(summary.cycleTimes.points.every((point) => point.from === 'started' && point.days >= 1)).toBe(true);
    const { p50, p85, p95 } = summary.cycleTimes;
    expect(p50! <= p85! && p85! <= p95!).toBe(true);
  });

  it('items belong to the plan: a burn-up for the rehearsal, payments on API v3 and the cut-over, each growing', async () => {
    const viewer = await demo.caller('viewer');
    const [plan, summary, list] = await Promise.all([
      viewer.plan.get({ projectId }),
      viewer.delivery.summary({ projectId }),
      viewer.delivery.list({ projectId, limit: 1000 }),
    ]);
    const titleOf = new Map(plan.items.map((item) => [item.id, item.title]));
    expect(summary.burnUp.map((series) => series.title)).toEqual(['Atlas platform migration', 'Rehearsal on a production-size copy', 'All payments on API v3', 'Cut-over weekend']);
    for (const series of summary.burnUp) {
      const last = series.points.at(-1)!;
      expect(last.total).toBeGreaterThan(series.points[0]!.total);
      expect(last.done).toBeGreaterThan(series.points[0]!.done);
    }
    // Every item but the bugs names a workstream or milestone of the plan.
    const unplanned = list.items.filter((item) => item.planItemId === null);
    expect(unplanned.every((item) => item.type === 'Bug')).toBe(true);
    expect(list.items.filter((item) => item.planItemId !== null).every((item) => titleOf.has(item.planItemId!))).toBe(true);
    expect(list.items[0]).toMatchObject({ key: 'ATL-101', labels: expect.any(Array), estimate: expect.any(Number) });
  });

  it("the next import starts from the demo's Jira mapping", async () => {
    const editor = await demo.caller('editor');
    const csv = `${Object.values(demoDeliveryMapping).join(',')}\nATL-999,2026-11-02,,,New item,Story,3,,\n`;
    expect(await editor.delivery.preview({ projectId, csv })).toMatchObject({ mapping: demoDeliveryMapping, mappingFrom: 'lastImport' });
  });

  it('forecasts: twelve weeks of history; payments on API v3 is likely late, the rehearsal and the cut-over are not', async () => {
    const viewer = await demo.caller('viewer');
    const forecasts = await viewer.forecast.milestones({ projectId });
    expect(forecasts.weeksOfHistory).toBe(12);
    const byTitle = new Map(forecasts.milestones.map((milestone) => [milestone.title, milestone]));
    expect(byTitle.get('All payments on API v3')).toMatchObject({ remaining: demoOpenItems.refunds, likelyLate: true, forecast: { p50: expect.any(String) } });
    expect(byTitle.get('Rehearsal on a production-size copy')).toMatchObject({ remaining: demoOpenItems.tooling, likelyLate: false });
    expect(byTitle.get('Cut-over weekend')).toMatchObject({ remaining: demoOpenItems.sso + demoOpenItems.runbooks + demoOpenItems.cutOver, likelyLate: false });
    const when = await viewer.forecast.whenDone({ projectId, remaining: openCount });
    expect(when.p50 <= when.p85 && when.p85 <= when.p95).toBe(true);
    const howMany = await viewer.forecast.howMany({ projectId, by: when.p50 });
    expect(howMany.p50).toBeGreaterThanOrEqual(openCount - 10);
  });
});
