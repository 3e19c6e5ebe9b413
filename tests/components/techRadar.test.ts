// @vitest-environment happy-dom
// The radar drawing: each blip lands in its quadrant's quarter and its ring's band, moved blips are
// triangles (and say so in the table), every blip has a numbered table row, and a blip needing
// attention is said in words, not colour alone.
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BlipTable } from '@/components/tech/BlipTable';
import { RadarPicture } from '@/components/tech/RadarPicture';
import { placeBlips, pointInRing, radarCentre, ringAtDistance, ringOuterRadius, ringStep, type RadarBlipInput } from '@/components/tech/radarLayout';
import { techQuadrants, techRings, type TechQuadrant, type TechRing } from '@/db/schema/tech';

afterEach(cleanup);

const blip = (name: string, quadrant: TechQuadrant, ring: TechRing, moved = false, standsOut = false): RadarBlipInput => ({ key: `k:${name}`, name, quadrant, ring, moved, standsOut });

/** Which quarter a point is in, in SVG coordinates (y grows downwards). */
function quarterOf(x: number, y: number): TechQuadrant {
  const right = x > radarCentre;
  const below = y > radarCentre;
  if (!right && !below) return 'techniques';
  if (right && !below) return 'tools';
  if (!right && below) return 'platforms';
  return 'languages-frameworks';
}

function ringOf(x: number, y: number): TechRing {
  const r = Math.hypot(x - radarCentre, y - radarCentre);
  return techRings.find((ring) => r <= ringOuterRadius[ring])!;
}

describe('radar layout', () => {
  it('puts every blip in its quadrant and ring, several to a cell included', () => {
    const blips = techQuadrants.flatMap((q) => techRings.flatMap((r) => [1, 2, 3].map((n) => blip(`${q}-${r}-${n}`, q, r))));
    const placed = placeBlips(blips);
    expect(placed).toHaveLength(blips.length);
    for (const p of placed) {
      expect(quarterOf(p.x, p.y), p.blip.name).toBe(p.blip.quadrant);
      expect(ringOf(p.x, p.y), p.blip.name).toBe(p.blip.ring);
    }
    // No two blips on the same spot.
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(placed.length);
  });

  it('numbers blips by quadrant, then ring from adopt outwards, then name', () => {
    const placed = placeBlips([blip('Zed', 'tools', 'adopt'), blip('Kafka', 'platforms', 'hold'), blip('Alpha', 'tools', 'adopt'), blip('Pairing', 'techniques', 'trial'), blip('Go', 'platforms', 'adopt')]);
    expect(placed.map((p) => [p.number, p.blip.name])).toEqual([
      [1, 'Pairing'],
      [2, 'Go'],
      [3, 'Kafka'],
      [4, 'Alpha'],
      [5, 'Zed'],
    ]);
  });
});

describe('RadarPicture and BlipTable', () => {
  const blips = [blip('PostgreSQL', 'platforms', 'adopt'), blip('moment', 'languages-frameworks', 'hold', true, true), blip('OpenTofu', 'tools', 'assess')];

  it('draws moved blips as triangles and the others as circles, and sums it up for screen readers', () => {
    const placed = placeBlips(blips);
    render(createElement(RadarPicture, { placed, label: 'Atlas radar' }));
    const picture = screen.getByRole('img');
    expect(picture.getAttribute('aria-label')).toBe('Atlas radar: 3 technologies, 1 moved since the last review. Every one is listed in the table.');
    const drawn = screen.getAllByTestId('radar-blip');
    expect(drawn).toHaveLength(3);
    const moment = drawn.find((g) => g.querySelector('title')?.textContent?.includes('moment'))!;
    expect(moment.getAttribute('data-moved')).toBe('true');
    expect(moment.querySelector('path')).not.toBeNull();
    expect(moment.querySelector('circle')).toBeNull();
    expect(moment.querySelector('title')?.textContent).toBe('3. moment: Hold, Languages & frameworks, moved since the last review, needs attention');
    const postgres = drawn.find((g) => g.querySelector('title')?.textContent?.includes('PostgreSQL'))!;
    expect(postgres.getAttribute('data-moved')).toBe('false');
    expect(postgres.querySelector('circle')).not.toBeNull();
  });

  it('lists every blip in the table under the picture’s number, moves and attention in words', () => {
    const placed = placeBlips(blips);
    render(createElement(BlipTable, { placed, caption: 'Radar', attentionText: 'On hold, still in use' }));
    const rows = screen.getAllByTestId('blip-row');
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['PostgreSQL', 'OpenTofu', 'moment']);
    const moment = rows[2]!;
    expect(moment.textContent).toContain('3');
    expect(moment.textContent).toContain('Hold');
    expect(moment.textContent).toContain('Moved since review');
    expect(moment.textContent).toContain('On hold, still in use');
    expect(rows[0]!.textContent).not.toContain('Moved since review');
    expect(rows[0]!.textContent).not.toContain('On hold');
  });
});

describe('moving a blip between rings', () => {
  it('reads the ring from the distance to the centre, each ring up to its outer edge, nothing past hold', () => {
    expect([0, 80, 80.5, 130, 131, 165, 166, 195].map(ringAtDistance)).toEqual(['adopt', 'adopt', 'trial', 'trial', 'assess', 'assess', 'hold', 'hold']);
    expect(ringAtDistance(195.5)).toBeNull();
  });

  it('steps a ring in or out, and not past adopt or hold', () => {
    expect(ringStep('adopt', 1)).toBe('trial');
    expect(ringStep('assess', 1)).toBe('hold');
    expect(ringStep('hold', -1)).toBe('assess');
    expect(ringStep('hold', 1)).toBeNull();
    expect(ringStep('adopt', -1)).toBeNull();
  });

  it('lands a moved blip in the middle of its new ring, on the same line from the centre', () => {
    const everyCell = techQuadrants.flatMap((q) => techRings.flatMap((r) => [1, 2, 3].map((n) => blip(`${q}-${r}-${n}`, q, r))));
    for (const place of placeBlips(everyCell)) {
      for (const ring of techRings) {
        const point = pointInRing(place.x, place.y, ring);
        expect(ringOf(point.x, point.y)).toBe(ring);
        expect(quarterOf(point.x, point.y)).toBe(place.blip.quadrant);
      }
    }
  });
});
