// Rebuilding a board without its history keeps exactly its content, and edits made in a document
// of the older generation are made again on the rebuilt one without duplicating or losing content.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeChanges, OlderGeneration } from '@/server/collab/olderGeneration';
import { rebuildDocument, rebuildIfBloated, UnsupportedContentError } from '@/server/collab/rebuild';

const policy = { minBytes: 1024, minRatio: 4 };

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** A plan-like board: a map of entries, a flat map, an array of strings, nested types and plain JSON. */
function sampleBoard(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const items = doc.getMap<unknown>('items');
    items.set('a', entry({ id: 'a', title: 'Launch', threatens: ['m1', 'm2'], progress: 40 }));
    const b = entry({ id: 'b', title: 'Vendor', ownerId: null });
    b.set('tags', Y.Array.from(['x', 'y']));
    items.set('b', b);
    doc.getMap<unknown>('raci').set('m1:s1', 'A');
    doc.getArray<unknown>('scope').push(['Billing', 'Search']);
    doc.getMap<unknown>('charter').set('vision', 'Ship it');
    doc.getMap<unknown>('files').set('logo', new Uint8Array([1, 2, 3]));
  });
  return doc;
}

/** The same document as another process reads it: from its encoded state, every top-level type untyped. */
const reload = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

const contentOf = (doc: Y.Doc) => ({
  items: doc.getMap('items').toJSON(),
  raci: doc.getMap('raci').toJSON(),
  scope: doc.getArray('scope').toJSON(),
  charter: doc.getMap('charter').toJSON(),
  files: doc.getMap('files').toJSON(),
});

describe('rebuilding a board without its history', () => {
  it('copies every map, array, nested type and plain value of a freshly loaded document', () => {
    const original = sampleBoard();
    const rebuilt = rebuildDocument(reload(original));
    expect(contentOf(rebuilt)).toEqual(contentOf(original));
    expect((rebuilt.getMap('items').get('b') as Y.Map<unknown>).get('tags')).toBeInstanceOf(Y.Array);
    // New structs, by one new Yjs client: no struct of the original is kept.
    expect([...rebuilt.store.clients.keys()]).toEqual([rebuilt.clientID]);
  });

  it('copies the free text of entries and lists (Y.Text) without its history', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<unknown>('items');
    const title = new Y.Text('Vendor slips');
    items.set('a', entry({ id: 'a', title }));
    doc.getArray<unknown>('scope').push([new Y.Text('Billing')]);
    // Typed and erased many times: a long history for a short text.
    for (let i = 0; i < 200; i++) {
      title.insert(0, 'draft ');
      title.delete(0, 6);
    }
    const rebuilt = rebuildDocument(reload(doc));
    const copied = (rebuilt.getMap('items').get('a') as Y.Map<unknown>).get('title');
    expect(copied).toBeInstanceOf(Y.Text);
    expect(String(copied)).toBe('Vendor slips');
    expect(rebuilt.getArray('scope').get(0)).toBeInstanceOf(Y.Text);
    expect(rebuilt.getArray('scope').toJSON()).toEqual(['Billing']);
    expect(Y.encodeStateAsUpdate(rebuilt).byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength);
  });

  it('refuses a document holding top-level text it cannot copy', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'hello');
    expect(() => rebuildDocument(reload(doc))).toThrow(UnsupportedContentError);
    expect(rebuildIfBloated(reload(doc), { minBytes: 0, minRatio: 1 })).toBeNull();
  });

  it('rebuilds only a board whose history outweighs its content', () => {
    const lean = new Y.Doc();
    const map = lean.getMap<number>('items');
    for (let i = 0; i < 2_000; i++) map.set(`k${i}`, i);
    expect(rebuildIfBloated(reload(lean), policy)).toBeNull();

    const bloated = new Y.Doc();
    const fields = bloated.getMap<number>('items');
    for (let i = 0; i < 20_000; i++) fields.set(`k${i % 50}`, i);
    const result = rebuildIfBloated(reload(bloated), policy);
    expect(result).not.toBeNull();
    expect(result!.rebuiltState.byteLength * 20).toBeLessThan(result!.state.byteLength);
    expect(result!.rebuilt.getMap('items').toJSON()).toEqual(fields.toJSON());
  });
});

