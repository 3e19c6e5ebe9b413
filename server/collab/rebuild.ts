// Rebuilding a live board without its history. Yjs keeps a tombstone for every overwritten value,
// so a board whose fields were edited 100,000 times stores (and sends every new client) 100,000
// structs, even compacted (and a text typed in keeps one for every character ever deleted). A
// rebuild copies the content alone (maps, arrays, texts inside them, plain values) into a new
// document that starts a new generation of the board (docs/collab-protocol.md, "Generations").
import * as Y from 'yjs';

/** Content a rebuild does not copy (top-level text, XML, sub-documents): such a board is never rebuilt. */
export class UnsupportedContentError extends Error {}

export type TopLevelType = Y.Map<unknown> | Y.Array<unknown>;

/** Contents a top-level array of a Waymark board may hold (a Y.Text is a ContentType); a top-level text's strings and formats are not among them. */
const arrayContents = new Set<unknown>([Y.ContentAny, Y.ContentJSON, Y.ContentBinary, Y.ContentType, Y.ContentDeleted]);

/**
 * The top-level types of `doc` by name. A type no code has read by name yet (a document just loaded
 * from updates) is typed here, as an array if it has a sequence, else as a map; this changes `doc`'s
 * share, so call it on documents the caller owns.
 */
export function topLevelTypes(doc: Y.Doc): Map<string, TopLevelType> {
  const types = new Map<string, TopLevelType>();
  for (const [name, shared] of [...doc.share]) {
    if (shared instanceof Y.Map || shared instanceof Y.Array) {
      types.set(name, shared as TopLevelType);
      continue;
    }
    const type = shared as Y.AbstractType<unknown>;
    if (type.constructor !== Y.AbstractType) throw new UnsupportedContentError(`"${name}" is a ${type.constructor.name}`);
    else if (type._start !== null) {
      for (let item = type._start as Y.Item | null; item; item = item.right) {
        if (!arrayContents.has(item.content.constructor)) throw new UnsupportedContentError(`"${name}" holds text`);
      }
      types.set(name, doc.getArray(name));
    } else if (type._map.size > 0) types.set(name, doc.getMap(name));
  }
  return types;
}

/** A value ready to be inserted in another document: Yjs types are copied deeply, the rest as is. */
export function copyValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const map = new Y.Map<unknown>();
    value.forEach((v, key) => map.set(key, copyValue(v)));
    return map;
  }
  if (value instanceof Y.Array) {
    const array = new Y.Array<unknown>();
    array.push(value.toArray().map(copyValue));
    return array;
  }
  if (value instanceof Y.Text) {
    // Its content with any formatting; none of its history.
    const text = new Y.Text();
    text.applyDelta(value.toDelta());
    return text;
  }
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) throw new UnsupportedContentError(`cannot copy a ${value.constructor.name}`);
  return value;
}

/** A new document with `source`'s content and none of its history. Throws UnsupportedContentError. */
export function rebuildDocument(source: Y.Doc): Y.Doc {
  const types = topLevelTypes(source);
  const rebuilt = new Y.Doc();
  rebuilt.transact(() => {
    for (const [name, type] of types) {
      if (type instanceof Y.Map) {
        const map = rebuilt.getMap<unknown>(name);
        type.forEach((value, key) => map.set(key, copyValue(value)));
      } else rebuilt.getArray<unknown>(name).push(type.toArray().map(copyValue));
    }
  });
  return rebuilt;
}

export interface RebuildPolicy {
  /** Stored boards smaller than this are never rebuilt. */
  minBytes: number;
  /** Rebuild once the state is this many times the size of its content alone. */
  minRatio: number;
}

export const defaultRebuildPolicy: RebuildPolicy = { minBytes: 256 * 1024, minRatio: 4 };

/**
 * `doc` rebuilt, with both states encoded, if its history outweighs its content by the policy's
 * ratio; null if not, or if it holds content a rebuild does not copy. `state`: `doc` encoded, if
 * the caller has it already.
 */
export function rebuildIfBloated(
  doc: Y.Doc,
  policy: RebuildPolicy,
  state = Y.encodeStateAsUpdate(doc),
): { rebuilt: Y.Doc; state: Uint8Array; rebuiltState: Uint8Array } | null {
  if (state.byteLength < policy.minBytes) return null;
  let rebuilt: Y.Doc;
  try {
    rebuilt = rebuildDocument(doc);
  } catch (error) {
    if (error instanceof UnsupportedContentError) return null;
    throw error;
  }
  const rebuiltState = Y.encodeStateAsUpdate(rebuilt);
  if (state.byteLength < rebuiltState.byteLength * policy.minRatio) {
    rebuilt.destroy();
    return null;
  }
  return { rebuilt, state, rebuiltState };
}
