// Two people typing into one shared text at once, simulated keystroke by keystroke with real Yjs
// documents and the text binding's own rules (the edit a keystroke makes, the caret moved through the
// other person's edits), updates delivered in a seeded random order: every run ends with the same
// text on both sides, holding each person's characters in the order they typed them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveThroughDelta, textDiff, textDiffAtCaret, type TextEdit } from '@/server/collab/textDiff';
import { isInterleaving } from '../support/interleaving';
import { prng } from '../support/prng';

type Diff = (before: string, after: string, caret: number) => TextEdit;

/** One person's field: what it shows, where the caret is, and the updates not yet sent. */
class Typist {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('title');
  value = '';
  caret = 0;
  outbox: Uint8Array[] = [];

  constructor(private readonly diff: Diff) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) this.outbox.push(update);
    });
    this.text.observe((event, transaction) => {
      if (transaction.origin === this) return;
      this.value = this.text.toString();
      this.caret = moveThroughDelta(this.caret, event.delta);
    });
  }

  /** A keystroke as the browser makes it (the character goes in at the caret), then the binding's edit. */
  type(character: string): void {
    this.value = this.value.slice(0, this.caret) + character + this.value.slice(this.caret);
    this.caret += character.length;
    const edit = this.diff(this.text.toString(), this.value, this.caret);
    this.doc.transact(() => {
      if (edit.remove) this.text.delete(edit.index, edit.remove);
      if (edit.insert) this.text.insert(edit.index, edit.insert);
    }, this);
  }

  deliverTo(other: Typist, count: number): void {
    for (const update of this.outbox.splice(0, count)) Y.applyUpdate(other.doc, update, 'network');
  }
}

/** Both start from `start` with the caret at the end, type their words at once; returns the merged text. */
function typeTogether(seed: number, diff: Diff, start: string, first: string, second: string): string {
  const random = prng(seed);
  const a = new Typist(diff);
  const b = new Typist(diff);
  a.type(start);
  a.deliverTo(b, Infinity);
  a.caret = b.caret = start.length;
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length || a.outbox.length || b.outbox.length) {
    const step = random();
    if (step < 0.3 && i < first.length) a.type(first[i++]!);
    else if (step < 0.6 && j < second.length) b.type(second[j++]!);
    else if (step < 0.8) a.deliverTo(b, 1 + Math.floor(random() * 3));
    else b.deliverTo(a, 1 + Math.floor(random() * 3));
  }
  expect(b.text.toString()).toBe(a.text.toString());
  expect(a.value).toBe(a.text.toString());
  expect(b.value).toBe(b.text.toString());
  return a.text.toString().slice(start.length);
}

const caretDiff: Diff = textDiffAtCaret;
const prefixDiff: Diff = (before, after) => textDiff(before, after);

describe('two people typing at the same place', () => {
  it('keeps every character of both, each person in their own order, whatever arrives when', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const merged = typeTogether(seed, caretDiff, 'Vendor API sunset', ' in Q3', ' for billing');
      expect(isInterleaving(merged, ' in Q3', ' for billing'), `seed ${seed}: "${merged}"`).toBe(true);
    }
  });

  it('would scramble them if a keystroke were placed by the common prefix alone (why the caret is used)', () => {
    const scrambled = Array.from({ length: 300 }, (_, k) => typeTogether(k + 1, prefixDiff, 'Vendor API sunset', ' in Q3', ' for billing')).filter(
      (merged) => !isInterleaving(merged, ' in Q3', ' for billing'),
    );
    expect(scrambled.length).toBeGreaterThan(0);
  });
});

describe('the edit a keystroke makes', () => {
  it('is placed at the caret when the letter typed repeats its neighbour', () => {
    // "bil|ling": the second "l" typed before the existing one is the new one.
    expect(textDiffAtCaret('biling', 'billing', 3)).toEqual({ index: 2, remove: 0, insert: 'l' });
    expect(textDiff('biling', 'billing')).toEqual({ index: 3, remove: 0, insert: 'l' });
    // Backspace after the first of two spaces removes that one.
    expect(textDiffAtCaret('a  b', 'a b', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('falls back to the smallest edit when the caret does not explain the change', () => {
    expect(textDiffAtCaret('Move racks', 'Move cables', 11)).toEqual(textDiff('Move racks', 'Move cables'));
    expect(textDiffAtCaret('abc', 'abXc', 0)).toEqual(textDiff('abc', 'abXc'));
  });

  it('never splits an emoji in two', () => {
    expect(textDiffAtCaret('go 😀', 'go 😀😀', 7)).toEqual({ index: 5, remove: 0, insert: '😀' });
    // A caret inside a pair (no browser puts it there) is not trusted.
    expect(textDiffAtCaret('go 😀', 'go 😀😀', 6)).toEqual(textDiff('go 😀', 'go 😀😀'));
  });
});
