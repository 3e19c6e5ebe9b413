// The radar picture: four quadrants, four rings, one numbered blip per technology. A blip that
// moved since the last review is a triangle (a circle otherwise); one that needs attention has a
// thick outline and an exclamation mark. Shape and text carry the meaning, colour only helps. The
// picture is one image with a summary for screen readers: the table beside it lists every blip.
// MovableRadar (drag a blip, or the arrow keys) wraps the rings and blips through `moving`.
import type { ReactNode, Ref } from 'react';
import { techQuadrants, techRings, type TechRing } from '@/db/schema/tech';
import { quadrantLabels, ringLabels } from './model';
import { quadrantStartAngle, radarCentre, radarSize, ringOuterRadius, type PlacedBlip } from './radarLayout';

const c = radarCentre;

/** Where each quadrant's name goes (its outer corner). */
const labelPlace: Record<(typeof techQuadrants)[number], { x: number; y: number; anchor: 'start' | 'end' }> = {
  techniques: { x: 6, y: 14, anchor: 'start' },
  tools: { x: radarSize - 6, y: 14, anchor: 'end' },
  platforms: { x: 6, y: radarSize - 6, anchor: 'start' },
  'languages-frameworks': { x: radarSize - 6, y: radarSize - 6, anchor: 'end' },
};

function triangle(x: number, y: number, size: number): string {
  return `M${x},${y - size} L${x + size},${y + size * 0.8} L${x - size},${y + size * 0.8} Z`;
}

/** What a radar whose blips can be moved hands the picture: the picture stays a drawing. */
export interface RadarMoving {
  svgRef: Ref<SVGSVGElement>;
  /** The ring a blip being moved is over: drawn highlighted. */
  targetRing: TechRing | null;
  /** Each ring's band, as a drop target. */
  ring(ring: TechRing, circle: ReactNode): ReactNode;
  /** Each blip, as something to pick up. */
  blip(placed: PlacedBlip, drawing: ReactNode): ReactNode;
}

export function RadarPicture({ placed, label, moving }: { placed: PlacedBlip[]; label: string; moving?: RadarMoving }) {
  const moved = placed.filter((p) => p.blip.moved).length;
  const summary = `${label}: ${placed.length} technolog${placed.length === 1 ? 'y' : 'ies'}${moved ? `, ${moved} moved since the last review` : ''}. Every one is listed in the table.`;
  return (
    <svg
      ref={moving?.svgRef}
      viewBox={`0 0 ${radarSize} ${radarSize}`}
      // Blips that can be picked up are controls, which an image may not hold: then it is a group.
      role={moving ? 'group' : 'img'}
      aria-label={summary}
      className="h-auto w-full max-w-[26rem]"
      data-testid="radar-picture"
    >
      {[...techRings].reverse().map((ring, i) => {
        const circle = (
          <circle
            key={ring}
            cx={c}
            cy={c}
            r={ringOuterRadius[ring]}
            className={moving?.targetRing === ring ? 'fill-accent-soft stroke-accent' : i % 2 ? 'fill-surface stroke-line-strong' : 'fill-sunken stroke-line-strong'}
            strokeWidth={moving?.targetRing === ring ? 2 : 1}
            data-testid="radar-ring"
            data-ring={ring}
          />
        );
        return moving ? moving.ring(ring, circle) : circle;
      })}
      <path d={`M${c},${c - 198} V${c + 198} M${c - 198},${c} H${c + 198}`} className="stroke-line-strong" strokeWidth="1.5" />
      {techRings.map((ring) => (
        <text key={ring} x={c + 4} y={c - ringOuterRadius[ring] + 11} className="fill-muted text-[9px] font-semibold uppercase">
          {ringLabels[ring]}
        </text>
      ))}
      {techQuadrants.map((quadrant) => (
        <text key={quadrant} x={labelPlace[quadrant].x} y={labelPlace[quadrant].y} textAnchor={labelPlace[quadrant].anchor} className="fill-ink text-[11px] font-semibold" data-start-angle={quadrantStartAngle[quadrant]}>
          {quadrantLabels[quadrant]}
        </text>
      ))}
      {placed.map((place) => {
        const { blip, number, x, y } = place;
        const drawing = (
          <g key={blip.key} data-testid="radar-blip" data-quadrant={blip.quadrant} data-ring={blip.ring} data-moved={blip.moved ? 'true' : 'false'} data-x={x} data-y={y}>
            <title>{`${number}. ${blip.name}: ${ringLabels[blip.ring]}, ${quadrantLabels[blip.quadrant]}${blip.moved ? ', moved since the last review' : ''}${blip.standsOut ? ', needs attention' : ''}`}</title>
            {blip.moved ? (
              <path d={triangle(x, y, 9)} className={blip.standsOut ? 'fill-danger-soft stroke-danger' : 'fill-accent-soft stroke-accent'} strokeWidth={blip.standsOut ? 2.5 : 1.5} />
            ) : (
              <circle cx={x} cy={y} r="8" className={blip.standsOut ? 'fill-danger-soft stroke-danger' : 'fill-surface stroke-ink'} strokeWidth={blip.standsOut ? 2.5 : 1.2} />
            )}
            <text x={x} y={y + 3} textAnchor="middle" className="fill-ink text-[8px] font-semibold">
              {number}
            </text>
            {blip.standsOut ? (
              <text x={x + 10} y={y - 6} className="fill-danger text-[10px] font-bold">
                !
              </text>
            ) : null}
          </g>
        );
        return moving ? moving.blip(place, drawing) : drawing;
      })}
    </svg>
  );
}
