'use client';
// One allocation drawn as a bar over the weeks it covers. Its two edges are sliders: drag one with
// the pointer, or focus it and press the arrow keys (a week a press), then Enter (or leave it) to
// save and Escape to put it back. A resize handle is a slider, not drag and drop between places,
// so pointer capture does it here rather than @dnd-kit. The bar's label opens the allocation.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { formatDay } from '@/server/domain/dates';
import { amountLabel, barLabel, barSpan, datesWithEdgeAt, draggedIndex, isoWeekOf, weekIndexOf, type Allocation, type Edge, type IsoDate } from './model';

export interface BarProps {
  allocation: Allocation;
  projectName: string;
  personName: string;
  weekStarts: readonly IsoDate[];
  columnWidth: number;
  canEdit: boolean;
  /** Saves new dates; resolves once the grid shows them (the bar keeps its draft until then). */
  onResize: (allocation: Allocation, dates: { from: IsoDate; to: IsoDate }) => Promise<unknown>;
  onOpen: (allocation: Allocation) => void;
}

interface Draft {
  edge: Edge;
  index: number;
}

export function AllocationBar({ allocation, projectName, personName, weekStarts, columnWidth, canEdit, onResize, onOpen }: BarProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const drag = useRef<{ edge: Edge; startX: number; startIndex: number; moved: boolean } | null>(null);
  const draftRef = useRef<Draft | null>(null);
  draftRef.current = draft;
  const savingRef = useRef(false);

  // A bar whose allocation changed under it (saved, or changed by someone else) drops its draft.
  useEffect(() => {
    if (!saving) setDraft(null);
  }, [allocation.from, allocation.to, saving]);

  const dates = draft ? datesWithEdgeAt(weekStarts, allocation, draft.edge, draft.index) : allocation;
  const span = barSpan(weekStarts, dates.from, dates.to);
  if (!span) return null;
  const editable = canEdit && !allocation.followsWorkstream;
  const width = (span.end - span.start + 1) * columnWidth;
  const label = barLabel(allocation, width);

  async function commit(next: Draft | null) {
    if (!next || savingRef.current) return;
    const target = datesWithEdgeAt(weekStarts, allocation, next.edge, next.index);
    if (target.from === allocation.from && target.to === allocation.to) {
      setDraft(null);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      await onResize(allocation, target);
    } finally {
      savingRef.current = false;
      setSaving(false);
      setDraft(null);
    }
  }

  const edgeIndex = (edge: Edge) => weekIndexOf(weekStarts, edge === 'start' ? dates.from : dates.to);

  function onPointerDown(edge: Edge, event: PointerEvent<HTMLDivElement>) {
    if (!editable || saving || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { edge, startX: event.clientX, startIndex: edgeIndex(edge), moved: false };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current) return;
    const index = draggedIndex(current.startIndex, event.clientX - current.startX, columnWidth, weekStarts.length);
    if (index !== current.startIndex) current.moved = true;
    setDraft({ edge: current.edge, index });
  }

  function onPointerUp() {
    const current = drag.current;
    drag.current = null;
    if (current?.moved) void commit(draftRef.current);
    else setDraft(null);
  }

  function onKeyDown(edge: Edge, event: KeyboardEvent<HTMLDivElement>) {
    if (!editable || saving) return;
    const current = draft?.edge === edge ? draft.index : edgeIndex(edge);
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowDown: -1, ArrowUp: 1, PageDown: -4, PageUp: 4 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const index = Math.min(weekStarts.length - 1, Math.max(0, current + step));
      setDraft({ edge, index });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void commit(draft);
    } else if (event.key === 'Escape' && draft) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
    }
  }

  const handle = (edge: Edge) => {
    const index = edgeIndex(edge);
    const date = edge === 'start' ? dates.from : dates.to;
    const label = `${edge === 'start' ? 'Start' : 'End'} of ${projectName} for ${personName}`;
    return (
      <div
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={weekStarts.length - 1}
        aria-valuenow={Math.min(weekStarts.length - 1, Math.max(0, index))}
        aria-valuetext={`${edge === 'start' ? 'starts' : 'ends'} ${formatDay(date)}, week ${isoWeekOf(date).slice(-2)}${draft?.edge === edge ? ' (not saved: Enter saves, Escape puts it back)' : ''}`}
        aria-busy={saving || undefined}
        data-testid={`bar-${edge}`}
        onPointerDown={(e) => onPointerDown(edge, e)}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
          setDraft(null);
        }}
        onKeyDown={(e) => onKeyDown(edge, e)}
        onBlur={() => {
          if (draftRef.current?.edge === edge && !drag.current) void commit(draftRef.current);
        }}
        className={cn(
          'absolute top-0 bottom-0 z-[1] flex w-2.5 cursor-ew-resize touch-none items-center justify-center rounded-sm bg-accent/80 outline-offset-1 hover:bg-accent focus-visible:bg-accent',
          edge === 'start' ? 'left-0' : 'right-0',
        )}
      >
        <span aria-hidden="true" className="h-3 w-px bg-on-accent" />
      </div>
    );
  };

  return (
    <div
      className={cn(
        'absolute top-1 bottom-1 rounded-md border border-accent/50 bg-accent-soft text-accent-ink',
        draft && 'border-dashed border-accent',
        span.startsBefore && 'rounded-l-none border-l-0',
        span.endsAfter && 'rounded-r-none border-r-0',
      )}
      style={{ left: span.start * columnWidth, width }}
      data-testid="allocation-bar"
      data-from={dates.from}
      data-to={dates.to}
    >
      {editable && !span.startsBefore ? handle('start') : null}
      <button
        type="button"
        onClick={() => onOpen(allocation)}
        title={`${projectName}: ${amountLabel(allocation)}, ${formatDay(dates.from)} – ${formatDay(dates.to)}${allocation.followsWorkstream ? `, follows the workstream ${allocation.workstreamName ?? ''}` : ''}`}
        aria-label={`${projectName} for ${personName}: ${amountLabel(allocation)}, ${formatDay(dates.from)} to ${formatDay(dates.to)}${allocation.followsWorkstream ? `; dates follow the workstream ${allocation.workstreamName ?? ''}` : ''}`}
        data-label-fit={label.fit}
        className={cn(
          'block h-full w-full truncate text-[11px] leading-[1.5rem] font-medium',
          // A short bar: just clear the edge handles (10 px each) and centre its short label.
          label.fit === 'full' ? 'px-3 text-left' : 'px-2.5 text-center',
        )}
      >
        {allocation.followsWorkstream && label.fit === 'full' ? <span aria-hidden="true">↻ </span> : null}
        {label.text}
      </button>
      {editable && !span.endsAfter ? handle('end') : null}
    </div>
  );
}
