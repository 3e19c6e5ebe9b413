// resources.*: utilisation per person and ISO week (working days, time off, two projects going
// over, capacity 0), the grid's compact answer (its size at 200 people x 52 weeks, and the page's expansion of it
// equal to resources.utilisation), and the
// workspace's utilisation bands.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allocation, person, personTimeOff } from '@/db/schema';
import { expandGrid } from '@/components/resources/gridModel';
import { uniqueSuffix } from '../support/factories';
import { addPlanItems } from '../status/support';
import { rejection, useRouterDeps } from './harness';
import { addPerson, resourceWorld, watchResourceSignals, type ResourceWorld } from './resourceSupport';

const deps = useRouterDeps();
let world: ResourceWorld;
let signals: ReturnType<typeof watchResourceSignals>;

beforeAll(async () => {
  world = await resourceWorld(deps, 'Utilisation');
});
beforeEach(() => {
  signals = watchResourceSignals(deps);
});
afterEach(() => signals.restore());

describe('resources', () => {
  it('resources.utilisation: two projects push a week over; time off and part weeks shrink what is counted', async () => {
    const { owner, viewer, workspaceId, team } = world;
    // A workspace of its own, so other tests' people do not show.
    const shared = await owner.workspace.create({ name: `Utilisation ${uniqueSuffix()}` });
    const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
    const gemini = await owner.project.create({ workspaceId: shared.id, name: `Gemini ${uniqueSuffix()}` });
    const ada = await addPerson(owner, shared.id, { name: 'Ada' });
    const bob = await addPerson(owner, shared.id, { name: 'Bob', weeklyHours: 30, workingDays: [1, 2, 3] });
    // Ada: 24 h on Apollo all month, 24 h on Gemini from Wednesday of W06: W06 is 24 + 3/5 x 24 = 38.4 of 40.
    await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 24 });
    await owner.allocation.upsert({ personId: ada, projectId: gemini.id, from: '2027-02-10', to: '2027-02-28', hoursPerWeek: 24 });
    // Bob is off the whole of W06 and allocated anyway; in W07 he is off Monday.
    await owner.allocation.upsert({ personId: bob, projectId: apollo.id, from: '2027-02-08', to: '2027-02-21', percent: 50 });
    await owner.people.addTimeOff({ personId: bob, from: '2027-02-08', to: '2027-02-15', reason: 'Holiday' });
    const rows = await owner.resources.utilisation({ workspaceId: shared.id, from: '2027-02-03', weeks: 3 });
    expect(rows).toEqual([
      {
        personId: ada,
        name: 'Ada',
        weeks: [
          { week: '2027-W05', allocatedHours: 24, capacityHours: 40, percent: 60, band: 'under' },
          { week: '2027-W06', allocatedHours: 38.4, capacityHours: 40, percent: 96, band: 'healthy' },
          { week: '2027-W07', allocatedHours: 48, capacityHours: 40, percent: 120, band: 'over' },
        ],
      },
      {
        personId: bob,
        name: 'Bob',
        weeks: [
          { week: '2027-W05', allocatedHours: 0, capacityHours: 30, percent: 0, band: 'under' },
          { week: '2027-W06', allocatedHours: 15, capacityHours: 0, percent: 999, band: 'over' },
          { week: '2027-W07', allocatedHours: 15, capacityHours: 20, percent: 75, band: 'under' },
        ],
      },
    ]);
    // Readers of the workspace see it; the project team of another workspace does not.
    expect(await viewer.resources.utilisation({ workspaceId, from: '2027-02-01', weeks: 1 })).toBeInstanceOf(Array);
    await rejection(viewer.resources.utilisation({ workspaceId: shared.id, from: '2027-02-01', weeks: 3 }), 'NOT_FOUND');
    await rejection(world.stranger.resources.utilisation({ workspaceId, from: '2027-02-01', weeks: 3 }), 'NOT_FOUND');
    expect(team.project.workspaceId).toBe(workspaceId);
  });

  it('resources.utilisation: weeks out of range and impossible dates are refused', async () => {
    const { owner, workspaceId } = world;
    for (const input of [{ from: '2027-02-01', weeks: 0 }, { from: '2027-02-01', weeks: 157 }, { from: '2027-02-01', weeks: 1.5 }, { from: '2027-13-01', weeks: 4 }]) {
      await rejection(owner.resources.utilisation({ workspaceId, ...input }), 'BAD_REQUEST');
    }
  });

  it('resources.grid: compact allocation rows (indexes, day offsets), no cells, the allocations of the weeks shown, canEdit by role', async () => {
    const { owner, editor, viewer, stranger, team } = world;
    const shared = await owner.workspace.create({ name: `Grid ${uniqueSuffix()}` });
    const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
    const ada = await addPerson(owner, shared.id, { name: 'Ada' });
    const inside = await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-14', hoursPerWeek: 44 });
    await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-06-01', to: '2027-06-30', hoursPerWeek: 10 });
    const grid = await owner.resources.grid({ workspaceId: shared.id, from: '2027-02-03', weeks: 3 });
    expect(grid).toEqual({
      canEdit: true,
      settings: { underMaxPercent: 80, healthyMaxPercent: 100 },
      weeks: ['2027-W05', '2027-W06', '2027-W07'],
      weekStarts: ['2027-02-01', '2027-02-08', '2027-02-15'],
      projects: [{ id: apollo.id, name: apollo.name }],
      people: [expect.objectContaining({ id: ada, name: 'Ada', weeklyHours: 40, timeOff: [] })],
      workstreams: [],
      // [id, person, project, from day, to day (from 1 Feb), hours, percent, workstream, follows]
      allocations: [[inside.id, 0, 0, 0, 13, 44, null, -1, 0]],
    });
    // The page's expansion gives the cells resources.utilisation answers.
    const expanded = expandGrid(grid);
    expect(expanded.cells).toEqual([{ personId: ada, allocated: [44, 44, 0], capacity: [40, 40, 40], percent: [110, 110, 0], band: ['o', 'o', 'u'] }]);
    expect(expanded.allocations).toEqual([expect.objectContaining({ id: inside.id, personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-14', hoursPerWeek: 44, percent: null, workstreamId: null })]);
    // An archived project stays named while an allocation shown is on it; an archived one without is left out.
    const old = await owner.project.create({ workspaceId: shared.id, name: `Old ${uniqueSuffix()}` });
    const unused = await owner.project.create({ workspaceId: shared.id, name: `Unused ${uniqueSuffix()}` });
    await owner.allocation.upsert({ personId: ada, projectId: old.id, from: '2027-01-25', to: '2027-02-07', hoursPerWeek: 4 });
    await owner.project.archive({ projectId: old.id });
    await owner.project.archive({ projectId: unused.id });
    const later = await owner.resources.grid({ workspaceId: shared.id, from: '2027-02-03', weeks: 3 });
    expect(later.projects.map((row) => row.id).sort()).toEqual([apollo.id, old.id].sort());
    // It starts a week before the window: a negative day offset.
    expect(later.allocations.find((row) => later.projects[row[2]]!.id === old.id)!.slice(3, 5)).toEqual([-7, 6]);
    expect(expandGrid(later).cells[0]!.allocated).toEqual([48, 44, 0]);
    // The project's editor and viewer read the grid of the project's workspace; only the editor may change it.
    expect((await editor.resources.grid({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 2 })).canEdit).toBe(true);
    expect((await viewer.resources.grid({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 2 })).canEdit).toBe(false);
    await rejection(stranger.resources.grid({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 2 }), 'NOT_FOUND');
  });

  it('resources.grid: allocations that follow plan workstreams name each workstream once, by index', async () => {
    const { owner, team, workspaceId } = world;
    const [api, testing] = await addPlanItems(deps, team, [
      { kind: 'workstream', title: 'Build the API', start: '2031-03-03', end: '2031-03-16' },
      { kind: 'workstream', title: 'Test it', start: '2031-03-10', end: '2031-03-16' },
    ]);
    const ada = await addPerson(owner, workspaceId);
    const bob = await addPerson(owner, workspaceId);
    const projectId = team.project.id;
    const adaOnApi = await owner.allocation.upsert({ personId: ada, projectId, from: '2031-03-03', to: '2031-03-16', hoursPerWeek: 10, workstreamId: api! });
    const bobOnApi = await owner.allocation.upsert({ personId: bob, projectId, from: '2031-03-03', to: '2031-03-16', hoursPerWeek: 10, workstreamId: api! });
    const adaTesting = await owner.allocation.upsert({ personId: ada, projectId, from: '2031-03-10', to: '2031-03-16', hoursPerWeek: 5, workstreamId: testing! });
    const bobAlone = await owner.allocation.upsert({ personId: bob, projectId, from: '2031-03-03', to: '2031-03-09', hoursPerWeek: 5 });
    const grid = await owner.resources.grid({ workspaceId, from: '2031-03-03', weeks: 2 });
    expect(grid.workstreams).toHaveLength(2);
    expect(grid.workstreams).toEqual(expect.arrayContaining([{ id: api, name: 'Build the API' }, { id: testing, name: 'Test it' }]));
    const rowOf = (id: string) => grid.allocations.find((row) => row[0] === id)!;
    const workstreamOf = (id: string) => {
      const index = rowOf(id)[7];
      return index === -1 ? null : grid.workstreams[index]!.name;
    };
    expect([adaOnApi, bobOnApi, adaTesting, bobAlone].map(({ id }) => workstreamOf(id))).toEqual(['Build the API', 'Build the API', 'Test it', null]);
    expect([adaOnApi, bobAlone].map(({ id }) => rowOf(id)[8])).toEqual([1, 0]);
  });

  it('resources.grid: 200 people x 52 weeks over 20 projects with ~6 allocations a person answers under 200 KB, and expands to resources.utilisation', { timeout: 120_000 }, async () => {
    const { owner } = world;
    const shared = await owner.workspace.create({ name: `Big grid ${uniqueSuffix()}` });
    const projects: { id: string }[] = [];
    for (let index = 0; index < 20; index++) projects.push(await owner.project.create({ workspaceId: shared.id, name: `Project ${index} ${uniqueSuffix()}` }));
    const people = await deps.db
      .insert(person)
      .values(Array.from({ length: 200 }, (_, index) => ({ workspaceId: shared.id, name: `Person ${String(index).padStart(3, '0')}`, role: 'Engineer', skills: ['Backend', 'Go'], weeklyHours: 40 })))
      .returning({ id: person.id });
    // Four spells of 13 weeks on one project each, and a part-time second project in two of them:
    // 6 allocations per person, 1,200 in all (the bench's seed has 6.4).
    const quarters = [['2027-01-04', '2027-04-04'], ['2027-04-05', '2027-07-04'], ['2027-07-05', '2027-10-03'], ['2027-10-04', '2028-01-02']] as const;
    await deps.db.insert(allocation).values(
      people.flatMap(({ id }, index) =>
        quarters.flatMap(([fromDate, toDate], quarter) => [
          { workspaceId: shared.id, personId: id, projectId: projects[(index + quarter) % 20]!.id, fromDate, toDate, hoursPerWeek: 24 + quarter * 4 },
          ...(quarter % 2 === 1 ? [{ workspaceId: shared.id, personId: id, projectId: projects[(index + 7) % 20]!.id, fromDate, toDate, percent: 50 }] : []),
        ]),
      ),
    );
    await deps.db.insert(personTimeOff).values(people.filter((_, index) => index % 10 === 0).map(({ id }) => ({ personId: id, fromDate: '2027-08-02', toDate: '2027-08-13', reason: 'Summer' })));
    const started = performance.now();
    const grid = await owner.resources.grid({ workspaceId: shared.id, from: '2027-01-04', weeks: 52 });
    const elapsed = performance.now() - started;
    const bytes = Buffer.byteLength(JSON.stringify(grid));
    console.info(`resources.grid 200 x 52: ${bytes} bytes, ${elapsed.toFixed(0)} ms`, Object.fromEntries(Object.entries(grid).map(([key, value]) => [key, Buffer.byteLength(JSON.stringify(value))])));
    expect(grid.people).toHaveLength(200);
    expect(grid.allocations).toHaveLength(1_200);
    expect(bytes).toBeLessThan(200_000);
    // Every cell the page works out is the one resources.utilisation answers.
    const expanded = expandGrid(grid);
    const utilisation = await owner.resources.utilisation({ workspaceId: shared.id, from: '2027-01-04', weeks: 52 });
    expect(expanded.cells).toEqual(
      utilisation.map((row) => ({
        personId: row.personId,
        allocated: row.weeks.map((w) => w.allocatedHours),
        capacity: row.weeks.map((w) => w.capacityHours),
        percent: row.weeks.map((w) => w.percent),
        band: row.weeks.map((w) => w.band[0]),
      })),
    );
    expect(expanded.cells.some((cell) => cell.band.includes('o'))).toBe(true);
  });

  it('resources.settings: defaults, then an editor changes the bands and utilisation follows; bad bands are refused', async () => {
    const { owner, editor, viewer, stranger } = world;
    const shared = await owner.workspace.create({ name: `Bands ${uniqueSuffix()}` });
    const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
    const ada = await addPerson(owner, shared.id);
    await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-07', hoursPerWeek: 34 });
    const band = async () => (await owner.resources.utilisation({ workspaceId: shared.id, from: '2027-02-01', weeks: 1 }))[0]!.weeks[0]!.band;
    expect(await owner.resources.settings({ workspaceId: shared.id })).toEqual({ underMaxPercent: 80, healthyMaxPercent: 100 });
    expect(await band()).toBe('healthy');
    expect(await owner.resources.updateSettings({ workspaceId: shared.id, underMaxPercent: 80, healthyMaxPercent: 84 })).toEqual({ underMaxPercent: 80, healthyMaxPercent: 84 });
    expect(await band()).toBe('over');
    await owner.resources.updateSettings({ workspaceId: shared.id, underMaxPercent: 90, healthyMaxPercent: 120 });
    expect(await band()).toBe('under');
    expect(signals.count(shared.id)).toBe(4);
    for (const [under, healthy, message] of [[80, 80, 'healthyMaxPercent: must be more than underMaxPercent (80)'], [0, 50, 'underMaxPercent: must be more than 0'], [80, 501, 'healthyMaxPercent: must be at most 500'], [80.5, 100, 'underMaxPercent: must be a whole percent']] as const) {
      const error = await rejection(owner.resources.updateSettings({ workspaceId: shared.id, underMaxPercent: under, healthyMaxPercent: healthy }), 'BAD_REQUEST');
      expect(error.message).toContain(message);
    }
    expect(await owner.resources.settings({ workspaceId: shared.id })).toEqual({ underMaxPercent: 90, healthyMaxPercent: 120 });
    // In the team's workspace: the editor may, the viewer may not, the stranger is told nothing.
    const workspaceId = world.workspaceId;
    expect(await editor.resources.updateSettings({ workspaceId, underMaxPercent: 70, healthyMaxPercent: 100 })).toEqual({ underMaxPercent: 70, healthyMaxPercent: 100 });
    await rejection(viewer.resources.updateSettings({ workspaceId, underMaxPercent: 10, healthyMaxPercent: 20 }), 'FORBIDDEN');
    await rejection(stranger.resources.updateSettings({ workspaceId, underMaxPercent: 10, healthyMaxPercent: 20 }), 'NOT_FOUND');
    await rejection(stranger.resources.settings({ workspaceId }), 'NOT_FOUND');
    expect(await viewer.resources.settings({ workspaceId })).toEqual({ underMaxPercent: 70, healthyMaxPercent: 100 });
  });
});
