'use client';
// The notes' link editor: a small non-modal dialog under the toolbar with the address, Apply and
// Remove. Escape or Cancel closes it and the caret goes back into the notes. A text field, not
// type=url, so a wrong address gets this dialog's message rather than the browser's bubble.
import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

/** Only web and mail links: a javascript: address in shared notes would run in everyone's tab. */
export const allowedLink = (href: string) => /^(https?:\/\/|mailto:)/i.test(href);

export function NoteLinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes('link').href as string | undefined;
  const [href, setHref] = useState(current ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  function apply(event: FormEvent) {
    event.preventDefault();
    const address = href.trim();
    if (!allowedLink(address)) return setProblem('A link must start with https://, http:// or mailto:');
    const chain = editor.chain().focus().extendMarkRange('link');
    // Nothing selected: the address itself becomes the linked text.
    if (editor.state.selection.empty && !current) chain.insertContent({ type: 'text', text: address, marks: [{ type: 'link', attrs: { href: address } }] }).run();
    else chain.setLink({ href: address }).run();
    onClose();
  }

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <div
      role="dialog"
      aria-label="Link"
      className="border-b border-line bg-sunken px-3 py-2"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <form onSubmit={apply} className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-href`} className="text-[13px] font-medium text-muted">
          Link address
        </label>
        <Input
          ref={input}
          id={`${id}-href`}
          type="text"
          inputMode="url"
          autoComplete="url"
          value={href}
          maxLength={2000}
          placeholder="https://…"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setProblem(null);
          }}
          className="min-w-0 flex-1 basis-48"
        />
        <Button type="submit" size="sm" variant="primary">
          Apply
        </Button>
        {current ? (
          <Button size="sm" variant="danger-ghost" onClick={remove}>
            Remove
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={close}>
          Cancel
        </Button>
      </form>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="mt-1 text-xs text-danger">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
