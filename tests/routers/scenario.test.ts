// scenario.*: drafting allocation changes, comparing them (only the cells that change), applying
// them in one step (or not at all when an allocation went away since), and who may do what.
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceScenario, type ScenarioChange } from '@/db/schema';
import { uniqueSuffix } from '../support/factories';
import { rejection, useRouterDeps } from './harness';
import { addPerson, resourceWorld, watchResourceSignals, type Caller, type ResourceWorld } from './resourceSupport';

const deps = useRouterDeps();
let world: ResourceWorld;
let other: ResourceWorld;
let signals: ReturnType<typeof watchResourceSignals>;

beforeAll(async () => {
  [world, other] = await Promise.all([resourceWorld(deps, 'Scenario'), resourceWorld(deps, 'Elsewhere')]);
});
beforeEach(() => {
  signals = watchResourceSignals(deps);
});
afterEach(() => signals.restore());

/** A workspace of its own with two people, a project and one allocation each. */
async function staffedWorkspace(owner: Caller) {
  const shared = await owner.workspace.create({ name: `What if ${uniqueSuffix()}` });
  const apollo = await owner.project.create({ workspaceId: shared.id, name: `Apollo ${uniqueSuffix()}` });
  const ada = await addPerson(owner, shared.id, { name: 'Ada' });
  const bob = await addPerson(owner, shared.id, { name: 'Bob' });
  const adaOnApollo = await owner.allocation.upsert({ personId: ada, projectId: apollo.id, from: '2027-02-01', to: '2027-02-14', hoursPerWeek: 40 });
  const bobOnApollo = await owner.allocation.upsert({ personId: bob, projectId: apollo.id, from: '2027-02-01', to: '2027-02-21', hoursPerWeek: 20 });
  return { workspaceId: shared.id, projectId: apollo.id, ada, bob, adaOnApollo: adaOnApollo.id, bobOnApollo: bobOnApollo.id };
}

describe('scenario: the weeks compared', () => {
  it('scenario: compare without a window covers changes far outside any shown weeks, and says which weeks it compared', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Ada in the autumn' });
    // Ada's February allocation moved to October: both months change.
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'move', allocationId: w.adaOnApollo, from: '2027-10-04', to: '2027-10-10' } });
    const compared = await owner.scenario.compare({ scenarioId: id });
    expect(compared.window).toEqual({ from: '2027-02-01', to: '2027-10-10', weeks: 36, truncated: false });
    expect(compared.cells.map((c) => [c.week, c.deltaHours])).toEqual([
      ['2027-W05', -40],
      ['2027-W06', -40],
      ['2027-W40', 40],
    ]);
    // A window that misses October (the grid's 16 weeks from February) does not see the move's arrival.
    expect((await owner.scenario.compare({ scenarioId: id, from: '2027-02-01', weeks: 16 })).cells.map((c) => c.week)).toEqual(['2027-W05', '2027-W06']);
    // An allocation running for decades is compared over its first three years, and says so.
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'add', personId: w.bob, projectId: w.projectId, from: '2027-02-01', to: '2099-12-31', hoursPerWeek: 5 } });
    const long = await owner.scenario.compare({ scenarioId: id });
    expect(long.window).toMatchObject({ from: '2027-02-01', weeks: 156, truncated: true });
    // From and weeks go together.
    await rejection(owner.scenario.compare({ scenarioId: id, from: '2027-02-01' }), 'BAD_REQUEST');
    // A scenario with no change compares no week.
    const empty = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Nothing yet' });
    expect(await owner.scenario.compare({ scenarioId: empty.id })).toEqual({ changes: [], cells: [], window: null });
  });
});

