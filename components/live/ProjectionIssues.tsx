'use client';
// "Needs attention" on a live board, for owners and editors: the items its projection had to leave
// out of lists, exports and reports (a value the database refused), or the board as a whole when
// saving it for reports keeps failing (server/collab/projections/issues.ts). It checks often for a
// while after the board changes, so a fix (or a new bad value) shows within seconds, however long
// the projection takes to run, and rarely while nothing changes.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';

/** How often the notice checks again while the board is open and nothing changes. */
const recheckMs = 30_000;
/** How often it checks in the `afterChangeMs` after a change (the projection runs ~0.3 s after a commit, later on a busy server). */
const recheckAfterChangeMs = 2_000;
const afterChangeMs = 20_000;

export function ProjectionIssues({
  projectId,
  board,
  boardContent,
  onOpenItem,
}: {
  projectId: string;
  board: 'risks' | 'plan';
  /** The board's current content; a new value means it changed and the notice checks again soon. */
  boardContent?: unknown;
  /** Opens the item the notice names (by its id as stored in the notice), when the board can. */
  onOpenItem?: (itemId: string, opener: string) => void;
}) {
  const trpc = useTRPC();
  const options = board === 'risks' ? trpc.raid.projectionIssues.queryOptions({ projectId }) : trpc.plan.projectionIssues.queryOptions({ projectId });
  const changedAt = useRef(0);
  const { data: issues, refetch } = useQuery({
    ...options,
    refetchInterval: () => (performance.now() - changedAt.current < afterChangeMs ? recheckAfterChangeMs : recheckMs),
  });
  useEffect(() => {
    changedAt.current = performance.now();
    // Restarts the interval, which was set for "nothing changes".
    const timer = setTimeout(() => void refetch(), recheckAfterChangeMs);
    return () => clearTimeout(timer);
  }, [boardContent, refetch]);
  if (!issues?.length) return null;
  const what = board === 'risks' ? 'RAID log' : 'plan';
  return (
    <section role="alert" aria-label="Needs attention" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
      <p className="font-semibold">Needs attention: some of this {what} is not in lists, exports or reports yet.</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={issue.itemId} className="break-words">
            {issue.itemId ? (
              <>
                “{issue.title || 'Untitled'}” ({issue.itemId}): {issue.reason}. {fixFor(issue.reason)}
                {onOpenItem ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      id={`issue-${issue.itemId}`}
                      className="font-semibold underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2"
                      onClick={() => onOpenItem(issue.itemId, `issue-${issue.itemId}`)}
                    >
                      Open “{issue.title || 'Untitled'}”
                    </button>
                  </>
                ) : null}
              </>
            ) : (
              <>{issue.reason}. It is tried again on the next edit.</>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What to do about a skipped item: an id cannot be edited on the board, only the item deleted. */
function fixFor(reason: string): string {
  // The projection words an id problem "its id …" (server/collab/projections/risks.ts, plan.ts).
  return reason.startsWith('its id') ? 'Delete it (and add it again if it is still needed) to fix this.' : 'Edit or delete it to fix this.';
}
