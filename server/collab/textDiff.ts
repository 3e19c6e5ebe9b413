// The smallest single edit that turns one text into another (common prefix and suffix), and the same
// edit moved onto a text that others changed meanwhile. Pure: shared by the browser's text binding,
// the server's writers of shared text and the carrying over of an older generation's edits.

/** Replace `remove` characters at `index` by `insert` (UTF-16 indexes, as Y.Text counts). */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The edit from `before` to `after`; never splits a surrogate pair (an emoji stays whole). */
export function textDiff(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/**
 * The edit a person made by typing or erasing at the caret: `after` is the field's text once the
 * keystroke is in and `caret` where the caret stands then. Where the prefix-and-suffix edit is
 * ambiguous (an "l" typed in front of another "l", or beside the same letter someone else typed a
 * moment ago), the caret says which one is new, so the shared text credits the right character
 * and a concurrent edit beside it lands where the person saw it. Anything else (a selection typed
 * over, a paste that replaced text) is the prefix-and-suffix edit.
 */
export function textDiffAtCaret(before: string, after: string, caret: number): TextEdit {
  const grown = after.length - before.length;
  const splitsPair = (index: number, text: string) => index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index));
  if (grown > 0) {
    const index = caret - grown;
    if (index >= 0 && !splitsPair(index, before) && after.startsWith(before.slice(0, index)) && after.endsWith(before.slice(index))) {
      return { index, remove: 0, insert: after.slice(index, caret) };
    }
  } else if (grown < 0) {
    const remove = -grown;
    if (caret + remove <= before.length && !splitsPair(caret, before) && !splitsPair(caret + remove, before) && before.startsWith(after.slice(0, caret)) && before.endsWith(after.slice(caret))) {
      return { index: caret, remove, insert: '' };
    }
  }
  return textDiff(before, after);
}

/** Where a caret goes through someone else's edit (a Yjs delta); a caret where they inserted stays before it. */
export function moveThroughDelta(position: number, delta: readonly { insert?: unknown; retain?: number; delete?: number }[]): number {
  let index = 0;
  let moved = position;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (moved > index) moved += length;
      index += length;
    } else if (op.delete) {
      if (moved > index) moved = Math.max(index, moved - op.delete);
    }
  }
  return moved;
}

export const isNoEdit = (edit: TextEdit) => edit.remove === 0 && edit.insert === '';

export function applyTextEdit(text: string, { index, remove, insert }: TextEdit): string {
  return text.slice(0, index) + insert + text.slice(index + remove);
}

/**
 * Someone turned `before` into `after` while the text became `current` elsewhere: their edit, moved
 * onto `current`, as edits to make in order (each at indexes of the text the previous ones left).
 * Where both changed the same characters the result is what Yjs makes of two concurrent edits:
 * what both removed is gone, and both insertions are kept, side by side.
 */
export function rebaseTextEdit(before: string, after: string, current: string): TextEdit[] {
  const mine = textDiff(before, after);
  if (isNoEdit(mine)) return [];
  if (current === before) return [mine];
  const theirs = textDiff(before, current);
  const shift = theirs.insert.length - theirs.remove;
  const theirEnd = theirs.index + theirs.remove;
  const mineEnd = mine.index + mine.remove;
  if (mineEnd <= theirs.index) return [mine];
  if (mine.index >= theirEnd) return [{ ...mine, index: mine.index + shift }];
  // Overlapping: remove what is mine to remove on either side of their change, insert beside it.
  const edits: TextEdit[] = [];
  if (mineEnd > theirEnd) edits.push({ index: theirEnd + shift, remove: mineEnd - theirEnd, insert: mine.index >= theirs.index ? mine.insert : '' });
  else if (mine.index >= theirs.index) edits.push({ index: theirEnd + shift, remove: 0, insert: mine.insert });
  if (mine.index < theirs.index) edits.push({ index: mine.index, remove: theirs.index - mine.index, insert: mine.insert });
  return edits;
}

/** Where a caret at `position` goes when `edit` is made (a caret at the edit's start stays before an insertion). */
export function moveCaret(position: number, { index, remove, insert }: TextEdit): number {
  if (position <= index) return position;
  if (position >= index + remove) return position - remove + insert.length;
  return index + insert.length;
}
