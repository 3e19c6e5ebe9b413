// Roadmap rules of the live plan: what a milestone or workstream is, finish-to-start dependencies
// (cycle refusal, flagged dependents, the critical path to a milestone) and baseline slippage.
// Pure functions, shared by the projection, tRPC, the server render and the live board.
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import { planDateSchema } from './dates';
import { plainValue } from './risk';

export const planItemKinds = ['milestone', 'workstream'] as const;
export const milestoneStatuses = ['planned', 'at_risk', 'done', 'missed'] as const;
export type PlanItemKind = (typeof planItemKinds)[number];
export type MilestoneStatus = (typeof milestoneStatuses)[number];

// Dates outside 1900-2999 (a typo like year 0006) read as missing, so they never reach Postgres.
const isoDate = planDateSchema;

/**
 * The fields of a roadmap item as stored in the live document (docs/live-documents.md). A
 * milestone is a point in time: its `start` equals its `end` (its date).
 */
export const planItemFieldsSchema = z.object({
  kind: z.enum(planItemKinds),
  title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: z.string().max(10_000),
  ownerId: z.string().min(1).nullable(),
  status: z.enum(milestoneStatuses),
  start: isoDate,
  end: isoDate,
  progress: z.number().int().min(0).max(100),
  /** A workstream's milestone (the one it delivers); null for milestones. */
  milestoneId: z.string().min(1).max(64).nullable(),
});
export type PlanItemFields = z.infer<typeof planItemFieldsSchema>;
export const planItemFieldNames = Object.keys(planItemFieldsSchema.shape) as (keyof PlanItemFields)[];
/** Free text: a Y.Text in the live document (a plain string is read too). */
export const planItemTextFieldNames = ['title', 'description'] as const satisfies readonly (keyof PlanItemFields)[];

export function emptyPlanItemFields(today: string): PlanItemFields {
  return {
    kind: 'milestone',
    title: '',
    description: '',
    ownerId: null,
    status: 'planned',
    start: today,
    end: today,
    progress: 0,
    milestoneId: null,
  };
}

/** Whatever another program wrote becomes a well-formed item; wrong values fall back to empty. */
export function normalizePlanItemFields(raw: Record<string, unknown>, today: string): PlanItemFields {
  const fields = emptyPlanItemFields(today);
  for (const name of planItemFieldNames) {
    const value = plainValue(raw[name]);
    if (value === undefined) continue;
    const parsed = planItemFieldsSchema.shape[name].safeParse(value);
    if (parsed.success) (fields as Record<string, unknown>)[name] = parsed.data;
  }
  if (!fields.title) fields.title = 'Untitled';
  // A point in time, or a bar that ends on or after it starts.
  if (fields.kind === 'milestone') fields.start = fields.end;
  else if (fields.end < fields.start) fields.end = fields.start;
  return fields;
}

export interface PlanItem extends PlanItemFields {
  id: string;
}

/** Finish-to-start: `toId` may start only once `fromId` has ended. */
export interface PlanDependency {
  id: string;
  fromId: string;
  toId: string;
}

/**
 * The chain of items that adding `fromId -> toId` would close into a loop (starting and ending at
 * `fromId`), or null when the dependency is safe.
 */
export function dependencyCycle(dependencies: readonly Pick<PlanDependency, 'fromId' | 'toId'>[], fromId: string, toId: string): string[] | null {
  if (fromId === toId) return [fromId, fromId];
  const successors = new Map<string, string[]>();
  for (const d of dependencies) {
    const list = successors.get(d.fromId);
    if (list) list.push(d.toId);
    else successors.set(d.fromId, [d.toId]);
  }
  // Is there already a path toId -> ... -> fromId? Then fromId -> toId closes it.
  const cameFrom = new Map<string, string>();
  const queue = [toId];
  const seen = new Set([toId]);
  while (queue.length) {
    const current = queue.shift()!;
    if (current === fromId) {
      const path = [fromId];
      let step = fromId;
      while (step !== toId) {
        step = cameFrom.get(step)!;
        path.unshift(step);
      }
      return [fromId, ...path];
    }
    for (const next of successors.get(current) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      cameFrom.set(next, current);
      queue.push(next);
    }
  }
  return null;
}

