// CSV import and export of the RAID log: all-or-nothing import with line numbers, and a lossless
// round trip of what the export writes.
import { describe, expect, it } from 'vitest';
import { parseRaidCsv, raidCsvColumns, raidItemsToCsv, type RaidCsvParseResult } from '@/server/domain/raidCsv';
import { emptyRaidFields, type RaidItem } from '@/server/domain/risk';

const members: Record<string, string> = { 'ada@example.test': 'user-ada', 'bob@example.test': 'user-bob' };
const ownerIdForEmail = (email: string) => members[email];

function parse(text: string): RaidCsvParseResult {
  return parseRaidCsv(text, ownerIdForEmail);
}

function rowsOf(result: RaidCsvParseResult) {
  if (!result.ok) throw new Error(`expected the file to parse, got ${JSON.stringify(result.problems)}`);
  return result.rows;
}

function problemsOf(result: RaidCsvParseResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

function item(overrides: Partial<RaidItem>): RaidItem {
  const at = new Date('2026-01-05T10:00:00Z');
  return { ...emptyRaidFields, id: 'r1', score: null, band: null, residualScore: null, createdAt: at, updatedAt: at, ...overrides };
}

describe('parseRaidCsv', () => {
  it('reads every column of a well-formed file', () => {
    const csv = [
      'id,kind,title,description,category,owner_email,likelihood,impact,response,mitigation,trigger,due_date,status,residual_likelihood,residual_impact',
      'R-1,Risk,Vendor late,Contract not signed,Supply,ada@example.test,4,5,Mitigate,Second vendor,Week 12,2026-06-30,Open,2,3',
    ].join('\n');
    expect(rowsOf(parse(csv))).toEqual([
      {
        line: 2,
        id: 'R-1',
        fields: {
          kind: 'risk',
          title: 'Vendor late',
          description: 'Contract not signed',
          category: 'Supply',
          ownerId: 'user-ada',
          likelihood: 4,
          impact: 5,
          response: 'mitigate',
          mitigation: 'Second vendor',
          trigger: 'Week 12',
          dueDate: '2026-06-30',
          status: 'open',
          residualLikelihood: 2,
          residualImpact: 3,
        },
      },
    ]);
  });

  it('fills only the columns present, and a row without id is a new item', () => {
    expect(rowsOf(parse('title,likelihood\nOnly a title,\nRated,3\n'))).toEqual([
      { line: 2, id: null, fields: { title: 'Only a title', likelihood: null } },
      { line: 3, id: null, fields: { title: 'Rated', likelihood: 3 } },
    ]);
  });

  it('accepts headers in any case, with spaces or dashes, and a byte order mark', () => {
    const rows = rowsOf(parse('\uFEFFTitle,Owner Email,Due-Date\nA,BOB@example.test,2026-01-31\n'));
    expect(rows[0]!.fields).toEqual({ title: 'A', ownerId: 'user-bob', dueDate: '2026-01-31' });
  });

  it('keeps quoted multi-line descriptions and quoted commas and quotes', () => {
    const csv = 'title,description\n"Vendor, late","first line\nsecond line\n""quoted"""\nNext,plain\n';
    expect(rowsOf(parse(csv))).toEqual([
      { line: 2, id: null, fields: { title: 'Vendor, late', description: 'first line\nsecond line\n"quoted"' } },
      { line: 5, id: null, fields: { title: 'Next', description: 'plain' } },
    ]);
  });

  it('reports the real line of a bad row that follows a multi-line row', () => {
    const csv = [
      'title,description,likelihood',
      'Good,"line one', // line 2
      'line two', // line 3
      'line three",3', // line 4
      'Bad,plain,7', // line 5
      'Also good,"a', // line 6
      'b",2', // line 7
      'Worse,plain,high', // line 8
    ].join('\n');
    expect(problemsOf(parse(csv))).toEqual([
      { line: 5, message: 'likelihood "7" must be a whole number from 1 to 5' },
      { line: 8, message: 'likelihood "high" must be a whole number from 1 to 5' },
    ]);
  });

  it('reports the real line of a bad row with Windows line endings after a multi-line row', () => {
    const csv = 'title,description,impact\r\nGood,"one\r\ntwo",3\r\nBad,plain,0\r\n';
    expect(problemsOf(parse(csv))).toEqual([{ line: 4, message: 'impact "0" must be a whole number from 1 to 5' }]);
  });

  it('skips blank rows, including rows of only commas or spaces, and still counts their lines', () => {
    const csv = ['title,likelihood', 'First,1', '', ',', '   ,  ', 'Bad,9', ''].join('\n');
    expect(problemsOf(parse(csv))).toEqual([{ line: 6, message: 'likelihood "9" must be a whole number from 1 to 5' }]);
    expect(rowsOf(parse(['title', 'A', ',', '  ', 'B'].join('\n'))).map((r) => [r.line, r.fields.title])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('reads a file with only a title column', () => {
    expect(rowsOf(parse('title\nFirst\nSecond\n')).map((r) => [r.line, r.fields])).toEqual([
      [2, { title: 'First' }],
      [3, { title: 'Second' }],
    ]);
  });

  it('reads a file separated by semicolons, as some spreadsheets write it', () => {
    expect(rowsOf(parse('title;likelihood\nA;2\n'))[0]!.fields).toEqual({ title: 'A', likelihood: 2 });
  });

  it('reports rows with too many or too few cells on their own lines', () => {
    const problems = problemsOf(parse('title,likelihood\n,\n"multi\nline",1\nShort\nLong,2,3\n'));
    expect(problems).toEqual([
      { line: 5, message: 'Too few fields: expected 2 fields but parsed 1' },
      { line: 6, message: 'Too many fields: expected 2 fields but parsed 3' },
    ]);
  });

  it('rejects unknown columns, naming them', () => {
    expect(problemsOf(parse('title,colour,size\nA,red,XL\n'))).toEqual([{ line: 1, message: 'unknown columns: colour, size' }]);
    expect(problemsOf(parse('title,colour\nA,red\n'))).toEqual([{ line: 1, message: 'unknown column: colour' }]);
  });

  it('rejects a file without a title column', () => {
    expect(problemsOf(parse('kind,likelihood\nrisk,3\n'))).toEqual([{ line: 1, message: 'a "title" column is required' }]);
  });

  it('rejects likelihoods that are not whole numbers from 1 to 5', () => {
    const problems = problemsOf(parse('title,likelihood\nA,7\nB,high\nC,2.5\nD,0\nE,5\n'));
    expect(problems).toEqual([
      { line: 2, message: 'likelihood "7" must be a whole number from 1 to 5' },
      { line: 3, message: 'likelihood "high" must be a whole number from 1 to 5' },
      { line: 4, message: 'likelihood "2.5" must be a whole number from 1 to 5' },
      { line: 5, message: 'likelihood "0" must be a whole number from 1 to 5' },
    ]);
  });

  it('rejects unknown kinds, statuses and responses, listing the allowed values', () => {
    const problems = problemsOf(parse('title,kind,status,response\nA,opportunity,done,ignore\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message).toContain('kind "opportunity" is not one of risk, assumption, issue, dependency');
    expect(problems[0]!.message).toContain('status "done" is not one of open, mitigating, resolved, accepted, closed');
    expect(problems[0]!.message).toContain('response "ignore" is not one of avoid, mitigate, transfer, accept');
  });

  it('rejects a row with an empty title or a bad date', () => {
    expect(problemsOf(parse('title,due_date\n ,2026-01-01\nB,31/12/2026\n'))).toEqual([
      { line: 2, message: 'title is required' },
      { line: 3, message: 'due_date must be a date like 2026-12-31' },
    ]);
  });

  it('rejects an owner email that is not a project member', () => {
    expect(problemsOf(parse('title,owner_email\nA,eve@example.test\n'))).toEqual([
      { line: 2, message: 'owner "eve@example.test" is not a member of this project' },
    ]);
  });

  it('looks owners up by email without regard to case', () => {
    const rows = rowsOf(parse('title,owner_email\nA,Ada@Example.TEST\nB,\n'));
    expect(rows.map((r) => r.fields.ownerId)).toEqual(['user-ada', null]);
  });

  it('rejects an id used twice, pointing at the first use', () => {
    expect(problemsOf(parse('id,title\nR-1,A\nR-2,B\nR-1,C\n'))).toEqual([{ line: 4, message: 'id "R-1" is also used on line 2' }]);
  });

  it('rejects ids with characters other than letters, digits, - and _', () => {
    expect(problemsOf(parse('id,title\nR 1,A\n'))).toEqual([{ line: 2, message: 'id must be 1-64 letters, digits, - or _' }]);
  });

  it('reports every problem of a row on its line and every bad row of the file', () => {
    const problems = problemsOf(parse('title,likelihood,impact\nGood,1,1\n,9,9\nAlso good,2,2\nBad,3,6\n'));
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
    expect(problems[0]!.message).toBe(
      'title is required; likelihood "9" must be a whole number from 1 to 5; impact "9" must be a whole number from 1 to 5',
    );
  });

  it('ignores the derived score and band columns', () => {
    expect(rowsOf(parse('title,likelihood,impact,score,band\nA,2,2,25,critical\n'))[0]!.fields).toEqual({
      title: 'A',
      likelihood: 2,
      impact: 2,
    });
  });

  it('reads the public column as yes or no, and refuses anything else', () => {
    expect(rowsOf(parse('title,public\nA,yes\nB,No\nC,\n')).map((r) => r.fields.isPublic)).toEqual([true, false, false]);
    const refused = parse('title,public\nA,maybe\n');
    expect(refused.ok).toBe(false);
  });

  it('accepts a file with only a header as zero rows', () => {
    expect(rowsOf(parse('title\n'))).toEqual([]);
  });
});

describe('raidItemsToCsv', () => {
  it('writes the columns in export order with derived score and band and owner emails', () => {
    const csv = raidItemsToCsv(
      [item({ id: 'R-1', title: 'Vendor late', ownerId: 'user-ada', likelihood: 4, impact: 5, score: 20, band: 'critical' })],
      (id) => (id === 'user-ada' ? 'ada@example.test' : undefined),
    );
    const [header, row] = csv.split('\n');
    expect(header).toBe(raidCsvColumns.join(','));
    expect(row).toBe('R-1,risk,Vendor late,,,ada@example.test,4,5,20,critical,,,,,open,,,no,');
  });

  it('writes an owner who is no longer a member as an empty email', () => {
    const csv = raidItemsToCsv([item({ title: 'Orphan', ownerId: 'former-member' })], () => undefined);
    expect(rowsOf(parse(csv))[0]!.fields.ownerId).toBeNull();
  });

  it('escapes a title starting with = so a spreadsheet does not run it as a formula', () => {
    const csv = raidItemsToCsv([item({ title: '=HYPERLINK("http://evil.test","click")' })], () => undefined);
    const row = csv.split('\n')[1]!;
    expect(row).not.toMatch(/(^|,)"?=/);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
  });

  it('escapes a formula that spans several lines too', () => {
    const csv = raidItemsToCsv([item({ title: 'T', description: '=HYPERLINK("http://evil.test",\n"click")' })], () => undefined);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",\n""click"")"`);
    expect(rowsOf(parse(csv))[0]!.fields.description).toBe('=HYPERLINK("http://evil.test",\n"click")');
  });

  it('leaves a cell that merely starts with an apostrophe as it is on import', () => {
    expect(rowsOf(parse("title\n'tis the season\n"))[0]!.fields.title).toBe("'tis the season");
  });

  it('round-trips through parseRaidCsv without losing or changing anything', () => {
    const items = [
      item({
        id: 'R-1',
        kind: 'risk',
        title: 'Vendor, "late"',
        description: 'first line\nsecond line',
        category: 'Supply',
        ownerId: 'user-ada',
        likelihood: 4,
        impact: 5,
        score: 20,
        band: 'critical',
        response: 'mitigate',
        mitigation: '- call the vendor',
        trigger: '+2 weeks',
        dueDate: '2026-06-30',
        status: 'mitigating',
        residualLikelihood: 2,
        residualImpact: 3,
        threatens: ['m-launch', 'w-build'],
      }),
      item({ id: 'A-7', kind: 'assumption', title: '=1+1', description: '@team', status: 'open' }),
      item({ id: 'I-2', kind: 'issue', title: 'Unrated issue', ownerId: 'user-bob', status: 'closed' }),
    ];
    const emailOf = (id: string) => Object.entries(members).find(([, userId]) => userId === id)?.[0];
    const rows = rowsOf(parse(raidItemsToCsv(items, emailOf)));
    expect(rows.map((r) => r.id)).toEqual(['R-1', 'A-7', 'I-2']);
    rows.forEach((row, index) => {
      const { id: _id, score: _s, band: _b, residualScore: _r, createdAt: _c, updatedAt: _u, ...fields } = items[index]!;
      expect(row.fields).toEqual(fields);
    });
  });
});
