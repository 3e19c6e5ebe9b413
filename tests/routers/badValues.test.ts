// Bad values through the API (issue 13, point 1): text Postgres cannot store (a NUL character, a
// lone surrogate) is refused with a clear BAD_REQUEST, a year-0 date is refused, and none of it ever
// freezes the projection: a good item sent afterwards is listed. Byte order marks that start a value
// are stripped, so it reads back the same on Postgres and on PGlite (which would drop them).
import { beforeAll, describe, expect, it } from 'vitest';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';
import { updateContent } from '../status/support';

const deps = useRouterDeps();
let people: People;
let team: Team;
let editor: Awaited<ReturnType<Team['as']>>;
beforeAll(async () => {
  people = await createPeople(deps);
  team = await projectFor(deps, people, 'BadValues');
  editor = await team.as('editor');
});

async function listedTitles() {
  await deps.live.flushProjections();
  return (await editor.raid.list({ projectId: team.project.id })).map((i) => i.title);
}

describe('raid.importCsv with values Postgres cannot store', () => {
  it('raid.importCsv: a NUL character in a cell is refused with a clear 400, and the log keeps projecting', async () => {
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: 'title,description\nBad\u0000title,x\n' }), 'BAD_REQUEST');
    expect(error.message).toContain('csv: must not contain a NUL character');
    await editor.raid.importCsv({ projectId: team.project.id, csv: 'title\nGood after NUL\n' });
    expect(await listedTitles()).toContain('Good after NUL');
    expect(await listedTitles()).not.toContain('Bad\u0000title');
  });

  it('raid.importCsv: a lone surrogate is refused with a clear 400', async () => {
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: 'title\nHalf an emoji \uD83D\n' }), 'BAD_REQUEST');
    expect(error.message).toContain('lone surrogate');
  });

  it('raid.importCsv: a due date in year 0 is refused with its line, and the log keeps projecting', async () => {
    await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: 'title,due_date\nYear zero,0000-01-01\n' }), 'BAD_REQUEST');
    await editor.raid.importCsv({ projectId: team.project.id, csv: 'title\nGood after year zero\n' });
    expect(await listedTitles()).toContain('Good after year zero');
  });
});

describe('plan.saveBaseline with values Postgres cannot store', () => {
  it('plan.saveBaseline: a NUL in the name is refused with a clear 400, and the next baseline is saved and listed', async () => {
    const error = await rejection(editor.plan.saveBaseline({ projectId: team.project.id, name: 'Q1\u0000' }), 'BAD_REQUEST');
    expect(error.message).toBe('name: must not contain a NUL character (\\u0000)');
    await editor.plan.saveBaseline({ projectId: team.project.id, name: 'Q1 agreed' });
    await deps.live.flushProjections();
    const plan = await editor.plan.get({ projectId: team.project.id });
    expect(plan.baselines.map((b) => b.name)).toEqual(['Q1 agreed']);
  });
});

describe('byte order marks at the start of a value', () => {
  it('status.saveDraft: leading byte order marks are stripped, one inside is kept, and the text reads back the same on either database', async () => {
    const projectId = team.project.id;
    const draft = await editor.status.createDraft({ projectId });
    const content = updateContent({ summary: '\uFEFF\uFEFFPasted from a file\uFEFF with a BOM.', asks: '\uFEFF' });
    const saved = await editor.status.saveDraft({ projectId, updateId: draft.id, content, baseRevision: draft.revision });
    const stored = await editor.status.get({ projectId, updateId: saved.id });
    expect(stored.summary).toBe('Pasted from a file\uFEFF with a BOM.');
    expect(stored.asks).toBe('');
    await editor.status.discardDraft({ projectId, updateId: saved.id });
  });

  it('raid.importCsv: a file starting with byte order marks imports, its header and cells without them', async () => {
    await editor.raid.importCsv({ projectId: team.project.id, csv: '\uFEFF\uFEFFtitle,description\nFrom a BOM file,\uFEFF\uFEFFFirst\uFEFFline\n' });
    await deps.live.flushProjections();
    const item = (await editor.raid.list({ projectId: team.project.id })).find((i) => i.title === 'From a BOM file');
    expect(item?.description).toBe('First\uFEFFline');
  });
});

describe('projectionIssues', () => {
  it('raid.projectionIssues and plan.projectionIssues: empty for a healthy board; editors and owners may read them, viewers may not', async () => {
    const owner = await team.as('owner');
    expect(await owner.raid.projectionIssues({ projectId: team.project.id })).toEqual([]);
    expect(await editor.plan.projectionIssues({ projectId: team.project.id })).toEqual([]);
    const viewer = await team.as('viewer');
    await rejection(viewer.raid.projectionIssues({ projectId: team.project.id }), 'FORBIDDEN');
  });
});
