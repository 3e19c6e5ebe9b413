'use client';
// Choosing a meeting's attendees: the project's members and the plan's stakeholders as two groups
// of checkboxes, behind a button that opens and closes them (Escape closes and returns focus).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/** Someone who may attend: a project member (by user id) or a plan stakeholder (by id). */
export type AttendeeRef = { userId: string } | { stakeholderId: string };

export interface AttendeeChoices {
  members: { userId: string; name: string }[];
  stakeholders: { id: string; name: string }[];
}

export const attendeeKey = (a: AttendeeRef) => ('userId' in a ? `user:${a.userId}` : `stakeholder:${a.stakeholderId}`);

/** Just the reference of a stored attendee (which also carries the name), as the server takes it. */
export function attendeeRef(a: { userId?: string; stakeholderId?: string }): AttendeeRef | null {
  if (a.userId) return { userId: a.userId };
  if (a.stakeholderId) return { stakeholderId: a.stakeholderId };
  return null;
}

export function AttendeePicker({
  choices,
  value,
  onChange,
  label = 'Attendees',
  footer,
  open: givenOpen,
  onOpenChange,
}: {
  choices: AttendeeChoices;
  value: AttendeeRef[];
  onChange: (next: AttendeeRef[]) => void;
  label?: string;
  /** Shown under the checkboxes (a Save button, on the board). */
  footer?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = givenOpen ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLFieldSetElement>(null);
  const wasOpen = useRef(false);
  const chosen = new Set(value.map(attendeeKey));

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLInputElement>('input')?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const flip = (ref: AttendeeRef, on: boolean) => {
    const key = attendeeKey(ref);
    onChange(on ? [...value.filter((a) => attendeeKey(a) !== key), ref] : value.filter((a) => attendeeKey(a) !== key));
  };

  const group = (legend: string, people: { ref: AttendeeRef; name: string }[]) => (
    <div role="group" aria-label={legend} className="space-y-1">
      <p aria-hidden="true" className="text-xs font-semibold text-muted">
        {legend}
      </p>
      {people.length ? (
        <ul className="space-y-0.5">
          {people.map(({ ref, name }) => (
            <li key={attendeeKey(ref)}>
              <label className="flex min-h-8 cursor-pointer items-center gap-2 rounded px-1 text-sm text-ink hover:bg-hover">
                <input type="checkbox" className="size-4 accent-[var(--color-accent)]" checked={chosen.has(attendeeKey(ref))} onChange={(e) => flip(ref, e.target.checked)} />
                <span className="min-w-0 truncate">{name}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-faint">None yet.</p>
      )}
    </div>
  );

  return (
    <div className="space-y-2">
      <Button ref={toggle} size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {label} ({value.length})
      </Button>
      {open ? (
        <fieldset
          ref={panel}
          id={panelId}
          aria-label="Choose attendees"
          className="max-h-80 w-full max-w-sm space-y-3 overflow-y-auto rounded-lg border border-line bg-surface p-3 shadow-sm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {group(
            'Members',
            choices.members.map((m) => ({ ref: { userId: m.userId }, name: m.name })),
          )}
          {group(
            'Stakeholders',
            choices.stakeholders.map((s) => ({ ref: { stakeholderId: s.id }, name: s.name })),
          )}
          {footer}
        </fieldset>
      ) : null}
    </div>
  );
}
