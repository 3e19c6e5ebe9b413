'use client';
// Inputs bound to a live value: text is bound to the plan's shared text (SharedTextInput), so
// people typing in one field at once merge character by character; numbers are written (shortly
// after typing stops, useDraftText) when they parse.
import type * as Y from 'yjs';
import { SharedTextInput } from '@/components/live/SharedTextInput';
import { useDraftText } from '@/components/live/useDraftText';
import { Input } from '@/components/ui/field';

export function LiveText({
  label,
  value,
  text,
  disabled,
  multiline,
  className,
  onFocus,
  maxLength,
}: {
  label: string;
  /** Shown until the board is live. */
  value: string;
  text: Y.Text | null;
  disabled?: boolean;
  multiline?: boolean;
  className?: string;
  onFocus?(): void;
  maxLength?: number;
}) {
  const common = { 'aria-label': label, text, fallback: value, disabled, className, onFocus, maxLength };
  return multiline ? <SharedTextInput multiline {...common} /> : <SharedTextInput {...common} />;
}

export function LiveNumber({
  label,
  value,
  onCommit,
  disabled,
  className,
}: {
  label: string;
  value: number | null;
  onCommit(value: number | null): void;
  disabled?: boolean;
  className?: string;
}) {
  const draft = useDraftText(value === null ? '' : String(value), (v) => {
    const trimmed = v.trim();
    if (trimmed === '') onCommit(null);
    else if (Number.isFinite(Number(trimmed))) onCommit(Number(trimmed));
  });
  return (
    <Input
      aria-label={label}
      inputMode="decimal"
      value={draft.value}
      disabled={disabled}
      className={className}
      onBlur={draft.onBlur}
      onChange={(e) => draft.onChange(e.target.value)}
    />
  );
}
