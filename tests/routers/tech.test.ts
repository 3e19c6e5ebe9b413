// tech.*: the inventory across the roles (owner, editor, viewer, stranger), stale edits, ring
// history and the radar review, manifest imports (preview, add/update/same, never a duplicate, bad
// files writing nothing), alerts, the licence deny list and the workspace radar.
import { beforeAll, describe, expect, it } from 'vitest';
import { staleTechItemMessage } from '@/server/routers/tech';
import { readOnlyResourcesMessage } from '@/server/trpc';
import { techRiskPrefill } from '@/server/domain/techRiskDraft';
import { addRisks } from '../status/support';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
let people: People;
let team: Team;
type Caller = Awaited<ReturnType<Team['as']>>;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let stranger: Caller;

beforeAll(async () => {
  people = await createPeople(deps);
  team = await projectFor(deps, people, 'Tech');
  [owner, editor, viewer, stranger] = await Promise.all((['owner', 'editor', 'viewer', 'stranger'] as const).map((p) => team.as(p)));
});

const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A project of its own (same people, same workspace) for tests that count everything in it. */
async function freshProject(name = 'Tech') {
  const fresh = await projectFor(deps, people, name);
  return { projectId: fresh.project.id, workspaceId: fresh.project.workspaceId, team: fresh, as: fresh.as };
}

