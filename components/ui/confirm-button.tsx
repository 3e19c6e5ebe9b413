'use client';
// A destructive action asked twice: the first press shows a question with Confirm and Cancel.
import { useEffect, useRef, useState } from 'react';
import { Button, type ButtonSize } from './button';

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  pending,
  size = 'sm',
  ariaLabel,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  pending?: boolean;
  size?: ButtonSize;
  /** Accessible name of the first button when `label` alone is ambiguous ("Remove Ada"). */
  ariaLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={triggerRef} variant="danger-ghost" size={size} disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setAsking(false);
        }
      }}
    >
      <span className="text-[13px] text-muted">{question}</span>
      <Button
        ref={confirmRef}
        variant="danger"
        size={size}
        disabled={disabled || pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {pending ? 'Working…' : confirmLabel}
      </Button>
      <Button variant="ghost" size={size} onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
