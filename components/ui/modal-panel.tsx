'use client';
// A modal panel (role=dialog, aria-modal): while it is open the rest of the page is inert (no
// focus, no clicks, hidden from screen readers) and Tab / Shift+Tab cycle inside it; a click on
// the backdrop asks to close. Escape and where focus goes afterwards are the owner's business,
// since only it knows which control opened the panel. Render it only in the browser, on demand.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const tabbable = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function tabbableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(tabbable)].filter((el) => el.getClientRects().length > 0 && el.tabIndex >= 0);
}

export function ModalPanel({
  id,
  labelledBy,
  onDismiss,
  className,
  children,
}: {
  id?: string;
  labelledBy: string;
  /** A click on the backdrop. */
  onDismiss: () => void;
  className?: string;
  children: ReactNode;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Everything outside the panel is inert until it closes (restored exactly as it was).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const madeInert: Element[] = [];
    for (const el of document.body.children) {
      if (el === root || el.hasAttribute('inert')) continue;
      el.setAttribute('inert', '');
      madeInert.push(el);
    }
    return () => {
      for (const el of madeInert) el.removeAttribute('inert');
    };
  }, []);

  function keepTabInside(event: KeyboardEvent<HTMLDivElement>) {
    const panel = panelRef.current;
    if (event.key !== 'Tab' || !panel) return;
    const stops = tabbableIn(panel);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const inside = active instanceof HTMLElement && panel.contains(active);
    if (event.shiftKey && (active === first || !inside || !stops.includes(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  if (typeof document === 'undefined') return null;
  return createPortal(
    <div ref={rootRef} data-modal-root="">
      <div aria-hidden="true" className="fixed inset-x-0 top-12 bottom-0 z-20 bg-ink/15" onClick={onDismiss} />
      <div ref={panelRef} id={id} role="dialog" aria-modal="true" aria-labelledby={labelledBy} className={className} onKeyDown={keepTabInside}>
        {children}
      </div>
    </div>,
    document.body,
  );
}
