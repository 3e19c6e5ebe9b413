// CSV import and export of the RAID log (parsed and written with papaparse). Import is all or
// nothing: every problem is reported with its line number and no row is applied unless all are valid.
import Papa from 'papaparse';
import { z } from 'zod';
import { raidFieldsSchema, raidKinds, raidStatuses, riskResponses, type RaidFields, type RaidItem } from './risk';

export const raidItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');

/** Columns in the order they are exported; score and band are derived and ignored on import. */
export const raidCsvColumns = [
  'id',
  'kind',
  'title',
  'description',
  'category',
  'owner_email',
  'likelihood',
  'impact',
  'score',
  'band',
  'response',
  'mitigation',
  'trigger',
  'due_date',
  'status',
  'residual_likelihood',
  'residual_impact',
  'public',
  'threatens',
] as const;
type CsvColumn = (typeof raidCsvColumns)[number];

const derivedColumns: ReadonlySet<CsvColumn> = new Set(['score', 'band']);

/** Which item field each importable column fills. */
const columnField: Partial<Record<CsvColumn, keyof RaidFields>> = {
  kind: 'kind',
  title: 'title',
  description: 'description',
  category: 'category',
  owner_email: 'ownerId',
  likelihood: 'likelihood',
  impact: 'impact',
  response: 'response',
  mitigation: 'mitigation',
  trigger: 'trigger',
  due_date: 'dueDate',
  status: 'status',
  residual_likelihood: 'residualLikelihood',
  residual_impact: 'residualImpact',
  public: 'isPublic',
  threatens: 'threatens',
};

const numericFields = new Set<keyof RaidFields>(['likelihood', 'impact', 'residualLikelihood', 'residualImpact']);
const lowercaseFields = new Set<keyof RaidFields>(['kind', 'status', 'response']);
const enumOptions: Partial<Record<keyof RaidFields, readonly string[]>> = {
  kind: raidKinds,
  status: raidStatuses,
  response: riskResponses,
};
const textFields = new Set<keyof RaidFields>(['description', 'category', 'mitigation', 'trigger']);

export interface RaidImportRow {
  line: number;
  /** Existing or chosen id; null means a new item with a generated id. */
  id: string | null;
  /** Only the columns present in the file; the rest of an existing item is left as it is. */
  fields: Partial<RaidFields>;
}

export interface CsvProblem {
  line: number;
  message: string;
}

export type RaidCsvParseResult = { ok: true; rows: RaidImportRow[] } | { ok: false; problems: CsvProblem[] };

export const maxImportRows = 5_000;

/**
 * Parses a CSV export (or a hand-made sheet with at least a title column). `ownerIdForEmail`
 * maps an owner's email to a project member's user id, or undefined when no member has it.
 */
export function parseRaidCsv(text: string, ownerIdForEmail: (email: string) => string | undefined): RaidCsvParseResult {
  const problems: CsvProblem[] = [];
  const rows: RaidImportRow[] = [];
  const content = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(content, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'),
  });
  const headers = (parsed.meta.fields ?? []) as string[];
  const unknown = headers.filter((h) => !(raidCsvColumns as readonly string[]).includes(h));
  if (unknown.length) problems.push({ line: 1, message: `unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` });
  if (!headers.includes('title')) problems.push({ line: 1, message: 'a "title" column is required' });
  if (problems.length) return { ok: false, problems };
  if (parsed.data.length > maxImportRows) {
    return { ok: false, problems: [{ line: 1, message: `at most ${maxImportRows} rows can be imported at once` }] };
  }

  const lineOfRow = rowStartLines(content, parsed.meta.delimiter);
  for (const error of parsed.errors) {
    // A file with one column (just titles) has no delimiter to detect; the default ',' is right.
    if (error.code === 'UndetectableDelimiter') continue;
    const line = error.row != null ? lineOfRow[error.row] ?? 1 : 1;
    problems.push({ line, message: error.message });
  }
  const seenIds = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const line = lineOfRow[index] ?? index + 2;
    const rowProblems: string[] = [];
    const fields: Partial<RaidFields> = {};
    let id: string | null = null;
    for (const column of headers as CsvColumn[]) {
      const cell = unescapeFormula(record[column] ?? '').trim();
      if (column === 'id') {
        if (!cell) continue;
        const checked = raidItemIdSchema.safeParse(cell);
        if (!checked.success) rowProblems.push(`id ${checked.error.issues[0]!.message}`);
        else if (seenIds.has(cell)) rowProblems.push(`id "${cell}" is also used on line ${seenIds.get(cell)}`);
        else {
          id = cell;
          seenIds.set(cell, line);
        }
        continue;
      }
      if (derivedColumns.has(column)) continue;
      const field = columnField[column]!;
      if (field === 'ownerId') {
        if (!cell) fields.ownerId = null;
        else {
          const ownerId = ownerIdForEmail(cell.toLowerCase());
          if (ownerId) fields.ownerId = ownerId;
          else rowProblems.push(`owner "${cell}" is not a member of this project`);
        }
        continue;
      }
      const value = cellValue(field, cell);
      const checked = raidFieldsSchema.shape[field].safeParse(value);
      if (checked.success) (fields as Record<string, unknown>)[field] = checked.data;
      else rowProblems.push(`${column} ${describeIssue(field, cell, checked.error.issues[0]?.message)}`);
    }
    if (rowProblems.length) problems.push({ line, message: rowProblems.join('; ') });
    else rows.push({ line, id, fields });
  });
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

