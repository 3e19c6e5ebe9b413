// Writes a PlanImport into a plan document, in one transaction or in slices (commandSlices.ts):
// items added or updated, then the dependencies between them (loops refused), goals, stakeholders,
// RACI and the charter. Throws
// PlanImportError, having changed nothing the caller keeps, for a reference to an unknown item or
// a loop (LiveDocuments.apply works on a scratch copy).
import type * as Y from 'yjs';
import { runAllSlices, type CommandSlices } from '../commandSlices';
import { emptyGoalFields, emptyStakeholderFields } from '../../domain/planCharter';
import { PlanImportError, type PlanImport } from '../../domain/planImport';
import {
  addDependency,
  goalsMap,
  insertEntry,
  insertPlanItem,
  nonGoalsArray,
  planItemsMap,
  replaceListEntries,
  scopeArray,
  setRaci,
  setVision,
  stakeholdersMap,
  updatePlanItem,
} from './planDocument';

type PlanImportResult = { created: number; updated: number; dependencies: number };

export function importPlan(doc: Y.Doc, plan: PlanImport, actorId: string): PlanImportResult {
  return runAllSlices(doc, importPlanInSlices(doc, plan, actorId, Number.POSITIVE_INFINITY));
}

/**
 * The same import in slices of `sliceRows` items, dependencies, goals, stakeholders or RACI entries
 * (see commandSlices.ts). A check that fails in a later slice throws there: the caller makes
 * every slice on a scratch copy before applying any to the live board.
 */
export function* importPlanInSlices(doc: Y.Doc, plan: PlanImport, actorId: string, sliceRows: number): CommandSlices<PlanImportResult> {
  let created = 0;
  let updated = 0;
  let dependencies = 0;
  let rows = 0;
  /** True once a slice is full: the caller yields. */
  const sliceFull = () => ++rows % sliceRows === 0;
  const items = planItemsMap(doc);
  for (const { id, fields } of plan.items) {
    if (sliceFull()) yield;
    if (items.has(id)) {
      updatePlanItem(doc, id, fields);
      updated++;
    } else {
      insertPlanItem(doc, fields, actorId, id);
      created++;
    }
  }
  for (const { id, fields } of plan.items) {
    if (fields.milestoneId && !items.has(fields.milestoneId)) throw new PlanImportError(`Item ${id} delivers an unknown milestone ${fields.milestoneId}.`);
  }
  for (const { fromId, toId } of plan.dependencies ?? []) {
    if (sliceFull()) yield;
    if (!items.has(fromId) || !items.has(toId)) throw new PlanImportError(`A dependency names an unknown item (${fromId} -> ${toId}).`);
    const result = addDependency(doc, fromId, toId, actorId);
    if (result.ok) dependencies++;
    else if ('cycle' in result) throw new PlanImportError(`The dependency ${fromId} -> ${toId} would close a loop.`);
  }
  for (const { id, ...goal } of plan.goals ?? []) {
    if (sliceFull()) yield;
    insertEntry(goalsMap(doc), { ...emptyGoalFields, ...goal }, id);
  }
  for (const { id, ...stakeholder } of plan.stakeholders ?? []) {
    if (sliceFull()) yield;
    insertEntry(stakeholdersMap(doc), { ...emptyStakeholderFields, ...stakeholder }, id);
  }
  for (const { subjectId, stakeholderId, role } of plan.raci ?? []) {
    if (sliceFull()) yield;
    if (!items.has(subjectId) && !goalsMap(doc).has(subjectId)) throw new PlanImportError(`A RACI entry names an unknown milestone or goal (${subjectId}).`);
    if (!stakeholdersMap(doc).has(stakeholderId)) throw new PlanImportError(`A RACI entry names an unknown stakeholder (${stakeholderId}).`);
    setRaci(doc, subjectId, stakeholderId, role);
  }
  const { vision, scope, nonGoals } = plan.charter ?? {};
  if (vision !== undefined) setVision(doc, vision);
  for (const [array, lines] of [[scopeArray(doc), scope], [nonGoalsArray(doc), nonGoals]] as const) {
    if (lines) replaceListEntries(array, lines);
  }
  return { created, updated, dependencies };
}