describe('tech inventory', () => {
  it('tech.upsert: the owner adds an item with every field; tech.list shows it to a viewer with the defaults filled in', async () => {
    const projectId = team.project.id;
    const name = `PostgreSQL ${uniqueSuffix()}`;
    const { id, revision } = await owner.tech.upsert({
      projectId,
      name: `  ${name}  `,
      kind: 'software',
      version: '12.17',
      latestVersion: '17.2',
      eolDate: '2024-11-14',
      ownerId: team.users.editor.id,
      ownerName: 'Platform team',
      licence: 'PostgreSQL',
      costPerMonthCents: 45_000,
      fitNotes: 'Fine for our load',
      stakeholderNote: 'Our main database; an upgrade is planned.',
      isPublic: true,
      ringReason: 'Chosen at kick-off',
    });
    expect(revision).toBe(1);
    const item = (await viewer.tech.list({ projectId })).find((row) => row.id === id);
    expect(item).toMatchObject({
      id,
      name,
      kind: 'software',
      ecosystem: null,
      source: 'manual',
      version: '12.17',
      latestVersion: '17.2',
      eolDate: '2024-11-14',
      ownerId: team.users.editor.id,
      ownerMemberName: team.users.editor.name,
      ownerName: 'Platform team',
      licence: 'PostgreSQL',
      costPerMonthCents: 45_000,
      fitNotes: 'Fine for our load',
      stakeholderNote: 'Our main database; an upgrade is planned.',
      isPublic: true,
      // A software item sits among the platforms and starts in "assess" unless told otherwise.
      quadrant: 'platforms',
      ring: 'assess',
      ringChangedAt: null,
      revision: 1,
      movedSinceReview: false,
      addedSinceReview: false,
    });
    const history = await viewer.tech.history({ projectId, id });
    expect(history).toMatchObject([{ fromRing: null, toRing: 'assess', reason: 'Chosen at kick-off', changedById: team.users.owner.id, changedByName: team.users.owner.name }]);
  });

  it('tech: an editor changes the inventory; a viewer reads only; a stranger is told nothing; refused writes change nothing', async () => {
    const projectId = team.project.id;
    const { id, revision } = await editor.tech.upsert({ projectId, name: `Redis ${uniqueSuffix()}`, kind: 'service', version: '7.2' });
    const before = await owner.tech.list({ projectId });
    await rejection(viewer.tech.upsert({ projectId, name: 'Sneaky', kind: 'tool' }), 'FORBIDDEN');
    await rejection(viewer.tech.upsert({ projectId, id, revision, ring: 'hold' }), 'FORBIDDEN');
    await rejection(viewer.tech.remove({ projectId, id }), 'FORBIDDEN');
    await rejection(viewer.tech.markReviewed({ projectId }), 'FORBIDDEN');
    await rejection(viewer.tech.importManifest({ projectId, fileName: 'package.json', content: '{"dependencies":{"left-pad":"1.3.0"}}' }), 'FORBIDDEN');
    await rejection(viewer.tech.checkVersions({ projectId }), 'FORBIDDEN');
    await rejection(stranger.tech.list({ projectId }), 'NOT_FOUND');
    await rejection(stranger.tech.alerts({ projectId }), 'NOT_FOUND');
    await rejection(stranger.tech.history({ projectId, id }), 'NOT_FOUND');
    await rejection(stranger.tech.upsert({ projectId, id, revision, ring: 'hold' }), 'NOT_FOUND');
    await rejection(stranger.tech.remove({ projectId, id }), 'NOT_FOUND');
    await rejection(stranger.tech.importManifest({ projectId, fileName: 'package.json', content: '{"dependencies":{"left-pad":"1.3.0"}}' }), 'NOT_FOUND');
    expect(await owner.tech.list({ projectId })).toEqual(before);
    expect(await owner.tech.review({ projectId })).toMatchObject({ lastReviewedAt: null });
  });

  it('tech.upsert: a stale revision is refused with CONFLICT and the item keeps the newer edit', async () => {
    const projectId = team.project.id;
    const { id } = await owner.tech.upsert({ projectId, name: `Terraform ${uniqueSuffix()}`, kind: 'tool', version: '1.5' });
    const first = await editor.tech.upsert({ projectId, id, revision: 1, version: '1.6' });
    expect(first.revision).toBe(2);
    const stale = await rejection(owner.tech.upsert({ projectId, id, revision: 1, version: '1.4' }), 'CONFLICT');
    expect(stale.message).toBe(staleTechItemMessage);
    await rejection(owner.tech.upsert({ projectId, id, version: '1.4' }), 'BAD_REQUEST');
    const item = (await owner.tech.list({ projectId })).find((row) => row.id === id);
    expect(item).toMatchObject({ version: '1.6', revision: 2 });
  });

  it('tech.upsert: bad values are refused with a message naming the field; nothing is written', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ', kind: 'tool' }, 'name: is required'],
      [{ kind: 'tool' }, 'name: is required for a new item'],
      [{ name: 'Thing' }, 'kind: is required for a new item'],
      [{ name: 'Thing', kind: 'gadget' }, 'kind: must be one of software, library, service, hardware, tool'],
      [{ name: 'Thing', kind: 'tool', ring: 'maybe' }, 'ring: must be one of adopt, trial, assess, hold'],
      [{ name: 'Thing', kind: 'tool', quadrant: 'misc' }, 'quadrant: must be one of techniques, platforms, tools, languages-frameworks'],
      [{ name: 'Thing', kind: 'tool', eolDate: '2024-02-30' }, 'eolDate: must be a date like 2026-12-31'],
      [{ name: 'Thing', kind: 'tool', costPerMonthCents: -1 }, 'costPerMonthCents: cannot be negative'],
      [{ name: 'Thing', kind: 'tool', costPerMonthCents: 1.5 }, 'costPerMonthCents: must be whole cents'],
      [{ name: 'x'.repeat(301), kind: 'tool' }, 'name: must be at most 300 characters'],
      [{ name: 'Thing', kind: 'tool', stakeholderNote: 'x'.repeat(4001) }, 'stakeholderNote: must be at most 4000 characters'],
    ];
    for (const [fields, message] of cases) {
      const refused = await rejection(me.tech.upsert({ projectId, ...fields } as never), 'BAD_REQUEST');
      expect(refused.message).toBe(message);
    }
    // Someone who is not a member cannot own an item (as if no such account existed).
    const notMember = await rejection(me.tech.upsert({ projectId, name: 'Thing', kind: 'tool', ownerId: team.users.stranger.id }), 'NOT_FOUND');
    expect(notMember.message).toBe('ownerId: no member of this project has this id');
    expect(await me.tech.list({ projectId })).toEqual([]);
  });

  it('tech.upsert: a name and ecosystem already in the inventory is a CONFLICT, not a second item', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    const first = await me.tech.upsert({ projectId, name: 'react', kind: 'library', ecosystem: 'npm' });
    const again = await rejection(me.tech.upsert({ projectId, name: 'react', kind: 'library', ecosystem: 'npm' }), 'CONFLICT');
    expect(again.message).toContain('“react” (npm) is already in this project');
    // The same name by hand (no ecosystem) is another item; renaming onto a taken identity is refused.
    const manual = await me.tech.upsert({ projectId, name: 'react', kind: 'library' });
    const moved = await rejection(me.tech.upsert({ projectId, id: manual.id, revision: manual.revision, ecosystem: 'npm' }), 'CONFLICT');
    expect(moved.message).toBe("“react” (npm) is already in this project's inventory; change that item instead.");
    // Renaming onto a taken name is refused the same way, with the same words.
    const vue = await me.tech.upsert({ projectId, name: 'vue', kind: 'library', ecosystem: 'npm' });
    const renamed = await rejection(me.tech.upsert({ projectId, id: vue.id, revision: vue.revision, name: 'react' }), 'CONFLICT');
    expect(renamed.message).toBe("“react” (npm) is already in this project's inventory; change that item instead.");
    expect((await me.tech.list({ projectId })).map((item) => [item.id, item.name, item.ecosystem])).toEqual([
      [manual.id, 'react', null],
      [first.id, 'react', 'npm'],
      [vue.id, 'vue', 'npm'],
    ]);
  });

  it('tech: a ring move is kept with who and why; after markReviewed only later moves show as moved', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    const them = await as('editor');
    const moment = await me.tech.upsert({ projectId, name: 'moment', kind: 'library', ecosystem: 'npm', ring: 'adopt' });
    const lodash = await me.tech.upsert({ projectId, name: 'lodash', kind: 'library', ecosystem: 'npm', ring: 'adopt' });
    const { lastReviewedAt } = await me.tech.markReviewed({ projectId });
    const moved = await them.tech.upsert({ projectId, id: moment.id, revision: moment.revision, ring: 'hold', ringReason: 'Unmaintained; use date-fns' });
    // Same ring again: no move, no history row.
    await them.tech.upsert({ projectId, id: lodash.id, revision: lodash.revision, ring: 'adopt', version: '4.17.21' });
    const items = await (await as('viewer')).tech.list({ projectId });
    expect(items.find((item) => item.id === moment.id)).toMatchObject({ ring: 'hold', movedSinceReview: true, revision: moved.revision });
    expect(items.find((item) => item.id === lodash.id)).toMatchObject({ ring: 'adopt', movedSinceReview: false, ringChangedAt: null });
    expect(await me.tech.history({ projectId, id: moment.id })).toMatchObject([
      { fromRing: 'adopt', toRing: 'hold', reason: 'Unmaintained; use date-fns', changedById: team.users.editor.id },
      { fromRing: null, toRing: 'adopt', changedById: team.users.owner.id },
    ]);
    expect(await me.tech.history({ projectId, id: lodash.id })).toHaveLength(1);
    const review = await me.tech.review({ projectId });
    expect(review).toEqual({ lastReviewedAt, lastReviewedByName: team.users.owner.name, movedSinceReview: 1, addedSinceReview: 0 });
    await me.tech.markReviewed({ projectId });
    expect((await me.tech.list({ projectId })).some((item) => item.movedSinceReview)).toBe(false);
  });

  it('tech.remove: removes the item and its history; another call is NOT_FOUND', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('editor');
    const { id } = await me.tech.upsert({ projectId, name: 'Datadog', kind: 'service' });
    expect(await me.tech.remove({ projectId, id })).toEqual({ id });
    expect(await me.tech.list({ projectId })).toEqual([]);
    await rejection(me.tech.remove({ projectId, id }), 'NOT_FOUND');
    await rejection(me.tech.history({ projectId, id }), 'NOT_FOUND');
  });
});

