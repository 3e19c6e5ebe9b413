// Reading and writing the plan's live document (`plan:<projectId>`, docs/live-documents.md).
// Shared by the server (commands, projection) and the browser's live plan, so both write the same
// schema. Every top-level type is created by name, so concurrent first writes never conflict. Free
// text (titles, descriptions, the vision, scope entries, goal and stakeholder text) is Y.Text.
import * as Y from 'yjs';
import { format } from 'date-fns';
import {
  baselineDatesOf,
  dependencyCycle,
  moveItem,
  normalizePlanItemFields,
  resizeItem,
  planItemFieldNames,
  planItemTextFieldNames,
  type BaselineDates,
  type PlanDependency,
  type PlanItem,
  type PlanItemFields,
} from '../../domain/plan';
import { isPlanDate } from '../../domain/dates';
import {
  emptyGoalFields,
  emptyStakeholderFields,
  goalFieldsSchema,
  goalTextFieldNames,
  normalizeFields,
  raciRoles,
  stakeholderFieldsSchema,
  stakeholderTextFieldNames,
  type GoalFields,
  type RaciRole,
  type StakeholderFields,
} from '../../domain/planCharter';
import { sharedTextOf, textOf, writeFields, writeText } from './liveText';

export const planMaps = {
  items: 'items',
  dependencies: 'dependencies',
  baselines: 'baselines',
  goals: 'goals',
  stakeholders: 'stakeholders',
  raci: 'raci',
  charter: 'charter',
} as const;

export const today = () => format(new Date(), 'yyyy-MM-dd');

export const planItemsMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.items);
export const dependenciesMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.dependencies);
export const baselinesMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.baselines);
export const goalsMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.goals);
export const stakeholdersMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.stakeholders);
export const raciMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.raci);
export const charterMap = (doc: Y.Doc) => doc.getMap<unknown>(planMaps.charter);
export const scopeArray = (doc: Y.Doc) => doc.getArray<unknown>('scope');
export const nonGoalsArray = (doc: Y.Doc) => doc.getArray<unknown>('nonGoals');

const newId = () => globalThis.crypto.randomUUID();

function entryJson(value: unknown): Record<string, unknown> | null {
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null;
}

// --- roadmap ----------------------------------------------------------------------------------

export function readPlanItem(id: string, value: unknown, day = today()): PlanItem | null {
  const raw = entryJson(value);
  return raw ? { id, ...normalizePlanItemFields(raw, day) } : null;
}

export function readPlanItems(doc: Y.Doc): PlanItem[] {
  const day = today();
  const items: PlanItem[] = [];
  planItemsMap(doc).forEach((value, id) => {
    const item = readPlanItem(id, value, day);
    if (item) items.push(item);
  });
  return items;
}

export function insertPlanItem(doc: Y.Doc, fields: Partial<PlanItemFields>, actorId: string, id = newId()): string {
  const values = normalizePlanItemFields({ title: 'Untitled', ...fields }, today());
  const item = new Y.Map<unknown>();
  doc.transact(() => {
    item.set('id', id);
    for (const name of planItemFieldNames) {
      const value = values[name];
      item.set(name, (planItemTextFieldNames as readonly string[]).includes(name) && typeof value === 'string' ? new Y.Text(value) : value);
    }
    item.set('createdAt', new Date().toISOString());
    item.set('createdBy', actorId);
    planItemsMap(doc).set(id, item);
  });
  return id;
}

/** Sets the given fields, only where the value really changes (each field merges on its own, text by character). */
export function updatePlanItem(doc: Y.Doc, id: string, fields: Partial<PlanItemFields>): boolean {
  const item = planItemsMap(doc).get(id);
  if (!(item instanceof Y.Map)) return false;
  // A date outside 1900-2999 or not a date at all is refused; the item keeps its date.
  if ((fields.start !== undefined && !isPlanDate(fields.start)) || (fields.end !== undefined && !isPlanDate(fields.end))) return false;
  doc.transact(() => writeFields(item, fields, planItemTextFieldNames));
  return true;
}

/**
 * Moves an item (or, `resize`, the end of a workstream) by whole days from its dates in the
 * document now, not from what a screen last rendered: key presses faster than renders all count.
 */
