'use client';
// The project's decision log: every decision its meetings recorded, newest first, searchable by
// text and filtered by the item it concerns (a risk, milestone, workstream or goal).
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { inputClass, selectClass } from '@/components/ui/field';
import { formatDay } from '@/server/domain/dates';
import type { ItemLink } from '@/server/domain/meeting';
import { LinkedItem } from './LinkedItem';
import { linkKindLabels, type LinkTarget } from './model';

export interface DecisionLogEntry {
  id: string;
  text: string;
  decidedBy: string;
  decidedAt: string | null;
  links: ItemLink[];
  meetingId: string;
  meetingTitle: string | null;
}

const keyOf = (link: ItemLink) => `${link.kind}:${link.id}`;

export function DecisionLog({ projectId, decisions, targets, initialLink }: { projectId: string; decisions: DecisionLogEntry[]; targets: LinkTarget[]; initialLink?: string }) {
  const [query, setQuery] = useState('');
  const [linked, setLinked] = useState(initialLink ?? '');
  // Only items some decision links to are worth offering in the filter.
  const linkedTargets = useMemo(() => {
    const used = new Set(decisions.flatMap((d) => d.links.map(keyOf)));
    return targets.filter((t) => used.has(keyOf(t)));
  }, [decisions, targets]);

  const q = query.trim().toLowerCase();
  const shown = decisions
    .filter((d) => !q || d.text.toLowerCase().includes(q) || d.decidedBy.toLowerCase().includes(q))
    .filter((d) => !linked || d.links.some((l) => keyOf(l) === linked))
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row">
        <input type="search" aria-label="Search decisions" placeholder="Search decisions…" value={query} onChange={(e) => setQuery(e.target.value)} className={inputClass} />
        <select aria-label="Filter by linked item" value={linked} onChange={(e) => setLinked(e.target.value)} className={`${selectClass} sm:max-w-72`}>
          <option value="">Any linked item</option>
          {linkedTargets.map((t) => (
            <option key={keyOf(t)} value={keyOf(t)}>
              {linkKindLabels[t.kind]}: {t.title}
            </option>
          ))}
        </select>
      </div>
      <p className="text-xs text-muted" aria-live="polite">
        {shown.length} of {decisions.length} decision{decisions.length === 1 ? '' : 's'}
      </p>
      {shown.length ? (
        <ul className="space-y-2">
          {shown.map((d) => (
            <li key={d.id} data-testid="decision-row" className="space-y-1.5 rounded-lg border border-line bg-surface px-4 py-3">
              <p className="text-sm whitespace-pre-wrap text-ink">{d.text}</p>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                {d.decidedBy ? <span>By {d.decidedBy}</span> : null}
                {d.decidedAt ? <span>{formatDay(d.decidedAt)}</span> : null}
                <Link href={`/p/${projectId}/meetings/${d.meetingId}`} className="text-accent-ink hover:underline">
                  {d.meetingTitle ?? 'Meeting'}
                </Link>
              </p>
              {d.links.length ? (
                <div className="flex flex-wrap gap-1.5">
                  {d.links.map((l) => (
                    <LinkedItem key={keyOf(l)} link={l} targets={targets} />
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-line px-4 py-8 text-center text-sm text-muted">
          {decisions.length ? 'No decision matches.' : 'No decisions yet: they are recorded on meeting boards.'}
        </p>
      )}
    </div>
  );
}
