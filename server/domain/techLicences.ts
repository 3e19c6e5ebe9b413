// A workspace's licence deny list, and whether an item's licence falls under it. Licences are
// compared without regard to case, and an SPDX "-only"/"-or-later"/"+" suffix names the same
// licence ("AGPL-3.0" denies "AGPL-3.0-only" and "agpl-3.0-or-later"). In an SPDX expression, an
// OR leaves a choice: it is denied only when every choice is; an AND is denied when any part is.
// Pure functions.

/** "AGPL-3.0-or-later" and "agpl-3.0+" both as "agpl-3.0". */
export function licenceKey(licence: string): string {
  return licence
    .trim()
    .toLowerCase()
    .replace(/\+$/, '')
    .replace(/-(only|or-later)$/, '');
}

/** The deny list as kept: trimmed, one of each whatever the case, in the order given. */
export function normaliseDenyList(licences: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of licences) {
    const licence = raw.trim();
    const key = licenceKey(licence);
    if (!licence || seen.has(key)) continue;
    seen.add(key);
    kept.push(licence);
  }
  return kept;
}

/** The denied licence an item's licence (an identifier or an SPDX expression) falls under, or null. */
export function deniedLicenceOf(licence: string, denied: readonly string[]): string | null {
  if (!licence.trim() || denied.length === 0) return null;
  const byKey = new Map(denied.map((entry) => [licenceKey(entry), entry]));
  const deniedPart = (part: string) => byKey.get(licenceKey(part.replace(/^\(+|\)+$/g, '').replace(/\s+WITH\s+.*$/i, ''))) ?? null;
  const choices = licence.split(/\s+OR\s+/i);
  let first: string | null = null;
  for (const choice of choices) {
    const hit = choice
      .split(/\s+AND\s+/i)
      .map(deniedPart)
      .find((entry) => entry !== null);
    // One allowed choice is enough.
    if (!hit) return null;
    first ??= hit;
  }
  return first;
}
