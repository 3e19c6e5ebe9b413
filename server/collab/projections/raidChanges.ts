// Writing the RAID log's history rows. Free text is shared text, so typing reaches the board (and
// the projection) every few hundred milliseconds; a history row per projection run would bury the
// log in "changed Title" rows. A person's run of edits to one text field is one entry instead: the
// row they last wrote for it is extended while they keep typing within a minute, keeping the text
// from before they started.
import { and, desc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { raidItemChange } from '@/db/schema';
import { raidTextFieldNames } from '../../domain/risk';
import { chunks } from '../turns';

type ChangeRow = typeof raidItemChange.$inferInsert;

/** Edits to one text field by the same person this close together are one history entry. */
export const typingSessionMs = 60_000;

const textFields = new Set<string>(raidTextFieldNames);

/** History rows per INSERT: a few milliseconds to build, far below Postgres' bound-parameter limit. */
const changeRowsPerInsert = 500;

export async function recordRaidChanges(tx: Transaction, changes: ChangeRow[], now: Date): Promise<void> {
  const inserts: ChangeRow[] = [];
  for (const change of changes) {
    if (!textFields.has(change.field)) {
      inserts.push(change);
      continue;
    }
    const [latest] = await tx
      .select()
      .from(raidItemChange)
      .where(and(eq(raidItemChange.projectId, change.projectId), eq(raidItemChange.itemId, change.itemId), eq(raidItemChange.field, change.field)))
      .orderBy(desc(raidItemChange.id))
      .limit(1);
    const sameTyping = latest && latest.actorId === (change.actorId ?? null) && now.getTime() - latest.changedAt.getTime() < typingSessionMs;
    if (!sameTyping) {
      inserts.push(change);
      continue;
    }
    // Typed and then taken back: no change is left to show.
    if (latest.fromValue === change.toValue) await tx.delete(raidItemChange).where(eq(raidItemChange.id, latest.id));
    else await tx.update(raidItemChange).set({ toValue: change.toValue, changedAt: now }).where(eq(raidItemChange.id, latest.id));
  }
  // In chunks: one statement for a 5,000-row import took ~170 ms of CPU just to build (issue 13).
  for (const chunk of chunks(inserts, changeRowsPerInsert)) await tx.insert(raidItemChange).values(chunk);
}
