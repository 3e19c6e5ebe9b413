// Reading a tracker's CSV export (Jira, Linear, GitHub) into work items, through the column mapping
// the person chose: every problem reported with its line, the file parsed with papaparse a few
// thousand rows per event-loop turn so a 200,000-line file never holds up other requests.
import { isValid, parse } from 'date-fns';
import Papa from 'papaparse';
import { z } from 'zod';
import { maxYear, minYear } from './dates';

/** The largest file delivery.importCsv reads (characters) and the most rows (header excluded). */
export const maxDeliveryCsvChars = 16 * 1024 * 1024;
export const maxDeliveryCsvRows = 200_000;
/** Problems listed one by one; past this many, one more line says how many were left out. */
export const maxListedProblems = 1_000;
/** Characters of the file read per event-loop turn. */
export const chunkChars = 64 * 1024;

const columnName = z.string().trim().min(1, 'must name a column of the file').max(200, 'must be at most 200 characters');
const ruleText = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** "Items labelled `search` belong to the Search workstream": the first rule that matches wins. */
export const planItemRuleSchema = z
  .object({
    label: ruleText.optional(),
    type: ruleText.optional(),
    titleContains: ruleText.optional(),
    /** The milestone or workstream, by id or title. */
    planItem: ruleText,
  })
  .refine((rule) => rule.label !== undefined || rule.type !== undefined || rule.titleContains !== undefined, 'needs a label, type or titleContains to match');

/** Which column of the file holds each field; key, created and resolved are required. */
export const deliveryMappingSchema = z.object({
  key: columnName,
  created: columnName,
  resolved: columnName,
  started: columnName.optional(),
  type: columnName.optional(),
  estimate: columnName.optional(),
  /** Every column with this name is read (Jira repeats "Labels"); a cell may hold several, split by , or ;. */
  labels: columnName.optional(),
  title: columnName.optional(),
  /** A column naming the milestone or workstream (by id or title) each item belongs to. */
  planItem: columnName.optional(),
  /** Used for rows whose planItem cell is empty (or when there is no such column). */
  planItemRules: z.array(planItemRuleSchema).max(50, 'must be at most 50 rules').optional(),
});
export type DeliveryMapping = z.infer<typeof deliveryMappingSchema>;

export const deliveryCsvSchema = z
  .string()
  .min(1, 'the file is empty')
  .max(maxDeliveryCsvChars, `must be at most ${maxDeliveryCsvChars / 1024 / 1024} MiB`);

export interface LineProblem {
  line: number;
  message: string;
}

/** A work item read from one row, checked and ready to store. */
export interface DeliveryRow {
  line: number;
  key: string;
  title: string;
  type: string;
  estimate: number | null;
  labels: string[];
  createdAt: Date;
  startedAt: Date | null;
  resolvedAt: Date | null;
  planItemId: string | null;
}

export interface PlanItemName {
  id: string;
  title: string;
}

// ISO 8601 as trackers write it: a date, or a date and time with an optional zone.
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|([+-])(\d{2}):?(\d{2})?)?$/i;

/**
 * Formats other than ISO 8601 that trackers write (Jira's `12/Mar/24 10:15 AM` and friends), each
 * behind a pattern of its family so a cell that is no date is refused without trying them all.
 */
const otherFormats: { family: RegExp; formats: string[] }[] = [
  { family: /^\d{1,2}\/[a-z]{3}\/\d{2}(?:\s|$)/i, formats: ['d/MMM/yy h:mm a', 'd/MMM/yy H:mm', 'd/MMM/yy'] },
  { family: /^\d{1,2}\/[a-z]{3}\/\d{4}(?:\s|$)/i, formats: ['d/MMM/yyyy h:mm a', 'd/MMM/yyyy H:mm', 'd/MMM/yyyy'] },
  { family: /^\d{1,2} [a-z]{3} \d{4}(?:\s|$)/i, formats: ['d MMM yyyy H:mm', 'd MMM yyyy'] },
  { family: /^[a-z]{3} \d{1,2}, \d{4}(?:\s|$)/i, formats: ['MMM d, yyyy h:mm a', 'MMM d, yyyy'] },
  { family: /^\d{4}\/\d{2}\/\d{2}(?:\s|$)/, formats: ['yyyy/MM/dd H:mm', 'yyyy/MM/dd'] },
];

/**
 * ISO 8601 read by hand rather than with date-fns's parseISO: it costs a tenth as much, and a
 * 200,000-row file has 600,000 dates. A time without a zone, and a bare date, are UTC.
 */
