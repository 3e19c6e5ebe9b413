// Version strings of the tech inventory, compared with the `semver` package. A version is kept as
// written; it is compared only when it reads as a version (1.2.3, v1.2, 12, a range such as ^18.2.0
// or >=2.0,<3 taken at its lowest), never guessed from text like "latest", "2024 edition" or a
// Maven "5.3.20.RELEASE". Pure functions.
import semver from 'semver';

/** Plain numbers with at most three parts, with or without a leading v: "12", "v1.2", "3.11.4". */
const numericVersion = /^v?\d+(\.\d+){0,2}$/;

/**
 * The semver version a written version stands for, or null when it cannot be compared: an exact
 * version as is, "12" as 12.0.0, a range (npm's ^/~, pip's >=2.0,<3 and ~=1.4) as its lowest version.
 */
export function comparableVersion(written: string | null | undefined): semver.SemVer | null {
  const text = (written ?? '').trim();
  if (!text || text.length > 100) return null;
  const exact = semver.parse(text, { loose: false });
  if (exact) return exact;
  if (numericVersion.test(text)) return semver.coerce(text);
  // A range: pip writes its clauses with commas and "~=" for "compatible with", npm with spaces and "~".
  const range = text.replace(/\s*,\s*/g, ' ').replace(/~=/g, '~').replace(/===?/g, '');
  if (!semver.validRange(range)) return null;
  try {
    return semver.minVersion(range);
  } catch {
    return null;
  }
}

/** -1, 0 or 1 like a sort comparator; null when either side cannot be compared. */
export function compareVersions(a: string | null | undefined, b: string | null | undefined): -1 | 0 | 1 | null {
  const left = comparableVersion(a);
  const right = comparableVersion(b);
  if (!left || !right) return null;
  return semver.compare(left, right);
}

/** The major version a written version stands for, or null. */
export function majorOf(written: string | null | undefined): number | null {
  return comparableVersion(written)?.major ?? null;
}

/** How many major versions the one in use is behind the latest known (0 when not behind or not comparable). */
export function majorsBehind(inUse: string | null | undefined, latest: string | null | undefined): number {
  const used = majorOf(inUse);
  const newest = majorOf(latest);
  if (used === null || newest === null) return 0;
  return Math.max(0, newest - used);
}

