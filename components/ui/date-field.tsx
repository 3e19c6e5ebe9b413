'use client';
// The one date input of the app: shows a date as the rest of Waymark does (5 Feb 2027), accepts
// typing in that form or ISO (2027-02-05), and hands a date on only when it is complete and valid
// (on blur, Enter or a pick from the calendar), so a half-typed date never reaches a live board.
// Escape puts back the saved date. Years outside 1900-2999 are refused with a message. The
// calendar is react-day-picker (keyboard-operable grid), in a small popover under the field.
import { format, parseISO } from 'date-fns';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import { formatDay, maxYear, minYear, parseTypedDate, typedDateHint } from '@/server/domain/dates';
import { cn } from './cn';
import { inputClass } from './field';

export interface DateFieldProps {
  /** The saved date, ISO `yyyy-MM-dd`, or null for none. */
  value: string | null;
  /** Called with a complete, valid date (or null when cleared and `allowEmpty`), only when it differs. */
  onCommit(value: string | null): void;
  /** For a visible <label htmlFor>; one is made up otherwise. */
  id?: string;
  /** The accessible name when no visible label points at the field. */
  'aria-label'?: string;
  /** What the date is, for the calendar button's description ("Choose due date from a calendar"); defaults to aria-label. */
  label?: string;
  disabled?: boolean;
  /** May the date be cleared? (A due date may; a milestone's date may not.) */
  allowEmpty?: boolean;
  /** Earliest date allowed, ISO, with the reason shown when a date before it is typed or picked. */
  min?: { date: string; message: string };
  className?: string;
}

const calendarStart = new Date(minYear, 0, 1);
const calendarEnd = new Date(maxYear, 11, 31);

export function DateField({ value, onCommit, id: givenId, 'aria-label': ariaLabel, label = ariaLabel, disabled, allowEmpty = false, min, className }: DateFieldProps) {
  const madeUpId = useId();
  const id = givenId ?? madeUpId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const calendarId = `${id}-calendar`;
  // What the person is typing; null shows the saved date (so a change by someone else shows at once).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const shown = draft ?? formatDay(value);

  /** Checks a date and hands it on; returns false (and shows why) when it is refused. */
  function accept(date: string | null): boolean {
    if (date === null && !allowEmpty) {
      setError(`A date is required. ${typedDateHint}`);
      return false;
    }
    if (date !== null && min && date < min.date) {
      setError(min.message);
      return false;
    }
    setError(null);
    setDraft(null);
    if (date !== value) onCommit(date);
    return true;
  }

  function commitTyped(): boolean {
    if (draft === null) return true;
    const typed = parseTypedDate(draft);
    if (!typed.ok) {
      setError(typed.message);
      return false;
    }
    return accept(typed.date);
  }

  function revert() {
    setDraft(null);
    setError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // Never lets the surrounding form submit a date that was not accepted first.
      event.preventDefault();
      commitTyped();
    } else if (event.key === 'Escape' && (draft !== null || error)) {
      event.preventDefault();
      event.stopPropagation();
      revert();
    } else if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setOpen(true);
    }
  }

  // The calendar closes on a click or focus outside it, and on Escape (back to its button).
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const selected = value ? parseISO(value) : undefined;
  const invalid = error !== null;

  return (
    <div ref={wrapper} className={cn('relative flex flex-col gap-1', className)}>
      <div className="flex">
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          aria-label={ariaLabel}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
          placeholder="5 Feb 2027"
          title={typedDateHint}
          value={shown}
          disabled={disabled}
          className={cn(inputClass, 'min-w-0 flex-1 rounded-r-none', invalid && 'border-danger focus:border-danger focus:ring-danger/25')}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
          }}
          onBlur={() => commitTyped()}
          onKeyDown={onKeyDown}
        />
        <button
          ref={toggle}
          type="button"
          disabled={disabled}
          // Named "Calendar" (not after the field, which would make the field's own label ambiguous);
          // which date it sets is its description.
          aria-label="Calendar"
          aria-describedby={`${id}-calendar-for`}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-r-md border border-l-0 border-line-strong bg-surface text-muted hover:bg-hover hover:text-ink focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-sunken"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="2" y="3" width="12" height="11" rx="1.5" />
            <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
          </svg>
        </button>
      </div>
      <span id={`${id}-calendar-for`} className="sr-only">
        Choose {label ?? 'the date'} from a calendar
      </span>
      <span id={hintId} className="sr-only">
        {typedDateHint} Press Enter to save, Escape to undo, Alt+Down for a calendar.
      </span>
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
      {open ? (
        <div
          id={calendarId}
          role="dialog"
          aria-label="Choose a date"
          className="absolute top-10 left-0 z-30 rounded-lg border border-line bg-surface p-2 shadow-lg"
          style={{ ['--rdp-accent-color' as string]: 'var(--color-accent)', ['--rdp-accent-background-color' as string]: 'var(--color-accent-soft)', ['--rdp-day-width' as string]: '38px', ['--rdp-day-height' as string]: '38px', ['--rdp-day_button-width' as string]: '36px', ['--rdp-day_button-height' as string]: '36px' }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          <DayPicker
            mode="single"
            autoFocus
            selected={selected}
            defaultMonth={selected ?? new Date()}
            startMonth={calendarStart}
            endMonth={calendarEnd}
            captionLayout="dropdown"
            weekStartsOn={1}
            onSelect={(date) => {
              if (!date) return;
              if (accept(format(date, 'yyyy-MM-dd'))) {
                setOpen(false);
                input.current?.focus();
              }
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