function parseIsoDate(match: RegExpExecArray): Date | null {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone, sign, zoneHours = '0', zoneMinutes = '0'] = match;
  const midnight = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const check = new Date(midnight);
  // Date.UTC rolls 30 February over into March: a real date comes back as it went in.
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || check.getUTCFullYear() !== Number(year)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Number(zoneHours) > 23 || Number(zoneMinutes) > 59) return null;
  const offsetMinutes = zone && sign ? (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes)) : 0;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  return new Date(midnight + ((Number(hour) * 60 + Number(minute) - offsetMinutes) * 60 + Number(second)) * 1000 + millis);
}

/**
 * Reads a tracker's date: ISO 8601 or one of `otherFormats` (read as UTC). `lastFormat` remembers
 * the format that worked, as a file's column keeps one. Null when it is not a date or its year is
 * outside 1900-2999.
 */
export function parseTrackerDate(text: string, lastFormat: { format: string } = { format: '' }): Date | null {
  let date: Date | null = null;
  const iso = isoDateTime.exec(text);
  if (iso) date = parseIsoDate(iso);
  else {
    const family = otherFormats.find((candidate) => candidate.family.test(text));
    const formats = family ? [...(family.formats.includes(lastFormat.format) ? [lastFormat.format] : []), ...family.formats] : [];
    for (const format of formats) {
      const local = parse(text, format, new Date());
      if (!isValid(local)) continue;
      lastFormat.format = format;
      date = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
      break;
    }
  }
  if (!date) return null;
  const year = date.getUTCFullYear();
  return year >= minYear && year <= maxYear ? date : null;
}

const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names the trackers' exports use for each field (compared without case, spaces or punctuation). */
const knownHeaders: Record<keyof Omit<DeliveryMapping, 'planItemRules'>, string[]> = {
  key: ['key', 'issuekey', 'id', 'identifier', 'number', 'issuenumber'],
  created: ['created', 'createdat', 'createddate', 'opened', 'openedat'],
  resolved: ['resolved', 'resolvedat', 'resolutiondate', 'completed', 'completedat', 'closed', 'closedat', 'done', 'doneat'],
  started: ['started', 'startedat', 'startdate', 'inprogress'],
  type: ['issuetype', 'type', 'kind'],
  estimate: ['storypoints', 'customfieldstorypoints', 'estimate', 'points', 'storypointestimate'],
  labels: ['labels', 'label', 'tags'],
  title: ['summary', 'title', 'name'],
  planItem: ['milestone', 'workstream', 'epic', 'epiclink', 'epicname', 'parent', 'project'],
};

/** A mapping guessed from a file's header row (what Jira, Linear and GitHub call their columns); null when key, created or resolved cannot be found. */
export function guessDeliveryMapping(columns: readonly string[]): DeliveryMapping | null {
  const byName = new Map<string, string>();
  for (const column of columns) if (!byName.has(normaliseHeader(column))) byName.set(normaliseHeader(column), column);
  const guessed: Record<string, string> = {};
  for (const [field, names] of Object.entries(knownHeaders)) {
    const found = names.map((name) => byName.get(name)).find(Boolean);
    if (found) guessed[field] = found;
  }
  const checked = deliveryMappingSchema.safeParse(guessed);
  return checked.success ? checked.data : null;
}

/** The header row and the first rows of a file, for the mapping step. */
export function previewDeliveryCsv(csv: string, rows = 5): { columns: string[]; sample: string[][] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { preview: rows + 1, skipEmptyLines: 'greedy' });
  const [header = [], ...sample] = parsed.data;
  return { columns: header.map((cell) => cell.trim()), sample };
}

type Field = keyof Omit<DeliveryMapping, 'planItemRules'>;

interface ResolvedRule {
  label?: string;
  type?: string;
  titleContains?: string;
  planItemId: string;
}

/** Finds a plan item by id, or by title without regard to case. */
function planItemFinder(plan: readonly PlanItemName[]) {
  const byId = new Map(plan.map((item) => [item.id, item.id]));
  const byTitle = new Map<string, string | 'ambiguous'>();
  for (const item of plan) {
    const title = item.title.trim().toLowerCase();
    byTitle.set(title, byTitle.has(title) ? 'ambiguous' : item.id);
  }
  return (name: string): { id: string } | { problem: string } => {
    const found = byId.get(name) ?? byTitle.get(name.trim().toLowerCase());
    if (found === 'ambiguous') return { problem: `"${name}" is the title of more than one plan item; name it by its id` };
    if (found === undefined) return { problem: `"${name}" is not a milestone or workstream of this project's plan` };
    return { id: found };
  };
}

