// Projects and members: where projects are created, slugs, and the owner's member management,
// including the rules that keep at least one owner. Bad input gets a readable BAD_REQUEST.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { project, projectMember } from '@/db/schema';
import { addToProject, callerFor, createUser, inviteTokenOf, type Persona } from '../support/factories';
import { addRisks } from '../status/support';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

type Caller = Awaited<ReturnType<Team['as']>>;

async function signedIn(name?: string) {
  const user = await createUser(deps.auth, name);
  return { user, as: await callerFor(deps, user) };
}

async function rolesOf(as: Caller, projectId: string) {
  const project = await as.project.get({ projectId });
  return Object.fromEntries(project.members.map((m) => [m.userId, m.role]));
}

describe('project.create', () => {
  it('project.create: without a workspace, the project goes into the personal workspace and the creator owns it', async () => {
    const { user, as } = await signedIn();
    const created = await as.project.create({ name: 'Apollo' });
    const [personal] = await as.workspace.list();
    expect(created).toMatchObject({ name: 'Apollo', slug: 'apollo', workspaceId: personal!.id, createdBy: user.id, role: 'owner' });
    const project = await as.project.get({ projectId: created.id });
    expect(project.workspace).toEqual({ id: personal!.id, name: personal!.name });
    expect(project.members).toEqual([
      { userId: user.id, name: user.name, email: user.email, role: 'owner', addedAt: expect.any(Date) },
    ]);
  });

  it('project.create: slugs are unique within a workspace but may repeat across workspaces', async () => {
    const { as } = await signedIn();
    const shared = await as.workspace.create({ name: 'Shared' });
    const slugs = [
      (await as.project.create({ name: 'Apollo' })).slug,
      (await as.project.create({ name: 'apollo!' })).slug,
      (await as.project.create({ name: 'Apollo' })).slug,
      (await as.project.create({ workspaceId: shared.id, name: 'Apollo' })).slug,
    ];
    expect(slugs).toEqual(['apollo', 'apollo-2', 'apollo-3', 'apollo']);
    const other = await signedIn();
    expect((await other.as.project.create({ name: 'Apollo' })).slug).toBe('apollo');
  });

  it('project.create: projects created at the same moment with the same name still get distinct slugs', async () => {
    const { as } = await signedIn();
    const created = await Promise.all(Array.from({ length: 5 }, () => as.project.create({ name: 'Rush' })));
    expect(created.map((p) => p.slug).sort()).toEqual(['rush', 'rush-2', 'rush-3', 'rush-4', 'rush-5']);
  });

  it('project.create: a name that gives no slug still gets one', async () => {
    const { as } = await signedIn();
    expect((await as.project.create({ name: '日本語' })).slug).toBe('project');
    expect((await as.project.create({ name: '!!!' })).slug).toBe('project-2');
  });

  it('project.create: in a workspace of my own, the project lands there', async () => {
    const { as } = await signedIn();
    const shared = await as.workspace.create({ name: 'Platform' });
    const created = await as.project.create({ workspaceId: shared.id, name: 'Billing' });
    expect(created.workspaceId).toBe(shared.id);
    expect((await as.project.list()).map((p) => [p.name, p.workspaceName])).toEqual([['Billing', 'Platform']]);
  });

  it("project.create: in someone else's workspace is refused with NOT_FOUND and creates nothing", async () => {
    const owner = await signedIn();
    const intruder = await signedIn();
    const [personal] = await owner.as.workspace.list();
    const shared = await owner.as.workspace.create({ name: 'Theirs' });
    for (const workspaceId of [personal!.id, shared.id, '6f1d2c3b-0000-4000-8000-000000000000']) {
      const error = await rejection(intruder.as.project.create({ workspaceId, name: 'Sneaky' }), 'NOT_FOUND');
      expect(error.message).toBe('Workspace not found.');
    }
    expect(await intruder.as.project.list()).toEqual([]);
  });
});

