'use client';
// The one-line form under a meeting board's lists (agenda, decisions, actions): type a title, press
// Enter or the button, and the entry is added with the rest of its fields to fill in place.
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export function QuickAddForm({
  label,
  placeholder,
  maxLength,
  submitLabel = 'Add',
  disabled,
  onAdd,
}: {
  label: string;
  placeholder: string;
  maxLength: number;
  submitLabel?: string;
  disabled: boolean;
  /** Called with the trimmed text, never empty. */
  onAdd: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onAdd(trimmed);
    setText('');
  };
  return (
    <form onSubmit={add} className="flex gap-2">
      <input aria-label={label} placeholder={placeholder} value={text} maxLength={maxLength} onChange={(e) => setText(e.target.value)} className={inputClass} disabled={disabled} />
      <Button type="submit" disabled={disabled || !text.trim()}>
        {submitLabel}
      </Button>
    </form>
  );
}
