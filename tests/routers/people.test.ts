// people.*: who may add, change and remove people and their time off, what bad input is refused
// (and that nothing is written then), the stale-version conflict, and the refetch signal.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staleVersionMessage } from '@/server/routers/people';
import { readOnlyResourcesMessage } from '@/server/trpc';
import { uniqueSuffix } from '../support/factories';
import { rejection, useRouterDeps } from './harness';
import { addPerson, resourceWorld, watchResourceSignals, type ResourceWorld } from './resourceSupport';

const deps = useRouterDeps();
let world: ResourceWorld;
let signals: ReturnType<typeof watchResourceSignals>;

beforeAll(async () => {
  world = await resourceWorld(deps, 'People');
});
beforeEach(() => {
  signals = watchResourceSignals(deps);
});
afterEach(() => signals.restore());

describe('people', () => {
  it('people: the owner adds a person with every field; the list shows them with their time off, by name', async () => {
    const { owner, workspaceId, team } = world;
    const zed = await addPerson(owner, workspaceId, { name: `Zed ${uniqueSuffix()}` });
    const { id } = await owner.people.add({
      workspaceId,
      name: '  Ada Lovelace  ',
      weeklyHours: 32,
      skills: ['Backend', 'backend', ' Go '],
      role: 'Engineer',
      placeholder: true,
      workingDays: [4, 1, 2, 3],
      userId: team.users.editor.id,
    });
    const timeOff = await owner.people.addTimeOff({ personId: id, from: '2027-02-04', to: '2027-02-05', reason: 'Dentist' });
    const list = await world.viewer.people.list({ workspaceId });
    const ada = list.find((row) => row.id === id);
    expect(ada).toEqual({
      id,
      name: 'Ada Lovelace',
      role: 'Engineer',
      skills: ['Backend', 'Go'],
      weeklyHours: 32,
      workingDays: [1, 2, 3, 4],
      placeholder: true,
      userId: team.users.editor.id,
      version: 1,
      timeOff: [{ id: timeOff.id, from: '2027-02-04', to: '2027-02-05', reason: 'Dentist' }],
    });
    expect(list.findIndex((row) => row.id === id)).toBeLessThan(list.findIndex((row) => row.id === zed));
    // Defaults: Monday to Friday, no skills, no role, not a placeholder.
    expect(list.find((row) => row.id === zed)).toMatchObject({ role: '', skills: [], workingDays: [1, 2, 3, 4, 5], placeholder: false, userId: null, timeOff: [] });
    expect(signals.count(workspaceId)).toBe(3);
  });

  it('people: an editor of a project may change people; a viewer reads them only; a stranger is told nothing', async () => {
    const { editor, viewer, stranger, workspaceId } = world;
    const id = await addPerson(editor, workspaceId);
    const before = await viewer.people.list({ workspaceId });
    expect(before.some((row) => row.id === id)).toBe(true);
    const refused = await rejection(viewer.people.add({ workspaceId, name: 'Sneaky', weeklyHours: 40 }), 'FORBIDDEN');
    expect(refused.message).toBe(readOnlyResourcesMessage);
    await rejection(viewer.people.update({ personId: id, version: 1, name: 'Renamed' }), 'FORBIDDEN');
    await rejection(viewer.people.remove({ personId: id }), 'FORBIDDEN');
    await rejection(viewer.people.addTimeOff({ personId: id, from: '2027-01-01', to: '2027-01-02' }), 'FORBIDDEN');
    await rejection(stranger.people.list({ workspaceId }), 'NOT_FOUND');
    await rejection(stranger.people.add({ workspaceId, name: 'Sneaky', weeklyHours: 40 }), 'NOT_FOUND');
    const notFound = await rejection(stranger.people.update({ personId: id, version: 1, name: 'Renamed' }), 'NOT_FOUND');
    expect(notFound.message).toBe('Person not found.');
    await rejection(stranger.people.remove({ personId: id }), 'NOT_FOUND');
    expect(await viewer.people.list({ workspaceId })).toEqual(before);
    expect(signals.count(workspaceId)).toBe(1);
  });

  it('people: capacity 0 or above 168, an empty name, impossible working days and a stranger as the linked user are refused; nothing written', async () => {
    const { owner, workspaceId, team } = world;
    const before = await owner.people.list({ workspaceId });
    const cases: [Record<string, unknown>, string][] = [
      [{ weeklyHours: 0 }, 'weeklyHours: must be more than 0'],
      [{ weeklyHours: -8 }, 'weeklyHours: must be more than 0'],
      [{ weeklyHours: 169 }, 'weeklyHours: must be at most 168'],
      [{ name: '   ' }, 'name: is required'],
      [{ name: 'x'.repeat(121) }, 'name: must be at most 120'],
      [{ workingDays: [] }, 'workingDays: must name at least one day'],
      [{ workingDays: [0] }, 'working days are 1 (Monday) to 7 (Sunday)'],
      [{ workingDays: [1, 1] }, 'workingDays: names a day twice'],
      [{ skills: ['x'.repeat(61)] }, 'a skill must be at most 60 characters'],
    ];
    for (const [fields, message] of cases) {
      const error = await rejection(owner.people.add({ workspaceId, name: 'Bad', weeklyHours: 40, ...fields } as never), 'BAD_REQUEST');
      expect(error.message, JSON.stringify(fields)).toContain(message);
    }
    const stranger = await rejection(owner.people.add({ workspaceId, name: 'Linked', weeklyHours: 40, userId: team.users.stranger.id }), 'NOT_FOUND');
    expect(stranger.message).toBe('userId: no member of this workspace or of its projects has this id');
    expect(await owner.people.list({ workspaceId })).toEqual(before);
    expect(signals.count(workspaceId)).toBe(0);
  });

  it('people: an update bumps the version; a stale version is a conflict that changes nothing', async () => {
    const { owner, editor, workspaceId } = world;
    const id = await addPerson(owner, workspaceId, { name: 'Grace' });
    expect(await editor.people.update({ personId: id, version: 1, name: 'Grace Hopper', weeklyHours: 36, skills: ['COBOL'], role: 'Admiral', workingDays: [1, 2, 3], placeholder: true })).toEqual({ version: 2 });
    const error = await rejection(owner.people.update({ personId: id, version: 1, name: 'Stale' }), 'CONFLICT');
    expect(error.message).toBe(staleVersionMessage);
    const person = (await owner.people.list({ workspaceId })).find((row) => row.id === id);
    expect(person).toMatchObject({ name: 'Grace Hopper', weeklyHours: 36, skills: ['COBOL'], role: 'Admiral', workingDays: [1, 2, 3], placeholder: true, version: 2 });
    await rejection(owner.people.update({ personId: id, version: 2, weeklyHours: 0 }), 'BAD_REQUEST');
    expect((await owner.people.list({ workspaceId })).find((row) => row.id === id)?.version).toBe(2);
  });

  it('people: time off to before from is refused; time off can be removed; removing a person takes their time off', async () => {
    const { owner, viewer, stranger, workspaceId } = world;
    const id = await addPerson(owner, workspaceId);
    const error = await rejection(owner.people.addTimeOff({ personId: id, from: '2027-02-05', to: '2027-02-04' }), 'BAD_REQUEST');
    expect(error.message).toBe('to: must be on or after from (2027-02-05)');
    await rejection(owner.people.addTimeOff({ personId: id, from: '2027-02-30', to: '2027-03-04' }), 'BAD_REQUEST');
    const leave = await owner.people.addTimeOff({ personId: id, from: '2027-02-01', to: '2027-02-05' });
    const other = await owner.people.addTimeOff({ personId: id, from: '2027-01-01', to: '2027-01-01', reason: 'New year' });
    const listed = () => owner.people.list({ workspaceId }).then((rows) => rows.find((row) => row.id === id));
    expect((await listed())?.timeOff.map((range) => range.id)).toEqual([other.id, leave.id]);
    await rejection(viewer.people.removeTimeOff({ timeOffId: leave.id }), 'FORBIDDEN');
    await rejection(stranger.people.removeTimeOff({ timeOffId: leave.id }), 'NOT_FOUND');
    expect(await owner.people.removeTimeOff({ timeOffId: leave.id })).toEqual({ id: leave.id });
    expect((await listed())?.timeOff.map((range) => range.id)).toEqual([other.id]);
    await rejection(owner.people.removeTimeOff({ timeOffId: leave.id }), 'NOT_FOUND');
    expect(await owner.people.remove({ personId: id })).toEqual({ id });
    expect(await listed()).toBeUndefined();
    await rejection(owner.people.removeTimeOff({ timeOffId: other.id }), 'NOT_FOUND');
  });

  it('people: a workspace the caller does not belong to, or an id that is not an id, is refused', async () => {
    const { owner } = world;
    await rejection(owner.people.list({ workspaceId: globalThis.crypto.randomUUID() }), 'NOT_FOUND');
    await rejection(owner.people.list({ workspaceId: 'nope' }), 'BAD_REQUEST');
    await rejection(owner.people.remove({ personId: globalThis.crypto.randomUUID() }), 'NOT_FOUND');
  });
});
