'use client';
// The roadmap timeline: one row per milestone or workstream on a weeks or months scale with a
// today line, finish-to-start dependencies as arrows, baseline ghosts, flagged dependents and the
// critical path. Bars are dragged with pointer events (a timeline moves along one axis by whole
// days, which a drop-zone library does not model) and moved with the keyboard: arrows move by a
// day, Shift+arrows change a workstream's end, Page Up/Down move by a week.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { moveItem, resizeItem, slippageDays, type BaselineDates, type PlanDependency, type PlanItem } from '@/server/domain/plan';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import type { PresencePeer } from '@/components/live/presence';
import type { Readiness } from '@/server/domain/standards';
import { cn } from '@/components/ui/cn';
import { StandardsReadiness } from './StandardsReadiness';
import { scaleTicks, timelineRange, type Zoom } from './timelineScale';

const dayWidth: Record<Zoom, number> = { weeks: 18, months: 5 };
const rowHeight = 36;
const headerHeight = 28;
// The label column: 240 px from the sm breakpoint, 128 px on a phone so a 390 px screen keeps
// more than half its width for the dates (a long title is cut, its full text is the button's name
// and tooltip). A CSS variable, so the server-rendered width is already right for the screen.
const labelColumn = 'var(--timeline-label)';
const labelColumnClasses = '[--timeline-label:128px] sm:[--timeline-label:240px]';

const shown = (d: string) => format(parseISO(d), 'd MMM yyyy');
const shortDay = (d: string) => format(parseISO(d), 'd MMM');

export interface TimelineProps {
  items: PlanItem[];
  dependencies: PlanDependency[];
  zoom: Zoom;
  today: string;
  baseline: BaselineDates | null;
  flagged: Map<string, PlanDependency[]>;
  critical: Set<string>;
  canEdit: boolean;
  selectedId: string | null;
  editingPeers: Map<string, PresencePeer[]>;
  openRisks: Map<string, number>;
  onSelect(id: string): void;
  /** Items someone else moved a moment ago: they flash, so the move is seen. */
  movedByOthers: ReadonlySet<string>;
  /** Moves an item (or the end of a workstream) by whole days from its current dates (keyboard). */
  onShiftDates(id: string, days: number, mode: 'move' | 'resize'): void;
  /** Puts an item at the dates it was dropped on. */
  onDrop(id: string, dates: { start: string; end: string }): void;
  /** Each milestone's readiness against its technical standards (standards.forProject). */
  readiness?: ReadonlyMap<string, Readiness>;
  /** Each open milestone's delivery forecast (forecast.milestones): a P50-P95 band beside its date. */
  forecasts?: ReadonlyMap<string, MilestoneForecast>;
}

export interface MilestoneForecast {
  p50: string;
  p85: string;
  p95: string;
  /** The P85 date is after the milestone's date. */
  likelyLate: boolean;
}

/**
 * A drag in progress. Its preview is drawn from the dates the bar had when it was picked up, and the
 * drop writes the dates under the pointer: a move by someone else meanwhile neither makes the bar
 * jump away from the pointer nor adds itself to this one. Once dropped, the document alone decides.
 */
interface Drag {
  id: string;
  mode: 'move' | 'resize';
  originX: number;
  days: number;
  from: { start: string; end: string };
}

