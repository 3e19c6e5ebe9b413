// The project's inventory as a table, filtered by kind and ring and sorted by a chosen column.
// Each row's name opens the item (to edit it, or to read it for viewers, with its ring history).
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Select } from '@/components/ui/field';
import { formatDay } from '@/server/domain/dates';
import { costText, kindLabels, quadrantLabels, ringLabels, ringTones, techKinds, techRings, type TechItem, type TechKind, type TechRing } from './model';

type SortKey = 'name' | 'kind' | 'eolDate' | 'ring';
const sortLabels: Record<SortKey, string> = { name: 'Name', kind: 'Kind', eolDate: 'End of life (soonest first)', ring: 'Ring (hold first)' };

function compareBy(key: SortKey): (a: TechItem, b: TechItem) => number {
  const byName = (a: TechItem, b: TechItem) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  switch (key) {
    case 'kind':
      return (a, b) => techKinds.indexOf(a.kind) - techKinds.indexOf(b.kind) || byName(a, b);
    case 'ring':
      return (a, b) => techRings.indexOf(b.ring) - techRings.indexOf(a.ring) || byName(a, b);
    case 'eolDate':
      // Items with no end of life go last.
      return (a, b) => (a.eolDate ?? '9999').localeCompare(b.eolDate ?? '9999') || byName(a, b);
    default:
      return byName;
  }
}

/** The inventory's heading: where focus goes when the last item is removed. */
export const inventoryHeadingId = 'inventory-heading';

export function InventoryTable({ items, onOpen }: { items: TechItem[]; onOpen: (item: TechItem, opener: string) => void }) {
  const [kind, setKind] = useState<TechKind | ''>('');
  const [ring, setRing] = useState<TechRing | ''>('');
  const [sort, setSort] = useState<SortKey>('name');
  const shown = useMemo(() => items.filter((i) => (!kind || i.kind === kind) && (!ring || i.ring === ring)).sort(compareBy(sort)), [items, kind, ring, sort]);
  const header = (key: SortKey | null, label: string) => (
    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap" aria-sort={key && key === sort ? (key === 'ring' ? 'descending' : 'ascending') : undefined}>
      {label}
    </th>
  );
  return (
    <section aria-labelledby={inventoryHeadingId} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id={inventoryHeadingId} tabIndex={-1} className="mr-auto text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
          Inventory <span className="font-normal text-muted">({shown.length === items.length ? items.length : `${shown.length} of ${items.length}`})</span>
        </h2>
        <label className="flex flex-col gap-1 text-xs text-muted">
          Kind
          <Select value={kind} onChange={(e) => setKind(e.target.value as TechKind | '')} className="w-36">
            <option value="">All kinds</option>
            {techKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-muted">
          Ring
          <Select value={ring} onChange={(e) => setRing(e.target.value as TechRing | '')} className="w-32">
            <option value="">All rings</option>
            {techRings.map((r) => (
              <option key={r} value={r}>
                {ringLabels[r]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-muted">
          Sort by
          <Select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} className="w-52">
            {(Object.keys(sortLabels) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-left text-sm" data-testid="inventory-table">
          <caption className="sr-only">The project&apos;s technology inventory</caption>
          <thead className="border-b border-line bg-sunken text-xs text-muted">
            <tr>
              {header('name', 'Name')}
              {header('kind', 'Kind')}
              {header(null, 'Version in use')}
              {header(null, 'Latest known')}
              {header('eolDate', 'End of life')}
              {header('ring', 'Ring')}
              {header(null, 'Quadrant')}
              {header(null, 'Owner')}
              {header(null, 'Licence')}
              {header(null, 'Cost / month')}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {shown.map((item) => {
              const opener = `tech-item-${item.id}`;
              return (
                <tr key={item.id} data-testid="inventory-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <button type="button" id={opener} className="text-left break-all text-accent-ink hover:underline" onClick={() => onOpen(item, opener)}>
                      {item.name}
                    </button>
                    {item.isPublic ? <span className="ml-1.5 text-xs font-normal text-muted">(public)</span> : null}
                  </th>
                  <td className="px-3 py-2">{kindLabels[item.kind]}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{item.version || '—'}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{item.latestVersion ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{item.eolDate ? formatDay(item.eolDate) : '—'}</td>
                  <td className="px-3 py-2">
                    <Badge tone={ringTones[item.ring]}>{ringLabels[item.ring]}</Badge>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{quadrantLabels[item.quadrant]}</td>
                  <td className="px-3 py-2">{item.ownerMemberName ?? (item.ownerName || '—')}</td>
                  <td className="px-3 py-2 break-words">{item.licence || '—'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{costText(item.costPerMonthCents) || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted">{items.length ? 'No items match these filters.' : 'Nothing in the inventory yet. Add an item or import a manifest.'}</p>
        ) : null}
      </div>
    </section>
  );
}
