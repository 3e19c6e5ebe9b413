// Which items a projection is restoring rather than creating: an item that has no row but whose
// history says it exists (its last `created`/`deleted` change is `created`) lost its row, e.g. to
// a restore of the update log alone followed by `npm run db:reproject`. Its row comes back
// without a second `created` change in the history.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { planDateChange, raidItemChange } from '@/db/schema';

export async function restoredItems(
  tx: Executor,
  history: typeof raidItemChange | typeof planDateChange,
  projectId: string,
  itemIds: readonly string[],
): Promise<Set<string>> {
  if (!itemIds.length) return new Set();
  const latest = await tx
    .selectDistinctOn([history.itemId], { itemId: history.itemId, field: history.field })
    .from(history)
    .where(and(eq(history.projectId, projectId), inArray(history.itemId, [...itemIds]), inArray(history.field, ['created', 'deleted'])))
    .orderBy(history.itemId, desc(history.id));
  return new Set(latest.filter((change) => change.field === 'created').map((change) => change.itemId));
}
