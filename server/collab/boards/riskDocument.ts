// Reading and writing the risk board's live document (`risks:<projectId>`, docs/live-documents.md):
// a top-level Y.Map `items`, keyed by item id, each value a Y.Map of the item's fields, free text as
// Y.Text. Shared by the server (imports, projection) and the browser's live board, so both write
// the same schema.
import * as Y from 'yjs';
import { emptyRaidFields, normalizeRaidFields, raidFieldNames, raidTextFieldNames, type RaidFields, type RaidTextField } from '../../domain/risk';
import { sharedTextOf, writeFields } from './liveText';

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
    const item = readRaidItem(id, value);
    if (item) items.push(item);
  });
  return items;
}

/**
 * One entry of the items map as an item, or null when it is not a well-formed one (not a Y.Map,
 * or deleted since the entry was taken: a reader working in slices holds entries across turns).
 */
export function readRaidItem(id: string, value: unknown): RaidDocItem | null {
  if (!(value instanceof Y.Map) || value._item?.deleted) return null;
  const raw = value.toJSON() as Record<string, unknown>;
  const createdAt = typeof raw.createdAt === 'string' && !Number.isNaN(Date.parse(raw.createdAt)) ? raw.createdAt : null;
  return { id, fields: normalizeRaidFields(raw), createdAt };
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
    for (const name of raidFieldNames) {
      const value = values[name];
      item.set(name, (raidTextFieldNames as readonly string[]).includes(name) && typeof value === 'string' ? new Y.Text(value) : value);
    }
    item.set('createdAt', new Date().toISOString());
    item.set('createdBy', actorId);
    raidItemsMap(doc).set(id, item);
  });
  return id;
}

/**
 * Sets the given fields of an existing item, only where the value really changes; a text field is
 * edited where it differs, so concurrent typing in the rest of it is kept.
 */
export function updateRaidItem(doc: Y.Doc, id: string, fields: Partial<RaidFields>): boolean {
  const item = raidItemsMap(doc).get(id);
  if (!(item instanceof Y.Map)) return false;
  doc.transact(() => writeFields(item, fields, raidTextFieldNames));
  return true;
}

/** The Y.Text of an item's text field, to bind an input to; null while it is not one yet. */
export function raidItemText(doc: Y.Doc, id: string, field: RaidTextField): Y.Text | null {
  return sharedTextOf(raidItemsMap(doc).get(id), field);
}
