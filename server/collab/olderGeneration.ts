// Edits from a client whose document is of an older generation of its board (it was open when the
// board was rebuilt without its history, or came back after): its updates share no history with
// the board's document, so applying them would duplicate or lose content. Each is applied instead
// to the last state of the client's generation, and what it changed there (fields set or deleted,
// entries added or removed, array items inserted or removed, text typed or erased) is made again on
// the board.
import * as Y from 'yjs';
import { copyValue, topLevelTypes, type TopLevelType } from './rebuild';
import { rebaseTextEdit } from './textDiff';

type Path = readonly (string | number)[];

/** One change, addressed from a top-level type by map keys and array indexes. */
export type Change = { root: string; rootIsArray: boolean; path: Path } & (
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'delete'; key: string }
  | { kind: 'insert'; index: number; values: unknown[] }
  | { kind: 'remove'; values: string[] }
  /** The text at `path` went from `before` to `after`. */
  | { kind: 'text'; before: string; after: string }
);

const asJson = (value: unknown) => JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : value);

/** The last state of an older generation, which a stale client's updates are applied to, in order. */
export class OlderGeneration {
  private readonly doc = new Y.Doc();
  private readonly types: Map<string, TopLevelType>;

  constructor(lastState: Uint8Array) {
    Y.applyUpdate(this.doc, lastState);
    this.types = topLevelTypes(this.doc);
  }

  /** Applies a stale client's update; returns what it changed, to be made again with `makeChanges`. */
  changesOf(update: Uint8Array): Change[] {
    const changes: Change[] = [];
    const observers: [TopLevelType, (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void][] = [];
    for (const [root, type] of this.types) {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) collect(root, type instanceof Y.Array, event, changes);
      };
      type.observeDeep(observer);
      observers.push([type, observer]);
    }
    try {
      Y.applyUpdate(this.doc, update);
    } finally {
      for (const [type, observer] of observers) type.unobserveDeep(observer);
    }
    // Top-level types the update brought: all of their content is new.
    for (const [root, type] of topLevelTypes(this.doc)) {
      if (this.types.has(root)) continue;
      this.types.set(root, type);
      if (type instanceof Y.Map) {
        type.forEach((value, key) => changes.push({ root, rootIsArray: false, path: [], kind: 'set', key, value: copyValue(value) }));
      } else changes.push({ root, rootIsArray: true, path: [], kind: 'insert', index: 0, values: type.toArray().map(copyValue) });
    }
    return changes;
  }

  destroy(): void {
    this.doc.destroy();
  }
}

/**
 * A text's content before the transaction of `event`: what is still there and was not added by it,
 * plus what it deleted (whose content Yjs keeps until the transaction's observers have run).
 */
function textBefore(text: Y.Text, event: Y.YEvent<Y.AbstractType<unknown>>): string {
  let before = '';
  for (let item = text._start as Y.Item | null; item; item = item.right) {
    const wasThere = item.deleted ? event.deletes(item) : !event.adds(item);
    if (wasThere && item.content instanceof Y.ContentString) before += item.content.str;
  }
  return before;
}

function collect(root: string, rootIsArray: boolean, event: Y.YEvent<Y.AbstractType<unknown>>, changes: Change[]): void {
  const at = { root, rootIsArray, path: event.path };
  const target = event.target;
  if (target instanceof Y.Text) {
    const after = target.toString();
    const before = textBefore(target, event);
    if (before !== after) changes.push({ root, rootIsArray, path: event.path.concat(), kind: 'text', before, after });
  } else if (target instanceof Y.Map) {
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') changes.push({ ...at, kind: 'delete', key });
      else changes.push({ ...at, kind: 'set', key, value: copyValue(target.get(key)) });
    });
  } else if (target instanceof Y.Array) {
    const removed = [...event.changes.deleted].flatMap((item) => item.content.getContent().map(asJson));
    if (removed.length) changes.push({ ...at, kind: 'remove', values: removed });
    let index = 0;
    for (const op of event.changes.delta) {
      if (op.retain) index += op.retain;
      else if (Array.isArray(op.insert)) {
        changes.push({ ...at, kind: 'insert', index, values: op.insert.map(copyValue) });
        index += op.insert.length;
      }
    }
  }
}

/** The text entry of a list an edit was made in: the one at its index if it still reads as it did, else one that does. */
function textEntry(list: Y.Array<unknown>, index: number, before: string): Y.Text | undefined {
  const entries = list.toArray();
  const same = (entry: unknown) => entry instanceof Y.Text && entry.toString() === before;
  const found = same(entries[index]) ? entries[index] : entries.find(same);
  return (found ?? entries[index]) instanceof Y.Text ? ((found ?? entries[index]) as Y.Text) : undefined;
}

/**
 * Makes `changes` on `doc` (call inside a transaction). Text edits are moved onto what the board's
 * text has become (rebaseTextEdit), so others' typing since is kept. A change to something deleted on the board
 * since is dropped, as Yjs drops an edit of a deleted entry; array items are removed by value and
 * inserted at their index, or at the end of a shorter array.
 */
export function makeChanges(doc: Y.Doc, changes: readonly Change[]): void {
  for (const change of changes) {
    let at: unknown;
    try {
      at = change.rootIsArray ? doc.getArray(change.root) : doc.getMap(change.root);
    } catch {
      continue; // the board holds that name as another type
    }
    change.path.forEach((step, i) => {
      const last = i === change.path.length - 1;
      if (at instanceof Y.Array && typeof step === 'number' && last && change.kind === 'text') at = textEntry(at, step, change.before);
      else at = at instanceof Y.Map && typeof step === 'string' ? at.get(step) : at instanceof Y.Array && typeof step === 'number' ? at.get(step) : undefined;
    });
    if (at instanceof Y.Text) {
      if (change.kind !== 'text') continue;
      for (const edit of rebaseTextEdit(change.before, change.after, at.toString())) {
        if (edit.remove) at.delete(edit.index, edit.remove);
        if (edit.insert) at.insert(edit.index, edit.insert);
      }
    } else if (at instanceof Y.Map) {
      if (change.kind === 'set') at.set(change.key, change.value);
      else if (change.kind === 'delete' && at.has(change.key)) at.delete(change.key);
    } else if (at instanceof Y.Array) {
      const array = at as Y.Array<unknown>;
      if (change.kind === 'insert') array.insert(Math.min(change.index, array.length), change.values);
      else if (change.kind === 'remove') {
        for (const value of change.values) {
          const index = array.toArray().findIndex((item) => asJson(item) === value);
          if (index >= 0) array.delete(index, 1);
        }
      }
    }
  }
}
