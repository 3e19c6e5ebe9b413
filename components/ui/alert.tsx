// Inline messages: an error read out at once, a success read out politely.
import type { ReactNode } from 'react';
import { cn } from './cn';

export function ErrorMessage({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  if (!children) return null;
  return (
    <p
      id={id}
      role="alert"
      className={cn('rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger', className)}
    >
      {children}
    </p>
  );
}

export function SuccessMessage({ children, className }: { children: ReactNode; className?: string }) {
  if (!children) return null;
  return (
    <p role="status" className={cn('rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success', className)}>
      {children}
    </p>
  );
}
