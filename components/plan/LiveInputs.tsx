'use client';
// Inputs bound to a live value: text is written shortly after typing stops (useDraftText), so a
// remote change never yanks text away mid-word; numbers are written when they parse.
import { useId } from 'react';
import { useDraftText } from '@/components/live/useDraftText';
import { Input, Textarea } from '@/components/ui/field';

export function LiveText({
  label,
  value,
  onCommit,
  disabled,
  multiline,
  className,
  onFocus,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
  disabled?: boolean;
  multiline?: boolean;
  className?: string;
  onFocus?(): void;
}) {
  const draft = useDraftText(value, (v) => onCommit(v.trim()));
  const id = useId();
  const common = {
    id,
    'aria-label': label,
    value: draft.value,
    disabled,
    className,
    onFocus,
    onBlur: draft.onBlur,
  };
  return multiline ? (
    <Textarea {...common} onChange={(e) => draft.onChange(e.target.value)} />
  ) : (
    <Input {...common} onChange={(e) => draft.onChange(e.target.value)} />
  );
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