/** A message a person understands for a refused dependency. */
export function describeCycle(cycle: string[], titleOf: (id: string) => string): string {
  if (cycle.length === 2 && cycle[0] === cycle[1]) return `“${titleOf(cycle[0]!)}” cannot depend on itself.`;
  return `This dependency would create a loop: ${cycle.map((id) => `“${titleOf(id)}”`).join(' → ')}. Remove one of these dependencies first.`;
}

/** Dependencies whose dependent starts before its predecessor ends (flagged on the timeline). */
export function violatedDependencies(items: readonly PlanItem[], dependencies: readonly PlanDependency[]): PlanDependency[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return dependencies.filter((d) => {
    const from = byId.get(d.fromId);
    const to = byId.get(d.toId);
    return from && to && to.start < from.end;
  });
}

/**
 * The critical path to a milestone: walking back from it, at each step the predecessor that ends
 * last (the one that drives the start), ties broken by the longer chain behind it. Returned from
 * the first item to the milestone.
 */
export function criticalPath(items: readonly PlanItem[], dependencies: readonly PlanDependency[], targetId: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  if (!byId.has(targetId)) return [];
  const predecessors = new Map<string, string[]>();
  for (const d of dependencies) {
    if (!byId.has(d.fromId) || !byId.has(d.toId)) continue;
    const list = predecessors.get(d.toId);
    if (list) list.push(d.fromId);
    else predecessors.set(d.toId, [d.fromId]);
  }
  const chainLength = new Map<string, number>();
  const lengthOf = (id: string, visiting: Set<string>): number => {
    const known = chainLength.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a loop written by another program: stop walking it
    visiting.add(id);
    const item = byId.get(id)!;
    const own = differenceInCalendarDays(parseISO(item.end), parseISO(item.start)) + 1;
    const before = Math.max(0, ...(predecessors.get(id) ?? []).map((p) => lengthOf(p, visiting)));
    visiting.delete(id);
    chainLength.set(id, own + before);
    return own + before;
  };
  const path = [targetId];
  const onPath = new Set(path);
  let current = targetId;
  for (;;) {
    const candidates = (predecessors.get(current) ?? []).filter((p) => !onPath.has(p));
    if (!candidates.length) break;
    candidates.sort((a, b) => {
      const byEnd = byId.get(b)!.end.localeCompare(byId.get(a)!.end);
      return byEnd || lengthOf(b, new Set()) - lengthOf(a, new Set()) || a.localeCompare(b);
    });
    current = candidates[0]!;
    onPath.add(current);
    path.unshift(current);
  }
  return path;
}

/** Days a date has slipped against its baseline: positive is later, negative earlier. */
export function slippageDays(baselineDate: string, currentDate: string): number {
  return differenceInCalendarDays(parseISO(currentDate), parseISO(baselineDate));
}

/** The dates a baseline freezes, by item id. */
export type BaselineDates = Record<string, { start: string; end: string }>;

export function baselineDatesOf(items: readonly PlanItem[]): BaselineDates {
  return Object.fromEntries(items.map((i) => [i.id, { start: i.start, end: i.end }]));
}

/** Slippage of every milestone present in the baseline, in days (end date against end date). */
export function milestoneSlippage(items: readonly PlanItem[], baseline: BaselineDates): Map<string, number> {
  const slips = new Map<string, number>();
  for (const item of items) {
    const frozen = baseline[item.id];
    if (item.kind === 'milestone' && frozen) slips.set(item.id, slippageDays(frozen.end, item.end));
  }
  return slips;
}

/** Moves an item by whole days, keeping its length (drag or arrow keys on the timeline). */
export function moveItem(item: Pick<PlanItem, 'start' | 'end'>, days: number): { start: string; end: string } {
  const shift = (d: string) => format(addDays(parseISO(d), days), 'yyyy-MM-dd');
  return { start: shift(item.start), end: shift(item.end) };
}

/** Moves the end of a workstream, never before its start. */
export function resizeItem(item: Pick<PlanItem, 'start' | 'end'>, days: number): { start: string; end: string } {
  const end = format(addDays(parseISO(item.end), days), 'yyyy-MM-dd');
  return { start: item.start, end: end < item.start ? item.start : end };
}
