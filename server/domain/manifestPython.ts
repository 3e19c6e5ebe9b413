// requirements.txt: one requirement a line (`name[extras] ==1.2 ; markers`), comments, blank lines
// and line continuations; option lines (-r, -c, -e, --index-url), per-requirement options (--hash)
// and bare paths or URLs are skipped. An
// exact pin (== or ===) is the version in use; any other specifier (>=2.0,<3, ~=1.4) is kept as
// written. Names are kept in PEP 503's normal form, so "Django" and "django" are one item.
import { ManifestError, maxDependencyNameLength, maxVersionLength, quoted, where, type ManifestDependency } from './manifestParts';

const requirement = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/;
const specifier = /^(===|==|~=|!=|<=|>=|<|>)\s*([^\s,;]+)$/;

/** PEP 503: lower case, runs of -, _ and . as one -. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Lines joined where one ends in a backslash, each with the number of the line it started on. */
function logicalLines(content: string): { text: string; line: number }[] {
  const physical = content.split(/\r?\n/);
  const lines: { text: string; line: number }[] = [];
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    let text = physical[i]!;
    while (text.endsWith('\\') && i + 1 < physical.length) text = text.slice(0, -1) + physical[++i]!;
    lines.push({ text, line: start + 1 });
  }
  return lines;
}

export function parseRequirementsTxt(content: string, fileName = 'requirements.txt'): ManifestDependency[] {
  const found = new Map<string, ManifestDependency>();
  for (const { text, line } of logicalLines(content)) {
    // A comment starts a line or follows whitespace (a URL's #fragment does not).
    // Per-requirement options (--hash=..., --config-settings) follow the requirement after whitespace.
    const stripped = text
      .replace(/(^|\s)#.*$/, '')
      .replace(/\s--\S.*$/, '')
      .trim();
    if (!stripped || stripped.startsWith('-')) continue;
    if (/^(\.|\/|~)/.test(stripped) || /^[a-z+]+:\/\//i.test(stripped)) continue;
    const at = where(fileName, line);
    const [withoutMarkers] = stripped.split(';');
    const match = requirement.exec(withoutMarkers!.trim());
    if (!match) throw new ManifestError(`${at}: cannot read ${quoted(stripped)} as a requirement (expected a name like requests==2.31.0)`);
    const [, rawName, , rest] = match;
    if (rawName!.length > maxDependencyNameLength) throw new ManifestError(`${at}: the package name is longer than ${maxDependencyNameLength} characters`);
    const name = normalisePythonName(rawName!);
    let version = '';
    const spec = rest!.trim();
    if (spec.startsWith('@')) {
      // name @ https://...: a direct reference, no version to compare.
      version = '';
    } else if (spec) {
      const clauses = spec.replace(/^\(|\)$/g, '').split(',').map((clause) => clause.trim());
      const parsed = clauses.map((clause) => specifier.exec(clause));
      const bad = parsed.findIndex((clause) => !clause);
      if (bad >= 0) throw new ManifestError(`${at}: cannot read the version ${quoted(clauses[bad] ?? spec)} of ${quoted(rawName!)} (expected something like ==2.31.0 or >=2.0,<3)`);
      const pinned = parsed.find((clause) => clause![1] === '==' || clause![1] === '===');
      version = pinned ? pinned[2]! : parsed.map((clause) => `${clause![1]}${clause![2]}`).join(',');
    }
    if (version.length > maxVersionLength) throw new ManifestError(`${at}: the version of ${quoted(rawName!)} is longer than ${maxVersionLength} characters`);
    found.set(name, { name, ecosystem: 'pypi', version });
  }
  return [...found.values()];
}
