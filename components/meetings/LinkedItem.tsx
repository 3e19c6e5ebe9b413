// A link from the meeting board to a RAID item, milestone, workstream or goal, with its state
// (score band, date, slip) as the page read it; "deleted" when the item is gone.
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { bandChipStyles } from '@/components/ui/badge';
import type { ItemLink } from '@/server/domain/meeting';
import { linkKindLabels, type LinkTarget } from './model';

export function LinkedItem({ link, targets, className }: { link: ItemLink; targets: LinkTarget[]; className?: string }) {
  const target = targets.find((t) => t.kind === link.kind && t.id === link.id);
  if (!target) {
    return (
      <span data-testid="linked-item" className={cn('inline-flex items-center gap-1 rounded border border-dashed border-line-strong px-1.5 py-0.5 text-xs text-muted', className)}>
        {linkKindLabels[link.kind]} <span className="font-medium">deleted</span>
      </span>
    );
  }
  return (
    <Link
      href={target.href}
      data-testid="linked-item"
      className={cn(
        'inline-flex max-w-full items-center gap-1.5 rounded border px-1.5 py-0.5 text-xs hover:underline',
        target.band ? bandChipStyles[target.band] : 'border-line bg-sunken text-ink',
        className,
      )}
    >
      <span className="sr-only">{linkKindLabels[link.kind]}: </span>
      <span className="truncate font-medium">{target.title}</span>
      <span className="shrink-0">· {target.state}</span>
    </Link>
  );
}
