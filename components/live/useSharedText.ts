'use client';
// Binds an <input> or <textarea> to a Y.Text, so that two people typing in one field merge
// character by character (docs/live-documents.md). Each keystroke becomes the smallest edit of the
// text, placed where the caret says it went, made at once; someone else's edit updates the field
// where it happened and moves the caret and selection with it, so it stays where the person was typing.
// Imports Yjs for its types only: the page bundle rendered on the server must not load Yjs.
import { useEffect, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import { moveCaret, moveThroughDelta, textDiff, textDiffAtCaret } from '@/server/collab/textDiff';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Shows `value` in the control, moving its selection with `move` if it has the focus. */
function show(control: TextControl, value: string, move: (position: number) => number): void {
  if (control.value === value) return;
  const focused = control.ownerDocument.activeElement === control;
  const { selectionStart, selectionEnd, selectionDirection } = control;
  control.value = value;
  if (focused && selectionStart !== null && selectionEnd !== null) {
    control.setSelectionRange(move(selectionStart), move(selectionEnd), selectionDirection ?? undefined);
  }
}

/**
 * Returns a ref for the control. `text` null (not connected yet, or the field is not shared text
 * yet): the control shows `fallback`. `maxLength`: typing that would make the text longer is cut
 * at the limit (others' merged typing may still make it longer; the board reads it leniently).
 */
export function useSharedText<T extends TextControl>(
  text: Y.Text | null,
  fallback: string,
  maxLength?: number,
  onLocalInput?: (value: string) => void,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const localInput = useRef(onLocalInput);
  localInput.current = onLocalInput;
  // Typed here while there was no text yet (a draft): kept when the text arrives, not overwritten.
  const typedLocally = useRef(false);

  useEffect(() => {
    const control = ref.current;
    if (!control || text) return;
    if (!typedLocally.current) control.value = fallback;
    const onInput = () => {
      if (!localInput.current) return;
      typedLocally.current = true;
      localInput.current(control.value);
    };
    control.addEventListener('input', onInput);
    return () => control.removeEventListener('input', onInput);
  }, [text, fallback]);

  useEffect(() => {
    const control = ref.current;
    const doc = text?.doc;
    if (!control || !text || !doc) return;
    // This binding's own edits, told apart from everyone else's (another input on the same text included).
    const origin = {};
    let composing = false;
    const current = text.toString();
    if (typedLocally.current && control.value !== current) {
      // What was typed before the text existed (faster than the draft became an item) goes in as ours.
      typedLocally.current = false;
      const edit = textDiff(current, control.value);
      doc.transact(() => {
        if (edit.remove) text.delete(edit.index, edit.remove);
        if (edit.insert) text.insert(edit.index, edit.insert);
      }, origin);
    } else show(control, current, (position) => moveCaret(position, textDiff(control.value, current)));
    typedLocally.current = false;

    const onInput = () => {
      const before = text.toString();
      let next = control.value;
      // A collapsed caret tells a keystroke's place apart from the same letter beside it.
      const caret = control.selectionStart !== null && control.selectionStart === control.selectionEnd ? control.selectionStart : null;
      const edit = caret === null ? textDiff(before, next) : textDiffAtCaret(before, next, caret);
      if (maxLength !== undefined && next.length > maxLength && edit.insert) {
        const room = Math.max(0, maxLength - (before.length - edit.remove));
        edit.insert = edit.insert.slice(0, room);
        next = before.slice(0, edit.index) + edit.insert + before.slice(edit.index + edit.remove);
        const caret = edit.index + edit.insert.length;
        control.value = next;
        control.setSelectionRange(caret, caret);
      }
      if (!edit.remove && !edit.insert) return;
      doc.transact(() => {
        if (edit.remove) text.delete(edit.index, edit.remove);
        if (edit.insert) text.insert(edit.index, edit.insert);
      }, origin);
    };
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // Changing the field mid-composition (an IME) would break it: caught up when it ends.
      if (transaction.origin === origin || composing) return;
      show(control, text.toString(), (position) => moveThroughDelta(position, event.delta));
    };
    const onCompositionStart = () => {
      composing = true;
    };
    const onCompositionEnd = () => {
      composing = false;
      // What the composition typed went in through input events; now show what others did meanwhile.
      const latest = text.toString();
      show(control, latest, (position) => moveCaret(position, textDiff(control.value, latest)));
    };

    control.addEventListener('input', onInput);
    control.addEventListener('compositionstart', onCompositionStart);
    control.addEventListener('compositionend', onCompositionEnd);
    text.observe(onRemote);
    return () => {
      control.removeEventListener('input', onInput);
      control.removeEventListener('compositionstart', onCompositionStart);
      control.removeEventListener('compositionend', onCompositionEnd);
      text.unobserve(onRemote);
    };
  }, [text, maxLength]);

  return ref;
}