describe('project.list and project.get', () => {
  let team: Team;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Listing');
  });

  it('project.list: each member sees the project with their own role; a stranger does not see it', async () => {
    for (const persona of ['owner', 'editor', 'viewer'] as const) {
      const listed = await (await team.as(persona)).project.list();
      expect(listed.find((p) => p.id === team.project.id)).toMatchObject({ name: team.project.name, role: persona, openItems: 0 });
    }
    const strangers = await (await team.as('stranger')).project.list();
    expect(strangers.map((p) => p.id)).not.toContain(team.project.id);
  });

  it('project.list: each project counts its own open RAID items, critical and high ones apart; closed ones are not counted', async () => {
    const busy = await projectFor(deps, people, 'Busy');
    const quiet = await projectFor(deps, people, 'Quiet');
    await addRisks(deps, busy, [
      { id: 'R-1', fields: { kind: 'risk', title: 'Vendor slips', likelihood: 5, impact: 5, status: 'open' } },
      { id: 'R-2', fields: { kind: 'risk', title: 'Key engineer leaves', likelihood: 3, impact: 4, status: 'mitigating' } },
      { id: 'R-3', fields: { kind: 'risk', title: 'Another high one', likelihood: 4, impact: 4, status: 'open' } },
      { id: 'R-4', fields: { kind: 'risk', title: 'Licence audit', likelihood: 2, impact: 3, status: 'open' } },
      { id: 'R-5', fields: { kind: 'risk', title: 'Closed', likelihood: 5, impact: 5, status: 'closed' } },
    ]);
    await addRisks(deps, quiet, [{ id: 'R-1', fields: { kind: 'risk', title: 'Small one', likelihood: 1, impact: 2, status: 'open' } }]);
    const listed = await (await busy.as('owner')).project.list();
    expect(listed.find((p) => p.id === busy.project.id)).toMatchObject({ openItems: 4, critical: 1, high: 2 });
    expect(listed.find((p) => p.id === quiet.project.id)).toMatchObject({ openItems: 1, critical: 0, high: 0 });
  });

  it('project.get: lists the members with their roles, owner first', async () => {
    const project = await (await team.as('viewer')).project.get({ projectId: team.project.id });
    expect(project.role).toBe('viewer');
    expect(project.members.map((m) => [m.email, m.role])).toEqual([
      [team.users.owner.email, 'owner'],
      [team.users.editor.email, 'editor'],
      [team.users.viewer.email, 'viewer'],
    ]);
  });

  it('project.get: a project id that does not exist is NOT_FOUND, like one the caller may not see', async () => {
    const as = await team.as('owner');
    const missing = await rejection(as.project.get({ projectId: '6f1d2c3b-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    const hidden = await rejection((await team.as('stranger')).project.get({ projectId: team.project.id }), 'NOT_FOUND');
    expect(hidden.message).toBe(missing.message);
  });

  it('project.rename: an editor is told which role it needs and which they have', async () => {
    const error = await rejection((await team.as('editor')).project.rename({ projectId: team.project.id, name: 'Mine' }), 'FORBIDDEN');
    expect(error.message).toBe('This needs the owner role; your role in this project is editor.');
  });

  it('project.rename: the owner renames the project and every member sees the new name', async () => {
    const renamed = await (await team.as('owner')).project.rename({ projectId: team.project.id, name: '  Listing v2  ' });
    expect(renamed).toMatchObject({ id: team.project.id, name: 'Listing v2', slug: team.project.slug });
    expect((await (await team.as('viewer')).project.get({ projectId: team.project.id })).name).toBe('Listing v2');
  });
});

describe('project.addMember', () => {
  let team: Team;
  let owner: Caller;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Members');
    owner = await team.as('owner');
  });

  it('project.addMember: a registered and an unknown e-mail get the same answer, and nobody joins without following the link', async () => {
    const registered = await createUser(deps.auth, 'Registered');
    const known = await owner.project.addMember({ projectId: team.project.id, email: registered.email.toUpperCase(), role: 'editor' });
    const unknown = await owner.project.addMember({ projectId: team.project.id, email: `nobody-${registered.id}@example.test`, role: 'editor' });
    const shape = (answer: typeof known) => ({ ...answer, id: 'id', email: 'email', link: answer.link?.replace(/[^/]+$/, 'token'), expiresAt: 'at' });
    expect(shape(known)).toEqual(shape(unknown));
    expect(known).toMatchObject({ email: registered.email, role: 'editor', emailed: false });
    expect(Object.keys(await rolesOf(owner, team.project.id))).not.toContain(registered.id);
    await (await callerFor(deps, registered)).project.acceptInvite({ token: inviteTokenOf(known.link!) });
    expect((await rolesOf(owner, team.project.id))[registered.id]).toBe('editor');
  });

  it('project.addMember: inviting a current member is a CONFLICT and keeps their role', async () => {
    const error = await rejection(
      owner.project.addMember({ projectId: team.project.id, email: team.users.viewer.email, role: 'editor' }),
      'CONFLICT',
    );
    expect(error.message).toBe(`${team.users.viewer.name} is already a member of this project.`);
    expect((await rolesOf(owner, team.project.id))[team.users.viewer.id]).toBe('viewer');
  });
});

