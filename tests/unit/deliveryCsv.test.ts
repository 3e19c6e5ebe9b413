// Reading a tracker's CSV: the date forms Jira, Linear and GitHub write (and impossible dates
// refused), line numbers with CRLF files and cells over several lines, labels from repeated
// columns, plan items by column or rule, guessed mappings, the listed-problems cap, and a big file
// read in chunks with turns of the event loop between them.
import { describe, expect, it } from 'vitest';
import { guessDeliveryMapping, maxListedProblems, parseTrackerDate, readDeliveryCsv } from '@/server/domain/deliveryCsv';

const iso = (text: string) => parseTrackerDate(text)?.toISOString() ?? null;
const basic = { key: 'key', created: 'created', resolved: 'resolved' };

describe('parseTrackerDate', () => {
  it('reads ISO 8601 with and without a time or zone (without a zone: UTC)', () => {
    expect(iso('2026-03-12')).toBe('2026-03-12T00:00:00.000Z');
    expect(iso('2026-03-12 10:15')).toBe('2026-03-12T10:15:00.000Z');
    expect(iso('2026-03-12T10:15:30.250Z')).toBe('2026-03-12T10:15:30.250Z');
    expect(iso('2026-03-12T10:15:00+02:00')).toBe('2026-03-12T08:15:00.000Z');
    expect(iso('2026-03-12T10:15:00-0530')).toBe('2026-03-12T15:45:00.000Z');
  });

  it("reads Jira's and other exports' forms as UTC", () => {
    expect(iso('12/Mar/26 10:15 AM')).toBe('2026-03-12T10:15:00.000Z');
    expect(iso('12/Mar/26 4:15 PM')).toBe('2026-03-12T16:15:00.000Z');
    expect(iso('3/Nov/2026 09:30')).toBe('2026-11-03T09:30:00.000Z');
    expect(iso('12 Mar 2026')).toBe('2026-03-12T00:00:00.000Z');
    expect(iso('Mar 12, 2026')).toBe('2026-03-12T00:00:00.000Z');
    expect(iso('2026/03/12')).toBe('2026-03-12T00:00:00.000Z');
  });

  it('refuses impossible days and times, years outside 1900-2999, and words', () => {
    for (const text of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-03-12 24:01', '2026-03-12T10:60Z', '0006-01-01', '3001-01-01', '31/Feb/26', 'soon', '', '12.03.2026']) {
      expect(iso(text), text).toBeNull();
    }
    expect(iso('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('guessDeliveryMapping', () => {
  it("maps Jira's column names", () => {
    expect(guessDeliveryMapping(['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Created', 'Resolved', 'Custom field (Story Points)', 'Labels', 'Labels', 'Epic Link'])).toEqual({
      key: 'Issue key',
      created: 'Created',
      resolved: 'Resolved',
      type: 'Issue Type',
      estimate: 'Custom field (Story Points)',
      labels: 'Labels',
      title: 'Summary',
      planItem: 'Epic Link',
    });
  });

  it('is null when a required column has no known name', () => {
    expect(guessDeliveryMapping(['key', 'created'])).toBeNull();
  });
});

describe('readDeliveryCsv', () => {
  it('counts lines as the file has them: CRLF, a quoted cell over three lines, blank lines', async () => {
    const csv = ['key,created,resolved,title', 'A-1,2026-11-01,,"one', 'two', 'three"', '', 'A-2,yesterday,,x', 'A-3,2026-11-01,,y'].join('\r\n');
    const reading = await readDeliveryCsv(csv, { ...basic, title: 'title' }, []);
    expect(reading.problems).toEqual([{ line: 6, message: expect.stringMatching(/^created "yesterday" is not a date/) }]);
    expect(reading.rows.map((row) => [row.line, row.key, row.title])).toEqual([
      [2, 'A-1', 'one\r\ntwo\r\nthree'],
      [7, 'A-3', 'y'],
    ]);
  });

  it('a byte order mark before the header does not hide the first column', async () => {
    const reading = await readDeliveryCsv('\uFEFFkey,created,resolved\nA-1,2026-11-01,\n', basic, []);
    expect(reading).toMatchObject({ refused: false, problems: [] });
    expect(reading.rows[0]!.key).toBe('A-1');
  });

  it('reads labels from every column of that name and splits cells on , and ;', async () => {
    const reading = await readDeliveryCsv('key,created,resolved,Labels,Labels\nA-1,2026-11-01,,"ui, api",api;ops\n', { ...basic, labels: 'Labels' }, []);
    expect(reading.rows[0]!.labels).toEqual(['ui', 'api', 'ops']);
  });

  it('a plan item column wins over rules; rules apply in order to rows without one', async () => {
    const plan = [{ id: 'm1', title: 'Launch' }, { id: 'w1', title: 'Search' }];
    const csv = 'key,created,resolved,title,type,labels,epic\nA-1,2026-11-01,,Ranking,Story,search,Launch\nA-2,2026-11-01,,Ranking,Story,search,\nA-3,2026-11-01,,Fix crash,Bug,,\nA-4,2026-11-01,,Docs,Task,,\n';
    const rules = [{ type: 'bug', planItem: 'm1' }, { label: 'SEARCH', planItem: 'search' }, { titleContains: 'crash', planItem: 'w1' }];
    const reading = await readDeliveryCsv(csv, { ...basic, title: 'title', type: 'type', labels: 'labels', planItem: 'epic', planItemRules: rules }, plan);
    expect(reading.rows.map((row) => [row.key, row.planItemId])).toEqual([
      ['A-1', 'm1'],
      ['A-2', 'w1'],
      ['A-3', 'm1'],
      ['A-4', null],
    ]);
  });

  it('a title two plan items share must be named by id', async () => {
    const reading = await readDeliveryCsv('key,created,resolved,epic\nA-1,2026-11-01,,Beta\n', { ...basic, planItem: 'epic' }, [{ id: 'a', title: 'Beta' }, { id: 'b', title: 'beta' }]);
    expect(reading.problems).toEqual([{ line: 2, message: '"Beta" is the title of more than one plan item; name it by its id' }]);
  });

  it('lists the first 1,000 problems, then one line saying how many more', async () => {
    const csv = `key,created,resolved\n${Array.from({ length: 1_500 }, (_, index) => `A-${index},never,`).join('\n')}`;
    const reading = await readDeliveryCsv(csv, basic, []);
    expect(reading.problems).toHaveLength(maxListedProblems + 1);
    expect(reading.problems.at(-1)).toEqual({ line: 1_002, message: 'and 500 more lines with problems from here on (only the first 1,000 are listed)' });
  });

  it('gives the event loop turns while it reads a big file', async () => {
    const csv = `key,created,resolved\n${Array.from({ length: 50_000 }, (_, index) => `A-${index},2026-11-01,2026-11-02`).join('\n')}`;
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const reading = await readDeliveryCsv(csv, basic, []);
    clearInterval(counting);
    expect(reading.rows).toHaveLength(50_000);
    // 1.6 MB in 64 KiB chunks: about 25 chunks, a turn after each.
    expect(turns).toBeGreaterThanOrEqual(10);
  });
});
