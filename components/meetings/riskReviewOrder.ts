// The order a meeting's risk review walks the risk board: the active risks (open or mitigating),
// highest score first (the board's own order). Once the walk has an order it keeps it, so rating a
// risk during the review does not move it under the facilitator's feet; risks that become active
// meanwhile join at the end, and deleted ones leave. Plain functions, no React and no Yjs.
import type { RaidItem } from '@/server/domain/risk';
import { compareItems, isActive } from '@/components/risks/model';

/** A RAID item the review walks: a risk that still needs attention. */
export function isReviewable(item: Pick<RaidItem, 'kind' | 'status'>): boolean {
  return item.kind === 'risk' && isActive(item);
}

/** The walk's ids: `walked` (the order so far) less deleted items, then newly active risks by score. */
export function reviewOrder(walked: readonly string[], items: readonly RaidItem[]): string[] {
  const present = new Set(items.map((item) => item.id));
  const kept = walked.filter((id) => present.has(id));
  const known = new Set(kept);
  const joining = items.filter((item) => isReviewable(item) && !known.has(item.id)).sort(compareItems);
  return [...kept, ...joining.map((item) => item.id)];
}
