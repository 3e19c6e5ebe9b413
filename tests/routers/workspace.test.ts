// Workspaces: the personal one every user gets, and shared ones a user creates.
import { describe, expect, it } from 'vitest';
import { callerFor, createUser } from '../support/factories';
import { rejection, useRouterDeps } from './harness';

const deps = useRouterDeps();

describe('workspace router', () => {
  it('workspace.list: a new user has exactly one workspace, their personal one, which they own', async () => {
    const ada = await createUser(deps.auth, 'Ada');
    const workspaces = await (await callerFor(deps, ada)).workspace.list();
    expect(workspaces).toEqual([{ id: expect.any(String), name: `${ada.name}'s workspace`, slug: expect.any(String), role: 'owner', personal: true }]);
  });

  it('workspace.list: listing again does not create a second personal workspace', async () => {
    const as = await callerFor(deps, await createUser(deps.auth));
    const [first] = await as.workspace.list();
    const again = await as.workspace.list();
    expect(again).toEqual([first]);
  });

  it('workspace.create: the creator owns the new shared workspace and sees it listed after the personal one', async () => {
    const as = await callerFor(deps, await createUser(deps.auth));
    const created = await as.workspace.create({ name: '  Platform team  ' });
    expect(created).toMatchObject({ name: 'Platform team', personalForUserId: null });
    expect(created.slug).toMatch(/^platform-team-[0-9a-f]{6}$/);
    const listed = await as.workspace.list();
    expect(listed.map((w) => [w.name, w.role, w.personal])).toEqual([
      [expect.stringContaining("'s workspace"), 'owner', true],
      ['Platform team', 'owner', false],
    ]);
  });

  it('workspace.list: another user does not see my workspaces', async () => {
    const mine = await callerFor(deps, await createUser(deps.auth));
    const theirs = await callerFor(deps, await createUser(deps.auth));
    const created = await mine.workspace.create({ name: 'Private' });
    expect((await theirs.workspace.list()).map((w) => w.id)).not.toContain(created.id);
  });

  it('workspace.create: an empty or too long name is refused with a readable BAD_REQUEST', async () => {
    const as = await callerFor(deps, await createUser(deps.auth));
    const empty = await rejection(as.workspace.create({ name: '   ' }), 'BAD_REQUEST');
    expect(empty.message).toBe('name: name is required');
    const long = await rejection(as.workspace.create({ name: 'x'.repeat(81) }), 'BAD_REQUEST');
    expect(long.message).toBe('name: name must be at most 80 characters');
  });
});
