// What the resources router tests share: a workspace with a project and its four personas (the
// project owner owns the workspace, the editor and viewer are project members, the stranger is
// nobody there), a spy on the people board's refetch signal, and quick people and allocations.
import { vi } from 'vitest';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, type RouterDeps, type Team } from './harness';

export type Caller = Awaited<ReturnType<Team['as']>>;

export interface ResourceWorld {
  team: Team;
  workspaceId: string;
  owner: Caller;
  editor: Caller;
  viewer: Caller;
  stranger: Caller;
}

export async function resourceWorld(deps: RouterDeps, name = 'Resources'): Promise<ResourceWorld> {
  const people = await createPeople(deps);
  const team = await projectFor(deps, people, name);
  const [owner, editor, viewer, stranger] = await Promise.all((['owner', 'editor', 'viewer', 'stranger'] as const).map((persona) => team.as(persona)));
  return { team, workspaceId: team.project.workspaceId, owner: owner!, editor: editor!, viewer: viewer!, stranger: stranger! };
}

/** Counts the people board's refetch signals per workspace from now on. */
export function watchResourceSignals(deps: RouterDeps) {
  const spy = vi.spyOn(deps.live, 'resourcesChanged');
  return {
    count: (workspaceId: string) => spy.mock.calls.filter(([id]) => id === workspaceId).length,
    restore: () => spy.mockRestore(),
  };
}

export async function addPerson(as: Caller, workspaceId: string, fields: { name?: string; weeklyHours?: number; skills?: string[]; workingDays?: number[] } = {}) {
  const name = fields.name ?? `Person ${uniqueSuffix()}`;
  const { id } = await as.people.add({ workspaceId, name, weeklyHours: fields.weeklyHours ?? 40, skills: fields.skills, workingDays: fields.workingDays });
  return id;
}