describe('project.setRole', () => {
  it('project.setRole: demoting the last owner is PRECONDITION_FAILED and changes nothing', async () => {
    const team = await projectFor(deps, people, 'Sole owner');
    const owner = await team.as('owner');
    const before = await rolesOf(owner, team.project.id);
    const error = await rejection(
      owner.project.setRole({ projectId: team.project.id, userId: team.users.owner.id, role: 'editor' }),
      'PRECONDITION_FAILED',
    );
    expect(error.message).toBe('A project needs at least one owner: make someone else owner first.');
    expect(await rolesOf(owner, team.project.id)).toEqual(before);
  });

  it('project.setRole: once another member is owner, the first owner may step down', async () => {
    const team = await projectFor(deps, people, 'Handover');
    const owner = await team.as('owner');
    const projectId = team.project.id;
    expect(await owner.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' })).toMatchObject({ role: 'owner' });
    await owner.project.setRole({ projectId, userId: team.users.owner.id, role: 'viewer' });
    expect(await rolesOf(await team.as('editor'), projectId)).toEqual({
      [team.users.owner.id]: 'viewer',
      [team.users.editor.id]: 'owner',
      [team.users.viewer.id]: 'viewer',
    });
    // The former owner is now refused what only owners may do.
    await rejection(owner.project.rename({ projectId, name: 'Mine again' }), 'FORBIDDEN');
  });

  it('project.setRole: two owners stepping down at the same moment leave exactly one owner', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const team = await projectFor(deps, people, 'Race');
      const projectId = team.project.id;
      const first = await team.as('owner');
      await first.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' });
      const second = await team.as('editor');
      const outcomes = await Promise.allSettled([
        first.project.setRole({ projectId, userId: team.users.owner.id, role: 'editor' }),
        second.project.setRole({ projectId, userId: team.users.editor.id, role: 'editor' }),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const roles = await rolesOf(await team.as('viewer'), projectId);
      expect(Object.values(roles).filter((r) => r === 'owner')).toHaveLength(1);
    }
  });

  // Needs two connections, so real Postgres: PGlite runs one transaction at a time.
  it.skipIf(!process.env.DATABASE_URL)('project.setRole: an owner demoted while their change waits for the member lock is refused (the role is read again under the lock)', async () => {
    const team = await projectFor(deps, people, 'Demoted');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    await owner.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' });
    const demoted = await team.as('editor');
    let change: Promise<unknown> | undefined;
    await deps.db.transaction(async (tx) => {
      await tx.select({ id: project.id }).from(project).where(eq(project.id, projectId)).for('update');
      // Their call passes the procedure's role check, then waits for the project row.
      change = demoted.project.setRole({ projectId, userId: team.users.viewer.id, role: 'owner' }).catch((error: unknown) => error);
      await vi.waitFor(async () => {
        // On postgres.js (this test runs only there) a raw query's result is its array of rows.
        const waiting = (await tx.execute(sql`select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`)) as unknown as unknown[];
        expect(waiting.length).toBe(1);
      }, { timeout: 10_000, interval: 20 });
      await tx.update(projectMember).set({ role: 'editor' }).where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, team.users.editor.id)));
    });
    expect(await change).toMatchObject({ code: 'FORBIDDEN' });
    expect((await rolesOf(owner, projectId))[team.users.viewer.id]).toBe('viewer');
  });

  it.skipIf(!process.env.DATABASE_URL)('project.removeMember: an owner demoted while their removal waits for the member lock is refused (the role is read again under the lock)', async () => {
    const team = await projectFor(deps, people, 'Demoted remover');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    await owner.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' });
    const demoted = await team.as('editor');
    let removal: Promise<unknown> | undefined;
    await deps.db.transaction(async (tx) => {
      await tx.select({ id: project.id }).from(project).where(eq(project.id, projectId)).for('update');
      // Their call passes the procedure's owner check, then waits for the project row.
      removal = demoted.project.removeMember({ projectId, userId: team.users.viewer.id }).catch((error: unknown) => error);
      await vi.waitFor(async () => {
        const waiting = (await tx.execute(sql`select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`)) as unknown as unknown[];
        expect(waiting.length).toBe(1);
      }, { timeout: 10_000, interval: 20 });
      await tx.update(projectMember).set({ role: 'editor' }).where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, team.users.editor.id)));
    });
    expect(await removal).toMatchObject({ code: 'FORBIDDEN' });
    expect((await rolesOf(owner, projectId))[team.users.viewer.id]).toBe('viewer');
  });

  it('project.removeMember: two owners leaving at the same moment leave exactly one owner', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const team = await projectFor(deps, people, 'Exodus');
      const projectId = team.project.id;
      const first = await team.as('owner');
      await first.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' });
      const second = await team.as('editor');
      const outcomes = await Promise.allSettled([
        first.project.removeMember({ projectId, userId: team.users.owner.id }),
        second.project.removeMember({ projectId, userId: team.users.editor.id }),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const roles = await rolesOf(await team.as('viewer'), projectId);
      expect(Object.values(roles).filter((r) => r === 'owner')).toHaveLength(1);
    }
  });

  it('project.setRole: someone who is not a member is NOT_FOUND', async () => {
    const team = await projectFor(deps, people, 'Outsider');
    const error = await rejection(
      (await team.as('owner')).project.setRole({ projectId: team.project.id, userId: team.users.stranger.id, role: 'editor' }),
      'NOT_FOUND',
    );
    expect(error.message).toBe('That person is not a member of this project.');
  });
});

