// Free text on live boards is a Y.Text, so two people typing in one field merge character by
// character (docs/live-documents.md). These helpers write it the same way on the server and in the
// browser: a new field gets a Y.Text, a changed field gets the smallest edit of its Y.Text (so
// concurrent typing elsewhere in it survives), and a plain string, as older documents and outside
// programs write, is read as its text.
import * as Y from 'yjs';
import { isNoEdit, textDiff } from '../textDiff';

/** The text of a field: a Y.Text's content or a plain string; undefined for anything else. */
export function textOf(value: unknown): string | undefined {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : undefined;
}

/** Makes `text` read `next` with the smallest edit. Call inside a transaction for one update. */
export function replaceText(text: Y.Text, next: string): void {
  const edit = textDiff(text.toString(), next);
  if (isNoEdit(edit)) return;
  if (edit.remove) text.delete(edit.index, edit.remove);
  if (edit.insert) text.insert(edit.index, edit.insert);
}

/**
 * Sets a text field of an entry to `value`: edits its Y.Text, or makes one where the field is
 * missing or a plain string. Returns whether anything changed.
 */
export function writeText(entry: Y.Map<unknown>, field: string, value: string): boolean {
  const current = entry.get(field);
  if (current instanceof Y.Text) {
    if (current.toString() === value) return false;
    replaceText(current, value);
    return true;
  }
  entry.set(field, new Y.Text(value));
  return true;
}

/** Writes each field of `values`: those named in `textFields` as shared text, the rest as plain values (only where they change). */
export function writeFields(entry: Y.Map<unknown>, values: Record<string, unknown>, textFields: readonly string[]): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && textFields.includes(name)) writeText(entry, name, value);
    else if (entry.get(name) !== value) entry.set(name, value);
  }
}

/** The Y.Text of a field, or null while it is missing or a plain string (the server converts those). */
export function sharedTextOf(entry: unknown, field: string): Y.Text | null {
  if (!(entry instanceof Y.Map)) return null;
  const value = entry.get(field);
  return value instanceof Y.Text ? value : null;
}
