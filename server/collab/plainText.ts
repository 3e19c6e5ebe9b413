// Free text on a live board is a Y.Text, but documents written before it was, and programs that
// write plain strings (docs/live-documents.md), hold strings. The server turns such a string into a
// Y.Text with the same content when the board loads and whenever one arrives, as a change of its own
// (stored and broadcast like any edit). That change is made as Yjs client 0: of two concurrent
// writes of one map key Yjs keeps the one of the higher client id, so a conversion never wins over
// a write it had not seen (a program setting the field again at the same moment keeps its value,
// which is converted in turn).
import * as Y from 'yjs';
import { captureUpdate } from './captureUpdate';

/** Where a kind of board keeps free text. */
export interface TextFields {
  /** Top-level maps of entries (each a Y.Map) and their text fields. */
  entries: { map: string; fields: readonly string[] }[];
  /** Top-level maps whose own keys hold text. */
  singletons: { map: string; fields: readonly string[] }[];
  /** Top-level arrays whose every entry is a text. */
  lists: readonly string[];
}

/** The Yjs client the server converts strings as (see the module comment). */
export const conversionClientId = 0;

/** The transaction origin of a conversion: it changes no content, so nobody is credited with it. */
export const conversionOrigin = { conversion: true } as const;

/** Something written since the last conversion that may hold plain strings. */
type Touched = { kind: 'entry'; map: string; id: string } | { kind: 'singleton'; map: string } | { kind: 'list'; name: string };

/**
 * Watches a board's document for plain strings written where text belongs, and converts them. The
 * observers only note what was written; `convert` runs after the update that wrote it.
 */
export class PlainTextConverter {
  private touched = new Map<string, Touched>();
  private readonly stop: (() => void)[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly fields: TextFields,
  ) {
    for (const { map } of fields.entries) {
      const entries = doc.getMap<unknown>(map);
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
        if (transaction.origin === conversionOrigin) return;
        for (const event of events) {
          const ids = event.target === entries ? [...event.keys.keys()] : event.path.length === 1 ? [event.path[0]] : [];
          for (const id of ids) if (typeof id === 'string') this.touched.set(`${map}\u0000${id}`, { kind: 'entry', map, id });
        }
      };
      entries.observeDeep(observer);
      this.stop.push(() => entries.unobserveDeep(observer));
    }
    for (const { map } of fields.singletons) {
      const singleton = doc.getMap<unknown>(map);
      const observer = (_event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
        if (transaction.origin !== conversionOrigin) this.touched.set(`${map}\u0000`, { kind: 'singleton', map });
      };
      singleton.observe(observer);
      this.stop.push(() => singleton.unobserve(observer));
    }
    for (const name of fields.lists) {
      const list = doc.getArray<unknown>(name);
      const observer = (_event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
        if (transaction.origin !== conversionOrigin) this.touched.set(`\u0000${name}`, { kind: 'list', name });
      };
      list.observe(observer);
      this.stop.push(() => list.unobserve(observer));
    }
  }

  /** Converts the strings written since the last call (`everything`: all of the board's, e.g. once loaded); the update it made, if any. */
  convert(everything = false): Uint8Array | null {
    const touched = everything ? this.everything() : [...this.touched.values()];
    this.touched.clear();
    if (!touched.length || !touched.some((t) => this.holdsString(t))) return null;
    const ownClientId = this.doc.clientID;
    this.doc.clientID = conversionClientId;
    try {
      return captureUpdate(this.doc, () => {
        for (const t of touched) this.convertOne(t);
      }, conversionOrigin).update;
    } finally {
      this.doc.clientID = ownClientId;
    }
  }

  destroy(): void {
    for (const stop of this.stop) stop();
  }

  private everything(): Touched[] {
    const all: Touched[] = [];
    for (const { map } of this.fields.entries) for (const id of this.doc.getMap<unknown>(map).keys()) all.push({ kind: 'entry', map, id });
    for (const { map } of this.fields.singletons) all.push({ kind: 'singleton', map });
    for (const name of this.fields.lists) all.push({ kind: 'list', name });
    return all;
  }

  private stringFields(t: Touched): { map: Y.Map<unknown>; fields: readonly string[] } | null {
    if (t.kind === 'list') return null;
    const spec = (t.kind === 'entry' ? this.fields.entries : this.fields.singletons).find((f) => f.map === t.map);
    const map = t.kind === 'entry' ? this.doc.getMap<unknown>(t.map).get(t.id) : this.doc.getMap<unknown>(t.map);
    return spec && map instanceof Y.Map ? { map, fields: spec.fields } : null;
  }

  private holdsString(t: Touched): boolean {
    if (t.kind === 'list') return this.doc.getArray<unknown>(t.name).toArray().some((entry) => typeof entry === 'string');
    const found = this.stringFields(t);
    return !!found && found.fields.some((field) => typeof found.map.get(field) === 'string');
  }

  private convertOne(t: Touched): void {
    if (t.kind === 'list') {
      const list = this.doc.getArray<unknown>(t.name);
      list.toArray().forEach((entry, index) => {
        if (typeof entry !== 'string') return;
        list.delete(index, 1);
        list.insert(index, [new Y.Text(entry)]);
      });
      return;
    }
    const found = this.stringFields(t);
    if (!found) return;
    for (const field of found.fields) {
      const value = found.map.get(field);
      if (typeof value === 'string') found.map.set(field, new Y.Text(value));
    }
  }
}
