'use client';
// The allocation grid: a row per person with a cell per week, coloured by utilisation band (with
// text and a pattern too), time off hatched grey, and under each person a bar per allocation whose
// edges drag (AllocationBar). The cells form one tab stop: arrow keys move between them, Enter
// starts an allocation there. Hovering or focusing a cell names the projects behind it in the
// details line above the grid, and tells the others on the grid (presence) which cell it is.
import { Fragment, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { peersFocusing, type GridFocus, type GridPeer } from '@/components/live/gridPresence';
import { initials } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import { AllocationBar } from './AllocationBar';
import {
  allocationsInWeek,
  bandNames,
  describeCell,
  formatHours,
  hoursOf,
  monthRuns,
  shortDay,
  timeOffInWeek,
  type Allocation,
  type GridCells,
  type GridData,
  type IsoDate,
  type Person,
  type Zoom,
} from './model';

export const columnWidths: Record<Zoom, number> = { weeks: 56, months: 16 };

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

  function cellInfo(person: Person, cells: GridCells | undefined, index: number) {
    const monday = data.weekStarts[index]!;
    const projects = allocationsInWeek(allocationsByPerson.get(person.id) ?? [], monday).map((a) => ({
      name: projectNames.get(a.projectId) ?? 'A project',
      hours: hoursOf(a, person),
    }));
    const allocated = cells?.allocated[index] ?? 0;
    const capacity = cells?.capacity[index] ?? 0;
    const percent = cells?.percent[index] ?? 0;
    const band = bandNames[cells?.band[index] ?? 'u'];
    const off = timeOffInWeek(person, monday);
    return { monday, projects, allocated, capacity, percent, band, off, description: describeCell({ person, week: data.weeks[index]!, monday, allocated, capacity, percent, band, projects }) };
  }

  function focusCell(r: number, c: number) {
    setActive({ row: r, col: c });
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
  const details = shownPerson && shown ? cellInfo(shownPerson, cellsByPerson.get(shownPerson.id), shown.col) : null;
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
        className="max-w-full overflow-x-auto rounded-lg border border-line bg-surface"
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
          <thead>
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
                <th key={week} scope="col" className="border-b border-l border-line px-0.5 py-1 text-center text-[11px] font-medium text-muted" title={`Week ${week}, from ${shortDay(data.weekStarts[i]!)}`}>
                  {zoom === 'weeks' ? (
                    <>
                      <span className="block">W{week.slice(-2)}</span>
                      <span className="block font-normal">{shortDay(data.weekStarts[i]!)}</span>
                    </>
                  ) : (
                    <span className="sr-only">
                      Week {week}, from {shortDay(data.weekStarts[i]!)}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {people.length === 0 ? (
              <tr>
                <td colSpan={weekCount + 1} className="px-3 py-6 text-center text-sm text-muted">
                  Nobody to show. Add a person below, or clear the filters.
                </td>
              </tr>
            ) : null}
            {people.map((person, r) => {
              const cells = cellsByPerson.get(person.id);
              const rowPeers = peersFocusing(others, person.id, null);
              const bars = (allocationsByPerson.get(person.id) ?? []).filter((a) => !projectFilter || a.projectId === projectFilter);
              return (
                <Fragment key={person.id}>
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
                      const info = cellInfo(person, cells, c);
                      const peers = peersFocusing(others, person.id, week);
                      const fullOff = info.capacity === 0 && info.off.length > 0;
                      return (
                        <td
                          key={week}
                          data-cell={`${r}:${c}`}
                          data-week={week}
                          data-band={info.band}
                          data-allocated={info.allocated > 0 ? 'yes' : 'no'}
                          data-off={info.off.length ? (fullOff ? 'full' : 'part') : undefined}
                          tabIndex={r === row && c === col ? 0 : -1}
                          aria-label={info.description + (peers.length ? `; ${peers.map((p) => p.user.name).join(', ')} here` : '')}
                          title={zoom === 'months' ? info.description : undefined}
                          className="util-cell border-t border-t-line"
                          style={peers.length ? { boxShadow: `inset 0 0 0 2px ${peers[0]!.user.color}` } : undefined}
                          onFocus={() => {
                            setActive({ row: r, col: c });
                            showCell(person.id, c);
                          }}
                          onMouseEnter={() => showCell(person.id, c)}
                          onKeyDown={(e) => onCellKeyDown(e, r, c)}
                          onDoubleClick={() => (data.canEdit ? onNewAllocation(person.id, info.monday) : undefined)}
                        >
                          {zoom === 'weeks' ? (
                            <span aria-hidden="true">{info.allocated > 0 ? `${info.percent}%` : fullOff ? 'off' : ''}</span>
                          ) : null}
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
                </Fragment>
              );
            })}
          </tbody>
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
                      <td key={data.weeks[c]} data-gap={kind} aria-label={`${gap.label}, week ${data.weeks[c]!.slice(-2)}: ${text}`} className="gap-cell border-t border-t-line">
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
