// The workspace radar: every project's tech items merged into one blip per technology (same name,
// case aside, and same ecosystem), with the projects using it. A blip takes the most cautious ring
// any live project gives it (hold, then assess, trial, adopt), and a "hold" technology still used by
// a live (not archived) project stands out. Pure functions; tech.radar reads what they need.
import type { TechEcosystem, TechKind, TechQuadrant, TechRing } from '@/db/schema/tech';

export interface RadarProject {
  id: string;
  name: string;
  archivedAt: Date | null;
  lastReviewedAt: Date | null;
}

export interface RadarItem {
  id: string;
  projectId: string;
  name: string;
  kind: TechKind;
  ecosystem: TechEcosystem | null;
  version: string;
  eolDate: string | null;
  quadrant: TechQuadrant;
  ring: TechRing;
  ringChangedAt: Date | null;
}

export interface RadarUse {
  projectId: string;
  projectName: string;
  archived: boolean;
  itemId: string;
  version: string;
  ring: TechRing;
  /** Its ring changed after that project's last radar review. */
  movedSinceReview: boolean;
}

export interface RadarBlip {
  /** `<ecosystem or "manual">:<lower-case name>`: stable while the technology is in use. */
  key: string;
  name: string;
  ecosystem: TechEcosystem | null;
  kind: TechKind;
  quadrant: TechQuadrant;
  ring: TechRing;
  /** Every ring the projects give it, most cautious first (more than one: the projects disagree). */
  rings: TechRing[];
  usedBy: RadarUse[];
  /** On hold in a live (not archived) project: a live project still uses what the radar says to stop building on. */
  holdInActiveProject: boolean;
  movedSinceReview: boolean;
  /** The earliest end of life any project records for it. */
  eolDate: string | null;
}

const caution: Record<TechRing, number> = { hold: 0, assess: 1, trial: 2, adopt: 3 };

export function radarKey(item: Pick<RadarItem, 'name' | 'ecosystem'>): string {
  return `${item.ecosystem ?? 'manual'}:${item.name.trim().toLowerCase()}`;
}

export function mergeRadar(projects: readonly RadarProject[], items: readonly RadarItem[]): RadarBlip[] {
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const groups = new Map<string, RadarItem[]>();
  for (const item of items) {
    if (!projectById.has(item.projectId)) continue;
    const key = radarKey(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const blips: RadarBlip[] = [];
  for (const [key, group] of groups) {
    const usedBy: RadarUse[] = group.map((item) => {
      const p = projectById.get(item.projectId)!;
      return {
        projectId: p.id,
        projectName: p.name,
        archived: p.archivedAt !== null,
        itemId: item.id,
        version: item.version,
        ring: item.ring,
        movedSinceReview: p.lastReviewedAt !== null && item.ringChangedAt !== null && item.ringChangedAt > p.lastReviewedAt,
      };
    });
    usedBy.sort((a, b) => a.projectName.localeCompare(b.projectName, 'en') || a.projectId.localeCompare(b.projectId));
    const live = group.filter((item) => projectById.get(item.projectId)!.archivedAt === null);
    // Live projects decide the ring; a technology only archived projects used keeps theirs.
    const deciding = live.length ? live : group;
    const rings = [...new Set(group.map((item) => item.ring))].sort((a, b) => caution[a] - caution[b]);
    const ring = deciding.map((item) => item.ring).sort((a, b) => caution[a] - caution[b])[0]!;
    const first = deciding[0]!;
    const eolDates = group.map((item) => item.eolDate).filter((d): d is string => d !== null).sort();
    blips.push({
      key,
      name: first.name,
      ecosystem: first.ecosystem,
      kind: first.kind,
      quadrant: mostCommon(deciding.map((item) => item.quadrant)),
      ring,
      rings,
      usedBy,
      holdInActiveProject: live.length > 0 && ring === 'hold',
      movedSinceReview: usedBy.some((use) => use.movedSinceReview),
      eolDate: eolDates[0] ?? null,
    });
  }
  return blips.sort((a, b) => Number(b.holdInActiveProject) - Number(a.holdInActiveProject) || a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key));
}

/** The value most of the list has (the first of equals). */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T = values[0]!;
  for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
  return best;
}
