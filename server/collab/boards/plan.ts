// The plan as a kind of live board: authorship of roadmap changes (for the slippage history), the
// "save baseline" and "import a plan" commands, and the projection into the plan_* tables.
import { planItemTextFieldNames } from '../../domain/plan';
import { goalTextFieldNames, stakeholderTextFieldNames } from '../../domain/planCharter';
import { observeEntries, observeTransitions } from '../attribution';
import { projectPlanBoard } from '../projections/plan';
import { planItemsMap, planMaps, saveBaseline } from './planDocument';
import { importPlan } from './planImport';
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
    // Only roadmap items keep a per-field history; the other tables are snapshots.
    observeEntries(planItemsMap(doc), attribution);
    // Every move of a date is kept, even when two land before the projection runs.
    observeTransitions(planItemsMap(doc), ['start', 'end'], attribution);
  },

  commands: {
    'plan.saveBaseline': (doc, command, actorId) => saveBaseline(doc, command.name, actorId),
    'plan.import': (doc, command, actorId) => importPlan(doc, command, actorId),
  },

  project: projectPlanBoard,
};
