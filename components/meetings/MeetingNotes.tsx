'use client';
// The meeting's shared notes: a Tiptap editor bound to the document's `notes` XmlFragment, with
// everyone's carets and names (the live connection's awareness), headings, lists, checkboxes,
// links and @mentions of members. Read-only for viewers and once the meeting has ended.
// Imports Yjs (through the collaboration extensions): load it only with next/dynamic({ ssr: false }).
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { notesFragmentName } from '@/server/collab/boards/meetingDocument';
import type { PresenceUser } from '@/components/live/presence';
import { memberMentions } from './mentionSuggestion';
import type { MemberOption } from './model';
import { NotesToolbar } from './NotesToolbar';

export default function MeetingNotes({
  doc,
  awareness,
  user,
  members,
  editable,
}: {
  doc: Y.Doc;
  awareness: Awareness;
  user: PresenceUser;
  members: MemberOption[];
  editable: boolean;
}) {
  // The suggestion reads the latest members without rebuilding the editor.
  const membersRef = useRef(members);
  membersRef.current = members;

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // Yjs keeps the history (and undoes only your own edits): the editor's own undo would fight it.
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, HTMLAttributes: { rel: 'noopener noreferrer nofollow' } } }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Mention.configure({
          HTMLAttributes: { class: 'meeting-mention' },
          renderText: ({ node }) => `@${node.attrs.label ?? node.attrs.id}`,
          suggestion: memberMentions(() => membersRef.current),
        }),
        Collaboration.configure({ document: doc, field: notesFragmentName }),
        CollaborationCaret.configure({ provider: { awareness }, user }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Meeting notes',
          'data-testid': 'meeting-notes',
          class: 'meeting-notes min-h-48 px-4 py-3 text-sm leading-relaxed text-ink focus:outline-none',
        },
      },
    },
    [doc, awareness],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
    editor?.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <div className="rounded-lg border border-line bg-surface focus-within:border-accent">
      {editable && editor ? <NotesToolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
