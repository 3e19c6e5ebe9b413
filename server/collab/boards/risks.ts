// The risk board (RAID log) as a kind of live board: authorship tracking, the CSV import
// command, and the projection into raid_item / raid_item_change.
import * as Y from 'yjs';
import { actorOf } from '../attribution';
import { projectRiskBoard } from '../projections/risks';
import type { BoardDefinition } from './types';
import { insertRaidItem, raidItemsMap, updateRaidItem } from './riskDocument';

export const risksBoard: BoardDefinition<'risks'> = {
  kind: 'risks',

  observe(doc, attribution) {
    const items = raidItemsMap(doc);
    items.observeDeep((events, transaction) => {
      const actor = actorOf(transaction.origin);
      for (const event of events) {
        if (event.target === items) {
          for (const id of event.keys.keys()) attribution.record(id, '*', actor);
          continue;
        }
        const itemId = event.path[0];
        if (typeof itemId !== 'string') continue;
        // A field written as a nested shared type (by another program) shows up one level deeper.
        const nestedField = event.path[1];
        if (typeof nestedField === 'string') attribution.record(itemId, nestedField, actor);
        if (event.target instanceof Y.Map) for (const field of event.keys.keys()) attribution.record(itemId, field, actor);
      }
    });
  },

  applyCommand(doc, command, actorId) {
    let created = 0;
    let updated = 0;
    doc.transact(() => {
      for (const row of command.rows) {
        if (row.id && updateRaidItem(doc, row.id, row.fields)) updated++;
        else {
          insertRaidItem(doc, row.fields, actorId, row.id ?? undefined);
          created++;
        }
      }
    });
    return { created, updated };
  },

  project: projectRiskBoard,
};
