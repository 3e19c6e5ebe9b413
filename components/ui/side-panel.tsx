'use client';
// The panel that slides in from the right over a page (an item's editor, an allocation, a tech
// item): a ModalPanel below the top bar, full width on a phone, with a heading that takes focus
// (its ref is the owner's, which focuses it on open) and a Close button. Escape is the owner's.
import type { ReactNode, Ref } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { ModalPanel } from './modal-panel';

export function SidePanel({
  id,
  headingId,
  headingRef,
  title,
  closeLabel,
  onClose,
  widthClass,
  beforeClose,
  children,
}: {
  id?: string;
  headingId: string;
  headingRef: Ref<HTMLHeadingElement>;
  title: ReactNode;
  /** The Close button's accessible name ("Close editor"). */
  closeLabel: string;
  onClose: () => void;
  /** Its width from the `sm` breakpoint up, e.g. 'sm:w-[30rem]'. */
  widthClass: string;
  /** Shown in the header between the title and the Close button (who else is here). */
  beforeClose?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ModalPanel
      id={id}
      labelledBy={headingId}
      onDismiss={onClose}
      className={cn('fixed inset-x-0 top-12 bottom-0 z-20 flex flex-col border-l border-line bg-surface shadow-2xl sm:left-auto', widthClass)}
    >
      <div className="flex items-center gap-3 border-b border-line px-5 py-3">
        <h2 ref={headingRef} id={headingId} tabIndex={-1} className="min-w-0 flex-1 truncate text-sm font-semibold outline-none">
          {title}
        </h2>
        {beforeClose}
        <Button variant="ghost" size="sm" onClick={onClose} aria-label={closeLabel} title="Close (Esc)">
          <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </Button>
      </div>
      {children}
    </ModalPanel>
  );
}