/** Keeps the first `maxListedProblems` problems and counts the rest. */
class ProblemList {
  readonly listed: LineProblem[] = [];
  private unlisted = 0;
  private firstUnlistedLine = 0;

  add(line: number, message: string) {
    if (this.listed.length < maxListedProblems) this.listed.push({ line, message });
    else if (this.unlisted++ === 0) this.firstUnlistedLine = line;
  }

  get count() {
    return this.listed.length + this.unlisted;
  }

  /** The problems, with one more saying how many were left out. */
  all(): LineProblem[] {
    if (this.unlisted === 0) return this.listed;
    const more = this.unlisted.toLocaleString('en-GB');
    return [...this.listed, { line: this.firstUnlistedLine, message: `and ${more} more line${this.unlisted === 1 ? '' : 's'} with problems from here on (only the first ${maxListedProblems.toLocaleString('en-GB')} are listed)` }];
  }
}

const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;

/** Checks one row's cells and turns them into a work item, or says what is wrong with them. */
function rowReader(columns: Record<Field, number[]>, findPlanItem: ReturnType<typeof planItemFinder>, rules: ResolvedRule[]) {
  const formats = { created: { format: '' }, started: { format: '' }, resolved: { format: '' } };
  const cell = (cells: string[], field: Field) => (columns[field].length ? (cells[columns[field][0]!] ?? '').trim() : '');
  const dateOf = (cells: string[], field: 'created' | 'started' | 'resolved', problems: string[]) => {
    const text = cell(cells, field);
    if (text === '') return null;
    const date = parseTrackerDate(text, formats[field]);
    if (!date) problems.push(`${field} ${quoted(text)} is not a date (write it like 2026-03-12 or 12/Mar/26 10:15 AM, a year from ${minYear} to ${maxYear})`);
    return date;
  };
  return (cells: string[], line: number): DeliveryRow | string[] => {
    const problems: string[] = [];
    const key = cell(cells, 'key');
    if (key === '') problems.push('key is empty');
    else if (key.length > 200) problems.push('key is over 200 characters');
    const title = cell(cells, 'title');
    if (title.length > 500) problems.push('title is over 500 characters');
    const type = cell(cells, 'type');
    if (type.length > 100) problems.push('type is over 100 characters');
    const estimateText = cell(cells, 'estimate');
    let estimate: number | null = null;
    if (estimateText !== '') {
      estimate = /^\d+(\.\d+)?$/.test(estimateText) ? Number(estimateText) : NaN;
      if (!(estimate >= 0 && estimate <= 1_000_000)) problems.push(`estimate ${quoted(estimateText)} must be a number from 0 to 1000000`);
    }
    const labels = [...new Set(columns.labels.flatMap((index) => (cells[index] ?? '').split(/[,;]/)).map((label) => label.trim()).filter(Boolean))];
    if (labels.length > 50) problems.push('more than 50 labels');
    else if (labels.some((label) => label.length > 100)) problems.push('a label is over 100 characters');
    const createdAt = dateOf(cells, 'created', problems);
    const startedAt = dateOf(cells, 'started', problems);
    const resolvedAt = dateOf(cells, 'resolved', problems);
    if (cell(cells, 'created') === '') problems.push('created is empty');
    if (createdAt && resolvedAt && resolvedAt < createdAt) problems.push('resolved is before created');
    if (createdAt && startedAt && startedAt < createdAt) problems.push('started is before created');
    if (startedAt && resolvedAt && resolvedAt < startedAt) problems.push('resolved is before started');
    let planItemId: string | null = null;
    const planItemName = cell(cells, 'planItem');
    if (planItemName !== '') {
      const found = findPlanItem(planItemName);
      if ('problem' in found) problems.push(found.problem);
      else planItemId = found.id;
    } else {
      const lowerTitle = title.toLowerCase();
      const lowerType = type.toLowerCase();
      const lowerLabels = labels.map((label) => label.toLowerCase());
      const rule = rules.find(
        (r) =>
          (r.label === undefined || lowerLabels.includes(r.label)) &&
          (r.type === undefined || lowerType === r.type) &&
          (r.titleContains === undefined || lowerTitle.includes(r.titleContains)),
      );
      planItemId = rule?.planItemId ?? null;
    }
    if (problems.length) return problems;
    return { line, key, title, type, estimate, labels, createdAt: createdAt!, startedAt, resolvedAt, planItemId };
  };
}

