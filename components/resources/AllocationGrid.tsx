'use client';
// The allocation grid: a row per person with a cell per week, coloured by utilisation band (with
// text and a pattern too), time off hatched grey, and under each person a bar per allocation whose
// edges drag (AllocationBar). The cells form one tab stop: arrow keys move between them, Enter
// starts an allocation there. Hovering or focusing a cell names the projects behind it in the
// details line above the grid, and tells the others on the grid (presence) which cell it is.
//
// Hundreds of people: the grid scrolls within its box (its header row and the person column stay
// put) and only the people in view, plus a few either side and the person of the focused cell, are
// in the page (@tanstack/react-virtual; the server renders the first screenful). A cell is read
// through the table's row and column headers; the focused cell alone carries the whole sentence
// (utilisation, time off, projects) as its name, which the details line also says.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { peersFocusing, type GridFocus, type GridPeer } from '@/components/live/gridPresence';
import { initials } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import { formatDay } from '@/server/domain/dates';
import { AllocationBar } from './AllocationBar';
import {
  allocationsInWeek,
  bandNames,
  describeCell,
  formatHours,
  hoursOf,
  monthRuns,
  shortDay,
  sundayAfter,
  type Allocation,
  type GridCells,
  type GridData,
  type IsoDate,
  type Person,
  type Zoom,
} from './model';

export const columnWidths: Record<Zoom, number> = { weeks: 56, months: 16 };

/** Heights (px) the virtualizer assumes before it measures: a person's row, and each of their bars. */
const personRowHeight = 45;
const barRowHeight = 32;
/** The box the server (and the first client render) lays the grid out in: the first screenful. */
const initialRect = { width: 1024, height: 720 };

/** One staffing need's row under the people: hours short (> 0) or spare (< 0) per shown week. */
export interface GapRow {
  key: string;
  label: string;
  /** One entry per shown week, null where the need does not run. */
  gapHours: (number | null)[];
}