function cellValue(field: keyof RaidFields, cell: string): unknown {
  if (field === 'isPublic') {
    const answer = cell.toLowerCase();
    if (['', 'no', 'false', '0'].includes(answer)) return false;
    if (['yes', 'true', '1'].includes(answer)) return true;
    return cell;
  }
  // Plan item ids, separated by spaces (as exported).
  if (field === 'threatens') return cell.split(/[\s,;]+/).filter(Boolean);
  if (cell === '') return textFields.has(field) ? '' : field === 'title' ? '' : null;
  if (numericFields.has(field)) return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  if (lowercaseFields.has(field)) return cell.toLowerCase();
  return cell;
}

function describeIssue(field: keyof RaidFields, cell: string, message = 'is invalid'): string {
  const options = enumOptions[field];
  if (options) return cell === '' ? 'is required' : `"${cell}" is not one of ${options.join(', ')}`;
  if (numericFields.has(field)) return `"${cell}" must be a whole number from 1 to 5`;
  if (field === 'isPublic') return `"${cell}" must be yes or no`;
  return message;
}

/**
 * 1-based line on which each data row starts. Papa reads the rows once more without a header and
 * without skipping, so quoted line breaks count exactly as in the real parse; rows the real parse
 * skips ('greedy': nothing but spaces and delimiters) are dropped here too, as is the header row.
 */
function rowStartLines(text: string, delimiter: string): number[] {
  const lines: number[] = [];
  let rowStart = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      for (; counted < rowStart; counted++) {
        const ch = text[counted];
        if (ch === '\n' || (ch === '\r' && text[counted + 1] !== '\n')) line++;
      }
      if (result.data.join('').trim() !== '') lines.push(line);
      // meta.cursor is where the next row starts.
      rowStart = result.meta.cursor;
    },
  });
  return lines.slice(1);
}

export const formulaStart = /^[=+\-@\t\r]/;

/** The export prefixes cells that start like a formula with ' (see below); import takes it off again. */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Writes the items as CSV with the columns above; `emailOf` names each owner by email. */
export function raidItemsToCsv(items: readonly RaidItem[], emailOf: (userId: string) => string | undefined): string {
  const data = items.map((item) => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    description: item.description,
    category: item.category,
    owner_email: item.ownerId ? (emailOf(item.ownerId) ?? '') : '',
    likelihood: item.likelihood ?? '',
    impact: item.impact ?? '',
    score: item.score ?? '',
    band: item.band ?? '',
    response: item.response ?? '',
    mitigation: item.mitigation,
    trigger: item.trigger,
    due_date: item.dueDate ?? '',
    status: item.status,
    residual_likelihood: item.residualLikelihood ?? '',
    residual_impact: item.residualImpact ?? '',
    public: item.isPublic ? 'yes' : 'no',
    threatens: item.threatens.join(' '),
  }));
  // Cells starting with =, +, -, @, tab or CR are escaped so a spreadsheet never runs them as
  // formulas. Papa's own pattern (escapeFormulae: true) misses cells that span several lines.
  return Papa.unparse({ fields: [...raidCsvColumns], data }, { escapeFormulae: formulaStart, newline: '\n' });
}
