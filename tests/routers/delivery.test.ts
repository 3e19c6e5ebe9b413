// delivery.* and forecast.*: importing a tracker's CSV through a mapping (Jira's, Linear's and
// GitHub's shapes), problems by line with nothing half-written, the preview (dryRun) and the
// confirmation that keeps the good rows, re-imports updating by key, items tied to milestones and
// workstreams (by column or rule), a 200,000-line file answered by line without holding up the
// server, the series of the insights page, and the forecasts with their refusals.
import { addDays, formatISO, startOfISOWeek, subDays } from 'date-fns';
import Papa from 'papaparse';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryItem } from '@/db/schema';
import { deliveryTimesOf } from '@/server/data/delivery';
import { maxListedProblems } from '@/server/domain/deliveryCsv';
import { addPlanItems } from '../status/support';
import { createPeople, projectFor, rejection, useRouterDeps, type People } from './harness';

const deps = useRouterDeps();
let people: People;

beforeAll(async () => {
  people = await createPeople(deps);
});

/** A project of its own (same people), so counts start from nothing. */
async function freshProject(name = 'Delivery') {
  const team = await projectFor(deps, people, name);
  const [owner, editor, viewer, stranger] = await Promise.all((['owner', 'editor', 'viewer', 'stranger'] as const).map((p) => team.as(p)));
  return { team, projectId: team.project.id, owner: owner!, editor: editor!, viewer: viewer!, stranger: stranger! };
}

const csvOf = (rows: Record<string, string>[]) => Papa.unparse(rows, { newline: '\n' });
const utcDay = (date: Date) => formatISO(date, { representation: 'date' });
const now = new Date();
const todayIso = now.toISOString().slice(0, 10);
/** Noon UTC, `days` days ago, as a tracker writes it. */
const daysAgo = (days: number) => `${new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 12)).toISOString().slice(0, 19)}Z`;
/** The Monday (UTC) of the current week, as a day offset from today. */
const daysSinceMonday = (now.getUTCDay() + 6) % 7;
/** Wednesday noon of the week `weeks` weeks before the current one (0: this week's Monday noon, so never in the future). */
const inWeekAgo = (weeks: number) => daysAgo(weeks === 0 ? daysSinceMonday : daysSinceMonday + 7 * weeks - 2);

const jiraMapping = { key: 'Issue key', created: 'Created', resolved: 'Resolved', started: 'Started', title: 'Summary', type: 'Issue Type', estimate: 'Story Points', labels: 'Labels' };