export function shiftPlanItem(doc: Y.Doc, id: string, days: number, mode: 'move' | 'resize'): boolean {
  const item = readPlanItem(id, planItemsMap(doc).get(id));
  if (!item) return false;
  return updatePlanItem(doc, id, mode === 'move' ? moveItem(item, days) : resizeItem(item, days));
}

/** Deletes an item with its dependencies and RACI rows. */
export function deletePlanItem(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    planItemsMap(doc).delete(id);
    for (const dependency of readDependencies(doc)) {
      if (dependency.fromId === id || dependency.toId === id) dependenciesMap(doc).delete(dependency.id);
    }
    for (const key of [...raciMap(doc).keys()]) if (key.startsWith(`${id}:`)) raciMap(doc).delete(key);
  });
}

export function readDependencies(doc: Y.Doc): PlanDependency[] {
  const dependencies: PlanDependency[] = [];
  dependenciesMap(doc).forEach((value, id) => {
    const raw = entryJson(value);
    if (raw && typeof raw.fromId === 'string' && typeof raw.toId === 'string') dependencies.push({ id, fromId: raw.fromId, toId: raw.toId });
  });
  return dependencies;
}

export type AddDependencyResult = { ok: true; id: string } | { ok: false; cycle: string[] } | { ok: false; duplicate: true };

/** Adds a finish-to-start dependency unless it already exists or would close a loop. */
export function addDependency(doc: Y.Doc, fromId: string, toId: string, actorId: string, id = newId()): AddDependencyResult {
  const existing = readDependencies(doc);
  if (existing.some((d) => d.fromId === fromId && d.toId === toId)) return { ok: false, duplicate: true };
  const cycle = dependencyCycle(existing, fromId, toId);
  if (cycle) return { ok: false, cycle };
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('id', id);
    entry.set('fromId', fromId);
    entry.set('toId', toId);
    entry.set('createdBy', actorId);
    dependenciesMap(doc).set(id, entry);
  });
  return { ok: true, id };
}

// --- baselines --------------------------------------------------------------------------------

export interface PlanBaseline {
  id: string;
  name: string;
  savedAt: string;
  savedBy: string | null;
  dates: BaselineDates;
}

export function readBaselines(doc: Y.Doc): PlanBaseline[] {
  const baselines: PlanBaseline[] = [];
  baselinesMap(doc).forEach((value, id) => {
    const raw = entryJson(value);
    if (!raw || typeof raw.name !== 'string' || typeof raw.dates !== 'object' || !raw.dates) return;
    baselines.push({
      id,
      name: raw.name,
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : new Date(0).toISOString(),
      savedBy: typeof raw.savedBy === 'string' ? raw.savedBy : null,
      dates: raw.dates as BaselineDates,
    });
  });
  return baselines.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Freezes the current dates of every item under a name. */
export function saveBaseline(doc: Y.Doc, name: string, actorId: string, id = newId()): { baselineId: string; itemCount: number } {
  const items = readPlanItems(doc);
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('id', id);
    entry.set('name', name);
    entry.set('savedAt', new Date().toISOString());
    entry.set('savedBy', actorId);
    entry.set('dates', baselineDatesOf(items));
    baselinesMap(doc).set(id, entry);
  });
  return { baselineId: id, itemCount: items.length };
}

// --- charter, goals, stakeholders, RACI ---------------------------------------------------------

export interface PlanCharter {
  vision: string;
  scope: string[];
  nonGoals: string[];
}

export function readCharter(doc: Y.Doc): PlanCharter {
  const strings = (a: Y.Array<unknown>) => a.toArray().flatMap((entry) => textOf(entry) ?? []);
  return { vision: textOf(charterMap(doc).get('vision')) ?? '', scope: strings(scopeArray(doc)), nonGoals: strings(nonGoalsArray(doc)) };
}

export const setVision = (doc: Y.Doc, text: string) => void writeText(charterMap(doc), 'vision', text);

/** Adds an entry (a Y.Text) at the end of the scope or non-goals. */
export const addListEntry = (list: Y.Array<unknown>, text: string) => list.push([new Y.Text(text)]);

/** Replaces every entry of a list (an import). */
export function replaceListEntries(list: Y.Array<unknown>, lines: readonly string[]): void {
  list.doc!.transact(() => {
    list.delete(0, list.length);
    list.push(lines.map((line) => new Y.Text(line)));
  });
}