describe('scenario', () => {
  it('scenario: draft, compare only the cells that change, then apply every change in one step', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Move Ada a week later' });
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'move', allocationId: w.adaOnApollo, from: '2027-02-08', to: '2027-02-21' } });
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'add', personId: w.bob, projectId: w.projectId, from: '2027-02-08', to: '2027-02-14', hoursPerWeek: 30 } });
    const { changes } = await owner.scenario.addChange({ scenarioId: id, change: { kind: 'remove', allocationId: w.bobOnApollo } });
    expect(changes).toHaveLength(3);
    const listed = await owner.scenario.list({ workspaceId: w.workspaceId });
    expect(listed).toEqual([expect.objectContaining({ id, name: 'Move Ada a week later', changes })]);
    const compared = await owner.scenario.compare({ scenarioId: id, from: '2027-02-01', weeks: 3 });
    expect(compared).toEqual({
      changes,
      window: { from: '2027-02-01', to: '2027-02-21', weeks: 3, truncated: false },
      cells: [
        { personId: w.ada, week: '2027-W05', before: { percent: 100, band: 'healthy' }, after: { percent: 0, band: 'under' }, deltaHours: -40 },
        { personId: w.ada, week: '2027-W07', before: { percent: 0, band: 'under' }, after: { percent: 100, band: 'healthy' }, deltaHours: 40 },
        { personId: w.bob, week: '2027-W05', before: { percent: 50, band: 'under' }, after: { percent: 0, band: 'under' }, deltaHours: -20 },
        { personId: w.bob, week: '2027-W06', before: { percent: 50, band: 'under' }, after: { percent: 75, band: 'under' }, deltaHours: 10 },
        { personId: w.bob, week: '2027-W07', before: { percent: 50, band: 'under' }, after: { percent: 0, band: 'under' }, deltaHours: -20 },
      ],
    });
    // Without a window, compare covers every week the changes touch: Ada's old and new dates, Bob's
    // removed allocation (1 to 21 Feb) and the added week: 1 to 21 Feb, the same cells.
    expect(await owner.scenario.compare({ scenarioId: id })).toEqual({ ...compared, window: { from: '2027-02-01', to: '2027-02-21', weeks: 3, truncated: false } });
    // Comparing changes nothing.
    const utilisationBefore = await owner.resources.utilisation({ workspaceId: w.workspaceId, from: '2027-02-01', weeks: 3 });
    const signalled = signals.count(w.workspaceId);
    expect(await owner.scenario.applyChanges({ scenarioId: id })).toEqual({ applied: 3 });
    expect(signals.count(w.workspaceId)).toBe(signalled + 1);
    const after = await owner.resources.utilisation({ workspaceId: w.workspaceId, from: '2027-02-01', weeks: 3 });
    expect(after).not.toEqual(utilisationBefore);
    // The grid after applying is what compare said it would be.
    for (const cell of compared.cells) {
      const week = after.find((row) => row.personId === cell.personId)!.weeks.find((row) => row.week === cell.week)!;
      expect({ percent: week.percent, band: week.band }).toEqual(cell.after);
    }
    const allocations = await owner.allocation.list({ workspaceId: w.workspaceId });
    expect(allocations.map((row) => [row.personId, row.from, row.to, row.hoursPerWeek])).toEqual(
      expect.arrayContaining([
        [w.ada, '2027-02-08', '2027-02-21', 40],
        [w.bob, '2027-02-08', '2027-02-14', 30],
      ]),
    );
    expect(allocations.some((row) => row.id === w.bobOnApollo)).toBe(false);
    expect(await owner.scenario.list({ workspaceId: w.workspaceId })).toEqual([]);
    await rejection(owner.scenario.compare({ scenarioId: id, from: '2027-02-01', weeks: 3 }), 'NOT_FOUND');
  });

  it('scenario: an allocation removed since makes applying fail with a clear error; nothing is applied and the scenario stays', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Stale' });
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'add', personId: w.ada, projectId: w.projectId, from: '2027-03-01', to: '2027-03-31', hoursPerWeek: 10 } });
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'move', allocationId: w.bobOnApollo, from: '2027-03-01', to: '2027-03-31' } });
    await owner.allocation.remove({ allocationId: w.bobOnApollo });
    const before = await owner.allocation.list({ workspaceId: w.workspaceId });
    const error = await rejection(owner.scenario.applyChanges({ scenarioId: id }), 'CONFLICT');
    expect(error.message).toBe(`This scenario changes an allocation removed since it was drafted (${w.bobOnApollo}); remove those changes and try again. Nothing was applied.`);
    await rejection(owner.scenario.compare({ scenarioId: id, from: '2027-03-01', weeks: 4 }), 'CONFLICT');
    expect(await owner.allocation.list({ workspaceId: w.workspaceId })).toEqual(before);
    expect((await owner.scenario.list({ workspaceId: w.workspaceId })).map((row) => row.id)).toEqual([id]);
    // Once the stale change is taken out, it applies.
    expect((await owner.scenario.removeChange({ scenarioId: id, index: 1 })).changes).toHaveLength(1);
    expect(await owner.scenario.applyChanges({ scenarioId: id })).toEqual({ applied: 1 });
    expect(await owner.allocation.list({ workspaceId: w.workspaceId })).toHaveLength(before.length + 1);
  });

  it('scenario: changes naming people, projects or allocations of another workspace, or none, are refused; nothing written', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const theirPerson = await addPerson(other.owner, other.workspaceId);
    const theirAllocation = await other.owner.allocation.upsert({ personId: theirPerson, projectId: other.team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 });
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Reaching out' });
    const refused: [unknown, string][] = [
      [{ kind: 'add', personId: theirPerson, projectId: w.projectId, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 }, 'change 1 (add): personId is not a person of this workspace'],
      [{ kind: 'add', personId: w.ada, projectId: other.team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 }, 'change 1 (add): projectId: no live project of this workspace'],
      [{ kind: 'move', allocationId: theirAllocation.id, from: '2027-02-01', to: '2027-02-28' }, 'change 1 (move): allocationId is not an allocation of this workspace'],
      [{ kind: 'move', allocationId: w.adaOnApollo, from: '2027-02-01', to: '2027-02-28', personId: theirPerson }, 'change 1 (move): personId is not a person of this workspace'],
      [{ kind: 'remove', allocationId: globalThis.crypto.randomUUID() }, 'change 1 (remove): allocationId is not an allocation of this workspace'],
      [{ kind: 'add', personId: w.ada, projectId: w.projectId, from: '2027-02-28', to: '2027-02-01', hoursPerWeek: 10 }, 'change.to: must be on or after from'],
      [{ kind: 'add', personId: w.ada, projectId: w.projectId, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: -1 }, 'change.hoursPerWeek: cannot be negative'],
      [{ kind: 'swap', allocationId: w.adaOnApollo }, 'change.kind: must be an add, a move or a remove'],
    ];
    for (const [change, message] of refused) {
      const error = await rejection(owner.scenario.addChange({ scenarioId: id, change: change as never }), 'BAD_REQUEST');
      expect(error.message, JSON.stringify(change)).toContain(message);
    }
    const removal = await rejection(owner.scenario.removeChange({ scenarioId: id, index: 0 }), 'BAD_REQUEST');
    expect(removal.message).toBe('index: this scenario has no changes');
    expect((await owner.scenario.list({ workspaceId: w.workspaceId }))[0]!.changes).toEqual([]);
    await rejection(owner.scenario.create({ workspaceId: w.workspaceId, name: ' ' }), 'BAD_REQUEST');
  });

  it('scenario: a move can hand an allocation to another person with other hours; a change after a removal of the same allocation is refused, nothing applied', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Bob takes over' });
    await owner.scenario.addChange({ scenarioId: id, change: { kind: 'move', allocationId: w.adaOnApollo, from: '2027-03-01', to: '2027-03-14', hoursPerWeek: 12, personId: w.bob } });
    expect(await owner.scenario.applyChanges({ scenarioId: id })).toEqual({ applied: 1 });
    expect((await owner.allocation.list({ workspaceId: w.workspaceId })).find((row) => row.id === w.adaOnApollo)).toMatchObject({ personId: w.bob, from: '2027-03-01', to: '2027-03-14', hoursPerWeek: 12 });

    const twice = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Remove, then move' });
    await owner.scenario.addChange({ scenarioId: twice.id, change: { kind: 'remove', allocationId: w.bobOnApollo } });
    await owner.scenario.addChange({ scenarioId: twice.id, change: { kind: 'move', allocationId: w.bobOnApollo, from: '2027-04-01', to: '2027-04-30' } });
    const before = await owner.allocation.list({ workspaceId: w.workspaceId });
    const error = await rejection(owner.scenario.applyChanges({ scenarioId: twice.id }), 'CONFLICT');
    expect(error.message).toBe('change 2 (move) names an allocation an earlier change removes. Nothing was applied.');
    expect(await owner.allocation.list({ workspaceId: w.workspaceId })).toEqual(before);
  });

  it('scenario: holds at most 200 changes; removing one by an index past the end says how many there are', async () => {
    const { owner } = world;
    const w = await staffedWorkspace(owner);
    const { id } = await owner.scenario.create({ workspaceId: w.workspaceId, name: 'Many changes' });
    const change: ScenarioChange = { kind: 'remove', allocationId: w.bobOnApollo };
    await owner.scenario.addChange({ scenarioId: id, change });
    expect((await rejection(owner.scenario.removeChange({ scenarioId: id, index: 1 }), 'BAD_REQUEST')).message).toBe('index: this scenario has 1 change (index 0)');
    await owner.scenario.addChange({ scenarioId: id, change });
    expect((await rejection(owner.scenario.removeChange({ scenarioId: id, index: 2 }), 'BAD_REQUEST')).message).toBe('index: this scenario has 2 changes (index 0 to 1)');
    // 199 changes written directly: the 200th is accepted, the 201st refused.
    await deps.db.update(resourceScenario).set({ changes: Array.from({ length: 199 }, () => change) }).where(eq(resourceScenario.id, id));
    expect((await owner.scenario.addChange({ scenarioId: id, change })).changes).toHaveLength(200);
    expect((await rejection(owner.scenario.addChange({ scenarioId: id, change }), 'BAD_REQUEST')).message).toBe('A scenario holds at most 200 changes.');
    expect((await owner.scenario.list({ workspaceId: w.workspaceId }))[0]!.changes).toHaveLength(200);
  });

  it('scenario: an editor drafts and applies; a viewer compares only; a stranger is told nothing', async () => {
    const { owner, editor, viewer, stranger, workspaceId, team } = world;
    const ada = await addPerson(owner, workspaceId);
    const { id } = await editor.scenario.create({ workspaceId, name: 'Editor draft' });
    const change = { kind: 'add' as const, personId: ada, projectId: team.project.id, from: '2027-02-01', to: '2027-02-07', hoursPerWeek: 8 };
    await editor.scenario.addChange({ scenarioId: id, change });
    expect((await viewer.scenario.compare({ scenarioId: id, from: '2027-02-01', weeks: 1 })).cells).toEqual([
      { personId: ada, week: '2027-W05', before: { percent: 0, band: 'under' }, after: { percent: 20, band: 'under' }, deltaHours: 8 },
    ]);
    expect((await viewer.scenario.list({ workspaceId })).map((row) => row.id)).toContain(id);
    await rejection(viewer.scenario.create({ workspaceId, name: 'Nope' }), 'FORBIDDEN');
    await rejection(viewer.scenario.addChange({ scenarioId: id, change }), 'FORBIDDEN');
    await rejection(viewer.scenario.removeChange({ scenarioId: id, index: 0 }), 'FORBIDDEN');
    await rejection(viewer.scenario.applyChanges({ scenarioId: id }), 'FORBIDDEN');
    await rejection(viewer.scenario.discard({ scenarioId: id }), 'FORBIDDEN');
    await rejection(stranger.scenario.list({ workspaceId }), 'NOT_FOUND');
    await rejection(stranger.scenario.compare({ scenarioId: id, from: '2027-02-01', weeks: 1 }), 'NOT_FOUND');
    await rejection(stranger.scenario.applyChanges({ scenarioId: id }), 'NOT_FOUND');
    await rejection(stranger.scenario.discard({ scenarioId: id }), 'NOT_FOUND');
    expect((await owner.scenario.list({ workspaceId })).find((row) => row.id === id)?.changes).toEqual([change]);
    expect((await owner.allocation.list({ workspaceId })).some((row) => row.personId === ada)).toBe(false);
    // Thrown away: the allocations stay as they were.
    expect(await editor.scenario.discard({ scenarioId: id })).toEqual({ id });
    expect((await owner.scenario.list({ workspaceId })).some((row) => row.id === id)).toBe(false);
    expect((await owner.allocation.list({ workspaceId })).some((row) => row.personId === ada)).toBe(false);
  });
});
