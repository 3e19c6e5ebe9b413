'use client';
// The project's radar picture with blips that move between rings: drag one with the mouse or a
// finger, or focus it, press Space, the arrow keys (a ring in or out) and Space again. @dnd-kit does
// the dragging and says each step in its live region; the ring under the blip is worked out from
// its distance to the centre, so the rings' round shapes count, not their boxes. The caller saves.
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDndContext,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TechRing } from '@/db/schema/tech';
import { ringLabels } from './model';
import { RadarPicture, type RadarMoving } from './RadarPicture';
import { pointInRing, radarCentre, radarSize, ringAtDistance, ringStep, type PlacedBlip, type RadarBlipInput } from './radarLayout';

const ringId = (ring: TechRing) => `ring:${ring}`;
const ringOf = (id: UniqueIdentifier | undefined): TechRing | null => (typeof id === 'string' && id.startsWith('ring:') ? (id.slice(5) as TechRing) : null);

/** Arrow keys while a blip is picked up: left and up a ring in (towards Adopt), right and down a ring out. */
const keySteps: Record<string, -1 | 1> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

export const moveInstructions =
  'The arrow keys go from one technology to the next. To move one to another ring, press Space or Enter to pick it up, then the arrow keys: left or up moves it a ring in, towards Adopt; right or down a ring out, towards Hold. Press Space or Enter to put it down, or Escape to leave it where it was.';

function RingBand({ ring, children }: { ring: TechRing; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: ringId(ring) });
  return <g ref={(node) => setNodeRef(node as unknown as HTMLElement | null)}>{children}</g>;
}

/** One blip: picked up by dragging or with Space; while nothing is picked up, the arrow keys go to the next or previous blip. */
function MovableBlip({
  place,
  scale,
  disabled,
  tabbable,
  onStep,
  children,
}: {
  place: PlacedBlip;
  scale: number;
  disabled: boolean;
  /** The one blip in the Tab order (the picture is one stop, not one per blip). */
  tabbable: boolean;
  onStep: (key: string, step: -1 | 1) => void;
  children: ReactNode;
}) {
  const { blip, x, y } = place;
  const { active } = useDndContext();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: blip.key, disabled });
  return (
    <g
      ref={(node) => setNodeRef(node as unknown as HTMLElement | null)}
      {...attributes}
      {...listeners}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(event) => {
        const step = keySteps[event.key];
        if (!active && step) {
          event.preventDefault();
          onStep(blip.key, step);
        } else listeners?.onKeyDown?.(event);
      }}
      aria-label={`${blip.name} (${ringLabels[blip.ring]})`}
      // The picture is drawn smaller than its 400 units on most screens: the pointer's pixels are scaled to them.
      transform={transform ? `translate(${transform.x / scale} ${transform.y / scale})` : undefined}
      className={`group touch-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${disabled ? '' : isDragging ? 'cursor-grabbing' : 'cursor-grab'}`}
      data-testid="movable-blip"
      data-blip-key={blip.key}
    >
      <circle cx={x} cy={y} r="13" className={`fill-none stroke-accent ${isDragging ? 'opacity-100' : 'opacity-0 group-focus-visible:opacity-100'}`} strokeWidth="2.5" />
      {children}
    </g>
  );
}