/** The Y.Text of a plan text to bind an input to; null while it is missing or still a plain string. */
export type PlanTextAddress =
  | { in: 'items'; id: string; field: (typeof planItemTextFieldNames)[number] }
  | { in: 'goals'; id: string; field: (typeof goalTextFieldNames)[number] }
  | { in: 'stakeholders'; id: string; field: (typeof stakeholderTextFieldNames)[number] }
  | { in: 'charter'; field: 'vision' }
  | { in: 'scope' | 'nonGoals'; index: number };

export function planText(doc: Y.Doc, at: PlanTextAddress): Y.Text | null {
  switch (at.in) {
    case 'charter':
      return sharedTextOf(charterMap(doc), at.field);
    case 'scope':
    case 'nonGoals': {
      const entry = (at.in === 'scope' ? scopeArray(doc) : nonGoalsArray(doc)).get(at.index);
      return entry instanceof Y.Text ? entry : null;
    }
    default:
      return sharedTextOf(doc.getMap<unknown>(planMaps[at.in]).get(at.id), at.field);
  }
}

export interface PlanGoal extends GoalFields {
  id: string;
}

export function readGoals(doc: Y.Doc): PlanGoal[] {
  const goals: PlanGoal[] = [];
  goalsMap(doc).forEach((value, id) => {
    const raw = entryJson(value);
    if (!raw) return;
    const fields = normalizeFields(goalFieldsSchema, emptyGoalFields, raw);
    goals.push({ id, ...fields, title: fields.title || 'Untitled goal' });
  });
  return goals;
}

export interface PlanStakeholder extends StakeholderFields {
  id: string;
}

export function readStakeholders(doc: Y.Doc): PlanStakeholder[] {
  const stakeholders: PlanStakeholder[] = [];
  stakeholdersMap(doc).forEach((value, id) => {
    const raw = entryJson(value);
    if (!raw) return;
    const fields = normalizeFields(stakeholderFieldsSchema, emptyStakeholderFields, raw);
    stakeholders.push({ id, ...fields, name: fields.name || 'Unnamed' });
  });
  return stakeholders;
}

/** The text fields of the goal and stakeholder maps. */
const entryTextFields: Record<string, readonly string[]> = { [planMaps.goals]: goalTextFieldNames, [planMaps.stakeholders]: stakeholderTextFieldNames };
const textFieldsOf = (map: Y.Map<unknown>) => {
  for (const [name, fields] of Object.entries(entryTextFields)) if (map.doc?.getMap(name) === map) return fields;
  return [];
};

/** Adds a goal or a stakeholder: a Y.Map with every field (text as Y.Text), set in one transaction. */
export function insertEntry(map: Y.Map<unknown>, fields: Record<string, unknown>, id = newId()): string {
  const entry = new Y.Map<unknown>();
  const textFields = textFieldsOf(map);
  map.doc!.transact(() => {
    entry.set('id', id);
    for (const [name, value] of Object.entries(fields)) entry.set(name, textFields.includes(name) && typeof value === 'string' ? new Y.Text(value) : value);
    map.set(id, entry);
  });
  return id;
}

export function updateEntry(map: Y.Map<unknown>, id: string, fields: Record<string, unknown>): void {
  const entry = map.get(id);
  if (!(entry instanceof Y.Map)) return;
  map.doc!.transact(() => writeFields(entry, fields, textFieldsOf(map)));
}

export interface RaciEntry {
  /** A milestone or goal id. */
  subjectId: string;
  stakeholderId: string;
  role: RaciRole;
}

/** RACI rows live in one flat map keyed `<subjectId>:<stakeholderId>`, so each cell merges alone. */
export function readRaci(doc: Y.Doc): RaciEntry[] {
  const entries: RaciEntry[] = [];
  raciMap(doc).forEach((role, key) => {
    const [subjectId, stakeholderId, ...rest] = key.split(':');
    if (!subjectId || !stakeholderId || rest.length || !(raciRoles as readonly unknown[]).includes(role)) return;
    entries.push({ subjectId, stakeholderId, role: role as RaciRole });
  });
  return entries;
}

export function setRaci(doc: Y.Doc, subjectId: string, stakeholderId: string, role: RaciRole | null): void {
  const key = `${subjectId}:${stakeholderId}`;
  if (role) raciMap(doc).set(key, role);
  else raciMap(doc).delete(key);
}