describe('carrying edits over from an older generation', () => {
  it('makes a stale client’s edits again on the rebuilt board, keeping what others did since', () => {
    const lastState = sampleBoard();
    // A tab that synced the older generation, then edited while the board was rebuilt.
    const tab = reload(lastState);
    const board = rebuildDocument(reload(lastState));
    tab.transact(() => {
      const items = tab.getMap<Y.Map<unknown>>('items');
      items.get('a')!.set('title', 'Launch v2');
      items.get('a')!.delete('progress');
      items.delete('b');
      items.set('c', entry({ id: 'c', title: 'New risk' }));
      tab.getArray<string>('scope').delete(0, 1);
      tab.getArray<string>('scope').push(['Reports']);
      tab.getMap<string>('raci').set('m1:s2', 'R');
    });
    // Meanwhile, on the rebuilt board, someone else edited another field.
    (board.getMap<Y.Map<unknown>>('items').get('a')!).set('ownerId', 'u2');

    const older = new OlderGeneration(Y.encodeStateAsUpdate(lastState));
    // The tab sends its whole document (its answer to the server's sync step 1).
    const changes = older.changesOf(Y.encodeStateAsUpdate(tab));
    board.transact(() => makeChanges(board, changes));

    expect(board.getMap('items').toJSON()).toEqual({
      a: { id: 'a', title: 'Launch v2', threatens: ['m1', 'm2'], ownerId: 'u2' },
      c: { id: 'c', title: 'New risk' },
    });
    expect(board.getArray('scope').toJSON()).toEqual(['Search', 'Reports']);
    expect(board.getMap('raci').toJSON()).toEqual({ 'm1:s1': 'A', 'm1:s2': 'R' });

    // Sending the same again changes nothing; a later edit is carried over on its own.
    expect(older.changesOf(Y.encodeStateAsUpdate(tab))).toEqual([]);
    const later: Uint8Array[] = [];
    tab.on('update', (update: Uint8Array) => later.push(update));
    tab.getMap<Y.Map<unknown>>('items').get('c')!.set('title', 'Renamed');
    board.transact(() => makeChanges(board, older.changesOf(later[0]!)));
    expect((board.getMap<Y.Map<unknown>>('items').get('c')!).get('title')).toBe('Renamed');
    expect(board.getArray('scope').length).toBe(2);
  });

  it('makes a stale client’s typing again on the rebuilt board, keeping what others typed in the same text since', () => {
    const lastState = new Y.Doc();
    lastState.getMap<unknown>('items').set('a', entry({ id: 'a', description: new Y.Text('Move racks.') }));
    lastState.getArray<unknown>('scope').push([new Y.Text('Billing'), new Y.Text('Search')]);
    const tab = reload(lastState);
    const board = rebuildDocument(reload(lastState));
    const text = (doc: Y.Doc) => (doc.getMap<Y.Map<unknown>>('items').get('a')!).get('description') as Y.Text;
    text(tab).insert(11, ' Book the van.');
    (tab.getArray<Y.Text>('scope').get(1)).insert(6, ' v2');
    // Meanwhile, on the rebuilt board: someone typed at the start, and the first scope entry went.
    text(board).insert(0, 'First: ');
    board.getArray('scope').delete(0, 1);

    const changes = new OlderGeneration(Y.encodeStateAsUpdate(lastState)).changesOf(Y.encodeStateAsUpdate(tab));
    board.transact(() => makeChanges(board, changes));
    expect(text(board).toString()).toBe('First: Move racks. Book the van.');
    expect(board.getArray('scope').toJSON()).toEqual(['Search v2']);
  });

  it('drops an edit of an entry deleted on the rebuilt board since', () => {
    const lastState = sampleBoard();
    const tab = reload(lastState);
    const board = rebuildDocument(reload(lastState));
    board.getMap('items').delete('b');
    tab.getMap<Y.Map<unknown>>('items').get('b')!.set('title', 'Too late');
    const changes = new OlderGeneration(Y.encodeStateAsUpdate(lastState)).changesOf(Y.encodeStateAsUpdate(tab));
    board.transact(() => makeChanges(board, changes));
    expect(board.getMap('items').has('b')).toBe(false);
  });
});
