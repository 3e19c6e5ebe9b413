// The plan as a kind of live board: authorship of roadmap changes (for the slippage history), the
// "save baseline" and "import a plan" commands, and the projection into the plan_* tables.
import * as Y from 'yjs';
import { planItemTextFieldNames } from '../../domain/plan';
import { goalTextFieldNames, stakeholderTextFieldNames } from '../../domain/planCharter';
import { actorOf, observeEntries, observeTransitions } from '../attribution';
import { projectPlanBoard } from '../projections/plan';
import { nonGoalsArray, planItemsMap, planMaps, saveBaseline, scopeArray } from './planDocument';
import { oneSlice } from '../commandSlices';
import { importPlanInSlices } from './planImport';
import type { BoardDefinition } from './types';

export const planBoard: BoardDefinition<'plan'> = {
  kind: 'plan',

  textFields: {
    entries: [
      { map: planMaps.items, fields: planItemTextFieldNames },
      { map: planMaps.goals, fields: goalTextFieldNames },
      { map: planMaps.stakeholders, fields: stakeholderTextFieldNames },
    ],
    singletons: [{ map: planMaps.charter, fields: ['vision'] }],
    lists: ['scope', 'nonGoals'],
  },

  observe(doc, attribution) {
    // Only roadmap items keep a per-field history; the other tables are snapshots, but a change to
    // them alone (a baseline saved, the charter edited) must still run the projection, or the
    // public page would compare milestones with a baseline it does not know yet.
    observeEntries(planItemsMap(doc), attribution);
    // Every move of a date is kept, even when two land before the projection runs.
    observeTransitions(planItemsMap(doc), ['start', 'end'], attribution);
    const snapshots: (Y.Map<unknown> | Y.Array<unknown>)[] = [
      ...Object.values(planMaps)
        .filter((name) => name !== planMaps.items)
        .map((name) => doc.getMap<unknown>(name)),
      scopeArray(doc),
      nonGoalsArray(doc),
    ];
    for (const shared of snapshots) {
      shared.observeDeep((_events, transaction) => attribution.record('plan:snapshot', '*', actorOf(transaction.origin)));
    }
  },

  commands: {
    'plan.saveBaseline': (doc, command, actorId) => oneSlice(() => saveBaseline(doc, command.name, actorId)),
    'plan.import': (doc, command, actorId, sliceRows) => importPlanInSlices(doc, command, actorId, sliceRows),
  },

  project: projectPlanBoard,
};
