'use client';
// "Needs attention" on a live board, for owners and editors: the items its projection had to leave
// out of lists, exports and reports (a value the database refused), or the board as a whole when
// saving it for reports keeps failing (server/collab/projections/issues.ts).
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';

/** How often the notice checks again while the board is open. */
const recheckMs = 30_000;

export function ProjectionIssues({ projectId, board }: { projectId: string; board: 'risks' | 'plan' }) {
  const trpc = useTRPC();
  const options = board === 'risks' ? trpc.raid.projectionIssues.queryOptions({ projectId }) : trpc.plan.projectionIssues.queryOptions({ projectId });
  const { data: issues } = useQuery({ ...options, refetchInterval: recheckMs });
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
                “{issue.title || 'Untitled'}” ({issue.itemId}): {issue.reason}. Edit or delete it to fix this.
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
