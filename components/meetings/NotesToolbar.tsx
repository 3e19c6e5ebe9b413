'use client';
// The notes editor's small toolbar: headings, bold, lists, checkboxes and links, each a toggle
// button that says whether it is on; the link button opens a small dialog for the address. One tab stop (arrow keys move along it), as a toolbar should.
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { NoteLinkDialog } from './NoteLinkDialog';

interface Tool {
  label: string;
  short: string;
  active: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const tools: Tool[] = [
  { label: 'Heading', short: 'H', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { label: 'Bold', short: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Bulleted list', short: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: 'Numbered list', short: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: 'Checklist', short: '☐', active: (e) => e.isActive('taskList'), run: (e) => e.chain().focus().toggleTaskList().run() },
];

export function NotesToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ on: tools.map((t) => t.active(e)), link: e.isActive('link') }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = tools.length + 1;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (focusIndex + step + count) % count;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  const [linking, setLinking] = useState(false);

  const buttonClass = (on: boolean) =>
    cn('inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm font-medium', on ? 'bg-accent-soft text-accent-ink' : 'text-muted hover:bg-hover hover:text-ink');

  return (
    <>
      <div role="toolbar" aria-label="Format the notes" onKeyDown={onKeyDown} className="flex flex-wrap gap-0.5 border-b border-line px-2 py-1">
        {tools.map((tool, index) => (
          <button
            key={tool.label}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            tabIndex={index === focusIndex ? 0 : -1}
            aria-label={tool.label}
            aria-pressed={state.on[index]}
            title={tool.label}
            onClick={() => tool.run(editor)}
            className={buttonClass(state.on[index] ?? false)}
          >
            <span aria-hidden="true">{tool.short}</span>
          </button>
        ))}
        <button
          ref={(el) => {
            buttons.current[tools.length] = el;
          }}
          type="button"
          tabIndex={focusIndex === tools.length ? 0 : -1}
          aria-label="Link"
          aria-pressed={state.link}
          aria-expanded={linking}
          aria-haspopup="dialog"
          title="Link"
          onClick={() => setLinking((open) => !open)}
          className={buttonClass(state.link)}
        >
          <span aria-hidden="true">🔗</span>
        </button>
      </div>
      {linking ? <NoteLinkDialog editor={editor} onClose={() => setLinking(false)} /> : null}
    </>
  );
}
