// The meeting notes the meeting scenario types into, shaped as Tiptap's Collaboration extension
// (y-prosemirror) writes them in the Y.XmlFragment `notes`: a heading, then paragraphs, each a
// Y.XmlElement('paragraph') holding one Y.XmlText. Paragraph 1..shared are shared (several
// typists write in each), then one paragraph per typist. Also reads back, per paragraph, the text
// each client wrote, in document order, counts what a copy lost, and sums a copy up for comparing.
import * as Y from 'yjs';
import { notesFragment } from '@/server/collab/boards/meetingDocument';

export interface NotesLayout {
  typists: number;
  sharedParagraphs: number;
}

/** Index in the fragment of a typist's own paragraph, and of the shared one it also writes in. */
export const ownParagraph = (layout: NotesLayout, typist: number) => 1 + layout.sharedParagraphs + typist;
export const sharedParagraph = (layout: NotesLayout, typist: number) => 1 + (typist % layout.sharedParagraphs);
export const paragraphCount = (layout: NotesLayout) => 1 + layout.sharedParagraphs + layout.typists;

function block(name: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Writes the empty meeting's notes (one transaction, as a facilitator pasting an outline). */
export function seedNotes(doc: Y.Doc, layout: NotesLayout): void {
  doc.transact(() => {
    const heading = block('heading', 'Meeting notes');
    heading.setAttribute('level', '2');
    const blocks = [heading];
    for (let i = 0; i < layout.sharedParagraphs; i++) blocks.push(block('paragraph', `Topic ${i + 1}: `));
    for (let i = 0; i < layout.typists; i++) blocks.push(block('paragraph', `Notes of typist ${i + 1}: `));
    notesFragment(doc).insert(0, blocks);
  });
}

export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const element = notesFragment(doc).get(index);
  const text = element instanceof Y.XmlElement ? element.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error(`notes paragraph ${index} has no text`);
  return text;
}

/** Per paragraph, per client id: the characters that client wrote there, in document order. */
export function authoredText(doc: Y.Doc): Record<number, string>[] {
  const fragment = notesFragment(doc);
  const out: Record<number, string>[] = [];
  for (let p = 0; p < fragment.length; p++) {
    const byClient: Record<number, string> = {};
    // Walking the text's items (Yjs internals) is the only way to see who wrote which character.
    for (let item = paragraphText(doc, p)._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      byClient[item.id.client] = (byClient[item.id.client] ?? '') + item.content.str;
    }
    out.push(byClient);
  }
  return out;
}

/** What two copies must agree on: the notes as XML and the state vector (clients sorted). */
export function notesSummary(doc: Y.Doc): { xml: string; stateVector: string } {
  const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
  return { xml: notesFragment(doc).toString(), stateVector: JSON.stringify(vector) };
}

/**
 * Characters typed that a copy lacks, or holds out of order: per copy, typist and paragraph, what
 * the typist wrote there (read from the copy with `authoredText`, in document order) must equal
 * what it typed, in the order it typed it; a difference counts the typed characters past the
 * common prefix.
 */
export function lostCharacters(typists: { clientId: number; typed: Record<number, string> }[], copies: Record<number, string>[][]): number {
  let lost = 0;
  for (const copy of copies) {
    for (const typist of typists) {
      for (const [paragraph, typed] of Object.entries(typist.typed)) {
        const found = copy[Number(paragraph)]?.[typist.clientId] ?? '';
        if (found === typed) continue;
        let same = 0;
        while (same < typed.length && found[same] === typed[same]) same++;
        lost += typed.length - same;
      }
    }
  }
  return lost;
}
