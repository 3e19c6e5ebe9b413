'use client';
// A list of meeting actions to work through: filtered to open, done or overdue, grouped by owner
// (a project's list) or by project (your own list across projects). The owner (and editors of the
// project) close an action here; the meeting's board shows it done at once.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { cn } from '@/components/ui/cn';
import { formatDay } from '@/server/domain/dates';
import { isOverdue } from '@/server/domain/meeting';
import { OverdueFlag } from './OverdueFlag';

export interface ActionListEntry {
  id: string;
  title: string;
  status: 'open' | 'done';
  due: string | null;
  ownerId: string | null;
  ownerName: string | null;
  meetingId: string;
  meetingTitle: string | null;
  projectId: string;
  projectName: string | null;
  /** May this person close or reopen it? */
  canClose: boolean;
}

export const actionFilters = ['open', 'overdue', 'done', 'all'] as const;
export type ActionFilter = (typeof actionFilters)[number];
const filterLabels: Record<ActionFilter, string> = { open: 'Open', overdue: 'Overdue', done: 'Done', all: 'All' };

export function ActionList({ entries, groupBy, today, emptyText }: { entries: ActionListEntry[]; groupBy: 'owner' | 'project'; today: string; emptyText: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [filter, setFilter] = useState<ActionFilter>('open');
  // Closed here a moment ago, shown as such before the page is read again.
  const [changed, setChanged] = useState<Record<string, 'open' | 'done'>>({});
  const setDone = useMutation(trpc.action.setDone.mutationOptions({ onSuccess: () => router.refresh() }));

  const withStatus = entries.map((e) => ({ ...e, status: changed[e.id] ?? e.status }));
  const counts = Object.fromEntries(actionFilters.map((f) => [f, withStatus.filter((e) => matches(e, f, today)).length])) as Record<ActionFilter, number>;
  const shown = withStatus.filter((e) => matches(e, filter, today)).sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title));

  const groups = new Map<string, typeof shown>();
  for (const e of shown) {
    const key = groupBy === 'owner' ? (e.ownerName ?? 'No owner') : (e.projectName ?? 'A project');
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }

  const toggle = (entry: ActionListEntry, done: boolean) => {
    setChanged((c) => ({ ...c, [entry.id]: done ? 'done' : 'open' }));
    setDone.mutate({ meetingId: entry.meetingId, actionId: entry.id, done }, { onError: () => setChanged((c) => ({ ...c, [entry.id]: entry.status })) });
  };

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Show actions" className="flex flex-wrap gap-1">
        {actionFilters.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            className={cn(
              'rounded-full border px-3 py-1 text-sm',
              filter === f ? 'border-accent bg-accent-soft text-accent-ink' : 'border-line bg-surface text-muted hover:bg-hover hover:text-ink',
            )}
          >
            {filterLabels[f]} <span className="tabular-nums">({counts[f]})</span>
          </button>
        ))}
      </div>
      <ErrorMessage>{setDone.error?.message}</ErrorMessage>
      {shown.length ? (
        [...groups.entries()].map(([group, rows]) => (
          <section key={group} aria-label={group}>
            <h2 className="mb-1 text-xs font-medium tracking-wide text-muted uppercase">{group}</h2>
            <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
              {rows.map((entry) => (
                <li key={entry.id} data-testid="action-row" className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
                  <input
                    type="checkbox"
                    checked={entry.status === 'done'}
                    disabled={!entry.canClose}
                    onChange={(e) => toggle(entry, e.target.checked)}
                    aria-label={`${entry.title} done`}
                    className="size-4 shrink-0 accent-accent"
                  />
                  <span className={cn('min-w-0 flex-1 text-sm', entry.status === 'done' ? 'text-muted line-through' : 'text-ink')}>{entry.title}</span>
                  {isOverdue(entry, today) ? <OverdueFlag /> : null}
                  <span className="text-xs text-muted">{entry.due ? `Due ${formatDay(entry.due)}` : 'No due date'}</span>
                  <Link href={`/p/${entry.projectId}/meetings/${entry.meetingId}`} className="text-xs text-accent-ink hover:underline">
                    {entry.meetingTitle ?? 'Meeting'}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p className="rounded-lg border border-dashed border-line px-4 py-8 text-center text-sm text-muted">{entries.length ? `No ${filterLabels[filter].toLowerCase()} actions.` : emptyText}</p>
      )}
    </div>
  );
}

function matches(entry: Pick<ActionListEntry, 'status' | 'due'>, filter: ActionFilter, today: string): boolean {
  if (filter === 'all') return true;
  if (filter === 'overdue') return isOverdue(entry, today);
  return entry.status === filter;
}
