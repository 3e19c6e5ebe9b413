// Where each blip sits on the radar picture: four quadrants (Thoughtworks' order: techniques top
// left, tools top right, platforms bottom left, languages & frameworks bottom right), four rings
// from adopt at the centre to hold at the edge. Blips of one quadrant and ring share its band,
// spread evenly across the quarter, alternating nearer and farther so neighbours do not touch. The
// numbers are the same in the picture and in the table under it. Pure, so it is tested on its own.
import { techQuadrants, techRings, type TechQuadrant, type TechRing } from '@/db/schema/tech';

export interface RadarBlipInput {
  key: string;
  name: string;
  quadrant: TechQuadrant;
  ring: TechRing;
  /** Moved ring since the last review: drawn as a triangle and said in the table. */
  moved: boolean;
  /** Needs attention (a "hold" used by a live project): drawn with a thick outline and said in the table. */
  standsOut?: boolean;
}

export interface PlacedBlip<B extends RadarBlipInput = RadarBlipInput> {
  blip: B;
  number: number;
  x: number;
  y: number;
}

export const radarSize = 400;
export const radarCentre = radarSize / 2;
/** Outer radius of each ring; the inner rings are wider, where most blips are. */
export const ringOuterRadius: Record<TechRing, number> = { adopt: 80, trial: 130, assess: 165, hold: 195 };
const ringInnerRadius: Record<TechRing, number> = { adopt: 0, trial: 80, assess: 130, hold: 165 };

/** Start angle (degrees, clockwise from the positive x axis, y pointing down as in SVG) of each quarter. */
export const quadrantStartAngle: Record<TechQuadrant, number> = { 'languages-frameworks': 0, platforms: 90, techniques: 180, tools: 270 };

/** The order of the table and the numbers: by quadrant, then ring (adopt first), then name. */
export function compareBlips(a: RadarBlipInput, b: RadarBlipInput): number {
  return (
    techQuadrants.indexOf(a.quadrant) - techQuadrants.indexOf(b.quadrant) ||
    techRings.indexOf(a.ring) - techRings.indexOf(b.ring) ||
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
    a.key.localeCompare(b.key)
  );
}

export function placeBlips<B extends RadarBlipInput>(blips: readonly B[]): PlacedBlip<B>[] {
  const ordered = [...blips].sort(compareBlips);
  const cells = new Map<string, B[]>();
  for (const blip of ordered) {
    const cell = `${blip.quadrant}|${blip.ring}`;
    cells.set(cell, [...(cells.get(cell) ?? []), blip]);
  }
  return ordered.map((blip, index) => {
    const cell = cells.get(`${blip.quadrant}|${blip.ring}`)!;
    const i = cell.indexOf(blip);
    const n = cell.length;
    // Keep off the axes (8 degrees each side) so a blip never sits on a quadrant's border.
    const angle = quadrantStartAngle[blip.quadrant] + 8 + ((i + 0.5) / n) * 74;
    const inner = Math.max(ringInnerRadius[blip.ring], 24);
    const outer = ringOuterRadius[blip.ring];
    const share = n === 1 ? 0.5 : i % 2 === 0 ? 0.3 : 0.72;
    const radius = inner + (outer - inner) * share;
    const radians = (angle * Math.PI) / 180;
    return {
      blip,
      number: index + 1,
      x: Math.round((radarCentre + radius * Math.cos(radians)) * 10) / 10,
      y: Math.round((radarCentre + radius * Math.sin(radians)) * 10) / 10,
    };
  });
}

// ---- moving a blip between rings (drag, or the arrow keys) --------------------------------------

/** The ring a point this far from the centre (in picture units) falls in; null outside the radar. */
export function ringAtDistance(distance: number): TechRing | null {
  return techRings.find((ring) => distance <= ringOuterRadius[ring]) ?? null;
}

/** The next ring in (step -1, towards adopt) or out (step 1, towards hold); null past the edge. */
export function ringStep(ring: TechRing, step: -1 | 1): TechRing | null {
  return techRings[techRings.indexOf(ring) + step] ?? null;
}

/** Where a blip at (x, y) lands, on the same line from the centre, in the middle of `ring`'s band. */
export function pointInRing(x: number, y: number, ring: TechRing): { x: number; y: number } {
  const angle = Math.atan2(y - radarCentre, x - radarCentre);
  const radius = (Math.max(ringInnerRadius[ring], 24) + ringOuterRadius[ring]) / 2;
  return { x: radarCentre + radius * Math.cos(angle), y: radarCentre + radius * Math.sin(angle) };
}