export function Timeline(props: TimelineProps) {
  const { items, dependencies, zoom, today, baseline, flagged, critical, canEdit, selectedId, editingPeers, openRisks, movedByOthers, onSelect, onShiftDates, onDrop, readiness, forecasts } = props;
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const px = dayWidth[zoom];

  const rows = useMemo(
    () => [...items].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
    [items],
  );
  const titles = useMemo(() => new Map(items.map((i) => [i.id, i.title])), [items]);

  const range = useMemo(() => {
    const dates = [today];
    for (const i of items) dates.push(i.start, i.end);
    if (baseline) for (const i of items) if (baseline[i.id]) dates.push(baseline[i.id]!.start, baseline[i.id]!.end);
    return timelineRange(dates, zoom);
  }, [items, today, baseline, zoom]);

  const x = (date: string) => differenceInCalendarDays(parseISO(date), range.first) * px;
  const width = range.days * px;

  // Opens (and changes zoom) with today in view, a third of the way across the dates, when it
  // would be scrolled out of sight; never while someone is working in it, so edits do not move it.
  const scroller = useRef<HTMLDivElement>(null);
  const todayX = x(today);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const dates = el.clientWidth - (parseFloat(getComputedStyle(el).getPropertyValue('--timeline-label')) || 0);
    if (todayX < el.scrollLeft || todayX > el.scrollLeft + dates - px) el.scrollLeft = Math.max(0, todayX - dates / 3);
  }, [zoom]); // on opening and on zoom only
  const ticks = useMemo(() => scaleTicks(range, zoom), [range, zoom]);

  const droppedDates = (current: Drag) => (current.mode === 'move' ? moveItem(current.from, current.days) : resizeItem(current.from, current.days));
  const previewOf = (item: PlanItem) => {
    if (!drag || drag.id !== item.id || drag.days === 0) return item;
    return { ...item, ...droppedDates(drag) };
  };

  // The pointer is followed on the window, not on the bar: a remote change can re-order the rows
  // (and so move the bar's element, which loses its pointer capture) in the middle of a drag, and
  // the drop must still land. A bar deleted meanwhile ends the drag.
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  const dragging = drag?.id ?? null;
  const draggedStillThere = dragging !== null && items.some((i) => i.id === dragging);
  useEffect(() => {
    if (!dragging) return;
    if (!draggedStillThere) {
      dragRef.current = null;
      setDrag(null);
      return;
    }
    const move = (event: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current) return;
      const days = Math.round((event.clientX - current.originX) / px);
      if (days !== current.days) {
        dragRef.current = { ...current, days };
        setDrag(dragRef.current);
      }
    };
    const drop = () => {
      const current = dragRef.current;
      dragRef.current = null;
      setDrag(null);
      if (current && current.days !== 0) dropRef.current(current.id, droppedDates(current));
    };
    const cancel = () => {
      dragRef.current = null;
      setDrag(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', drop);
    window.addEventListener('pointercancel', cancel);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', drop);
      window.removeEventListener('pointercancel', cancel);
    };
  }, [dragging, draggedStillThere]); // one set of listeners per drag; the drop reads onDrop through a ref

  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const byId = new Map(rows.map((r) => [r.id, previewOf(r)]));

  function startDrag(event: PointerEvent<HTMLElement>, item: PlanItem, mode: Drag['mode']) {
    if (!canEdit || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    const next = { id: item.id, mode, originX: event.clientX, days: 0, from: { start: item.start, end: item.end } };
    dragRef.current = next;
    setDrag(next);
    onSelect(item.id);
  }
  function onKey(event: KeyboardEvent<HTMLElement>, item: PlanItem) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(item.id);
      return;
    }
    if (!canEdit) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, PageUp: -7, PageDown: 7 }[event.key];
    if (!step) return;
    event.preventDefault();
    // From the document's dates, not this render's: a second key press may come before the next render.
    onShiftDates(item.id, step, event.shiftKey && item.kind === 'workstream' ? 'resize' : 'move');
  }

  const height = rows.length * rowHeight;

  return (
    // The box scrolls sideways, so it is a tab stop of its own: the arrow keys scroll it even where
    // it holds nothing focusable (a viewer's roadmap, the scale and the bars' far ends).
    <div
      ref={scroller}
      role="region"
      aria-label="Roadmap"
      tabIndex={0}
      className={cn('overflow-x-auto rounded-lg border border-line bg-surface', labelColumnClasses)}
      data-testid="timeline"
    >
      <div className="relative" style={{ width: `calc(${labelColumn} + ${width}px)`, minHeight: headerHeight + Math.max(height, rowHeight) }}>
        {/* scale */}
        <div className="sticky top-0 z-10 flex border-b border-line bg-sunken text-[11px] text-muted" style={{ height: headerHeight }}>
          <div className="sticky left-0 z-20 shrink-0 border-r border-line bg-sunken px-3 py-1.5 font-medium" style={{ width: labelColumn }}>
            {zoom === 'weeks' ? 'Weeks' : 'Months'}
          </div>
          <div className="relative" style={{ width }} aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.date} className="absolute top-0 h-full border-l border-line pt-1.5 pl-1" style={{ left: x(t.date) }}>
                {t.label}
              </span>
            ))}
          </div>
        </div>

        <div className="relative" style={{ height }}>
          {/* grid, today line and arrows, behind the bars */}
          <div className="pointer-events-none absolute top-0" style={{ left: labelColumn, width, height }} aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.date} className="absolute top-0 h-full border-l border-line/60" style={{ left: x(t.date) }} />
            ))}
            <span className="absolute top-0 h-full w-0.5 bg-danger/70" style={{ left: x(today) + px / 2 }} data-testid="today-line" />
            <svg className="absolute inset-0 overflow-visible" width={width} height={height}>
              <defs>
                <marker id="plan-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L8,4 L0,8 z" fill="currentColor" />
                </marker>
              </defs>
              {dependencies.map((d) => {
                const from = byId.get(d.fromId);
                const to = byId.get(d.toId);
                if (!from || !to) return null;
                const x1 = x(from.end) + px;
                const y1 = rowIndex.get(d.fromId)! * rowHeight + rowHeight / 2;
                const x2 = x(to.start);
                const y2 = rowIndex.get(d.toId)! * rowHeight + rowHeight / 2;
                const isFlagged = to.start < from.end;
                const onPath = critical.has(d.fromId) && critical.has(d.toId);
                const bend = Math.max(x1 + 8, x2 - 8);
                return (
                  <path
                    key={d.id}
                    d={`M${x1},${y1} H${bend} V${y2} H${x2}`}
                    fill="none"
                    strokeWidth={onPath ? 2.5 : 1.5}
                    markerEnd="url(#plan-arrow)"
                    className={cn(isFlagged ? 'text-danger' : onPath ? 'text-accent' : 'text-faint')}
                    stroke="currentColor"
                    strokeDasharray={isFlagged ? '4 3' : undefined}
                  />
                );
              })}
            </svg>
          </div>

          {rows.map((original, index) => {
            const item = previewOf(original);
            const ghost = baseline?.[item.id];
            const slip = ghost && item.kind === 'milestone' ? slippageDays(ghost.end, item.end) : null;
            const flags = flagged.get(item.id) ?? [];
            const peers = editingPeers.get(item.id) ?? [];
            const risks = openRisks.get(item.id) ?? 0;
            const onPath = critical.has(item.id);
            const ready = item.kind === 'milestone' ? readiness?.get(item.id) : undefined;
            const forecast = item.kind === 'milestone' ? forecasts?.get(item.id) : undefined;
            const after = forecast && forecast.p95 > item.end ? forecast.p95 : item.end;
            const dates = item.kind === 'milestone' ? shown(item.end) : `${shown(item.start)} to ${shown(item.end)}`;
            const barLabel = `${item.kind === 'milestone' ? 'Milestone' : 'Workstream'} ${item.title}, ${dates}`;
            const isDragging = drag?.id === item.id;
            const movedByOther = movedByOthers.has(item.id) && !isDragging;
            return (
              <div
                key={item.id}
                className={cn('absolute left-0 flex border-b border-line/70', selectedId === item.id && 'bg-accent-soft/50')}
                style={{ top: index * rowHeight, height: rowHeight, width: `calc(${labelColumn} + ${width}px)` }}
                data-testid="timeline-row"
                data-item-id={item.id}
              >
                <div className="sticky left-0 z-[5] flex shrink-0 items-center gap-1.5 border-r border-line bg-surface px-2 text-sm sm:px-3" style={{ width: labelColumn }} data-testid="timeline-label">
                  <button type="button" className="min-w-0 flex-1 truncate text-left hover:underline" onClick={() => onSelect(item.id)} title={item.title}>
                    {item.title}
                  </button>
                  {peers.length ? <PresenceAvatars peers={peers} label={`Editing ${item.title}`} size="sm" /> : null}
                  {flags.length ? (
                    <span className="ml-auto size-2 shrink-0 rounded-full bg-danger" title="Starts before a predecessor ends" aria-hidden="true" />
                  ) : null}
                  {risks ? (
                    <span className="shrink-0 rounded bg-high-soft px-1.5 text-[11px] font-medium text-high-ink" title="Open risks threatening this item">
                      {risks} risk{risks === 1 ? '' : 's'}
                    </span>
                  ) : null}
                </div>
                <div className="relative" style={{ width }}>
                  {ghost ? (
                    <span
                      aria-hidden="true"
                      data-testid="baseline-ghost"
                      className={cn('absolute top-1/2 -translate-y-1/2 border border-dashed border-faint', item.kind === 'milestone' ? 'size-3 rotate-45' : 'h-3 rounded-sm')}
                      style={item.kind === 'milestone' ? { left: x(ghost.end) + px / 2 - 6 } : { left: x(ghost.start), width: (differenceInCalendarDays(parseISO(ghost.end), parseISO(ghost.start)) + 1) * px }}
                    />
                  ) : null}
                  {forecast ? (
                    // The forecast band: from the P50 date to the P95 date, the P85 marked.
                    <span aria-hidden="true" data-testid="forecast-band-shape" className="absolute top-1/2 h-2 -translate-y-1/2 rounded-full bg-accent/20" style={{ left: x(forecast.p50) + px / 2, width: Math.max(2, x(forecast.p95) - x(forecast.p50)) }}>
                      <span className={cn('absolute -top-0.5 h-3 w-0.5', forecast.likelyLate ? 'bg-danger' : 'bg-accent')} style={{ left: x(forecast.p85) - x(forecast.p50) }} />
                    </span>
                  ) : null}
                  <div
                    role="button"
                    tabIndex={0}
                    aria-label={barLabel}
                    aria-roledescription={canEdit ? 'movable timeline bar' : 'timeline bar'}
                    aria-describedby={canEdit ? 'timeline-keys' : undefined}
                    aria-disabled={canEdit ? undefined : true}
                    data-testid="timeline-bar"
                    onPointerDown={(e) => startDrag(e, original, 'move')}
                    onKeyDown={(e) => onKey(e, original)}
                    className={cn(
                      'absolute top-1/2 -translate-y-1/2 touch-none select-none focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none',
                      canEdit ? (isDragging ? 'cursor-grabbing' : 'cursor-grab') : 'cursor-default',
                      movedByOther && 'animate-pulse outline-4 outline-offset-2 outline-medium',
                      item.kind === 'milestone'
                        ? cn('size-4 rotate-45 rounded-[3px]', flags.length ? 'bg-danger' : onPath ? 'bg-accent ring-2 ring-accent/40' : 'bg-ink')
                        : cn(
                            'h-5 overflow-hidden rounded',
                            flags.length ? 'bg-danger-soft ring-2 ring-danger' : onPath ? 'bg-accent-soft ring-2 ring-accent' : 'bg-accent-soft ring-1 ring-accent/40',
                          ),
                    )}
                    style={
                      item.kind === 'milestone'
                        ? { left: x(item.end) + px / 2 - 8 }
                        : { left: x(item.start), width: (differenceInCalendarDays(parseISO(item.end), parseISO(item.start)) + 1) * px }
                    }
                    data-critical={onPath || undefined}
                    data-moved-by-other={movedByOther || undefined}
                  >
                    {item.kind === 'workstream' ? (
                      <>
                        <span className="absolute inset-y-0 left-0 bg-accent/35" style={{ width: `${item.progress}%` }} aria-hidden="true" />
                        {canEdit ? (
                          <span
                            aria-hidden="true"
                            data-testid="resize-handle"
                            className="absolute inset-y-0 right-0 w-2 cursor-ew-resize bg-accent/40"
                            onPointerDown={(e) => startDrag(e, original, 'resize')}
                          />
                        ) : null}
                      </>
                    ) : null}
                  </div>
                  {/* After the bar: its slip against the baseline, a dependency it breaks, a milestone's standards. */}
                  {slip || flags.length || (ready && ready.total) || forecast ? (
                    <div className="absolute top-1/2 flex -translate-y-1/2 items-center gap-2 whitespace-nowrap" style={{ left: x(after) + px + 10 }}>
                      {slip ? (
                        <span className={cn('text-[11px] font-medium', slip > 0 ? 'text-danger' : 'text-success')} data-testid="slippage">
                          {slip > 0 ? `+${slip}` : slip} d
                        </span>
                      ) : null}
                      {flags.length ? (
                        <span className="rounded bg-danger-soft px-1.5 text-[11px] font-medium text-danger" data-testid="flagged-dependent">
                          Starts before {flags.map((f) => `“${titles.get(f.fromId) ?? 'a predecessor'}”`).join(', ')} ends
                        </span>
                      ) : null}
                      {ready ? <StandardsReadiness readiness={ready} className="text-[11px]" /> : null}
                      {forecast ? (
                        <span className="text-[11px] text-muted" data-testid="forecast-band">
                          Forecast {shortDay(forecast.p50)} to {shortDay(forecast.p95)} (P50 to P95)
                          {forecast.likelyLate ? (
                            <span className="ml-1.5 rounded bg-danger-soft px-1.5 font-medium text-danger" data-testid="likely-late">
                              Likely late: P85 {shortDay(forecast.p85)}
                            </span>
                          ) : null}
                        </span>
                      ) : null}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        {!rows.length ? (
          <p className="px-3 py-2 text-sm text-muted">
            No milestones or workstreams yet.
            {canEdit ? ' Add a milestone (a date to hit) or a workstream (a span of work) below; drag them here to reschedule.' : ''}
          </p>
        ) : null}
      </div>
      <p id="timeline-keys" className="sr-only">
        Arrow keys move by a day, Page Up and Page Down by a week; Shift with an arrow changes a workstream’s end.
      </p>
    </div>
  );
}
