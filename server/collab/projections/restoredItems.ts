// Which items a projection is restoring rather than creating: an item that has no row but whose
// history says it exists (its last `created`/`deleted` change is `created`) lost its row, e.g. to
// a restore of the update log alone followed by `npm run db:reproject`. Its row comes back
// without a second `created` change in the history.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { planDateChange, raidItemChange } from '@/db/schema';
import { chunks } from '../turns';

export async function restoredItems(
  tx: Executor,
  history: typeof raidItemChange | typeof planDateChange,
  projectId: string,
  itemIds: readonly string[],
): Promise<Set<string>> {
  const restored = new Set<string>();
  // In chunks, so a big import's thousands of new ids neither make one long query to build nor pass Postgres' parameter limit.
  for (const ids of chunks(itemIds, 1_000)) {
    const latest = await tx
      .selectDistinctOn([history.itemId], { itemId: history.itemId, field: history.field })
      .from(history)
      .where(and(eq(history.projectId, projectId), inArray(history.itemId, ids), inArray(history.field, ['created', 'deleted'])))
      .orderBy(history.itemId, desc(history.id));
    for (const change of latest) if (change.field === 'created') restored.add(change.itemId);
  }
  return restored;
}