export function MovableRadar<B extends RadarBlipInput>({
  placed,
  label,
  onMove,
  busyKeys,
}: {
  placed: PlacedBlip<B>[];
  label: string;
  /** Saves the blip's new ring. */
  onMove: (blip: B, ring: TechRing) => void;
  /** Blips whose last move is still being saved: not picked up again until it is. */
  busyKeys: ReadonlySet<string>;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [targetRing, setTargetRing] = useState<TechRing | null>(null);
  const [scale, setScale] = useState(1);
  // The ring the arrow keys have taken a blip to; null while the pointer drags (the ring is under it).
  const keyboardRing = useRef<TechRing | null>(null);
  const byKey = useMemo(() => new Map(placed.map((p) => [p.blip.key, p])), [placed]);
  const byKeyRef = useRef(byKey);
  byKeyRef.current = byKey;

  /** Where the picture is on screen: its top left and how many pixels one of its units takes. */
  const frame = useCallback(() => {
    const box = svg.current?.getBoundingClientRect();
    return box ? { left: box.left, top: box.top, scale: box.width / radarSize } : null;
  }, []);

  const ringUnder: CollisionDetection = useCallback(
    ({ collisionRect, pointerCoordinates }) => {
      if (keyboardRing.current) return [{ id: ringId(keyboardRing.current) }];
      const f = frame();
      if (!f) return [];
      const point = pointerCoordinates ?? { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
      const ring = ringAtDistance(Math.hypot((point.x - f.left) / f.scale - radarCentre, (point.y - f.top) / f.scale - radarCentre));
      return ring ? [{ id: ringId(ring) }] : [];
    },
    [frame],
  );

  const ringByKeys: KeyboardCoordinateGetter = useCallback(
    (event, { active, context }) => {
      const step = keySteps[event.code];
      const place = byKeyRef.current.get(String(active));
      const f = frame();
      const rect = context.collisionRect;
      if (!step || !place || !f || !rect) return undefined;
      const to = ringStep(keyboardRing.current ?? place.blip.ring, step);
      if (!to) return undefined;
      keyboardRing.current = to;
      const point = pointInRing(place.x, place.y, to);
      return { x: f.left + point.x * f.scale - rect.width / 2, y: f.top + point.y * f.scale - rect.height / 2 };
    },
    [frame],
  );

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // A finger holds a blip a moment before it drags, so swiping over the picture still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: ringByKeys }),
  );

  const nameOf = (id: UniqueIdentifier) => byKeyRef.current.get(String(id))?.blip;
  // The ring last said aloud: the blip starts over its own ring, which "Picked up … in …" has said.
  const saidRing = useRef<TechRing | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const blip = nameOf(active.id);
      saidRing.current = blip?.ring ?? null;
      return blip ? `Picked up ${blip.name}, in ${ringLabels[blip.ring]}.` : undefined;
    },
    onDragOver: ({ active, over }) => {
      const blip = nameOf(active.id);
      const ring = ringOf(over?.id);
      if (!blip || ring === saidRing.current) return undefined;
      saidRing.current = ring;
      return ring ? `${blip.name} is over ${ringLabels[ring]}.` : `${blip.name} is outside the radar: dropping it here leaves it in ${ringLabels[blip.ring]}.`;
    },
    onDragEnd: ({ active, over }) => {
      const blip = nameOf(active.id);
      const ring = ringOf(over?.id);
      if (!blip) return undefined;
      return ring && ring !== blip.ring ? `${blip.name} moved from ${ringLabels[blip.ring]} to ${ringLabels[ring]}.` : `${blip.name} stays in ${ringLabels[blip.ring]}.`;
    },
    onDragCancel: ({ active }) => {
      const blip = nameOf(active.id);
      return blip ? `Move cancelled: ${blip.name} stays in ${ringLabels[blip.ring]}.` : undefined;
    },
  };

  // A blip put down from the keyboard keeps focus: redrawn in its new ring (and place in the order)
  // it would otherwise drop focus to the page, and the person would have to find it again.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const key = refocus.current;
    if (!key) return;
    const node = svg.current?.querySelector<SVGGElement>(`[data-blip-key="${CSS.escape(key)}"]`);
    if (node && (document.activeElement === null || document.activeElement === document.body)) node.focus();
    if (!busyKeys.has(key)) refocus.current = null;
  }, [placed, busyKeys]);

  function finish(event: DragEndEvent | null) {
    keyboardRing.current = null;
    setTargetRing(null);
    if (!event) return;
    const blip = nameOf(event.active.id);
    const ring = ringOf(event.over?.id);
    if (blip && ring && ring !== blip.ring) {
      if (event.activatorEvent instanceof KeyboardEvent) refocus.current = blip.key;
      onMove(blip, ring);
    }
  }

  // Roving focus: one blip is in the Tab order (the last one focused, else the first).
  const [tabbableKey, setTabbableKey] = useState<string | null>(null);
  const inTabOrder = tabbableKey && byKey.has(tabbableKey) ? tabbableKey : (placed[0]?.blip.key ?? null);
  const step = useCallback((key: string, by: -1 | 1) => {
    const keys = [...byKeyRef.current.keys()];
    const next = keys[(keys.indexOf(key) + by + keys.length) % keys.length];
    if (!next) return;
    setTabbableKey(next);
    svg.current?.querySelector<SVGGElement>(`[data-blip-key="${CSS.escape(next)}"]`)?.focus();
  }, []);

  const moving: RadarMoving = {
    svgRef: svg,
    targetRing,
    ring: (ring, circle) => (
      <RingBand key={ring} ring={ring}>
        {circle}
      </RingBand>
    ),
    blip: (place, drawing) => (
      <MovableBlip
        key={place.blip.key}
        place={place}
        scale={scale}
        disabled={busyKeys.has(place.blip.key)}
        tabbable={place.blip.key === inTabOrder}
        onStep={step}
      >
        {drawing}
      </MovableBlip>
    ),
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={ringUnder}
      autoScroll={false}
      accessibility={{ announcements, screenReaderInstructions: { draggable: moveInstructions } }}
      onDragStart={() => {
        keyboardRing.current = null;
        setScale(frame()?.scale ?? 1);
      }}
      onDragOver={({ over }) => setTargetRing(ringOf(over?.id))}
      onDragEnd={finish}
      onDragCancel={() => finish(null)}
    >
      <div className="flex flex-col gap-1.5">
        <RadarPicture placed={placed} label={label} moving={moving} />
        <p className="max-w-[26rem] text-xs text-muted">Drag a blip to another ring, or focus it and press Space, then the arrow keys.</p>
      </div>
    </DndContext>
  );
}