describe('tech.importManifest', () => {
  const packageJson = JSON.stringify(
    { name: 'web', version: '1.0.0', dependencies: { next: '^16.0.0', react: '^19.0.0', moment: '^2.29.4' }, devDependencies: { vitest: '^4.1.0' } },
    null,
    2,
  );
  const lock = JSON.stringify({
    name: 'web',
    lockfileVersion: 3,
    packages: {
      '': { name: 'web' },
      'node_modules/next': { version: '16.4.6' },
      'node_modules/react': { version: '19.3.1' },
      'node_modules/moment': { version: '2.30.1' },
      'node_modules/vitest': { version: '4.1.12' },
    },
  });

  it('a preview writes nothing and lists each change; applying adds the items; a second import updates or leaves them, never duplicating', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('editor');
    const preview = await me.tech.importManifest({ projectId, fileName: 'web/package.json', content: packageJson, preview: true });
    expect(preview).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      items: [
        { name: 'next', ecosystem: 'npm', version: '^16.0.0', currentVersion: null, change: 'add' },
        { name: 'react', ecosystem: 'npm', version: '^19.0.0', currentVersion: null, change: 'add' },
        { name: 'moment', ecosystem: 'npm', version: '^2.29.4', currentVersion: null, change: 'add' },
        { name: 'vitest', ecosystem: 'npm', version: '^4.1.0', currentVersion: null, change: 'add' },
      ],
    });
    expect(await me.tech.list({ projectId })).toEqual([]);

    expect(await me.tech.importManifest({ projectId, fileName: 'package.json', content: packageJson })).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const items = await me.tech.list({ projectId });
    expect(items.map((item) => [item.name, item.version, item.kind, item.ecosystem, item.source, item.ring, item.quadrant])).toEqual([
      ['moment', '^2.29.4', 'library', 'npm', 'package.json', 'adopt', 'languages-frameworks'],
      ['next', '^16.0.0', 'library', 'npm', 'package.json', 'adopt', 'languages-frameworks'],
      ['react', '^19.0.0', 'library', 'npm', 'package.json', 'adopt', 'languages-frameworks'],
      ['vitest', '^4.1.0', 'library', 'npm', 'package.json', 'adopt', 'languages-frameworks'],
    ]);
    // Moved to hold by hand: the import keeps the ring and the notes, and updates the version only.
    const moment = items.find((item) => item.name === 'moment')!;
    await me.tech.upsert({ projectId, id: moment.id, revision: moment.revision, ring: 'hold', fitNotes: 'Replace with date-fns' });

    const withLock = await me.tech.importManifest({ projectId, fileName: 'package.json', content: packageJson, lockContent: lock, preview: true });
    expect(withLock.items!.map((item) => [item.name, item.version, item.currentVersion, item.change])).toEqual([
      ['next', '16.4.6', '^16.0.0', 'update'],
      ['react', '19.3.1', '^19.0.0', 'update'],
      ['moment', '2.30.1', '^2.29.4', 'update'],
      ['vitest', '4.1.12', '^4.1.0', 'update'],
    ]);
    expect(await me.tech.importManifest({ projectId, fileName: 'package.json', content: packageJson, lockContent: lock })).toEqual({ added: 0, updated: 4, unchanged: 0 });
    expect(await me.tech.importManifest({ projectId, fileName: 'package.json', content: packageJson, lockContent: lock })).toEqual({ added: 0, updated: 0, unchanged: 4 });
    const after = await me.tech.list({ projectId });
    expect(after).toHaveLength(4);
    expect(after.find((item) => item.id === moment.id)).toMatchObject({ version: '2.30.1', ring: 'hold', fitNotes: 'Replace with date-fns' });
  });

  it('each ecosystem keeps its own items: a requirements.txt, a go.mod and a pom.xml add theirs beside npm', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    await me.tech.importManifest({ projectId, fileName: 'package.json', content: '{"dependencies":{"requests":"1.0.0"}}' });
    expect(await me.tech.importManifest({ projectId, fileName: 'requirements.txt', content: 'Requests==2.31.0\nDjango>=4.2,<5\n' })).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await me.tech.importManifest({ projectId, fileName: 'go.mod', content: 'module x\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n' })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const pom = '<project><dependencies><dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.9</version></dependency></dependencies></project>';
    expect(await me.tech.importManifest({ projectId, fileName: 'pom.xml', content: pom })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const items = await me.tech.list({ projectId });
    expect(items.map((item) => `${item.ecosystem}:${item.name}@${item.version}`).sort()).toEqual([
      'go:github.com/gin-gonic/gin@v1.9.1',
      'maven:org.slf4j:slf4j-api@2.0.9',
      'npm:requests@1.0.0',
      'pypi:django@>=4.2,<5',
      'pypi:requests@2.31.0',
    ]);
  });

  it('a manifest that does not parse, an unknown file, over 2 MB or naming 10,000 dependencies: a clear error and nothing written', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    const cases: [{ fileName: string; content: string; lockContent?: string }, RegExp][] = [
      [{ fileName: 'package.json', content: '{\n  "dependencies": {\n    "a": "1.0.0",\n  }\n}' }, /^package\.json line 4: not valid JSON/],
      [{ fileName: 'requirements.txt', content: 'requests==2.31.0\nflask bad\n' }, /^requirements\.txt line 2: cannot read the version “bad” of “flask”/],
      [{ fileName: 'go.mod', content: 'module x\nrequire (\n  golang.org/x/net v0.17.0\n' }, /^go\.mod line 2: the require block opened here is never closed/],
      [{ fileName: 'pom.xml', content: '<project>\n<dependencies>\n<dependency>\n</project>' }, /^pom\.xml line \d+: not well-formed XML/],
      [{ fileName: 'Gemfile', content: "gem 'rails'" }, /is not a manifest Waymark reads/],
      [{ fileName: 'package.json', content: `{"dependencies":{"a":"1.0.0"},"description":"${'x'.repeat(2 * 1024 * 1024)}"}` }, /^content: must be at most 2 MB$/],
      [{ fileName: 'package.json', content: `{"description":"${'é'.repeat(1024 * 1024 + 10)}"}` }, /^package\.json is 2\.0 MB; the limit is 2 MB$/],
      [
        { fileName: 'requirements.txt', content: Array.from({ length: 10_000 }, (_, i) => `pkg-${i}==1.0.${i}`).join('\n') },
        /^requirements\.txt names 10,000 dependencies; an import takes fewer than 10,000$/,
      ],
      [{ fileName: 'package.json', content: '{"dependencies":{"a":"1"}}', lockContent: '{"lockfileVersion":3}' }, /^package-lock\.json: has neither "packages"/],
    ];
    for (const [input, message] of cases) {
      for (const preview of [true, false]) {
        const refused = await rejection(me.tech.importManifest({ projectId, ...input, preview }), 'BAD_REQUEST');
        expect(refused.message).toMatch(message);
      }
    }
    expect(await me.tech.list({ projectId })).toEqual([]);
  });

  it('9,999 dependencies import in one go', { timeout: 60_000 }, async () => {
    const { projectId, as } = await freshProject();
    const me = await as('owner');
    const content = Array.from({ length: 9_999 }, (_, i) => `pkg-${i}==1.0.${i}`).join('\n');
    expect(await me.tech.importManifest({ projectId, fileName: 'requirements.txt', content })).toEqual({ added: 9_999, updated: 0, unchanged: 0 });
    expect(await me.tech.list({ projectId })).toHaveLength(9_999);
  });
});

