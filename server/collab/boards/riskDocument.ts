// Reading and writing the risk board's live document (`risks:<projectId>`, docs/live-documents.md):
// a top-level Y.Map `items`, keyed by item id, each value a Y.Map of the item's fields. Shared by
// the server (imports, projection) and the browser's live board, so both write the same schema.
import * as Y from 'yjs';
import { emptyRaidFields, normalizeRaidFields, raidFieldNames, type RaidFields } from '../../domain/risk';

export const itemsMapName = 'items';

export interface RaidDocItem {
  id: string;
  fields: RaidFields;
  createdAt: string | null;
}

export function raidItemsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(itemsMapName);
}

/** Every well-formed item in the document; entries that are not Y.Maps are skipped. */
export function readRaidItems(doc: Y.Doc): RaidDocItem[] {
  const items: RaidDocItem[] = [];
  raidItemsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const raw = value.toJSON() as Record<string, unknown>;
    const createdAt = typeof raw.createdAt === 'string' && !Number.isNaN(Date.parse(raw.createdAt)) ? raw.createdAt : null;
    items.push({ id, fields: normalizeRaidFields(raw), createdAt });
  });
  return items;
}

/** Adds a new item with every field set; returns its id. */
export function insertRaidItem(
  doc: Y.Doc,
  fields: Partial<RaidFields>,
  actorId: string,
  id: string = globalThis.crypto.randomUUID(),
): string {
  const item = new Y.Map<unknown>();
  const values = { ...emptyRaidFields, ...fields };
  doc.transact(() => {
    item.set('id', id);
    for (const name of raidFieldNames) item.set(name, values[name]);
    item.set('createdAt', new Date().toISOString());
    item.set('createdBy', actorId);
    raidItemsMap(doc).set(id, item);
  });
  return id;
}

/** Sets the given fields of an existing item, only where the value really changes. */
export function updateRaidItem(doc: Y.Doc, id: string, fields: Partial<RaidFields>): boolean {
  const item = raidItemsMap(doc).get(id);
  if (!(item instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined && item.get(name) !== value) item.set(name, value);
    }
  });
  return true;
}
