// The plan as a kind of live board: authorship of roadmap changes (for the slippage history), the
// "save baseline" command, and the projection into the plan_* tables.
import { observeEntries } from '../attribution';
import { projectPlanBoard } from '../projections/plan';
import { planItemsMap, saveBaseline } from './planDocument';
import type { BoardDefinition } from './types';

export const planBoard: BoardDefinition<'plan'> = {
  kind: 'plan',

  observe(doc, attribution) {
    // Only roadmap items keep a per-field history; the other tables are snapshots.
    observeEntries(planItemsMap(doc), attribution);
  },

  applyCommand(doc, command, actorId) {
    switch (command.type) {
      case 'plan.saveBaseline':
        return saveBaseline(doc, command.name, actorId);
    }
  },

  project: projectPlanBoard,
};
