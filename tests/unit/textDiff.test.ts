// The smallest edit between two texts, an edit moved onto a text others changed meanwhile, and a
// caret carried through an edit: what the text binding and the older-generation carry-over rely on.
import { describe, expect, it } from 'vitest';
import { applyTextEdit, moveCaret, rebaseTextEdit, textDiff } from '@/server/collab/textDiff';

const rebased = (before: string, after: string, current: string) => rebaseTextEdit(before, after, current).reduce(applyTextEdit, current);

describe('the smallest edit between two texts', () => {
  it('is the common prefix and suffix kept, the middle replaced', () => {
    expect(textDiff('Vendor slips', 'Vendor API slips')).toEqual({ index: 7, remove: 0, insert: 'API ' });
    expect(textDiff('Vendor API slips', 'Vendor slips')).toEqual({ index: 7, remove: 4, insert: '' });
    expect(textDiff('abc', 'abc')).toEqual({ index: 3, remove: 0, insert: '' });
    expect(textDiff('', 'typed')).toEqual({ index: 0, remove: 0, insert: 'typed' });
    expect(textDiff('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
  });

  it('never splits an emoji (a surrogate pair) in two', () => {
    const edit = textDiff('go 😀', 'go 😁');
    expect(edit).toEqual({ index: 3, remove: 2, insert: '😁' });
    expect(applyTextEdit('go 😀', edit)).toBe('go 😁');
  });
});

describe('an edit moved onto a text changed meanwhile', () => {
  it('lands at the same place when the others changed text before or after it', () => {
    // They prefixed the text; I appended.
    const before = 'Move racks.';
    expect(rebased(before, 'Move racks. Book the van.', 'First: Move racks.')).toBe('First: Move racks. Book the van.');
    // They appended; I prefixed.
    expect(rebased(before, 'Now: Move racks.', 'Move racks. Today.')).toBe('Now: Move racks. Today.');
    expect(rebased(before, 'Move racks.', 'Anything else')).toBe('Anything else');
  });

  it('keeps both when the two edits touch the same characters', () => {
    // Both replaced "rack": their word stays, mine follows it (as Yjs merges two concurrent replacements).
    expect(rebased('Move racks.', 'Move cables.', 'Move servers.')).toBe('Move servercables.');
    // I erased " racks" while they typed "big " into it: my erasing is done, their typing survives.
    expect(rebased('Move racks.', 'Move.', 'Move big racks.')).toBe('Movebig .');
  });
});

describe('a caret through an edit', () => {
  it('moves with text inserted or removed before it and stays put for text after it', () => {
    expect(moveCaret(5, { index: 0, remove: 0, insert: 'abc' })).toBe(8);
    expect(moveCaret(5, { index: 6, remove: 0, insert: 'abc' })).toBe(5);
    expect(moveCaret(5, { index: 1, remove: 2, insert: '' })).toBe(3);
    expect(moveCaret(5, { index: 4, remove: 3, insert: 'x' })).toBe(5);
  });
});
