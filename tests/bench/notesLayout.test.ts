// The meeting benchmark's checks (generator/notesLayout.ts): who wrote what is read back from a
// copy of the notes, and a copy that misses a keystroke, or holds one typist's characters out of
// order, is counted as losing them; equal copies sum up equally.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authoredText, lostCharacters, notesSummary, paragraphText, seedNotes, sharedParagraph } from './generator/notesLayout';

const layout = { typists: 2, sharedParagraphs: 1 };

function typeInto(doc: Y.Doc, paragraph: number, chars: string, updates: Uint8Array[] = []) {
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  for (const char of chars) {
    const text = paragraphText(doc, paragraph);
    text.insert(text.length, char);
  }
  doc.off('update', record);
  return updates;
}

function twoTypists() {
  // The notes are seeded by a client of their own, as in the benchmark.
  const seed = new Y.Doc();
  seedNotes(seed, layout);
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
  const shared = sharedParagraph(layout, 0);
  // Both type at the end of the same paragraph at once, then exchange what they typed.
  const fromA = typeInto(a, shared, 'abc');
  const fromB = typeInto(b, shared, 'xyz');
  return { seed, a, b, shared, fromA, fromB };
}

describe('the meeting benchmark checks', () => {
  it('reads each typist\'s characters back from every copy, and equal copies sum up equally', () => {
    const { seed, a, b, shared, fromA, fromB } = twoTypists();
    fromB.forEach((u) => Y.applyUpdate(a, u));
    fromA.forEach((u) => Y.applyUpdate(b, u));
    const typists = [
      { clientId: a.clientID, typed: { [shared]: 'abc' } },
      { clientId: b.clientID, typed: { [shared]: 'xyz' } },
    ];
    expect(authoredText(a)[shared]).toEqual({ [seed.clientID]: 'Topic 1: ', [a.clientID]: 'abc', [b.clientID]: 'xyz' });
    expect(lostCharacters(typists, [authoredText(a), authoredText(b)])).toBe(0);
    expect(notesSummary(a)).toEqual(notesSummary(b));
  });

  it('counts a keystroke a copy never got as lost, and the copies as different', () => {
    const { a, b, shared, fromA } = twoTypists();
    fromA.slice(0, 2).forEach((u) => Y.applyUpdate(b, u));
    const typists = [{ clientId: a.clientID, typed: { [shared]: 'abc' } }];
    expect(lostCharacters(typists, [authoredText(a), authoredText(b)])).toBe(1);
    expect(notesSummary(b)).not.toEqual(notesSummary(a));
  });

  it('counts characters out of their typist\'s order as lost', () => {
    const { a, shared } = twoTypists();
    expect(lostCharacters([{ clientId: a.clientID, typed: { [shared]: 'acb' } }], [authoredText(a)])).toBe(2);
  });
});
