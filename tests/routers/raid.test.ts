// The RAID log through tRPC: CSV import (all or nothing, through the live board), the projected
// list with its filters and order, the CSV export, and each item's history.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRaidCsv } from '@/server/domain/raidCsv';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

type Caller = Awaited<ReturnType<Team['as']>>;

async function listed(as: Caller, projectId: string, filters: Omit<Parameters<Caller['raid']['list']>[0], 'projectId'> = {}) {
  await deps.live.flushProjections();
  return as.raid.list({ projectId, ...filters });
}

describe('raid.importCsv', () => {
  let team: Team;
  let owner: Caller;
  let editor: Caller;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Import');
    [owner, editor] = await Promise.all([team.as('owner'), team.as('editor')]);
  });

  it("raid.importCsv: a good file's items appear in raid.list with score and band derived", async () => {
    const csv = [
      'id,kind,title,description,owner_email,likelihood,impact,status,due_date',
      `R-1,risk,Vendor late,"Contract not signed.\nLegal is slow.",${team.users.editor.email},4,5,open,2026-06-30`,
      'R-2,issue,Build flaky,,,2,3,mitigating,',
      'R-3,assumption,Budget holds,,,,,open,',
    ].join('\n');
    expect(await editor.raid.importCsv({ projectId: team.project.id, csv })).toEqual({ created: 3, updated: 0 });
    const items = await listed(owner, team.project.id);
    expect(items.map((i) => [i.id, i.likelihood, i.impact, i.score, i.band])).toEqual([
      ['R-1', 4, 5, 20, 'critical'],
      ['R-2', 2, 3, 6, 'medium'],
      ['R-3', null, null, null, null],
    ]);
    expect(items[0]).toMatchObject({
      kind: 'risk',
      title: 'Vendor late',
      description: 'Contract not signed.\nLegal is slow.',
      ownerId: team.users.editor.id,
      status: 'open',
      dueDate: '2026-06-30',
      createdAt: expect.any(Date),
    });
    expect(items[0]).not.toHaveProperty('projectId');
  });

  it('raid.importCsv: rows with existing ids update those items and leave the columns not in the file alone', async () => {
    const result = await owner.raid.importCsv({ projectId: team.project.id, csv: 'id,likelihood,title\nR-2,5,Build flaky\nR-9,1,New one\n' });
    expect(result).toEqual({ created: 1, updated: 1 });
    const items = await listed(owner, team.project.id);
    expect(items.find((i) => i.id === 'R-2')).toMatchObject({ likelihood: 5, impact: 3, score: 15, band: 'high', status: 'mitigating' });
    expect(items.find((i) => i.id === 'R-9')).toMatchObject({ title: 'New one', likelihood: 1, impact: null, kind: 'risk', status: 'open' });
  });

  it('raid.importCsv: a file with bad rows is a BAD_REQUEST listing each bad line, and nothing is imported', async () => {
    const before = await listed(owner, team.project.id);
    const csv = [
      'id,title,description,likelihood,owner_email', // line 1
      'R-1,Vendor very late,"now', // line 2
      'spans', // line 3
      'lines",5,', // line 4
      'R-50,Bad likelihood,,7,', // line 5
      'R-51,Fine row,,2,', // line 6
      'R-52,Unknown owner,,3,eve@example.test', // line 7
      'R-50,Reused id,,1,', // line 8
    ].join('\n');
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv }), 'BAD_REQUEST');
    expect(error.message).toBe(
      [
        'Nothing was imported. Fix these rows and try again:',
        'line 5: likelihood "7" must be a whole number from 1 to 5',
        'line 7: owner "eve@example.test" is not a member of this project',
        'line 8: id "R-50" is also used on line 5',
      ].join('\n'),
    );
    expect(await listed(owner, team.project.id)).toEqual(before);
  });

  it('raid.importCsv: over 50 bad rows, the first 50 are listed and the rest counted', async () => {
    const before = await listed(owner, team.project.id);
    const rows = Array.from({ length: 53 }, (_, i) => `Bad ${i},9`);
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: ['title,likelihood', ...rows].join('\n') }), 'BAD_REQUEST');
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Nothing was imported. Fix these rows and try again:');
    expect(lines.slice(1, -1)).toHaveLength(50);
    expect(lines[1]).toBe('line 2: likelihood "9" must be a whole number from 1 to 5');
    expect(lines[50]).toBe('line 51: likelihood "9" must be a whole number from 1 to 5');
    expect(lines.at(-1)).toBe('…and 3 more');
    expect(await listed(owner, team.project.id)).toEqual(before);
  });

  it('raid.importCsv: exactly 50 bad rows are all listed, with no count of more', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Bad ${i},9`);
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: ['title,likelihood', ...rows].join('\n') }), 'BAD_REQUEST');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('line 51: likelihood "9" must be a whole number from 1 to 5');
  });

  it('raid.importCsv: unknown columns and a missing title column are refused on line 1', async () => {
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: 'name,colour\nA,red\n' }), 'BAD_REQUEST');
    expect(error.message).toContain('line 1: unknown columns: name, colour');
    expect(error.message).toContain('line 1: a "title" column is required');
  });

  it('raid.importCsv: a file with only a header, or empty, is a BAD_REQUEST', async () => {
    const headerOnly = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: 'id,title\n' }), 'BAD_REQUEST');
    expect(headerOnly.message).toBe('Nothing was imported: the file has no rows.');
    const empty = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv: '' }), 'BAD_REQUEST');
    expect(empty.message).toBe('csv: the file is empty');
  });

  it('raid.importCsv: a file of exactly 2 MiB is read (its rows are checked), not refused for its size', async () => {
    const header = 'colour\n';
    const csv = header + 'x'.repeat(2 * 1024 * 1024 - header.length);
    expect(Buffer.byteLength(csv)).toBe(2 * 1024 * 1024);
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv }), 'BAD_REQUEST');
    expect(error.message).toContain('line 1: unknown column: colour');
    expect(error.message).not.toContain('2 MiB');
  });

  it('raid.importCsv: a file over 2 MiB is a BAD_REQUEST', async () => {
    const csv = `title,description\nBig,"${'x'.repeat(2 * 1024 * 1024)}"\n`;
    const error = await rejection(editor.raid.importCsv({ projectId: team.project.id, csv }), 'BAD_REQUEST');
    expect(error.message).toBe('csv: the file must be at most 2 MiB');
  });

  it('raid.importCsv: an owner email is matched to a member without regard to case', async () => {
    const csv = `id,title,owner_email\nR-1,Vendor late,${team.users.viewer.email.toUpperCase()}\n`;
    await editor.raid.importCsv({ projectId: team.project.id, csv });
    const items = await listed(owner, team.project.id);
    expect(items.find((i) => i.id === 'R-1')?.ownerId).toBe(team.users.viewer.id);
  });
});

describe('raid.list', () => {
  let team: Team;
  let viewer: Caller;
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  beforeAll(async () => {
    team = await projectFor(deps, people, 'Filters');
    viewer = await team.as('viewer');
    const editorEmail = team.users.editor.email;
    const ownerEmail = team.users.owner.email;
    const csv = [
      'id,kind,title,owner_email,likelihood,impact,status',
      `L-unrated,risk,Not rated yet,,,,open`,
      `L-low,dependency,API from team B,${editorEmail},1,2,open`,
      `L-critical,risk,Vendor late,${editorEmail},5,5,open`,
      `L-medium,assumption,Budget holds,,2,3,resolved`,
      `L-high,issue,Build flaky,${ownerEmail},4,3,mitigating`,
      `L-closed,risk,Old risk,,4,5,closed`,
    ].join('\n');
    await (await team.as('owner')).raid.importCsv({ projectId: team.project.id, csv });
  });

  it('raid.list: items are sorted by score, highest first, unrated last', async () => {
    expect(ids(await listed(viewer, team.project.id))).toEqual(['L-critical', 'L-closed', 'L-high', 'L-medium', 'L-low', 'L-unrated']);
  });

  it.each([
    [{ kind: ['risk'] }, ['L-critical', 'L-closed', 'L-unrated']],
    [{ kind: ['issue', 'dependency'] }, ['L-high', 'L-low']],
    [{ status: ['open'] }, ['L-critical', 'L-low', 'L-unrated']],
    [{ status: ['resolved', 'closed'] }, ['L-closed', 'L-medium']],
    [{ band: ['critical'] }, ['L-critical', 'L-closed']],
    [{ band: ['high', 'medium'] }, ['L-high', 'L-medium']],
    [{ likelihood: 4 }, ['L-closed', 'L-high']],
    [{ impact: 5 }, ['L-critical', 'L-closed']],
    [{ likelihood: 4, impact: 3 }, ['L-high']],
    [{ kind: ['risk'], status: ['open'], band: ['critical'] }, ['L-critical']],
    [{ kind: [], status: [], band: [] }, ['L-critical', 'L-closed', 'L-high', 'L-medium', 'L-low', 'L-unrated']],
  ] as const)('raid.list: filtering by %j gives the matching items in score order', async (filters, expected) => {
    expect(ids(await listed(viewer, team.project.id, filters as never))).toEqual(expected);
  });

  it("raid.list: filtering by owner gives that member's items", async () => {
    expect(ids(await listed(viewer, team.project.id, { ownerId: team.users.editor.id }))).toEqual(['L-critical', 'L-low']);
    expect(ids(await listed(viewer, team.project.id, { ownerId: team.users.stranger.id }))).toEqual([]);
  });

  it("raid.list: another project's items never show up", async () => {
    const other = await projectFor(deps, people, 'Other');
    await (await other.as('owner')).raid.importCsv({ projectId: other.project.id, csv: 'id,title,likelihood,impact\nL-critical,Theirs,5,5\n' });
    const mine = await listed(viewer, team.project.id);
    expect(mine.find((i) => i.id === 'L-critical')?.title).toBe('Vendor late');
    expect(mine).toHaveLength(6);
  });

  it('project.list: counts open and mitigating items, and how many of them are critical or high', async () => {
    await deps.live.flushProjections();
    const summary = (await viewer.project.list()).find((p) => p.id === team.project.id);
    expect(summary).toMatchObject({ openItems: 4, critical: 1, high: 1 });
  });
});

describe('raid.exportCsv', () => {
  let team: Team;
  let owner: Caller;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'Export');
    owner = await team.as('owner');
    const csv = [
      'id,kind,title,description,category,owner_email,likelihood,impact,response,mitigation,trigger,due_date,status,residual_likelihood,residual_impact',
      `E-1,risk,"Vendor, late","two\nlines",Supply,${team.users.editor.email},4,5,mitigate,- call them,+2 weeks slip,2026-06-30,mitigating,2,2`,
      `E-2,issue,=SUM(A1),@here,,,,,,,,,open,,`,
      `E-3,assumption,Unrated,,,${team.users.viewer.email},,,accept,,,,accepted,,`,
    ].join('\n');
    await owner.raid.importCsv({ projectId: team.project.id, csv });
    await deps.live.flushProjections();
  });

  it("raid.exportCsv: is named after the project's slug and escapes formulas", async () => {
    const exported = await (await team.as('viewer')).raid.exportCsv({ projectId: team.project.id });
    expect(exported.filename).toBe(`${team.project.slug}-raid-log.csv`);
    expect(exported.csv).toContain(`"'=SUM(A1)"`);
    expect(exported.csv).not.toMatch(/(^|,)=SUM/m);
  });

  it('raid.exportCsv: what it writes reads back as the same items', async () => {
    const { csv } = await owner.raid.exportCsv({ projectId: team.project.id });
    const emails = new Map(Object.values(team.users).map((u) => [u.email.toLowerCase(), u.id]));
    const parsed = parseRaidCsv(csv, (email) => emails.get(email));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const items = await listed(owner, team.project.id);
    expect(parsed.rows.map((r) => r.id).sort()).toEqual(items.map((i) => i.id).sort());
    for (const row of parsed.rows) {
      const item = items.find((i) => i.id === row.id)!;
      const { id: _id, score: _s, band: _b, residualScore: _r, createdAt: _c, updatedAt: _u, ...fields } = item;
      expect(row.fields).toEqual(fields);
    }
  });

  it('raid.exportCsv: importing the export again changes nothing and records no history', async () => {
    const before = await listed(owner, team.project.id);
    const historyBefore = await owner.raid.history({ projectId: team.project.id, itemId: 'E-1' });
    const { csv } = await owner.raid.exportCsv({ projectId: team.project.id });
    expect(await owner.raid.importCsv({ projectId: team.project.id, csv })).toEqual({ created: 0, updated: 3 });
    expect(await listed(owner, team.project.id)).toEqual(before);
    expect(await owner.raid.history({ projectId: team.project.id, itemId: 'E-1' })).toEqual(historyBefore);
  });
});

describe('raid.history', () => {
  let team: Team;
  beforeAll(async () => {
    team = await projectFor(deps, people, 'History');
  });

  it('raid.history: lists the creation and then each field change, newest first, with who made it', async () => {
    const owner = await team.as('owner');
    const editor = await team.as('editor');
    const projectId = team.project.id;
    await owner.raid.importCsv({ projectId, csv: 'id,title,likelihood,status\nH-1,Vendor late,2,open\n' });
    await deps.live.flushProjections();
    await editor.raid.importCsv({ projectId, csv: 'id,title,likelihood,status\nH-1,Vendor late,4,mitigating\n' });
    await deps.live.flushProjections();

    const history = await (await team.as('viewer')).raid.history({ projectId, itemId: 'H-1' });
    expect(history.map((h) => [h.field, h.from, h.to, h.actorId, h.actorName])).toEqual([
      ['status', 'open', 'mitigating', team.users.editor.id, team.users.editor.name],
      ['likelihood', '2', '4', team.users.editor.id, team.users.editor.name],
      ['created', null, 'Vendor late', team.users.owner.id, team.users.owner.name],
    ]);
    expect(history[0]!.changedAt).toBeInstanceOf(Date);
  });

  it('raid.history: an item nobody created has no history', async () => {
    expect(await (await team.as('owner')).raid.history({ projectId: team.project.id, itemId: 'never-made' })).toEqual([]);
  });

  it("raid.history: another project's item with the same id is not mixed in", async () => {
    const other = await projectFor(deps, people, 'Other history');
    await (await other.as('owner')).raid.importCsv({ projectId: other.project.id, csv: 'id,title\nH-1,Theirs\n' });
    await deps.live.flushProjections();
    const history = await (await team.as('owner')).raid.history({ projectId: team.project.id, itemId: 'H-1' });
    expect(history.map((h) => h.to)).not.toContain('Theirs');
    expect(history.filter((h) => h.field === 'created')).toHaveLength(1);
  });
});