describe('delivery.importCsv', () => {
  it("imports a Jira export (its dates, repeated Labels columns, story points) and remembers the mapping for the next preview", async () => {
    const { projectId, editor, viewer } = await freshProject();
    const csv = [
      'Summary,Issue key,Issue Type,Created,Started,Resolved,Story Points,Labels,Labels',
      'Refunds on v3,PAY-1,Story,03/Nov/26 9:30 AM,05/Nov/26 10:00 AM,12/Nov/26 4:15 PM,5,payments,backend',
      'Flaky checkout test,PAY-2,Bug,04/Nov/26 11:00 AM,,,1,quality,',
      '"Payout ""batch"" job",PAY-3,Task,2026-11-05T08:00:00Z,,2026-11-20,,,',
    ].join('\n');
    expect(await editor.delivery.importCsv({ projectId, csv, mapping: jiraMapping })).toEqual({ created: 3, updated: 0, errors: [] });
    const { items, total, nextAfter } = await viewer.delivery.list({ projectId });
    expect(total).toBe(3);
    expect(nextAfter).toBeNull();
    expect(items.map((item) => item.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(items[0]).toMatchObject({
      title: 'Refunds on v3',
      type: 'Story',
      estimate: 5,
      labels: ['payments', 'backend'],
      createdAt: new Date('2026-11-03T09:30:00Z'),
      startedAt: new Date('2026-11-05T10:00:00Z'),
      resolvedAt: new Date('2026-11-12T16:15:00Z'),
      planItemId: null,
    });
    expect(items[1]).toMatchObject({ startedAt: null, resolvedAt: null, estimate: 1, labels: ['quality'] });
    expect(items[2]).toMatchObject({ title: 'Payout "batch" job', estimate: null, labels: [], resolvedAt: new Date('2026-11-20T00:00:00Z') });

    const preview = await editor.delivery.preview({ projectId, csv });
    expect(preview).toMatchObject({ columns: ['Summary', 'Issue key', 'Issue Type', 'Created', 'Started', 'Resolved', 'Story Points', 'Labels', 'Labels'], mapping: jiraMapping, mappingFrom: 'lastImport' });
    expect(preview.sample[0]![1]).toBe('PAY-1');
  });

  it('preview guesses a mapping from Linear and GitHub column names, and says when none fits', async () => {
    const { projectId, editor } = await freshProject();
    const linear = await editor.delivery.preview({ projectId, csv: 'ID,Title,Status,Created,Started,Completed,Estimate,Labels\nENG-7,Fix login,Done,2026-11-01,2026-11-02,2026-11-04,3,"Bug, Auth"\n' });
    expect(linear).toMatchObject({ mappingFrom: 'guessed', mapping: { key: 'ID', title: 'Title', created: 'Created', started: 'Started', resolved: 'Completed', estimate: 'Estimate', labels: 'Labels' } });
    const github = await editor.delivery.preview({ projectId, csv: 'number,title,created_at,closed_at,labels,milestone\n512,Docs,2026-11-01T10:00:00Z,,docs,Beta\n' });
    expect(github).toMatchObject({ mappingFrom: 'guessed', mapping: { key: 'number', created: 'created_at', resolved: 'closed_at', planItem: 'milestone' } });
    expect(await editor.delivery.preview({ projectId, csv: 'a,b\n1,2\n' })).toMatchObject({ columns: ['a', 'b'], mapping: null, mappingFrom: null });
  });

  it('re-importing updates items by key instead of duplicating them; fields the mapping leaves out keep their values', async () => {
    const { projectId, editor, viewer } = await freshProject();
    const mapping = { key: 'key', created: 'created', resolved: 'resolved', title: 'title' };
    await editor.delivery.importCsv({ projectId, csv: csvOf([{ key: 'A-1', created: '2026-11-01', resolved: '', title: 'First' }, { key: 'A-2', created: '2026-11-02', resolved: '', title: 'Second' }]), mapping });
    const again = await editor.delivery.importCsv({
      projectId,
      csv: csvOf([{ key: 'A-2', created: '2026-11-02', resolved: '2026-11-09', title: 'Second, renamed' }, { key: 'A-3', created: '2026-11-03', resolved: '', title: 'Third' }]),
      mapping,
    });
    expect(again).toEqual({ created: 1, updated: 1, errors: [] });
    const items = (await viewer.delivery.list({ projectId })).items;
    expect(items.map((item) => [item.key, item.title, item.resolvedAt?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['A-1', 'First', null],
      ['A-2', 'Second, renamed', '2026-11-09'],
      ['A-3', 'Third', null],
    ]);
    // No title column this time: A-1's title stays.
    expect(await editor.delivery.importCsv({ projectId, csv: 'key,created,resolved\nA-1,2026-11-01,2026-11-10\n', mapping: { key: 'key', created: 'created', resolved: 'resolved' } })).toEqual({ created: 0, updated: 1, errors: [] });
    expect((await viewer.delivery.list({ projectId })).items[0]).toMatchObject({ key: 'A-1', title: 'First', resolvedAt: new Date('2026-11-10T00:00:00Z') });
  });

  // Line 1 header; line 2 good; line 3 a date that is no date; lines 4-5 one row whose title spans
  // two lines; line 6 resolved before created; line 7 blank; line 8 a key already on line 2; line
  // 9 an estimate that is no number and an empty key; line 10 good.
  const mixedFile = [
    'key,created,resolved,title,points',
    'B-1,2026-11-01,2026-11-03,Good one,2',
    'B-2,next tuesday,,Bad date,1',
    'B-3,2026-11-01,2026-11-05,"Two',
    'lines",3',
    'B-4,2026-11-05,2026-11-01,Backwards,1',
    '',
    'B-1,2026-11-01,,Again,1',
    ',2026-11-01,,No key,lots',
    'B-5,2026-11-02,,Good two,',
  ].join('\n');
  const mixedMapping = { key: 'key', created: 'created', resolved: 'resolved', title: 'title', estimate: 'points' };
  const mixedErrors = [
    { line: 3, message: 'created "next tuesday" is not a date (write it like 2026-03-12 or 12/Mar/26 10:15 AM, a year from 1900 to 2999)' },
    { line: 6, message: 'resolved is before created' },
    { line: 8, message: 'key "B-1" is also on line 2' },
    { line: 9, message: 'key is empty; estimate "lots" must be a number from 0 to 1000000' },
  ];

  it('reports every bad line with its number and, unconfirmed, writes nothing', async () => {
    const { projectId, editor, viewer } = await freshProject();
    expect(await editor.delivery.importCsv({ projectId, csv: mixedFile, mapping: mixedMapping })).toEqual({ created: 0, updated: 0, errors: mixedErrors });
    expect((await viewer.delivery.list({ projectId })).total).toBe(0);
    // No mapping is remembered either: nothing was imported.
    expect((await editor.delivery.preview({ projectId, csv: mixedFile })).mappingFrom).not.toBe('lastImport');
  });

  it('dryRun counts what would be created and updated, with the same errors, and writes nothing', async () => {
    const { projectId, editor, viewer } = await freshProject();
    await editor.delivery.importCsv({ projectId, csv: 'key,created,resolved\nB-5,2026-11-02,\n', mapping: { key: 'key', created: 'created', resolved: 'resolved' } });
    const preview = await editor.delivery.importCsv({ projectId, csv: mixedFile, mapping: mixedMapping, dryRun: true, confirm: true });
    expect(preview).toEqual({ created: 2, updated: 1, errors: mixedErrors });
    const items = (await viewer.delivery.list({ projectId })).items;
    expect(items.map((item) => item.key)).toEqual(['B-5']);
    expect(items[0]!.title).toBe('');
  });

  it('confirm keeps the good lines (a quoted cell over two lines included) and still reports the bad ones', async () => {
    const { projectId, editor, viewer } = await freshProject();
    expect(await editor.delivery.importCsv({ projectId, csv: mixedFile, mapping: mixedMapping, confirm: true })).toEqual({ created: 3, updated: 0, errors: mixedErrors });
    const items = (await viewer.delivery.list({ projectId })).items;
    expect(items.map((item) => [item.key, item.title])).toEqual([
      ['B-1', 'Good one'],
      ['B-3', 'Two\nlines'],
      ['B-5', 'Good two'],
    ]);
  });

  it('a mapping naming a column the file does not have is reported on line 1 and nothing is imported, even confirmed', async () => {
    const { projectId, editor, viewer } = await freshProject();
    const result = await editor.delivery.importCsv({ projectId, csv: 'key,created,done\nC-1,2026-11-01,\n', mapping: { key: 'key', created: 'created', resolved: 'Resolved' }, confirm: true });
    expect(result).toEqual({ created: 0, updated: 0, errors: [{ line: 1, message: 'mapping.resolved: the file has no column "Resolved" (its columns: "key", "created", "done")' }] });
    expect((await viewer.delivery.list({ projectId })).total).toBe(0);
    expect(await editor.delivery.importCsv({ projectId, csv: 'key,created,resolved\n', mapping: { key: 'key', created: 'created', resolved: 'resolved' } })).toEqual({
      created: 0,
      updated: 0,
      errors: [{ line: 1, message: 'the file has no rows below its header' }],
    });
  });

  it('ties items to milestones and workstreams by a column (title or id) or, when it is empty, by the first matching rule', async () => {
    const { team, projectId, editor, viewer } = await freshProject();
    const [launch, search] = await addPlanItems(deps, team, [
      { kind: 'milestone', title: 'Public launch', start: '2027-01-15', end: '2027-01-15' },
      { kind: 'workstream', title: 'Search service', start: '2026-10-01', end: '2027-01-10' },
    ]);
    const csv = csvOf([
      { key: 'D-1', created: '2026-11-01', resolved: '', epic: 'public LAUNCH', labels: '' },
      { key: 'D-2', created: '2026-11-01', resolved: '', epic: search!, labels: '' },
      { key: 'D-3', created: '2026-11-01', resolved: '', epic: '', labels: 'ui, search' },
      { key: 'D-4', created: '2026-11-01', resolved: '', epic: '', labels: 'ops' },
      { key: 'D-5', created: '2026-11-01', resolved: '', epic: 'Beta', labels: '' },
    ]);
    const mapping = { key: 'key', created: 'created', resolved: 'resolved', labels: 'labels', planItem: 'epic', planItemRules: [{ label: 'Search', planItem: 'Search service' }, { label: 'ui', planItem: launch! }] };
    const result = await editor.delivery.importCsv({ projectId, csv, mapping, confirm: true });
    expect(result).toEqual({ created: 4, updated: 0, errors: [{ line: 6, message: `"Beta" is not a milestone or workstream of this project's plan` }] });
    const items = (await viewer.delivery.list({ projectId })).items;
    expect(items.map((item) => [item.key, item.planItemId])).toEqual([
      ['D-1', launch],
      ['D-2', search],
      ['D-3', search],
      ['D-4', null],
    ]);
    expect((await viewer.delivery.list({ projectId, planItemId: search! })).items.map((item) => item.key)).toEqual(['D-2', 'D-3']);
    // A rule naming no plan item refuses the file on line 1.
    const badRule = await editor.delivery.importCsv({ projectId, csv, mapping: { ...mapping, planItem: undefined, planItemRules: [{ type: 'Bug', planItem: 'Nowhere' }] }, confirm: true });
    expect(badRule.errors).toEqual([{ line: 1, message: `mapping.planItemRules.0.planItem: "Nowhere" is not a milestone or workstream of this project's plan` }]);
  });

  it("another project's milestone, by id or title, is not on this project's plan", async () => {
    const theirs = await freshProject('Theirs');
    const [theirMilestone] = await addPlanItems(deps, theirs.team, [{ kind: 'milestone', title: 'Their launch', start: '2027-01-15', end: '2027-01-15' }]);
    const { projectId, editor, viewer } = await freshProject();
    const csv = csvOf([{ key: 'X-1', created: '2026-11-01', resolved: '', epic: theirMilestone! }, { key: 'X-2', created: '2026-11-01', resolved: '', epic: 'Their launch' }]);
    const result = await editor.delivery.importCsv({ projectId, csv, mapping: { key: 'key', created: 'created', resolved: 'resolved', planItem: 'epic' }, confirm: true });
    expect(result).toEqual({
      created: 0,
      updated: 0,
      errors: [
        { line: 2, message: `"${theirMilestone}" is not a milestone or workstream of this project's plan` },
        { line: 3, message: `"Their launch" is not a milestone or workstream of this project's plan` },
      ],
    });
    expect((await viewer.delivery.list({ projectId })).total).toBe(0);
  });

  it('an archived project keeps its delivery data readable and refuses imports', async () => {
    const { projectId, owner, editor, viewer } = await freshProject();
    const input = { projectId, csv: `key,created,resolved\nY-1,${inWeekAgo(3)},${inWeekAgo(1)}\n`, mapping: { key: 'key', created: 'created', resolved: 'resolved' } };
    await editor.delivery.importCsv(input);
    await owner.project.archive({ projectId });
    expect((await rejection(editor.delivery.importCsv(input), 'FORBIDDEN')).message).toMatch(/is archived, so it is read-only/);
    expect((await viewer.delivery.summary({ projectId })).itemCount).toBe(1);
    expect((await viewer.forecast.whenDone({ projectId, remaining: 1 })).p50).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a 200,000-line file of bad rows gets its problems by line (the first 1,000, then a count), and the server keeps answering meanwhile', { timeout: 120_000 }, async () => {
    const { projectId, editor, viewer } = await freshProject();
    const lines = Array.from({ length: 199_999 }, (_, index) => `K-${index},2026-11-0${(index % 9) + 1},soon`);
    const csv = `key,created,resolved\n${lines.join('\n')}\n`;
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const importing = editor.delivery.importCsv({ projectId, csv, mapping: { key: 'key', created: 'created', resolved: 'resolved' }, confirm: true });
    // Another request is answered while the file is read.
    const listed = await viewer.delivery.list({ projectId });
    let finished = false;
    void importing.finally(() => (finished = true));
    expect(finished).toBe(false);
    const result = await importing;
    clearInterval(timer);
    expect(listed.total).toBe(0);
    expect(result.created).toBe(0);
    expect(result.errors).toHaveLength(maxListedProblems + 1);
    expect(result.errors[0]).toEqual({ line: 2, message: expect.stringMatching(/^resolved "soon" is not a date/) });
    expect(result.errors[maxListedProblems - 1]!.line).toBe(maxListedProblems + 1);
    expect(result.errors[maxListedProblems]).toEqual({ line: maxListedProblems + 2, message: 'and 198,999 more lines with problems from here on (only the first 1,000 are listed)' });
    // The event loop had many turns while the file was read (it is read in chunks).
    expect(turns).toBeGreaterThan(20);
  });

  it('refuses a file over 200,000 rows as a whole', { timeout: 120_000 }, async () => {
    const { projectId, editor } = await freshProject();
    const csv = `key,created,resolved\n${Array.from({ length: 200_001 }, (_, index) => `K-${index},2026-11-01,`).join('\n')}`;
    const result = await editor.delivery.importCsv({ projectId, csv, mapping: { key: 'key', created: 'created', resolved: 'resolved' } });
    expect(result).toEqual({ created: 0, updated: 0, errors: [{ line: 200_002, message: 'the file has more than 200,000 rows: split it and import the parts one after the other' }] });
  });

  it('a write that fails part way (the mapping refused after the rows are stored) keeps nothing of that import: neither new items nor updated ones', async () => {
    const { projectId, editor, viewer } = await freshProject();
    const mapping = { key: 'key', created: 'created', resolved: 'resolved', title: 'title' };
    await editor.delivery.importCsv({ projectId, csv: csvOf([{ key: 'R-1', created: '2026-11-01', resolved: '', title: 'Before' }]), mapping });
    // A real failure inside the transaction, after storeDeliveryRows: the database refuses this
    // project's mapping row, as a full disk or a broken constraint would.
    const suffix = projectId.replaceAll('-', '');
    const fn = sql.identifier(`test_refuse_mapping_${suffix}`);
    await deps.db.execute(sql`
      create function ${fn}() returns trigger language plpgsql as $$
      begin
        if new.project_id = ${sql.raw(`'${projectId}'`)} then raise exception 'test: mapping refused'; end if;
        return new;
      end $$`);
    await deps.db.execute(sql`create trigger ${fn} before insert or update on delivery_mapping for each row execute function ${fn}()`);
    try {
      const again = editor.delivery.importCsv({
        projectId,
        csv: csvOf([{ key: 'R-1', created: '2026-11-01', resolved: '2026-11-05', title: 'After' }, { key: 'R-2', created: '2026-11-02', resolved: '', title: 'New' }]),
        mapping,
      });
      await expect(again).rejects.toThrow();
      const { items, total } = await viewer.delivery.list({ projectId });
      expect(total).toBe(1);
      expect(items.map((item) => [item.key, item.title, item.resolvedAt])).toEqual([['R-1', 'Before', null]]);
    } finally {
      await deps.db.execute(sql`drop trigger if exists ${fn} on delivery_mapping`);
      await deps.db.execute(sql`drop function if exists ${fn}()`);
    }
  });

  it('viewers may not import; strangers are told the project does not exist', async () => {
    const { projectId, viewer, stranger } = await freshProject();
    const input = { projectId, csv: 'key,created,resolved\nE-1,2026-11-01,\n', mapping: { key: 'key', created: 'created', resolved: 'resolved' } };
    expect((await rejection(viewer.delivery.importCsv(input), 'FORBIDDEN')).message).toBe('This needs the editor role; your role in this project is viewer.');
    await rejection(stranger.delivery.importCsv(input), 'NOT_FOUND');
    await rejection(stranger.delivery.summary({ projectId }), 'NOT_FOUND');
    await rejection(stranger.forecast.whenDone({ projectId, remaining: 3 }), 'NOT_FOUND');
  });
});

describe('delivery.summary', () => {
  it('throughput per week, cycle times and burn-up per milestone (a workstream counting towards its milestone)', async () => {
    const { team, projectId, editor, viewer } = await freshProject('Insights');
    const [beta] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Beta', start: '2027-02-01', end: '2027-02-01' }]);
    const [search] = await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Search', start: '2026-10-01', end: '2027-01-20', milestoneId: beta! }]);
    const rows = [
      // Created five weeks ago, started four, resolved three weeks ago (on the Wednesday): 7 days of cycle time.
      { key: 'S-1', created: inWeekAgo(5), started: inWeekAgo(4), resolved: inWeekAgo(3), epic: beta! },
      // Resolved one week ago, no start: cycle time from created (14 days).
      { key: 'S-2', created: inWeekAgo(3), started: '', resolved: inWeekAgo(1), epic: 'Search' },
      { key: 'S-3', created: inWeekAgo(2), started: '', resolved: inWeekAgo(1), epic: '' },
      { key: 'S-4', created: inWeekAgo(1), started: '', resolved: '', epic: search! },
    ];
    await editor.delivery.importCsv({ projectId, csv: csvOf(rows), mapping: { key: 'key', created: 'created', started: 'started', resolved: 'resolved', planItem: 'epic' } });
    const summary = await viewer.delivery.summary({ projectId, weeks: 6 });
    expect(summary).toMatchObject({ today: todayIso, itemCount: 4, resolvedCount: 3, openCount: 1 });
    const monday = startOfISOWeek(new Date(`${todayIso}T00:00:00`));
    expect(summary.throughput.map((week) => week.weekStart)).toEqual([5, 4, 3, 2, 1, 0].map((back) => utcDay(subDays(monday, 7 * back))));
    expect(summary.throughput.map((week) => week.resolved)).toEqual([0, 0, 1, 0, 2, 0]);
    expect(summary.throughput.map((week) => week.partial)).toEqual([false, false, false, false, false, true]);
    // Oldest first; S-2 and S-3 were resolved at the same moment.
    expect(summary.cycleTimes.points[0]!.key).toBe('S-1');
    expect(summary.cycleTimes.points.map((point) => [point.key, point.days, point.from]).sort()).toEqual([
      ['S-1', 7, 'started'],
      ['S-2', 14, 'created'],
      ['S-3', 7, 'created'],
    ]);
    expect([summary.cycleTimes.p50, summary.cycleTimes.p85, summary.cycleTimes.p95]).toEqual([7, 14, 14]);
    const [whole, betaSeries, ...others] = summary.burnUp;
    expect(others).toEqual([]);
    expect(whole).toMatchObject({ planItemId: null, dueDate: null });
    expect(whole!.points.map((point) => [point.total, point.done])).toEqual([[1, 0], [1, 0], [2, 1], [3, 1], [4, 3], [4, 3]]);
    // Beta: S-1 (its own) and S-2, S-4 (the Search workstream's).
    expect(betaSeries).toMatchObject({ planItemId: beta, title: 'Beta', dueDate: '2027-02-01' });
    expect(betaSeries!.points.map((point) => [point.total, point.done])).toEqual([[1, 0], [1, 0], [2, 1], [2, 1], [3, 2], [3, 2]]);
  });
  it("reads every item's dates to the millisecond as numbers, and the cycle times read titles only of the items resolved in their window", async () => {
    const { projectId, editor, viewer } = await freshProject('Insights, exact');
    const rows = [
      // Resolved 4.5 days (and 345 ms) after it started, inside a 2-week window.
      { key: 'E-1', created: '', started: '', resolved: '', title: 'Inside' },
      // Resolved long before the window: counted by the burn-up, not charted as a cycle time.
      { key: 'E-2', created: daysAgo(60), started: '', resolved: daysAgo(50), title: 'Before the window' },
      { key: 'E-3', created: daysAgo(3), started: '', resolved: '', title: 'Open' },
    ];
    const started = new Date(`${daysAgo(6).slice(0, 10)}T01:02:03.123Z`);
    rows[0]!.created = started.toISOString();
    rows[0]!.started = started.toISOString();
    rows[0]!.resolved = new Date(started.getTime() + 4.5 * 86_400_000 + 345).toISOString();
    expect((await editor.delivery.importCsv({ projectId, csv: csvOf(rows), mapping: { key: 'key', created: 'created', started: 'started', resolved: 'resolved', title: 'title' } })).errors).toEqual([]);
    const stored = await deps.db.select().from(deliveryItem).where(eq(deliveryItem.projectId, projectId)).orderBy(deliveryItem.key);
    const times = await deliveryTimesOf(deps.db, projectId);
    expect(times.map((t) => [t.createdAt.getTime(), t.startedAt?.getTime() ?? null, t.resolvedAt?.getTime() ?? null]).sort()).toEqual(
      stored.map((item) => [item.createdAt.getTime(), item.startedAt?.getTime() ?? null, item.resolvedAt?.getTime() ?? null]).sort(),
    );
    const summary = await viewer.delivery.summary({ projectId, weeks: 2 });
    expect(summary).toMatchObject({ itemCount: 3, resolvedCount: 2, openCount: 1 });
    expect(summary.cycleTimes.points).toEqual([{ key: 'E-1', title: 'Inside', type: '', resolvedOn: rows[0]!.resolved.slice(0, 10), days: 4.5, from: 'started' }]);
    expect(summary.burnUp[0]!.points.at(-1)).toMatchObject({ total: 3, done: 2 });
    expect(stored[0]!.resolvedAt!.getUTCMilliseconds()).toBe(468);
  });
});

describe('forecast.*', () => {
  /** Five items resolved in each of the last 14 complete weeks (so 12 weeks of history), plus `open` open items. */
  async function steadyProject(open: number, milestone?: { title: string; end: string }) {
    const project = await freshProject('Forecast');
    const [milestoneId] = milestone ? await addPlanItems(deps, project.team, [{ kind: 'milestone', title: milestone.title, start: milestone.end, end: milestone.end }]) : [];
    const rows: Record<string, string>[] = [];
    for (let week = 1; week <= 14; week++) for (let n = 0; n < 5; n++) rows.push({ key: `F-${week}-${n}`, created: inWeekAgo(15), resolved: inWeekAgo(week), epic: '' });
    for (let n = 0; n < open; n++) rows.push({ key: `O-${n}`, created: inWeekAgo(2), resolved: '', epic: milestoneId ?? '' });
    const mapping = { key: 'key', created: 'created', resolved: 'resolved', planItem: 'epic' };
    expect((await project.editor.delivery.importCsv({ projectId: project.projectId, csv: csvOf(rows), mapping })).errors).toEqual([]);
    return { ...project, milestoneId };
  }

  it('whenDone: a steady 5 a week with 20 remaining is 4 weeks from today at P50, P85 and P95; howMany by then is 20', async () => {
    const { projectId, viewer } = await steadyProject(0);
    const fourWeeks = utcDay(addDays(new Date(`${todayIso}T12:00:00Z`), 28));
    expect(await viewer.forecast.whenDone({ projectId, remaining: 20 })).toEqual({ p50: fourWeeks, p85: fourWeeks, p95: fourWeeks });
    expect(await viewer.forecast.howMany({ projectId, by: fourWeeks })).toEqual({ p50: 20, p85: 20, p95: 20 });
    expect(await viewer.forecast.howMany({ projectId, by: todayIso, runs: 100, seed: 3 })).toEqual({ p50: 0, p85: 0, p95: 0 });
    expect((await rejection(viewer.forecast.howMany({ projectId, by: '2020-01-01' }), 'BAD_REQUEST')).message).toBe(`by: must be today (${todayIso}) or later`);
  });

  it('with no history, or nothing resolved, the answer is a reason, not a date', async () => {
    const empty = await freshProject();
    const noHistory = await rejection(empty.viewer.forecast.whenDone({ projectId: empty.projectId, remaining: 5 }), 'PRECONDITION_FAILED');
    expect(noHistory.message).toMatch(/^No delivery history to forecast from/);
    await empty.editor.delivery.importCsv({ projectId: empty.projectId, csv: `key,created,resolved\nZ-1,${inWeekAgo(3)},\n`, mapping: { key: 'key', created: 'created', resolved: 'resolved' } });
    const stalled = await rejection(empty.viewer.forecast.whenDone({ projectId: empty.projectId, remaining: 5 }), 'PRECONDITION_FAILED');
    expect(stalled.message).toBe('No items were resolved in the last 3 weeks, so no date can be forecast.');
    await rejection(empty.viewer.forecast.howMany({ projectId: empty.projectId, by: utcDay(addDays(now, 30)) }), 'PRECONDITION_FAILED');
  });

  it('howMany: a date in the past, or more than ten years (520 weeks) away, is a BAD_REQUEST naming the limit', async () => {
    const { projectId, viewer } = await freshProject();
    expect((await rejection(viewer.forecast.howMany({ projectId, by: utcDay(addDays(now, -1)) }), 'BAD_REQUEST')).message).toBe(`by: must be today (${todayIso}) or later`);
    expect((await rejection(viewer.forecast.howMany({ projectId, by: utcDay(addDays(now, 521 * 7)) }), 'BAD_REQUEST')).message).toBe('by: must be within 10 years');
    // Exactly 520 weeks away is within the limit: the answer is about the history, not the date.
    await rejection(viewer.forecast.howMany({ projectId, by: utcDay(addDays(now, 520 * 7)) }), 'PRECONDITION_FAILED');
  });

  it("milestones: a milestone's 30 open items (6 weeks at 5 a week) are likely late for a date 4 weeks away, not for one 8 weeks away", async () => {
    const soon = utcDay(addDays(now, 28));
    const { projectId, viewer } = await steadyProject(30, { title: 'Cut-over', end: soon });
    const answer = await viewer.forecast.milestones({ projectId });
    const sixWeeks = utcDay(addDays(new Date(`${todayIso}T12:00:00Z`), 42));
    expect(answer.weeksOfHistory).toBe(12);
    expect(answer.milestones).toEqual([
      { planItemId: expect.any(String), title: 'Cut-over', dueDate: soon, total: 30, resolved: 0, remaining: 30, forecast: { p50: sixWeeks, p85: sixWeeks, p95: sixWeeks }, likelyLate: true, noForecastReason: null },
    ]);
    const later = await steadyProject(30, { title: 'Cut-over', end: utcDay(addDays(now, 56)) });
    expect((await later.viewer.forecast.milestones({ projectId: later.projectId })).milestones[0]!.likelyLate).toBe(false);
  });
});
