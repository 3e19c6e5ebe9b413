// The RAID log as a table, highest score first, with its filters.
import { format, isBefore, parseISO, startOfToday } from 'date-fns';
import { bandLabels, raidKinds, raidStatuses, severityBands, type RaidItem } from '@/server/domain/risk';
import { BandChip } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Select } from '@/components/ui/field';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import {
  hasFilters,
  isActive,
  kindLabels,
  noFilters,
  statusLabels,
  type BoardFilters,
  type PresencePeer,
} from './model';

export interface MemberOption {
  userId: string;
  name: string;
}

export function formatDue(dueDate: string): string {
  return format(parseISO(dueDate), 'd MMM yyyy');
}

export function RiskFilters({
  filters,
  onChange,
  members,
  shown,
  total,
}: {
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
  members: MemberOption[];
  shown: number;
  total: number;
}) {
  const set = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div role="search" aria-label="Filter items" className="flex flex-wrap items-end gap-2">
      <FilterSelect id="filter-kind" label="Kind" value={filters.kind} onChange={(v) => set('kind', v as BoardFilters['kind'])}>
        <option value="">All kinds</option>
        {raidKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-status" label="Status" value={filters.status} onChange={(v) => set('status', v as BoardFilters['status'])}>
        <option value="">All statuses</option>
        {raidStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabels[s]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-owner" label="Owner" value={filters.owner} onChange={(v) => set('owner', v)}>
        <option value="">Anyone</option>
        <option value="none">No owner</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-band" label="Band" value={filters.band} onChange={(v) => set('band', v as BoardFilters['band'])}>
        <option value="">All bands</option>
        {severityBands.map((b) => (
          <option key={b} value={b}>
            {bandLabels[b]}
          </option>
        ))}
        <option value="unrated">Unrated</option>
      </FilterSelect>
      {filters.cell ? (
        <span className="inline-flex h-9 items-center gap-1 rounded-md border border-accent/30 bg-accent-soft pr-1 pl-2.5 text-[13px] text-accent-ink">
          Likelihood {filters.cell.likelihood} × impact {filters.cell.impact}
          <button
            type="button"
            onClick={() => set('cell', null)}
            aria-label="Remove the heat map cell filter"
            className="ml-0.5 inline-flex size-6 items-center justify-center rounded hover:bg-accent/10"
          >
            <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </span>
      ) : null}
      <Button variant="ghost" onClick={() => onChange(noFilters)} disabled={!hasFilters(filters)}>
        Clear filters
      </Button>
      <p className="ml-auto self-center text-xs text-muted tabular-nums" aria-live="polite">
        {hasFilters(filters) ? `${shown} of ${total} items` : `${total} item${total === 1 ? '' : 's'}`}
      </p>
    </div>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-[8.5rem] flex-1 flex-col gap-1 sm:flex-none">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        <span className="sr-only">Filter by </span>
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={cn(value && 'ring-1 ring-accent/50')}>
        {children}
      </Select>
    </div>
  );
}

export function RiskTable({
  items,
  memberNames,
  editingPeers,
  openItemId,
  onOpen,
  emptyMessage,
}: {
  items: RaidItem[];
  memberNames: Map<string, string>;
  /** Other people's tabs, by the item they are editing. */
  editingPeers: Map<string, PresencePeer[]>;
  openItemId: string | null;
  onOpen: (id: string) => void;
  emptyMessage: React.ReactNode;
}) {
  const today = startOfToday();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      {/* Narrow screens drop columns; what they drop is repeated under the title. */}
      <table className="raid-table w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">RAID items, highest score first</caption>
        <colgroup>
          <col />
          <col className="hidden w-24 xl:table-column" />
          <col className="w-28" />
          <col className="hidden w-32 sm:table-column" />
          <col className="hidden w-24 sm:table-column" />
          <col className="hidden w-28 xl:table-column" />
          <col className="w-16" />
        </colgroup>
        {/* Cell padding and the columns narrow screens drop are .raid-table's (app/globals.css). */}
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            <th scope="col" className="font-medium">
              Title
            </th>
            <th scope="col" className="font-medium">
              Kind
            </th>
            <th scope="col" className="font-medium">
              Score
            </th>
            <th scope="col" className="font-medium">
              Owner
            </th>
            <th scope="col" className="font-medium">
              Status
            </th>
            <th scope="col" className="font-medium">
              Due
            </th>
            <th scope="col">
              <span className="sr-only">Editing now</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-4 py-10 text-center text-sm text-muted">
                {emptyMessage}
              </td>
            </tr>
          ) : null}
          {items.map((item) => {
            const overdue = item.dueDate !== null && isActive(item) && isBefore(parseISO(item.dueDate), today);
            const owner = item.ownerId ? (memberNames.get(item.ownerId) ?? 'Former member') : null;
            const editors = editingPeers.get(item.id) ?? [];
            const open = item.id === openItemId;
            return (
              <tr key={item.id} data-item-id={item.id} className={cn('raid-row', open && 'raid-row-open', !isActive(item) && 'text-muted')}>
                <td>
                  <button
                    type="button"
                    id={`open-item-${item.id}`}
                    onClick={() => onOpen(item.id)}
                    aria-expanded={open}
                    aria-controls={open ? 'risk-editor' : undefined}
                    className="raid-title"
                    title={item.title}
                  >
                    {item.title}
                  </button>
                  <p className="raid-subline">
                    {kindLabels[item.kind]}
                    <span className="sm:hidden"> · {statusLabels[item.status]}</span>
                    {owner ? <span className="sm:hidden"> · {owner}</span> : null}
                    {item.dueDate ? (
                      <span className={cn(overdue && 'text-danger')}>
                        {' '}
                        · Due {formatDue(item.dueDate)}
                        {overdue ? ' (overdue)' : ''}
                      </span>
                    ) : null}
                  </p>
                </td>
                <td className="whitespace-nowrap text-muted">{kindLabels[item.kind]}</td>
                <td className="whitespace-nowrap">
                  <span className="inline-flex items-center gap-2">
                    <span className="w-5 text-right font-medium tabular-nums">{item.score ?? '–'}</span>
                    <BandChip band={item.band} />
                  </span>
                </td>
                <td className="truncate text-muted">{owner ?? <span className="text-faint">—</span>}</td>
                <td className="whitespace-nowrap">{statusLabels[item.status]}</td>
                <td className={cn('whitespace-nowrap tabular-nums', overdue ? 'font-medium text-danger' : 'text-muted')}>
                  {item.dueDate ? (
                    <>
                      <time dateTime={item.dueDate}>{formatDue(item.dueDate)}</time>
                      {overdue ? <span className="sr-only"> (overdue)</span> : null}
                    </>
                  ) : (
                    <span className="text-faint">—</span>
                  )}
                </td>
                <td>
                  <PresenceAvatars peers={editors} label="Editing now" size="sm" max={3} className="justify-end" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
