// insights.charts against a real database: this week's risk exposure from the RAID log, a moved
// milestone's slippage against its baseline, every published update's health, and the utilisation
// of the project's people (hours here, hours elsewhere, capacity).
import { format } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories';
import { addPlanItems, addRisks, movePlanItems, publishUpdate, updateContent } from '../status/support';
import { createPeople, projectFor, useRouterDeps, type People } from './harness';

const deps = useRouterDeps();
let people: People;

const isoDaysFromToday = (days: number) => format(new Date(Date.now() + days * 86_400_000), 'yyyy-MM-dd');

/** A delivery CSV of 30 items of `milestone`, created ten weeks ago, 16 resolved two a week over the last eight complete weeks. */
function deliveryCsv(milestone: string): string {
  const lines = ['key,created,resolved,milestone'];
  for (let i = 1; i <= 30; i++) lines.push(`D-${i},${isoDaysFromToday(-70)},${i <= 16 ? isoDaysFromToday(-7 * Math.ceil(i / 2) - 1) : ''},${milestone}`);
  return lines.join('\n');
}
const deliveryMapping = { key: 'key', created: 'created', resolved: 'resolved', planItem: 'milestone' };

beforeAll(async () => {
  people = await createPeople(deps);
});

describe('insights.charts', () => {
  it('an empty project has empty series (the page then says what to do), not zeros to chart', async () => {
    const team = await projectFor(deps, people, 'Empty');
    const charts = await (await team.as('viewer')).insights.charts({ projectId: team.project.id });
    expect(charts.riskExposure).toHaveLength(26);
    expect(charts.riskExposure.every((w) => w.total === 0)).toBe(true);
    expect(charts.slippage.milestones).toEqual([]);
    expect(charts.health).toEqual([]);
    expect(charts.utilisation).toEqual([]);
  });

  it('this week counts the open risks by band; health lists each published update; a moved milestone reads days behind its baseline', async () => {
    const team = await projectFor(deps, people, 'Charts');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    await addRisks(deps, team, [
      { id: 'R-1', fields: { kind: 'risk', title: 'Vendor slips', likelihood: 4, impact: 5, status: 'open' } },
      { id: 'R-2', fields: { kind: 'risk', title: 'Licence audit', likelihood: 2, impact: 3, status: 'open' } },
      { id: 'R-3', fields: { kind: 'risk', title: 'Gone', likelihood: 5, impact: 5, status: 'closed' } },
    ]);
    const [milestone] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Beta', start: isoDaysFromToday(30), end: isoDaysFromToday(30) }]);
    await owner.plan.saveBaseline({ projectId, name: 'Kick-off' });
    await movePlanItems(deps, team, { [milestone!]: { start: isoDaysFromToday(39), end: isoDaysFromToday(39) } });
    await publishUpdate(team, 'owner', updateContent({ health: 'on_track' }));
    await publishUpdate(team, 'owner', updateContent({ health: 'off_track', healthReason: 'Vendor late' }));
    // A draft (members with the editor role only) never reaches the health chart, even saved with a health.
    const draft = await owner.status.createDraft({ projectId, audience: 'internal' });
    await owner.status.saveDraft({ projectId, updateId: draft.id, baseRevision: draft.revision, content: updateContent({ health: 'at_risk', healthReason: 'Draft: not said yet' }) });

    const charts = await (await team.as('viewer')).insights.charts({ projectId });
    expect(charts.riskExposure.at(-1)).toMatchObject({ critical: 20, medium: 6, high: 0, low: 0, total: 26 });
    expect(charts.health.map((h) => [h.health, h.healthReason])).toEqual([
      ['on_track', 'Cut-over rehearsal went well'],
      ['off_track', 'Vendor late'],
    ]);
    expect(charts.slippage.milestones).toEqual([{ id: milestone, title: 'Beta', end: isoDaysFromToday(39), reference: isoDaysFromToday(30) }]);
    expect(charts.slippage.weeks.at(-1)!.daysBehind).toEqual({ [milestone!]: 9 });
  });

  it("utilisation adds the people's hours here and on other projects against their capacity", async () => {
    const team = await projectFor(deps, people, 'Load');
    const other = await projectFor(deps, people, 'Elsewhere');
    const owner = await team.as('owner');
    const person = await owner.people.add({ workspaceId: team.project.workspaceId, name: `Ana ${uniqueSuffix()}`, weeklyHours: 40 });
    // Both projects are in the owner's personal workspace, so the person works on both.
    await owner.allocation.upsert({ personId: person.id, projectId: team.project.id, from: isoDaysFromToday(-60), to: isoDaysFromToday(120), hoursPerWeek: 30 });
    await owner.allocation.upsert({ personId: person.id, projectId: other.project.id, from: isoDaysFromToday(-60), to: isoDaysFromToday(120), hoursPerWeek: 20 });
    // Someone who works only elsewhere is not in this project's chart: neither hours nor capacity.
    const elsewhere = await owner.people.add({ workspaceId: team.project.workspaceId, name: `Bo ${uniqueSuffix()}`, weeklyHours: 40 });
    await owner.allocation.upsert({ personId: elsewhere.id, projectId: other.project.id, from: isoDaysFromToday(-60), to: isoDaysFromToday(120), hoursPerWeek: 35 });
    const { utilisation } = await owner.insights.charts({ projectId: team.project.id });
    expect(utilisation).toHaveLength(16);
    // Four weeks back, this week fifth: the week 28 days ago is the first.
    expect(utilisation[0]!.monday <= isoDaysFromToday(-28) && isoDaysFromToday(-28) < utilisation[1]!.monday).toBe(true);
    expect(utilisation[4]).toMatchObject({ projectHours: 30, otherHours: 20, capacityHours: 40, percent: 125 });
  });

  it("a drafted status update quotes the milestone's delivery forecast", async () => {
    const team = await projectFor(deps, people, 'Drafted');
    const owner = await team.as('owner');
    await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Launch', start: isoDaysFromToday(14), end: isoDaysFromToday(14) }]);
    await owner.delivery.importCsv({ projectId: team.project.id, csv: deliveryCsv('Launch'), mapping: deliveryMapping });
    const { milestones } = await owner.forecast.milestones({ projectId: team.project.id });
    const launch = milestones.find((m) => m.title === 'Launch')!;
    const draft = await owner.status.createDraft({ projectId: team.project.id });
    expect(draft.summary).toContain(`- **Launch** (due ${isoDaysFromToday(14)}): ${launch.forecast!.p50} to ${launch.forecast!.p95}; likely late (P85 ${launch.forecast!.p85})`);
  });
});