describe('tech alerts, deny list and radar', () => {
  it('tech.alerts: end of life past and soon, a newer major, a hold item and a denied licence, each with a plain message and a risk title', async () => {
    const { projectId, workspaceId, as } = await freshProject();
    const me = await as('owner');
    const pg = await me.tech.upsert({ projectId, name: 'PostgreSQL', kind: 'software', version: '12', latestVersion: '17.2', eolDate: isoDaysFromToday(-30) });
    const node = await me.tech.upsert({ projectId, name: 'Node.js', kind: 'software', version: '20.19.0', eolDate: isoDaysFromToday(45) });
    const moment = await me.tech.upsert({ projectId, name: 'moment', kind: 'library', ecosystem: 'npm', version: '2.30.1', ring: 'hold' });
    const mongo = await me.tech.upsert({ projectId, name: 'MongoDB', kind: 'software', licence: 'SSPL-1.0' });
    await me.tech.upsert({ projectId, name: 'Redis', kind: 'service', version: '7.2', latestVersion: '7.4', eolDate: isoDaysFromToday(400) });
    await me.tech.setDenyList({ workspaceId, licences: ['sspl-1.0', 'AGPL-3.0'] });
    const alerts = await (await as('viewer')).tech.alerts({ projectId });
    expect(alerts.map((a) => [a.itemId, a.kind])).toEqual([
      [pg.id, 'eol_past'],
      [mongo.id, 'licence_denied'],
      [node.id, 'eol_soon'],
      [moment.id, 'hold_in_use'],
      [pg.id, 'major_behind'],
    ]);
    expect(alerts[0]!.message).toMatch(/^PostgreSQL 12 reached its end of life on .*: it no longer gets security fixes\.$/);
    expect(alerts[2]!.message).toMatch(/^Node\.js 20\.19\.0 reaches its end of life in 45 days/);
    expect(alerts[4]).toMatchObject({ itemName: 'PostgreSQL', riskTitle: 'PostgreSQL is 5 major versions behind (12 in use, 17 out)' });
    expect(alerts[1]!.message).toBe('MongoDB is licensed under SSPL-1.0, which the workspace does not allow (sspl-1.0).');
  });

  it('tech.alerts: an alert whose drafted risk is on the board names it (riskId); the same item\'s other alerts do not', async () => {
    const { projectId, team: fresh, as } = await freshProject();
    const me = await as('owner');
    await me.tech.upsert({ projectId, name: 'Angular.js', kind: 'library', version: '1.8.3', ring: 'hold', eolDate: isoDaysFromToday(-100) });
    const before = await me.tech.alerts({ projectId });
    expect(before.map((a) => [a.kind, a.riskId])).toEqual([
      ['eol_past', null],
      ['hold_in_use', null],
    ]);
    const held = before.find((a) => a.kind === 'hold_in_use')!;
    // Saved from the draft, then retyped in another case with spaces around: still that alert's risk.
    await addRisks(deps, fresh, [
      { id: 'R-other', fields: { title: 'Technical: something else entirely', category: 'Technology' } },
      { id: 'R-held', fields: { title: `  ${techRiskPrefill(projectId, held).title.toUpperCase()} `, category: 'Technology' } },
    ]);
    const after = await (await as('viewer')).tech.alerts({ projectId });
    expect(after.map((a) => [a.kind, a.riskId])).toEqual([
      ['eol_past', null],
      ['hold_in_use', 'R-held'],
    ]);
  });

  it('tech.setDenyList: trimmed, one of each; an editor of a project may set it, a viewer reads it, a stranger is told nothing', async () => {
    const { workspaceId } = await freshProject();
    expect(await editor.tech.setDenyList({ workspaceId, licences: [' AGPL-3.0 ', 'agpl-3.0', 'SSPL-1.0'] })).toEqual({ licences: ['AGPL-3.0', 'SSPL-1.0'] });
    expect(await viewer.tech.denyList({ workspaceId })).toEqual({ licences: ['AGPL-3.0', 'SSPL-1.0'], canEdit: false });
    const refused = await rejection(viewer.tech.setDenyList({ workspaceId, licences: [] }), 'FORBIDDEN');
    expect(refused.message).toBe(readOnlyResourcesMessage);
    await rejection(stranger.tech.denyList({ workspaceId }), 'NOT_FOUND');
    await rejection(stranger.tech.setDenyList({ workspaceId, licences: [] }), 'NOT_FOUND');
    await rejection(owner.tech.setDenyList({ workspaceId, licences: [''] }), 'BAD_REQUEST');
    expect((await owner.tech.denyList({ workspaceId })).licences).toEqual(['AGPL-3.0', 'SSPL-1.0']);
  });

  it('tech.radar: one blip per technology with the projects using it; a hold item in a live project stands out, in an archived one it does not', async () => {
    const me = await team.as('owner');
    const workspace = await me.workspace.create({ name: `Radar ${uniqueSuffix()}` });
    const web = await me.project.create({ workspaceId: workspace.id, name: 'Web shop' });
    const api = await me.project.create({ workspaceId: workspace.id, name: 'API' });
    const old = await me.project.create({ workspaceId: workspace.id, name: 'Old portal' });
    await me.tech.upsert({ projectId: web.id, name: 'moment', kind: 'library', ecosystem: 'npm', version: '2.29.4', ring: 'adopt' });
    await me.tech.upsert({ projectId: api.id, name: 'moment', kind: 'library', ecosystem: 'npm', version: '2.30.1', ring: 'hold' });
    await me.tech.upsert({ projectId: old.id, name: 'jQuery', kind: 'library', ecosystem: 'npm', ring: 'hold' });
    await me.tech.upsert({ projectId: web.id, name: 'PostgreSQL', kind: 'software', ring: 'adopt' });
    await me.tech.upsert({ projectId: api.id, name: 'postgresql', kind: 'software', ring: 'trial' });
    await me.project.archive({ projectId: old.id });
    const radar = await me.tech.radar({ workspaceId: workspace.id });
    expect(radar.blips.map((b) => [b.key, b.ring, b.rings, b.holdInActiveProject, b.usedBy.map((u) => `${u.projectName}:${u.ring}${u.archived ? ' (archived)' : ''}`)])).toEqual([
      ['npm:moment', 'hold', ['hold', 'adopt'], true, ['API:hold', 'Web shop:adopt']],
      ['npm:jquery', 'hold', ['hold'], false, ['Old portal:hold (archived)']],
      ['manual:postgresql', 'trial', ['trial', 'adopt'], false, ['API:trial', 'Web shop:adopt']],
    ]);
    expect(radar.projects.map((p) => [p.name, p.archived, p.items, p.alerts])).toEqual([
      ['API', false, 2, 1],
      ['Old portal', true, 1, 1],
      ['Web shop', false, 2, 0],
    ]);
    await rejection(stranger.tech.radar({ workspaceId: workspace.id }), 'NOT_FOUND');
  });

  it('tech.checkVersions: without TECH_REGISTRY_URL it does nothing and says so', async () => {
    const { projectId, as } = await freshProject();
    const me = await as('editor');
    await me.tech.importManifest({ projectId, fileName: 'package.json', content: '{"dependencies":{"react":"18.2.0"}}' });
    expect(await me.tech.checkVersions({ projectId })).toEqual({ configured: false, checked: 0, answered: 0, changed: [] });
    expect((await me.tech.list({ projectId }))[0]).toMatchObject({ latestVersion: null, latestCheckedAt: null });
  });
});
