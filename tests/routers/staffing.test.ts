// staffing.*: a project's needs against the skilled people allocated, week by week (gaps and
// surpluses), for the project and the whole workspace; who may write them; input refused.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories';
import { rejection, useRouterDeps } from './harness';
import { addPerson, resourceWorld, watchResourceSignals, type ResourceWorld } from './resourceSupport';

const deps = useRouterDeps();
let world: ResourceWorld;
let other: ResourceWorld;
let signals: ReturnType<typeof watchResourceSignals>;

beforeAll(async () => {
  [world, other] = await Promise.all([resourceWorld(deps, 'Staffing'), resourceWorld(deps, 'Elsewhere')]);
});
beforeEach(() => {
  signals = watchResourceSignals(deps);
});
afterEach(() => signals.restore());

describe('staffing', () => {
  it('staffing: a need shows its gap week by week, closes as skilled people are allocated, and turns into a surplus', async () => {
    const { owner, viewer } = world;
    const shared = await owner.workspace.create({ name: `Staffing ${uniqueSuffix()}` });
    const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
    const gemini = await owner.project.create({ workspaceId: shared.id, name: `Gemini ${uniqueSuffix()}` });
    const need = await owner.staffing.addNeed({ projectId: apollo.id, skill: 'Backend', count: 2, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-14' });
    const forApollo = () => owner.staffing.forProject({ projectId: apollo.id });
    expect(await forApollo()).toEqual({
      needs: [
        {
          id: need.id,
          skill: 'Backend',
          count: 2,
          hoursPerWeek: 20,
          from: '2027-02-01',
          to: '2027-02-14',
          weeks: [
            { week: '2027-W05', neededHours: 40, allocatedHours: 0, gapHours: 40 },
            { week: '2027-W06', neededHours: 40, allocatedHours: 0, gapHours: 40 },
          ],
        },
      ],
    });
    const ada = await addPerson(owner, shared.id, { skills: ['backend'] });
    const bob = await addPerson(owner, shared.id, { skills: ['Design'] });
    await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-01-01', to: '2027-12-31', hoursPerWeek: 30 });
    // Without the skill, or on another project: not counted.
    await owner.allocation.upsert({ personId: bob, projectId: apollo.id, from: '2027-01-01', to: '2027-12-31', hoursPerWeek: 40 });
    await owner.allocation.upsert({ personId: ada, projectId: gemini.id, from: '2027-01-01', to: '2027-12-31', hoursPerWeek: 10 });
    expect((await forApollo()).needs[0]!.weeks.map((week) => week.gapHours)).toEqual([10, 10]);
    const carol = await addPerson(owner, shared.id, { skills: ['Backend'] });
    await owner.allocation.upsert({ personId: carol, projectId: apollo.id, from: '2027-02-08', to: '2027-02-14', hoursPerWeek: 20 });
    expect((await forApollo()).needs[0]!.weeks).toEqual([
      { week: '2027-W05', neededHours: 40, allocatedHours: 30, gapHours: 10 },
      { week: '2027-W06', neededHours: 40, allocatedHours: 50, gapHours: -10 },
    ]);
    // A window of its own: weeks outside the need are left out.
    expect((await owner.staffing.forProject({ projectId: apollo.id, from: '2027-02-08', weeks: 4 })).needs[0]!.weeks.map((week) => week.week)).toEqual(['2027-W06']);
    // The workspace view: per project, every need with its weeks in the window.
    expect(await owner.staffing.forWorkspace({ workspaceId: shared.id, from: '2027-02-01', weeks: 2 })).toEqual([{ projectId: apollo.id, name: apollo.name, needs: (await forApollo()).needs }]);
    // A need outside the window is still listed, with its period and no weeks.
    const [outside] = (await forApollo()).needs;
    expect(await owner.staffing.forWorkspace({ workspaceId: shared.id, from: '2027-03-01', weeks: 2 })).toEqual([{ projectId: apollo.id, name: apollo.name, needs: [{ ...outside!, weeks: [] }] }]);
    await rejection(viewer.staffing.forWorkspace({ workspaceId: shared.id, from: '2027-02-01', weeks: 2 }), 'NOT_FOUND');
  });

  it("staffing: in the workspace view each project lists its own needs, met only by its own allocations", async () => {
    const { owner } = world;
    const shared = await owner.workspace.create({ name: `Two needs ${uniqueSuffix()}` });
    const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
    const gemini = await owner.project.create({ workspaceId: shared.id, name: `Gemini ${uniqueSuffix()}` });
    const apolloNeed = await owner.staffing.addNeed({ projectId: apollo.id, skill: 'Backend', count: 1, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-07' });
    const geminiNeed = await owner.staffing.addNeed({ projectId: gemini.id, skill: 'Backend', count: 1, hoursPerWeek: 30, from: '2027-02-01', to: '2027-02-07' });
    const ada = await addPerson(owner, shared.id, { skills: ['Backend'] });
    await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-07', hoursPerWeek: 15 });
    await owner.allocation.upsert({ personId: ada, projectId: gemini.id, from: '2027-02-01', to: '2027-02-07', hoursPerWeek: 5 });
    const view = await owner.staffing.forWorkspace({ workspaceId: shared.id, from: '2027-02-01', weeks: 1 });
    const gaps = view.map((row) => ({ projectId: row.projectId, needs: row.needs.map((need) => [need.id, need.weeks[0]!.allocatedHours, need.weeks[0]!.gapHours]) }));
    // Projects by name: Apollo, then Gemini.
    expect(gaps).toEqual([
      { projectId: apollo.id, needs: [[apolloNeed.id, 15, 5]] },
      { projectId: gemini.id, needs: [[geminiNeed.id, 5, 25]] },
    ]);
  });

  it('staffing: an editor adds and removes needs; a viewer reads them only; a stranger is told nothing', async () => {
    const { editor, viewer, stranger, team, workspaceId } = world;
    const projectId = team.project.id;
    const need = await editor.staffing.addNeed({ projectId, skill: 'QA', count: 1, hoursPerWeek: 40, from: '2027-03-01', to: '2027-03-31' });
    expect(signals.count(workspaceId)).toBe(1);
    const before = await viewer.staffing.forProject({ projectId });
    expect(before.needs.map((row) => row.id)).toContain(need.id);
    await rejection(viewer.staffing.addNeed({ projectId, skill: 'QA', count: 1, hoursPerWeek: 40, from: '2027-03-01', to: '2027-03-31' }), 'FORBIDDEN');
    await rejection(viewer.staffing.removeNeed({ needId: need.id }), 'FORBIDDEN');
    await rejection(stranger.staffing.forProject({ projectId }), 'NOT_FOUND');
    await rejection(stranger.staffing.addNeed({ projectId, skill: 'QA', count: 1, hoursPerWeek: 40, from: '2027-03-01', to: '2027-03-31' }), 'NOT_FOUND');
    await rejection(stranger.staffing.removeNeed({ needId: need.id }), 'NOT_FOUND');
    await rejection(stranger.staffing.forWorkspace({ workspaceId, from: '2027-03-01', weeks: 4 }), 'NOT_FOUND');
    expect(await viewer.staffing.forProject({ projectId })).toEqual(before);
    expect(await editor.staffing.removeNeed({ needId: need.id })).toEqual({ id: need.id });
    expect((await viewer.staffing.forProject({ projectId })).needs.map((row) => row.id)).not.toContain(need.id);
    expect(signals.count(workspaceId)).toBe(2);
  });

  it('staffing: a count of 0, hours of 0 or negative, to before from, an unknown or archived project are refused; nothing written', async () => {
    const { owner, team } = world;
    const projectId = team.project.id;
    const before = await owner.staffing.forProject({ projectId });
    const base = { projectId, skill: 'Backend', count: 1, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' };
    const cases: [Record<string, unknown>, string][] = [
      [{ count: 0 }, 'count: must be at least 1'],
      [{ count: 1.5 }, 'count: must be a whole number of people'],
      [{ hoursPerWeek: 0 }, 'hoursPerWeek: must be more than 0'],
      [{ hoursPerWeek: -4 }, 'hoursPerWeek: must be more than 0'],
      [{ hoursPerWeek: 200 }, 'hoursPerWeek: must be at most 168'],
      [{ skill: ' ' }, 'skill: a skill cannot be empty'],
      [{ to: '2027-01-01' }, 'to: must be on or after from (2027-02-01)'],
    ];
    for (const [fields, message] of cases) {
      const error = await rejection(owner.staffing.addNeed({ ...base, ...fields } as never), 'BAD_REQUEST');
      expect(error.message, JSON.stringify(fields)).toContain(message);
    }
    await rejection(owner.staffing.addNeed({ ...base, projectId: globalThis.crypto.randomUUID() }), 'NOT_FOUND');
    await rejection(owner.staffing.addNeed({ ...base, projectId: other.team.project.id }), 'NOT_FOUND');
    const archived = await owner.project.create({ name: `Old ${uniqueSuffix()}` });
    const oldNeed = await owner.staffing.addNeed({ ...base, projectId: archived.id });
    await owner.project.archive({ projectId: archived.id });
    const refused = await rejection(owner.staffing.addNeed({ ...base, projectId: archived.id }), 'FORBIDDEN');
    expect(refused.message).toContain('is archived');
    await rejection(owner.staffing.removeNeed({ needId: oldNeed.id }), 'FORBIDDEN');
    expect((await owner.staffing.forProject({ projectId: archived.id })).needs.map((row) => row.id)).toEqual([oldNeed.id]);
    expect(await owner.staffing.forProject({ projectId })).toEqual(before);
  });

  it('staffing: without a window, a project shows every need over its own dates, at most three years of weeks', async () => {
    const { owner } = world;
    const roadmap = await owner.project.create({ name: `Roadmap ${uniqueSuffix()}` });
    const projectId = roadmap.id;
    // The long need starts first and ends last: the window runs to the latest end, not the last listed need's.
    await owner.staffing.addNeed({ projectId, skill: 'Backend', count: 1, hoursPerWeek: 10, from: '2027-02-01', to: '2027-03-28' });
    await owner.staffing.addNeed({ projectId, skill: 'Design', count: 1, hoursPerWeek: 10, from: '2027-02-08', to: '2027-02-14' });
    const [long, short] = (await owner.staffing.forProject({ projectId })).needs;
    expect(long!.weeks.map((week) => week.week)).toEqual(['2027-W05', '2027-W06', '2027-W07', '2027-W08', '2027-W09', '2027-W10', '2027-W11', '2027-W12']);
    expect(short!.weeks.map((week) => week.week)).toEqual(['2027-W06']);

    const years = await owner.project.create({ name: `Five years ${uniqueSuffix()}` });
    await owner.staffing.addNeed({ projectId: years.id, skill: 'Ops', count: 1, hoursPerWeek: 4, from: '2027-01-04', to: '2031-12-28' });
    const [weeks] = (await owner.staffing.forProject({ projectId: years.id })).needs;
    expect(weeks!.weeks).toHaveLength(156);
    expect(weeks!.weeks.at(-1)!.week).toBe('2029-W52');
  });

  it('staffing: a project with no needs has none', async () => {
    const { owner } = world;
    const empty = await owner.project.create({ name: `Empty ${uniqueSuffix()}` });
    expect(await owner.staffing.forProject({ projectId: empty.id })).toEqual({ needs: [] });
  });
});