describe('project.removeMember', () => {
  let team: Team;
  const callers = {} as Record<Persona, Caller>;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Leaving');
    for (const persona of ['owner', 'editor', 'viewer', 'stranger'] as const) callers[persona] = await team.as(persona);
  });

  it('project.removeMember: the last owner cannot leave, and stays owner', async () => {
    const error = await rejection(
      callers.owner.project.removeMember({ projectId: team.project.id, userId: team.users.owner.id }),
      'PRECONDITION_FAILED',
    );
    expect(error.message).toBe('The last owner cannot leave the project: make someone else owner first.');
    expect((await rolesOf(callers.owner, team.project.id))[team.users.owner.id]).toBe('owner');
  });

  it('project.removeMember: a viewer may leave, and then no longer sees the project', async () => {
    const left = await callers.viewer.project.removeMember({ projectId: team.project.id, userId: team.users.viewer.id });
    expect(left).toEqual({ userId: team.users.viewer.id, removed: true });
    await rejection(callers.viewer.project.get({ projectId: team.project.id }), 'NOT_FOUND');
    expect((await callers.viewer.project.list()).map((p) => p.id)).not.toContain(team.project.id);
  });

  it('project.removeMember: an owner removes an editor, who then gets NOT_FOUND', async () => {
    await callers.owner.project.removeMember({ projectId: team.project.id, userId: team.users.editor.id });
    await rejection(callers.editor.project.get({ projectId: team.project.id }), 'NOT_FOUND');
    await rejection(callers.editor.raid.list({ projectId: team.project.id }), 'NOT_FOUND');
    expect(Object.keys(await rolesOf(callers.owner, team.project.id))).toEqual([team.users.owner.id]);
  });

  it('project.removeMember: removing someone who is not a member is NOT_FOUND', async () => {
    await rejection(callers.owner.project.removeMember({ projectId: team.project.id, userId: team.users.stranger.id }), 'NOT_FOUND');
  });

  it('project.removeMember: one of two owners may leave', async () => {
    const second = await createUser(deps.auth, 'Second owner');
    await addToProject(deps, team.users.owner, team.project.id, second, 'editor');
    await callers.owner.project.setRole({ projectId: team.project.id, userId: second.id, role: 'owner' });
    await (await callerFor(deps, second)).project.removeMember({ projectId: team.project.id, userId: second.id });
    expect(Object.keys(await rolesOf(callers.owner, team.project.id))).toEqual([team.users.owner.id]);
  });
});

