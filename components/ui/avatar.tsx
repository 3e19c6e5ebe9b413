// People as initials in a coloured circle; the colour is stable per user id.
import { cn } from './cn';

const palette = ['#6366f1', '#0ea5e9', '#14b8a6', '#22a35a', '#d97706', '#e11d48', '#a855f7', '#db2777', '#0891b2', '#65a30d'];

/** A colour for a user, the same on every screen and every visit. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) | 0;
  return palette[Math.abs(hash) % palette.length]!;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  if (parts.length === 1) return parts[0]!.slice(0, 2).toUpperCase();
  return (parts[0]![0]! + parts[parts.length - 1]![0]!).toUpperCase();
}

export function Avatar({
  name,
  color,
  size = 'md',
  className,
  label,
}: {
  name: string;
  color: string;
  size?: 'sm' | 'md';
  className?: string;
  /** Accessible name; defaults to the person's name. An empty string marks it decorative. */
  label?: string;
}) {
  const decorative = label === '';
  return (
    <span
      role={decorative ? undefined : 'img'}
      aria-hidden={decorative || undefined}
      aria-label={decorative ? undefined : (label ?? name)}
      title={decorative ? undefined : (label ?? name)}
      style={{ backgroundColor: color }}
      className={cn(
        'inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ring-2 ring-surface select-none',
        size === 'sm' ? 'size-6 text-[10px]' : 'size-7 text-[11px]',
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
