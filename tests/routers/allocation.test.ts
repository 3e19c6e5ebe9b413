// allocation.*: hours or percent over dates, who may write them, the input refused (with nothing
// written), projects of other workspaces, and allocations that follow a plan workstream's dates.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories';
import { addPlanItems, movePlanItems } from '../status/support';
import { rejection, useRouterDeps } from './harness';
import { addPerson, resourceWorld, watchResourceSignals, type ResourceWorld } from './resourceSupport';

const deps = useRouterDeps();
let world: ResourceWorld;
let other: ResourceWorld;
let signals: ReturnType<typeof watchResourceSignals>;

beforeAll(async () => {
  [world, other] = await Promise.all([resourceWorld(deps, 'Allocations'), resourceWorld(deps, 'Elsewhere')]);
});
beforeEach(() => {
  signals = watchResourceSignals(deps);
});
afterEach(() => signals.restore());

describe('allocation', () => {
  it('allocation: an editor allocates in hours, then changes it to a percent; the list shows it as it is now', async () => {
    const { editor, viewer, workspaceId, team } = world;
    const personId = await addPerson(editor, workspaceId);
    const { id } = await editor.allocation.upsert({ personId, projectId: team.project.id, from: '2027-02-01', to: '2027-03-31', hoursPerWeek: 20 });
    expect((await viewer.allocation.list({ workspaceId })).find((row) => row.id === id)).toEqual({
      id,
      personId,
      projectId: team.project.id,
      from: '2027-02-01',
      to: '2027-03-31',
      hoursPerWeek: 20,
      percent: null,
      workstreamId: null,
      workstreamName: null,
      followsWorkstream: false,
    });
    expect(await editor.allocation.upsert({ id, personId, projectId: team.project.id, from: '2027-02-08', to: '2027-02-28', percent: 50 })).toEqual({ id });
    expect((await viewer.allocation.list({ workspaceId, projectId: team.project.id })).find((row) => row.id === id)).toMatchObject({ from: '2027-02-08', to: '2027-02-28', hoursPerWeek: null, percent: 50 });
    expect(signals.count(workspaceId)).toBe(3);
  });

  it('allocation: a viewer and a stranger cannot write; nothing is written', async () => {
    const { owner, viewer, stranger, workspaceId, team } = world;
    const personId = await addPerson(owner, workspaceId);
    const { id } = await owner.allocation.upsert({ personId, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 });
    const before = await owner.allocation.list({ workspaceId });
    const input = { personId, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 40 };
    await rejection(viewer.allocation.upsert(input), 'FORBIDDEN');
    await rejection(viewer.allocation.upsert({ ...input, id }), 'FORBIDDEN');
    await rejection(viewer.allocation.remove({ allocationId: id }), 'FORBIDDEN');
    await rejection(stranger.allocation.upsert(input), 'NOT_FOUND');
    await rejection(stranger.allocation.remove({ allocationId: id }), 'NOT_FOUND');
    await rejection(stranger.allocation.list({ workspaceId }), 'NOT_FOUND');
    expect(await owner.allocation.list({ workspaceId })).toEqual(before);
    expect(signals.count(workspaceId)).toBe(2);
  });

  it('allocation: negative hours, a percent over 100, both or neither amount, to before from are refused; nothing written', async () => {
    const { owner, workspaceId, team } = world;
    const personId = await addPerson(owner, workspaceId);
    const before = await owner.allocation.list({ workspaceId });
    const base = { personId, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28' };
    const cases: [Record<string, unknown>, string][] = [
      [{ hoursPerWeek: -1 }, 'hoursPerWeek: cannot be negative'],
      [{ hoursPerWeek: 169 }, 'hoursPerWeek: must be at most 168'],
      [{ percent: 101 }, 'percent: must be at most 100'],
      [{ percent: -5 }, 'percent: cannot be negative'],
      [{ hoursPerWeek: 10, percent: 10 }, 'hoursPerWeek: give exactly one of hoursPerWeek or percent'],
      [{}, 'hoursPerWeek: give exactly one of hoursPerWeek or percent'],
      [{ hoursPerWeek: 10, to: '2027-01-31' }, 'to: must be on or after from (2027-02-01)'],
      [{ hoursPerWeek: 10, from: '2027-02-30' }, 'from: must be a date like 2026-12-31'],
    ];
    for (const [fields, message] of cases) {
      const error = await rejection(owner.allocation.upsert({ ...base, ...fields } as never), 'BAD_REQUEST');
      expect(error.message, JSON.stringify(fields)).toContain(message);
    }
    expect(await owner.allocation.list({ workspaceId })).toEqual(before);
    // Only the person added above was signalled.
    expect(signals.count(workspaceId)).toBe(1);
  });

  it('allocation: an unknown project, a project of another workspace or an archived project is a clear error; nothing written', async () => {
    const { owner, workspaceId } = world;
    const personId = await addPerson(owner, workspaceId);
    // A shared workspace of the same owner: their person there cannot work on this workspace's project.
    const shared = await owner.workspace.create({ name: `Shared ${uniqueSuffix()}` });
    const sharedPerson = await addPerson(owner, shared.id);
    const archived = await owner.project.create({ name: `Old ${uniqueSuffix()}` });
    await owner.project.archive({ projectId: archived.id });
    const before = await owner.allocation.list({ workspaceId });
    const base = { personId, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 };
    for (const projectId of [globalThis.crypto.randomUUID(), other.team.project.id, archived.id]) {
      const error = await rejection(owner.allocation.upsert({ ...base, projectId }), 'BAD_REQUEST');
      expect(error.message).toContain('projectId: no live project of this workspace has this id');
    }
    await rejection(owner.allocation.upsert({ ...base, personId: sharedPerson, projectId: world.team.project.id }), 'BAD_REQUEST');
    expect(await owner.allocation.list({ workspaceId })).toEqual(before);
    expect(await owner.allocation.list({ workspaceId: shared.id })).toEqual([]);
  });

  it("allocation: another workspace's allocation cannot be updated through one of ours", async () => {
    const { owner, workspaceId, team } = world;
    const personId = await addPerson(owner, workspaceId);
    const theirPerson = await addPerson(other.owner, other.workspaceId);
    const theirs = await other.owner.allocation.upsert({ personId: theirPerson, projectId: other.team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 });
    const before = await other.owner.allocation.list({ workspaceId: other.workspaceId });
    await rejection(owner.allocation.upsert({ id: theirs.id, personId, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 40 }), 'NOT_FOUND');
    await rejection(owner.allocation.remove({ allocationId: theirs.id }), 'NOT_FOUND');
    expect(await other.owner.allocation.list({ workspaceId: other.workspaceId })).toEqual(before);
    expect((await owner.allocation.list({ workspaceId })).some((row) => row.id === theirs.id)).toBe(false);
  });

  it("allocation: tied to a workstream, its dates follow the workstream's when it moves", async () => {
    const { owner, workspaceId, team } = world;
    const personId = await addPerson(owner, workspaceId);
    const [workstreamId] = await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Build the API', start: '2027-03-01', end: '2027-03-31' }]);
    const { id } = await owner.allocation.upsert({ personId, projectId: team.project.id, from: '2027-03-01', to: '2027-03-31', hoursPerWeek: 30, workstreamId: workstreamId! });
    const row = async () => (await owner.allocation.list({ workspaceId })).find((allocation) => allocation.id === id);
    expect(await row()).toMatchObject({ from: '2027-03-01', to: '2027-03-31', workstreamId, workstreamName: 'Build the API', followsWorkstream: true });
    await movePlanItems(deps, team, { [workstreamId!]: { start: '2027-04-05', end: '2027-05-14' } });
    expect(await row()).toMatchObject({ from: '2027-04-05', to: '2027-05-14', followsWorkstream: true });
    const error = await rejection(owner.allocation.upsert({ personId, projectId: team.project.id, from: '2027-03-01', to: '2027-03-31', hoursPerWeek: 30, workstreamId: 'no-such-item' }), 'BAD_REQUEST');
    expect(error.message).toContain("workstreamId: no workstream with this id on the project's plan");
  });

  it('allocation: removing one leaves the others', async () => {
    const { owner, workspaceId, team } = world;
    const personId = await addPerson(owner, workspaceId);
    const first = await owner.allocation.upsert({ personId, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 });
    const second = await owner.allocation.upsert({ personId, projectId: team.project.id, from: '2027-03-01', to: '2027-03-31', hoursPerWeek: 10 });
    expect(await owner.allocation.remove({ allocationId: first.id })).toEqual({ id: first.id });
    const ids = (await owner.allocation.list({ workspaceId })).filter((row) => row.personId === personId).map((row) => row.id);
    expect(ids).toEqual([second.id]);
    await rejection(owner.allocation.remove({ allocationId: first.id }), 'NOT_FOUND');
  });
});
