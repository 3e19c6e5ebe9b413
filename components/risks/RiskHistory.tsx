'use client';
// What changed on one item, when and by whom (from the projection's change log). The projection
// writes a moment after an edit, so the list is re-read a second after the item changes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import { useEffect, useRef } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { raidKinds, raidStatuses, riskResponses, type RaidKind, type RaidStatus, type RiskResponse } from '@/server/domain/risk';
import { fieldLabels, kindLabels, responseLabels, statusLabels } from './model';

const refetchDelayMs = 1000;

function shownValue(field: string, value: string | null, memberNames: Map<string, string>): string | null {
  if (value === null) return null;
  switch (field) {
    case 'ownerId':
      return memberNames.get(value) ?? 'a former member';
    case 'kind':
      return raidKinds.includes(value as RaidKind) ? kindLabels[value as RaidKind] : value;
    case 'status':
      return raidStatuses.includes(value as RaidStatus) ? statusLabels[value as RaidStatus] : value;
    case 'response':
      return riskResponses.includes(value as RiskResponse) ? responseLabels[value as RiskResponse] : value;
    case 'dueDate':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? format(parseISO(value), 'd MMM yyyy') : value;
    default:
      return value;
  }
}

export function RiskHistory({
  projectId,
  itemId,
  contentKey,
  memberNames,
}: {
  projectId: string;
  itemId: string;
  /** Changes whenever the item's content changes. */
  contentKey: string;
  memberNames: Map<string, string>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.raid.history.queryOptions({ projectId, itemId }, { staleTime: 0 }));

  const firstKey = useRef(contentKey);
  useEffect(() => {
    if (contentKey === firstKey.current) return;
    const timer = setTimeout(
      () => queryClient.invalidateQueries({ queryKey: trpc.raid.history.queryKey({ projectId, itemId }) }),
      refetchDelayMs,
    );
    return () => clearTimeout(timer);
  }, [contentKey, projectId, itemId, queryClient, trpc]);

  return (
    <section aria-labelledby="history-heading" className="border-t border-line px-5 py-5">
      <h3 id="history-heading" className="text-sm font-semibold">
        History
      </h3>
      {history.isPending ? (
        <p className="mt-3 text-sm text-muted">Loading history…</p>
      ) : history.isError ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          Could not load the history: {history.error.message}
        </p>
      ) : history.data.length === 0 ? (
        <p className="mt-3 text-sm text-muted">No changes recorded yet.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3" aria-label="Changes, newest first">
          {history.data.map((change) => {
            const from = shownValue(change.field, change.from, memberNames);
            const to = shownValue(change.field, change.to, memberNames);
            const who = change.actorName ?? 'Someone';
            const label = fieldLabels[change.field as keyof typeof fieldLabels] ?? change.field;
            return (
              <li key={change.id} className="text-[13px] leading-snug">
                <p className="text-ink">
                  {change.field === 'created' ? (
                    <>
                      <span className="font-medium">{who}</span> created this item
                    </>
                  ) : change.field === 'deleted' ? (
                    <>
                      <span className="font-medium">{who}</span> deleted this item
                    </>
                  ) : (
                    <>
                      <span className="font-medium">{who}</span> changed <span className="font-medium">{label}</span>
                    </>
                  )}
                </p>
                {change.field !== 'created' && change.field !== 'deleted' ? (
                  <p className="mt-0.5 flex flex-wrap items-baseline gap-1.5 text-muted">
                    <span className="line-clamp-2 break-words">{from ?? <em className="not-italic text-faint">empty</em>}</span>
                    <span aria-label="to">→</span>
                    <span className="line-clamp-2 break-words text-ink">{to ?? <em className="not-italic text-faint">empty</em>}</span>
                  </p>
                ) : null}
                <time
                  dateTime={change.changedAt.toISOString()}
                  title={format(change.changedAt, 'd MMM yyyy, HH:mm:ss')}
                  className="mt-0.5 block text-xs text-faint"
                >
                  {formatDistanceToNow(change.changedAt, { addSuffix: true })}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
