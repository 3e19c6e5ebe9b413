// What a meeting's notes (the Y.XmlFragment `notes` of `meeting:<meetingId>`) may hold, as the
// Tiptap extensions that define its nodes and marks, and how server code writes ProseMirror JSON
// into that fragment exactly as the board's editor stores it (Tiptap's Collaboration extension
// keeps the notes through @tiptap/y-tiptap, which this uses too). Loads Tiptap: import it lazily
// from code that runs at every start.
import { getSchema, type JSONContent } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Mention from '@tiptap/extension-mention';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Schema } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { notesFragment } from './meetingDocument';

/**
 * Paragraphs, headings, bullet, ordered and task lists, links (StarterKit has Link) and mentions of
 * members: the extensions of the board's editor (components/meetings/MeetingNotes.tsx) that give
 * the notes' nodes and marks, without its behaviour (collaboration, carets, the mention menu).
 */
export const meetingNotesExtensions = [StarterKit, TaskList, TaskItem.configure({ nested: true }), Mention];

let schema: Schema | undefined;
export function meetingNotesSchema(): Schema {
  schema ??= getSchema(meetingNotesExtensions);
  return schema;
}

/**
 * Fills the empty notes of a meeting's document from ProseMirror JSON (a `doc` node), for notes
 * made on the server (the demo). Throws if the JSON does not fit the schema. Not for notes anyone
 * has edited: it would not merge with them.
 */
export function writeMeetingNotes(doc: Y.Doc, content: JSONContent): void {
  const notes = notesFragment(doc);
  if (notes.length > 0) throw new Error('the meeting already has notes');
  prosemirrorJSONToYXmlFragment(meetingNotesSchema(), content, notes);
}
