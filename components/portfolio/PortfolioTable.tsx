'use client';
// The workspace portfolio as one table: a row per project with its health, last update (and whether
// one is overdue), next milestone, top risks, open actions and over-allocated people. Every column
// sorts from its header button (a second press reverses it); the header says how it is sorted.
import { format } from 'date-fns';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Badge, bandChipStyles } from '@/components/ui/badge';
import { HealthBadge } from '@/components/status/HealthBadge';
import type { Health } from '@/server/domain/status';
import type { SeverityBand } from '@/server/domain/risk';

export interface PortfolioRow {
  id: string;
  name: string;
  health: Health | null;
  healthReason: string | null;
  lastUpdateAt: Date | null;
  updateOverdue: boolean;
  daysOverdue: number;
  topRisks: { id: string; title: string; score: number | null; band: string | null }[];
  nextMilestone: { id: string; title: string; date: string; status: string; forecast?: MilestoneForecastText | null } | null;
  openActions: number;
  overAllocatedPeople: { personId: string; name: string; percent: number }[];
}

/** What the portfolio says about a milestone's forecast, when delivery data gives one. */
export interface MilestoneForecastText {
  p50: string;
  p85: string;
  p95: string;
  /** How likely the milestone's date is met, in the forecast's percentiles. */
  confidence: string;
  likelyLate: boolean;
}

type SortKey = 'name' | 'health' | 'lastUpdate' | 'nextMilestone' | 'topRisk' | 'openActions' | 'overAllocated';

/** Worst first when sorted descending: off track, at risk, on track, then no update at all. */
const healthRank: Record<Health, number> = { off_track: 3, at_risk: 2, on_track: 1 };

const sortValue: Record<SortKey, (row: PortfolioRow) => string | number> = {
  name: (row) => row.name.toLocaleLowerCase(),
  health: (row) => (row.health ? healthRank[row.health] : 0),
  lastUpdate: (row) => row.lastUpdateAt?.getTime() ?? 0,
  // No next milestone sorts after every date.
  nextMilestone: (row) => row.nextMilestone?.date ?? '9999-12-31',
  topRisk: (row) => row.topRisks[0]?.score ?? 0,
  openActions: (row) => row.openActions,
  overAllocated: (row) => row.overAllocatedPeople.length,
};

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Project' },
  { key: 'health', label: 'Health' },
  { key: 'lastUpdate', label: 'Last update' },
  { key: 'nextMilestone', label: 'Next milestone' },
  { key: 'topRisk', label: 'Top risks' },
  { key: 'openActions', label: 'Open actions' },
  { key: 'overAllocated', label: 'Over-allocated' },
];

export function sortPortfolio(rows: readonly PortfolioRow[], key: SortKey, direction: 'ascending' | 'descending'): PortfolioRow[] {
  const value = sortValue[key];
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.name.localeCompare(b.name);
  });
}

export function PortfolioTable({ rows }: { rows: PortfolioRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'name', direction: 'ascending' });
  const sorted = useMemo(() => sortPortfolio(rows, sort.key, sort.direction), [rows, sort]);
  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : // Names read A to Z first; every other column worst or most first.
          { key, direction: key === 'name' || key === 'nextMilestone' ? 'ascending' : 'descending' },
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm" data-testid="portfolio-table">
        <caption className="sr-only">Projects of the workspace; sorted by {columns.find((c) => c.key === sort.key)!.label.toLowerCase()}, {sort.direction}</caption>
        <thead className="border-b border-line bg-sunken text-xs text-muted">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" aria-sort={sort.key === column.key ? sort.direction : undefined} className="px-3 py-2 font-medium whitespace-nowrap">
                <button type="button" onClick={() => sortBy(column.key)} className="inline-flex items-center gap-1 rounded hover:text-ink">
                  {column.label}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sorted.map((row) => (
            <tr key={row.id} data-testid="portfolio-row">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/p/${row.id}`} className="text-ink hover:underline">
                  {row.name}
                </Link>
              </th>
              <td className="px-3 py-2">
                <HealthBadge health={row.health} reason={row.healthReason ?? undefined} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.lastUpdateAt ? format(row.lastUpdateAt, 'd MMM yyyy') : <span className="text-muted">None yet</span>}
                {row.updateOverdue ? (
                  <span className="mt-1 block">
                    <Badge tone="border-danger/40 bg-danger-soft text-danger">Overdue{row.daysOverdue > 0 ? ` · ${row.daysOverdue} d` : ''}</Badge>
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {row.nextMilestone ? (
                  <>
                    <span className="block">{row.nextMilestone.title}</span>
                    <span className="text-xs text-muted">{format(new Date(`${row.nextMilestone.date}T00:00:00`), 'd MMM yyyy')}</span>
                    {row.nextMilestone.forecast ? (
                      <span className={row.nextMilestone.forecast.likelyLate ? 'block text-xs font-medium text-danger' : 'block text-xs text-muted'}>
                        Forecast: {row.nextMilestone.forecast.confidence} sure of the date{row.nextMilestone.forecast.likelyLate ? ' · likely late' : ''}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="text-muted">None planned</span>
                )}
              </td>
              <td className="px-3 py-2">
                {row.topRisks.length ? (
                  <ul className="flex min-w-48 flex-col gap-1">
                    {row.topRisks.map((risk) => (
                      <li key={risk.id} className="flex items-start gap-2">
                        {risk.band ? <Badge tone={bandChipStyles[risk.band as SeverityBand]}>{risk.score}</Badge> : null}
                        <span>{risk.title}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">No open risks</span>
                )}
              </td>
              <td className="px-3 py-2 tabular-nums">{row.openActions}</td>
              <td className="px-3 py-2">
                {row.overAllocatedPeople.length ? (
                  <ul className="flex flex-col gap-0.5">
                    {row.overAllocatedPeople.map((p) => (
                      <li key={p.personId} className="whitespace-nowrap">
                        {p.name} <span className="text-xs font-medium text-danger">{p.percent}%</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">Nobody</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="px-3 py-4 text-center text-sm text-muted">You are not a member of any live project in this workspace.</p> : null}
    </div>
  );
}
