// What a projection could not write, kept so the board can show it as "needs attention" to the
// project's owners and editors (docs/live-documents.md, "When a value cannot be stored"): the items
// it skipped, or the board as a whole once its retries stopped. Replaced after every run.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { projectionIssue } from '@/db/schema';
import { storableText, unstorableReason } from '../../domain/storableText';

export interface ProjectionIssue {
  /** The skipped item's id; empty for the board as a whole. */
  itemId: string;
  title: string;
  reason: string;
}

export interface ProjectionReport {
  skipped: ProjectionIssue[];
}

/**
 * Why an entry's id (an item's, a goal's, a RACI cell's) cannot be a key as written, or null. Such an
 * entry is left out and reported rather than cleaned: a cleaned id could collide with another
 * entry's, and the one duplicate key would refuse its whole table. An id starting with a byte order
 * mark is one of them: the embedded database would read it back without it.
 */
export function unstorableId(id: string): string | null {
  if (id.startsWith('\uFEFF')) return 'starts with a byte order mark (\\uFEFF)';
  return unstorableReason(id) ?? (id.length > 200 ? 'is longer than 200 characters' : null);
}

/** The whole board, rather than one item, could not be projected. */
export const wholeBoard = '';

/** A database error's message, short and storable, without the SQL or parameters it may quote. */
export function issueReason(error: unknown): string {
  const message = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  const reason = firstLine.startsWith('Failed query') ? 'the database refused the row' : firstLine;
  return storableText(reason).slice(0, 300) || 'the database refused the row';
}

/**
 * Makes `issues` the board's whole list of issues. `board` is the kind of a project's board
 * (`risks`, `plan`), or the room name of a board keyed by a record (`meeting:<meetingId>`), so that
 * each meeting keeps its own list.
 */
export async function recordProjectionIssues(db: Database, projectId: string, board: string, issues: readonly ProjectionIssue[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(projectionIssue).where(and(eq(projectionIssue.projectId, projectId), eq(projectionIssue.board, board)));
    const unique = new Map(issues.map((issue) => [storableText(issue.itemId).slice(0, 200), issue]));
    if (!unique.size) return;
    await tx.insert(projectionIssue).values(
      [...unique].map(([itemId, issue]) => ({ projectId, board, itemId, title: storableText(issue.title).slice(0, 200), reason: storableText(issue.reason).slice(0, 300), seenAt: now })),
    );
  });
}

/** The board's current issues, the whole-board one first. */
export async function readProjectionIssues(db: Database, projectId: string, board: string) {
  return db
    .select({ itemId: projectionIssue.itemId, title: projectionIssue.title, reason: projectionIssue.reason, seenAt: projectionIssue.seenAt })
    .from(projectionIssue)
    .where(and(eq(projectionIssue.projectId, projectId), eq(projectionIssue.board, board)))
    .orderBy(asc(projectionIssue.itemId));
}
