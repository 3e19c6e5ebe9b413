// People as initials in a coloured circle; the colour is stable per user id.
import { cn } from './cn';

const palette = ['#4f46e5', '#0369a1', '#0f766e', '#15803d', '#b45309', '#be123c', '#7e22ce', '#be185d', '#0e7490', '#4d7c0f'];

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
