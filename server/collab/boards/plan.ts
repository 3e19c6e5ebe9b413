// The plan as a kind of live board: authorship of roadmap changes (for the slippage history), the
// "save baseline" command, and the projection into the plan_* tables.
import * as Y from 'yjs';
import { actorOf } from '../attribution';
import { projectPlanBoard } from '../projections/plan';
import { planItemsMap, saveBaseline } from './planDocument';
import type { BoardDefinition } from './types';

export const planBoard: BoardDefinition<'plan'> = {
  kind: 'plan',

  observe(doc, attribution) {
    // Only roadmap items keep a per-field history; the other tables are snapshots.
    const items = planItemsMap(doc);
    items.observeDeep((events, transaction) => {
      const actor = actorOf(transaction.origin);
      for (const event of events) {
        if (event.target === items) {
          for (const id of event.keys.keys()) attribution.record(id, '*', actor);
          continue;
        }
        const itemId = event.path[0];
        if (typeof itemId !== 'string') continue;
        if (event.target instanceof Y.Map) for (const field of event.keys.keys()) attribution.record(itemId, field, actor);
      }
    });
  },

  applyCommand(doc, command, actorId) {
    switch (command.type) {
      case 'plan.saveBaseline':
        return saveBaseline(doc, command.name, actorId);
    }
  },

  project: projectPlanBoard,
};
