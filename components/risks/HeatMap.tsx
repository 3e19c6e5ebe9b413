'use client';
// The 5 x 5 likelihood x impact grid. Each cell is coloured by its severity band and shows how many
// active items sit in it; pressing a cell filters the table to those items (press again to clear).
// One cell is in the tab order; the arrow keys, Home and End move between cells. Screen readers also
// get the grid as a table (impact by likelihood, with headers), read cell by cell like any other.
import { useRef, useState, type KeyboardEvent } from 'react';
import { bandLabels, riskScore, severityBand, severityBands, type SeverityBand } from '@/server/domain/risk';
import { cn } from '@/components/ui/cn';
import { itemsLabel, type HeatCell } from './model';

const ratings = [1, 2, 3, 4, 5] as const;

const emptyCell: Record<SeverityBand, string> = {
  critical: 'bg-critical-soft text-critical-ink',
  high: 'bg-high-soft text-high-ink',
  medium: 'bg-medium-soft text-medium-ink',
  low: 'bg-low-soft text-low-ink',
};

const filledCell: Record<SeverityBand, string> = {
  critical: 'bg-critical text-white',
  high: 'bg-high text-white',
  medium: 'bg-medium text-white',
  low: 'bg-low text-white',
};

export const bandSwatch: Record<SeverityBand, string> = {
  critical: 'bg-critical',
  high: 'bg-high',
  medium: 'bg-medium',
  low: 'bg-low',
};

export function HeatMap({
  counts,
  selected,
  onSelect,
}: {
  counts: Map<string, number>;
  selected: HeatCell | null;
  onSelect: (cell: HeatCell | null) => void;
}) {
  // The roving focus: the selected cell, else the one last focused, else the top-left.
  const [focusKey, setFocusKey] = useState('1:5');
  const tabKey = selected ? `${selected.likelihood}:${selected.impact}` : focusKey;
  const cells = useRef(new Map<string, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const key = target.dataset.cell;
    if (!key) return;
    let [l, i] = key.split(':').map(Number) as [number, number];
    switch (event.key) {
      case 'ArrowLeft':
        l = Math.max(1, l - 1);
        break;
      case 'ArrowRight':
        l = Math.min(5, l + 1);
        break;
      case 'ArrowUp':
        i = Math.min(5, i + 1);
        break;
      case 'ArrowDown':
        i = Math.max(1, i - 1);
        break;
      case 'Home':
        l = 1;
        break;
      case 'End':
        l = 5;
        break;
      default:
        return;
    }
    event.preventDefault();
    const next = `${l}:${i}`;
    setFocusKey(next);
    cells.current.get(next)?.focus();
  }

  const byBand = new Map<SeverityBand, number>();
  for (const [key, n] of counts) {
    const [l, i] = key.split(':').map(Number);
    const band = severityBand(riskScore(l!, i!))!;
    byBand.set(band, (byBand.get(band) ?? 0) + n);
  }

  return (
    <section aria-labelledby="heat-map-heading" className="w-full max-w-sm rounded-lg border border-line bg-surface p-4 lg:max-w-none">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id="heat-map-heading" className="text-sm font-semibold">
          Heat map
        </h3>
        <p className="text-xs text-muted">Open and mitigating items</p>
      </div>
      <div className="mt-4 grid grid-cols-[1.25rem_auto_1fr] gap-x-1.5">
        <div className="flex items-center justify-center">
          <span className="-rotate-90 text-[11px] font-medium tracking-wide whitespace-nowrap text-muted uppercase">Impact</span>
        </div>
        <div className="grid grid-rows-5 gap-1 pr-0.5" aria-hidden="true">
          {[...ratings].reverse().map((i) => (
            <span key={i} className="flex items-center justify-end text-[11px] text-muted tabular-nums">
              {i}
            </span>
          ))}
        </div>
        <div
          role="group"
          aria-label="Heat map cells: likelihood by impact (arrow keys move between cells)"
          className="grid grid-cols-5 grid-rows-5 gap-1"
          onKeyDown={onKeyDown}
        >
          {[...ratings].reverse().map((impact) =>
            ratings.map((likelihood) => {
              const n = counts.get(`${likelihood}:${impact}`) ?? 0;
              const band = severityBand(riskScore(likelihood, impact))!;
              const isSelected = selected?.likelihood === likelihood && selected.impact === impact;
              return (
                <button
                  key={`${likelihood}:${impact}`}
                  ref={(el) => {
                    if (el) cells.current.set(`${likelihood}:${impact}`, el);
                    else cells.current.delete(`${likelihood}:${impact}`);
                  }}
                  data-cell={`${likelihood}:${impact}`}
                  tabIndex={tabKey === `${likelihood}:${impact}` ? 0 : -1}
                  onFocus={() => setFocusKey(`${likelihood}:${impact}`)}
                  type="button"
                  aria-pressed={isSelected}
                  aria-label={`Likelihood ${likelihood}, impact ${impact}: ${itemsLabel(n)}`}
                  title={`Likelihood ${likelihood} × impact ${impact} = ${likelihood * impact} (${bandLabels[band]}): ${itemsLabel(n)}`}
                  onClick={() => onSelect(isSelected ? null : { likelihood, impact })}
                  className={cn(
                    'flex aspect-square min-h-9 items-center justify-center rounded-md text-sm font-semibold tabular-nums transition',
                    'hover:brightness-95 focus-visible:outline-offset-1',
                    n > 0 ? filledCell[band] : emptyCell[band],
                    isSelected && 'relative z-10 scale-105 shadow-md ring-[3px] ring-ink ring-inset',
                  )}
                >
                  {n > 0 || isSelected ? n : <span className="text-xs font-normal opacity-70">·</span>}
                </button>
              );
            }),
          )}
        </div>
        <div />
        <div />
        <div className="mt-1 grid grid-cols-5 gap-1" aria-hidden="true">
          {ratings.map((l) => (
            <span key={l} className="text-center text-[11px] text-muted tabular-nums">
              {l}
            </span>
          ))}
        </div>
        <div />
        <div />
        <p className="mt-0.5 text-center text-[11px] font-medium tracking-wide text-muted uppercase">Likelihood</p>
      </div>
      <HeatMapTable counts={counts} />
      <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted" aria-label="Active items by band">
        {severityBands.map((band) => (
          <li key={band} className="flex items-center gap-1.5">
            <span className={cn('size-2.5 rounded-sm', bandSwatch[band])} aria-hidden="true" />
            {bandLabels[band]} <span className="font-medium text-ink tabular-nums">{byBand.get(band) ?? 0}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The same counts as a table for screen readers: one row per impact, one column per likelihood. */
function HeatMapTable({ counts }: { counts: Map<string, number> }) {
  // Hidden by its wrapper: a table grows to its content whatever its own width, so an sr-only
  // table would still widen the page on a phone; the 1 px box around it clips it.
  return (
    <div className="sr-only">
      <table>
        <caption>Heat map: open and mitigating items by impact and likelihood</caption>
        <thead>
          <tr>
            <td />
            {ratings.map((likelihood) => (
              <th key={likelihood} scope="col">
                Likelihood {likelihood}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...ratings].reverse().map((impact) => (
            <tr key={impact}>
              <th scope="row">Impact {impact}</th>
              {ratings.map((likelihood) => {
                const n = counts.get(`${likelihood}:${impact}`) ?? 0;
                const band = severityBand(riskScore(likelihood, impact))!;
                return (
                  <td key={likelihood}>
                    {itemsLabel(n)}, {bandLabels[band]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
