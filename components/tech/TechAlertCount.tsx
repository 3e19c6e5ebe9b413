// The portfolio's per-project count of technology alerts: a chip with a warning icon and words.
import { Badge } from '@/components/ui/badge';

export function TechAlertCount({ count }: { count: number }) {
  return (
    <Badge tone="border-medium/40 bg-medium-soft text-medium-ink" className="gap-1">
      <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
        <path d="M8 2.5 14 13H2zM8 6.5v3M8 11.2v.1" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {count} tech alert{count === 1 ? '' : 's'}
    </Badge>
  );
}