describe('bad input', () => {
  let team: Team;
  let owner: Caller;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Input');
    owner = await team.as('owner');
  });

  /** A readable message names the field and is not a JSON dump of validation issues. */
  async function readableBadRequest(call: Promise<unknown>, field: string) {
    const error = await rejection(call, 'BAD_REQUEST');
    expect(error.message).toContain(field);
    expect(error.message).not.toContain('[{');
    expect(error.message).not.toContain('"code"');
    return error.message;
  }

  it('project.create: an empty name is a BAD_REQUEST saying the name is required', async () => {
    expect(await readableBadRequest(owner.project.create({ name: '  ' }), 'name')).toBe('name: name is required');
  });

  it('project.create: a name over 120 characters is a BAD_REQUEST', async () => {
    expect(await readableBadRequest(owner.project.create({ name: 'x'.repeat(121) }), 'name')).toBe(
      'name: name must be at most 120 characters',
    );
  });

  it('project.create: a workspace id that is not a uuid is a BAD_REQUEST', async () => {
    expect(await readableBadRequest(owner.project.create({ workspaceId: 'ws-1', name: 'A' }), 'workspaceId')).toBe(
      'workspaceId: workspaceId must be a workspace id',
    );
  });

  it('project.get: a project id that is not a uuid is a BAD_REQUEST', async () => {
    expect(await readableBadRequest(owner.project.get({ projectId: 'not-a-uuid' }), 'projectId')).toBe(
      'projectId: projectId must be a project id',
    );
  });

  it('project.rename: an empty name is a BAD_REQUEST and the name is kept', async () => {
    await readableBadRequest(owner.project.rename({ projectId: team.project.id, name: '' }), 'name');
    expect((await owner.project.get({ projectId: team.project.id })).name).toBe(team.project.name);
  });

  it('project.addMember: a malformed email is a BAD_REQUEST', async () => {
    expect(
      await readableBadRequest(owner.project.addMember({ projectId: team.project.id, email: 'not-an-email', role: 'viewer' }), 'email'),
    ).toBe('email: email must be an email address');
  });

  it("project.setRole: the role 'admin' is a BAD_REQUEST listing the roles", async () => {
    const message = await readableBadRequest(
      // @ts-expect-error: 'admin' is not a role, which is the point
      owner.project.setRole({ projectId: team.project.id, userId: team.users.editor.id, role: 'admin' }),
      'role',
    );
    expect(message).toBe('role: role must be owner, editor or viewer');
  });

  it('raid.list: a likelihood of 9 is a BAD_REQUEST', async () => {
    await readableBadRequest(owner.raid.list({ projectId: team.project.id, likelihood: 9 }), 'likelihood');
  });

  it('every problem of one input is listed', async () => {
    const message = await readableBadRequest(
      // @ts-expect-error: both fields are wrong on purpose
      owner.project.addMember({ projectId: team.project.id, email: 'x', role: 'admin' }),
      'email',
    );
    expect(message).toContain('role');
  });
});
