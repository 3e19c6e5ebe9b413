// The risk board (RAID log) as a kind of live board: authorship tracking, the CSV import
// command (in slices of rows), and the projection into raid_item / raid_item_change.
import { raidTextFieldNames } from '../../domain/risk';
import { observeEntries } from '../attribution';
import { projectRiskBoard } from '../projections/risks';
import type { BoardDefinition } from './types';
import { insertRaidItem, itemsMapName, raidItemsMap, updateRaidItem } from './riskDocument';

export const risksBoard: BoardDefinition<'risks'> = {
  kind: 'risks',

  textFields: { entries: [{ map: itemsMapName, fields: raidTextFieldNames }], singletons: [], lists: [] },

  observe(doc, attribution) {
    observeEntries(raidItemsMap(doc), attribution);
  },

  commands: {
    'raid.import': function* (doc, command, actorId, sliceRows) {
      let created = 0;
      let updated = 0;
      for (const [index, row] of command.rows.entries()) {
        if (index > 0 && index % sliceRows === 0) yield;
        if (row.id && updateRaidItem(doc, row.id, row.fields)) updated++;
        else {
          insertRaidItem(doc, row.fields, actorId, row.id ?? undefined);
          created++;
        }
      }
      return { created, updated };
    },
  },

  project: projectRiskBoard,
};