export interface DeliveryCsvReading {
  /** The rows without problems (a key seen twice keeps its first row). */
  rows: DeliveryRow[];
  problems: LineProblem[];
  /** True when the file as a whole cannot be imported (a column of the mapping is missing, too many rows): `rows` is then empty. */
  refused: boolean;
}

/** The lines a row spans: one, plus each line break inside its quoted cells. */
function linesOfRow(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) lines++;
    // A lone carriage return is a line break too (old Mac files).
    for (let at = cell.indexOf('\r'); at !== -1; at = cell.indexOf('\r', at + 1)) if (cell.charCodeAt(at + 1) !== 10) lines++;
  }
  return lines;
}

/**
 * Reads a whole file through `mapping`. Line numbers are the file's own (line 1 is the header; a
 * quoted cell spanning lines counts them all). papaparse reads it `chunkChars` at a time (much
 * faster than one string of megabytes) and the event loop gets a turn after each chunk.
 */
export async function readDeliveryCsv(csv: string, mapping: DeliveryMapping, plan: readonly PlanItemName[]): Promise<DeliveryCsvReading> {
  const text = csv.replace(/^\uFEFF/, '');
  const problems = new ProblemList();
  const rows: DeliveryRow[] = [];
  const lineOfKey = new Map<string, number>();
  const findPlanItem = planItemFinder(plan);
  let readRow: ReturnType<typeof rowReader> | null = null;
  let refused = false;
  let dataRows = 0;
  let line = 1;

  const readHeader = (header: string[]) => {
    const names = header.map((cell) => cell.trim());
    const columns = {} as Record<Field, number[]>;
    const fields = Object.keys(knownHeaders) as Field[];
    for (const field of fields) {
      const wanted = mapping[field];
      const indexes = wanted === undefined ? [] : names.flatMap((name, index) => (name === wanted ? [index] : []));
      if (wanted !== undefined && indexes.length === 0) {
        problems.add(1, `mapping.${field}: the file has no column ${quoted(wanted)} (its columns: ${names.map((name) => quoted(name)).join(', ').slice(0, 500)})`);
      }
      columns[field] = field === 'labels' ? indexes : indexes.slice(0, 1);
    }
    const rules: ResolvedRule[] = [];
    (mapping.planItemRules ?? []).forEach((rule, index) => {
      const found = findPlanItem(rule.planItem);
      if ('problem' in found) problems.add(1, `mapping.planItemRules.${index}.planItem: ${found.problem}`);
      else rules.push({ label: rule.label?.toLowerCase(), type: rule.type?.toLowerCase(), titleContains: rule.titleContains?.toLowerCase(), planItemId: found.id });
    });
    if (problems.count) refused = true;
    else readRow = rowReader(columns, findPlanItem, rules);
  };

  /** Reads one row; false once the file is refused (stop reading). */
  const readOne = (cells: string[], errors: readonly Papa.ParseError[]): boolean => {
    const rowLine = line;
    line += linesOfRow(cells);
    if (!readRow) {
      readHeader(cells);
      return !refused;
    }
    if (cells.every((cell) => cell.trim() === '')) return true;
    if (++dataRows > maxDeliveryCsvRows) {
      problems.add(rowLine, `the file has more than ${maxDeliveryCsvRows.toLocaleString('en-GB')} rows: split it and import the parts one after the other`);
      refused = true;
      return false;
    }
    for (const error of errors) problems.add(rowLine, error.message);
    const read = readRow(cells, rowLine);
    if (Array.isArray(read)) problems.add(rowLine, read.join('; '));
    else if (lineOfKey.has(read.key)) problems.add(rowLine, `key ${quoted(read.key)} is also on line ${lineOfKey.get(read.key)}`);
    else {
      lineOfKey.set(read.key, rowLine);
      rows.push(read);
    }
    return true;
  };

  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      skipEmptyLines: false,
      chunkSize: chunkChars,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        const errorsByRow = new Map<number, Papa.ParseError[]>();
        for (const error of result.errors) if (error.row !== undefined) errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), error]);
        for (let index = 0; index < result.data.length; index++) {
          if (!readOne(result.data[index]!, errorsByRow.get(index) ?? [])) {
            parser.abort();
            return;
          }
        }
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => resolve(),
    });
  });
  if (!refused && dataRows === 0) {
    problems.add(1, readRow ? 'the file has no rows below its header' : 'the file is empty');
    refused = true;
  }
  return { rows: refused ? [] : rows, problems: problems.all(), refused };
}
