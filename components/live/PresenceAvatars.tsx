// Faces of the people on the board, or of those editing one item. One avatar per person even
// when they have the board open in several tabs.
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import type { PresencePeer } from './presence';

export function uniquePeople(peers: PresencePeer[]): PresencePeer[] {
  const seen = new Map<string, PresencePeer>();
  for (const p of peers) {
    const known = seen.get(p.user.id);
    if (!known || (p.self && !known.self)) seen.set(p.user.id, p);
  }
  // You first, then the others by name.
  return [...seen.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name));
}

export function PresenceAvatars({
  peers,
  label,
  max = 5,
  size = 'md',
  className,
}: {
  peers: PresencePeer[];
  /** Names the group, e.g. "On this board" or "Editing now". */
  label: string;
  max?: number;
  size?: 'sm' | 'md';
  className?: string;
}) {
  const people = uniquePeople(peers);
  if (!people.length) return null;
  const shown = people.slice(0, max);
  const hidden = people.length - shown.length;
  const names = people.map((p) => (p.self ? `${p.user.name} (you)` : p.user.name));
  return (
    <div role="group" aria-label={`${label}: ${names.join(', ')}`} className={cn('flex items-center -space-x-1.5', className)}>
      {shown.map((p) => (
        <Avatar key={p.user.id} name={p.user.name} color={p.user.color} size={size} label={p.self ? `${p.user.name} (you)` : p.user.name} />
      ))}
      {hidden > 0 ? (
        <span
          className={cn(
            'inline-flex items-center justify-center rounded-full bg-sunken font-medium text-muted ring-2 ring-surface',
            size === 'sm' ? 'size-6 text-[10px]' : 'size-7 text-[11px]',
          )}
          aria-hidden="true"
        >
          +{hidden}
        </span>
      ) : null}
    </div>
  );
}