export function AllocationGrid({
  data,
  people,
  projectFilter,
  zoom,
  others,
  gapRows,
  onFocusCell,
  onResize,
  onOpenAllocation,
  onNewAllocation,
}: {
  data: GridData;
  /** The people shown (after filters), in order. */
  people: Person[];
  /** Only this project's bars are drawn (the cells still count every project). */
  projectFilter: string;
  zoom: Zoom;
  others: GridPeer[];
  gapRows: GapRow[];
  onFocusCell: (focus: GridFocus | null) => void;
  onResize: (allocation: Allocation, dates: { from: IsoDate; to: IsoDate }) => Promise<unknown>;
  onOpenAllocation: (allocation: Allocation) => void;
  onNewAllocation: (personId: string, monday: IsoDate) => void;
}) {
  const columnWidth = columnWidths[zoom];
  const weekCount = data.weeks.length;
  const [active, setActive] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const [shown, setShown] = useState<{ personId: string; col: number } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const projectNames = useMemo(() => new Map(data.projects.map((p) => [p.id, p.name])), [data.projects]);
  const cellsByPerson = useMemo(() => new Map(data.cells.map((c) => [c.personId, c])), [data.cells]);
  const allocationsByPerson = useMemo(() => {
    const map = new Map<string, Allocation[]>();
    for (const a of data.allocations) {
      const list = map.get(a.personId) ?? [];
      list.push(a);
      map.set(a.personId, list);
    }
    return map;
  }, [data.allocations]);

  const row = Math.min(active.row, Math.max(0, people.length - 1));
  const col = Math.min(active.col, Math.max(0, weekCount - 1));
  const sundays = useMemo(() => data.weekStarts.map(sundayAfter), [data.weekStarts]);
  const barsOf = useCallback(
    (person: Person) => (allocationsByPerson.get(person.id) ?? []).filter((a) => !projectFilter || a.projectId === projectFilter),
    [allocationsByPerson, projectFilter],
  );

  // The person of the focused cell stays in the page when scrolled away, so focus is never lost.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return row < range.count && !indexes.includes(row) ? [...indexes, row].sort((a, b) => a - b) : indexes;
    },
    [row],
  );
  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => personRowHeight + barsOf(people[index]!).length * barRowHeight,
    getItemKey: (index) => people[index]!.id,
    overscan: 6,
    initialRect,
    rangeExtractor,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();

  /** What a cell shows: its numbers and time off (cheap, for every cell drawn). */
  function cellNumbers(person: Person, cells: GridCells | undefined, index: number) {
    const monday = data.weekStarts[index]!;
    const sunday = sundays[index]!;
    const off = person.timeOff.some((t) => t.from <= sunday && t.to >= monday);
    const allocated = cells?.allocated[index] ?? 0;
    const capacity = cells?.capacity[index] ?? 0;
    const percent = cells?.percent[index] ?? 0;
    const band = bandNames[cells?.band[index] ?? 'u'];
    return { monday, allocated, capacity, percent, band, off };
  }

  /** The cell in words: utilisation, band, time off and the projects behind it (for the focused or hovered cell only). */
  function describe(person: Person, cells: GridCells | undefined, index: number) {
    const { monday, allocated, capacity, percent, band } = cellNumbers(person, cells, index);
    const projects = allocationsInWeek(allocationsByPerson.get(person.id) ?? [], monday).map((a) => ({
      name: projectNames.get(a.projectId) ?? 'A project',
      hours: hoursOf(a, person),
    }));
    return describeCell({ person, week: data.weeks[index]!, monday, allocated, capacity, percent, band, projects });
  }

  function focusCell(r: number, c: number) {
    // The cell takes its name (and, scrolled away, its row comes back) before it takes focus.
    flushSync(() => setActive({ row: r, col: c }));
    const cell = table.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`);
    cell?.focus();
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusCell(Math.min(people.length - 1, Math.max(0, r + move[0])), Math.min(weekCount - 1, Math.max(0, c + move[1])));
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusCell(r, 0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusCell(r, weekCount - 1);
    } else if ((event.key === 'Enter' || event.key === ' ') && data.canEdit) {
      event.preventDefault();
      onNewAllocation(people[r]!.id, data.weekStarts[c]!);
    }
  }

  const showCell = (personId: string, c: number) => {
    setShown({ personId, col: c });
    onFocusCell({ personId, week: data.weeks[c]! });
  };

  const shownPerson = shown ? people.find((p) => p.id === shown.personId) : undefined;
  const details = shownPerson && shown ? { description: describe(shownPerson, cellsByPerson.get(shownPerson.id), shown.col) } : null;
  const firstColumn = 'w-28 min-w-28 sm:w-44 sm:min-w-44';

  return (
    <div className="flex flex-col gap-2">
      <p aria-live="polite" data-testid="cell-details" className="min-h-10 rounded-md border border-line bg-sunken px-3 py-2 text-xs text-muted">
        {details ? (
          <>
            <span className="font-medium text-ink">{details.description.split('; ')[0]}</span>
            {'; '}
            {details.description.split('; ').slice(1).join('; ')}
          </>
        ) : (
          'Hover or focus a cell to see the projects behind it.'
        )}
      </p>
      <div
        ref={scroller}
        className="max-h-[75vh] max-w-full overflow-auto rounded-lg border border-line bg-surface"
        role="region"
        aria-label="Allocation grid (scrolls sideways)"
        // With no cell to focus, the box itself takes focus so the keyboard can scroll it (axe: scrollable-region-focusable).
        tabIndex={people.length ? undefined : 0}
        onMouseLeave={() => {
          setShown(null);
          onFocusCell(null);
        }}
      >
        <table
          ref={table}
          role="grid"
          aria-label="Allocation grid"
          className="border-separate border-spacing-0"
          style={{ tableLayout: 'fixed', width: 'max-content' }}
          onBlur={(event) => {
            // Focus left the grid: the others no longer see this tab on a cell.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
              setShown(null);
              onFocusCell(null);
            }
          }}
        >
          <colgroup>
            <col className={firstColumn} />
            {data.weeks.map((w) => (
              <col key={w} style={{ width: columnWidth }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-30 bg-surface">
            {zoom === 'months' ? (
              <tr>
                <td className={cn('sticky left-0 z-20 border-b border-line bg-surface', firstColumn)} />
                {monthRuns(data.weekStarts).map((run, i) => (
                  <th key={`${run.label}-${i}`} colSpan={run.span} scope="colgroup" className="truncate border-b border-l border-line px-1 py-1 text-left text-[11px] font-medium text-muted">
                    {run.span >= 3 ? run.label : run.label.slice(0, 3)}
                  </th>
                ))}
              </tr>
            ) : null}
            <tr>
              <th scope="col" className={cn('sticky left-0 z-20 border-b border-line bg-surface px-3 py-1.5 text-left text-xs font-semibold', firstColumn)}>
                Person
              </th>
              {data.weeks.map((week, i) => (
                <th key={week} scope="col" className="border-b border-l border-line px-0.5 py-1 text-center text-[11px] font-medium text-muted" title={`Week of ${formatDay(data.weekStarts[i]!)} (week ${week.slice(-2)})`} data-week={week}>
                  {zoom === 'weeks' ? (
                    <>
                      <span className="block">W{week.slice(-2)}</span>
                      <span className="block font-normal">{shortDay(data.weekStarts[i]!)}</span>
                    </>
                  ) : (
                    <span className="sr-only">
                      Week of {formatDay(data.weekStarts[i]!)} (week {week.slice(-2)})
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {people.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={weekCount + 1} className="px-3 py-6 text-center text-sm text-muted">
                  Nobody to show. Add a person below, or clear the filters.
                </td>
              </tr>
            </tbody>
          ) : null}
          {rows.map((item, i) => {
              const r = item.index;
              const person = people[r]!;
              const cells = cellsByPerson.get(person.id);
              const rowPeers = peersFocusing(others, person.id, null);
              const bars = barsOf(person);
              // The people not drawn above this one: one spacer of their height.
              const gap = item.start - (i === 0 ? 0 : rows[i - 1]!.end);
              return [
                gap > 0 ? <Spacer key={`gap-${item.key}`} height={gap} columns={weekCount + 1} /> : null,
                <tbody key={item.key} data-index={r} ref={virtualizer.measureElement}>
                  <tr data-testid="person-row" data-person={person.name}>
                    <th scope="row" className={cn('sticky left-0 z-10 border-t border-line bg-surface px-3 py-1 text-left align-middle', firstColumn)}>
                      <span className="flex items-center gap-1.5">
                        <span className="min-w-0 truncate text-[13px] font-medium text-ink" title={person.name}>
                          {person.name}
                        </span>
                        {rowPeers.length ? (
                          <span className="sr-only">
                            {`(${rowPeers.map((p) => p.user.name).join(', ')} here)`}
                          </span>
                        ) : null}
                        {rowPeers.slice(0, 2).map((p) => (
                          <span key={p.clientId} aria-hidden="true" title={`${p.user.name} is here`} className="size-2 shrink-0 rounded-full" style={{ backgroundColor: p.user.color }} />
                        ))}
                      </span>
                      <span className="block truncate text-[11px] text-muted">
                        {person.placeholder ? 'Placeholder · ' : ''}
                        {person.role || `${formatHours(person.weeklyHours)} h/wk`}
                      </span>
                    </th>
                    {data.weeks.map((week, c) => {
                      const info = cellNumbers(person, cells, c);
                      const peers = peersFocusing(others, person.id, week);
                      const fullOff = info.capacity === 0 && info.off;
                      const focusable = r === row && c === col;
                      return (
                        <td
                          key={week}
                          data-cell={`${r}:${c}`}
                          data-week={week}
                          data-band={info.band}
                          data-allocated={info.allocated > 0 ? 'yes' : 'no'}
                          data-off={info.off ? (fullOff ? 'full' : 'part') : undefined}
                          tabIndex={focusable ? 0 : -1}
                          // Only the cell the keyboard is on says it all; the others are read by their headers and text.
                          aria-label={focusable ? describe(person, cells, c) + (peers.length ? `; ${peers.map((p) => p.user.name).join(', ')} here` : '') : undefined}
                          className="util-cell scroll-mt-16 scroll-ml-28 border-t border-t-line sm:scroll-ml-44"
                          style={peers.length ? { boxShadow: `inset 0 0 0 2px ${peers[0]!.user.color}` } : undefined}
                          onFocus={() => {
                            if (!focusable) setActive({ row: r, col: c });
                            showCell(person.id, c);
                          }}
                          onMouseEnter={() => showCell(person.id, c)}
                          onKeyDown={(e) => onCellKeyDown(e, r, c)}
                          onDoubleClick={() => (data.canEdit ? onNewAllocation(person.id, info.monday) : undefined)}
                        >
                          {zoom === 'weeks' ? (info.allocated > 0 ? `${info.percent}%` : fullOff ? 'off' : null) : null}
                          {peers.length ? (
                            <span aria-hidden="true" className="absolute top-0 right-0 rounded-bl px-0.5 text-[9px] leading-tight font-semibold text-white" style={{ backgroundColor: peers[0]!.user.color }}>
                              {zoom === 'weeks' ? initials(peers[0]!.user.name) : ''}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                  {bars.map((allocation) => (
                    <tr key={allocation.id} data-testid="bar-row">
                      <th scope="row" className={cn('sticky left-0 z-10 bg-surface py-0 pr-2 pl-5 text-left align-middle text-[11px] font-normal text-muted', firstColumn)}>
                        <span className="block truncate" title={projectNames.get(allocation.projectId)}>
                          {projectNames.get(allocation.projectId) ?? 'A project'}
                        </span>
                      </th>
                      <td colSpan={weekCount} className="relative h-8 p-0">
                        <AllocationBar
                          allocation={allocation}
                          projectName={projectNames.get(allocation.projectId) ?? 'A project'}
                          personName={person.name}
                          weekStarts={data.weekStarts}
                          columnWidth={columnWidth}
                          canEdit={data.canEdit}
                          onResize={onResize}
                          onOpen={onOpenAllocation}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>,
              ];
            })}
          {rows.length ? <Spacer height={virtualizer.getTotalSize() - rows.at(-1)!.end} columns={weekCount + 1} /> : null}
          {gapRows.length ? (
            <tbody>
              <tr>
                <th scope="rowgroup" colSpan={1} className={cn('sticky left-0 z-10 border-t-2 border-line-strong bg-surface px-3 py-1.5 text-left text-xs font-semibold', firstColumn)}>
                  Staffing gaps
                </th>
                <td colSpan={weekCount} className="border-t-2 border-line-strong px-2 text-xs text-muted">
                  <span className="sticky left-28 sm:left-44">Hours short (−) or spare (+) per week against each need</span>
                </td>
              </tr>
              {gapRows.map((gap) => (
                <tr key={gap.key} data-testid="gap-row">
                  <th scope="row" className={cn('sticky left-0 z-10 border-t border-line bg-surface px-3 py-1 text-left text-[11px] font-medium', firstColumn)}>
                    <span className="block truncate" title={gap.label}>
                      {gap.label}
                    </span>
                  </th>
                  {gap.gapHours.map((hours, c) => {
                    const kind = hours === null ? undefined : hours > 0 ? 'short' : hours < 0 ? 'surplus' : 'met';
                    const text = hours === null ? 'no need' : hours > 0 ? `short ${formatHours(hours)} h` : hours < 0 ? `${formatHours(-hours)} h spare` : 'need met';
                    return (
                      <td key={data.weeks[c]} data-gap={kind} aria-label={`${gap.label}, week of ${formatDay(data.weekStarts[c]!)}: ${text}`} className="gap-cell border-t border-t-line">
                        {zoom === 'weeks' && hours !== null && hours !== 0 ? <span aria-hidden="true">{hours > 0 ? `−${formatHours(hours)}` : `+${formatHours(-hours)}`}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
      </div>
    </div>
  );
}

/** The height of people not drawn, so the scroll bar tells the whole grid's length. Hidden from screen readers. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tbody aria-hidden="true">
      <tr style={{ height }}>
        <td colSpan={columns} className="p-0" />
      </tr>
    </tbody>
  );
}
