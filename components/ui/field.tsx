// Form controls: a label above its control, and one look for inputs, selects and textareas.
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

const control =
  'w-full rounded-md border border-line-strong bg-surface px-2.5 text-sm text-ink shadow-xs transition-colors ' +
  'placeholder:text-faint hover:border-faint focus:border-accent focus:outline-none focus-visible:outline-none ' +
  'focus:ring-2 focus:ring-accent/25 disabled:cursor-not-allowed disabled:bg-sunken disabled:text-muted disabled:hover:border-line-strong';

export const inputClass = cn(control, 'h-9');
export const selectClass = cn(control, 'h-9 pr-8');
export const textareaClass = cn(control, 'min-h-20 py-2 leading-relaxed');

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(inputClass, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(selectClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(textareaClass, className)} {...props} />;
}

/** A label and its control stacked, with an optional hint under them. */
export function Field({
  label,
  htmlFor,
  hint,
  className,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={htmlFor} className="text-[13px] font-medium text-muted">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-faint">{hint}</p> : null}
    </div>
  );
}
