// package.json (with package-lock.json when given, for the exact versions installed): the direct
// dependencies, dev and optional ones included (peer dependencies are the user's to install).
// Lockfile v2/v3 keep versions under `packages["node_modules/<name>"]`, v1 under `dependencies`.
import { lineOf, lineOfOffset, ManifestError, maxDependencyNameLength, maxVersionLength, quoted, where, type ManifestDependency } from './manifestParts';

const dependencySections = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** JSON.parse, with a failure told as the file and line ("Unexpected token } in JSON at position 42"). */
function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column \d+/.exec(message);
    const position = /at position (\d+)/.exec(message);
    const line = lineColumn ? Number(lineColumn[1]) : position ? lineOfOffset(text, Number(position[1])) : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+.*$/, '');
    throw new ManifestError(`${where(fileName, line)}: not valid JSON (${reason.slice(0, 120)})`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The installed version of each package a lockfile names at the top of node_modules. */
export function lockedVersions(lockContent: string, fileName = 'package-lock.json'): Map<string, string> {
  const lock = parseJson(lockContent, fileName);
  if (!isObject(lock)) throw new ManifestError(`${fileName}: expected a JSON object at the top`);
  const versions = new Map<string, string>();
  if (isObject(lock.packages)) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Only top-level installs: "node_modules/a/node_modules/b" is a nested copy of b.
      const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
      if (match && isObject(entry) && typeof entry.version === 'string') versions.set(match[1]!, entry.version);
    }
  } else if (isObject(lock.dependencies)) {
    for (const [name, entry] of Object.entries(lock.dependencies)) {
      if (isObject(entry) && typeof entry.version === 'string') versions.set(name, entry.version);
    }
  } else {
    throw new ManifestError(`${fileName}: has neither "packages" (lockfile v2/v3) nor "dependencies" (v1)`);
  }
  return versions;
}

export function parsePackageJson(content: string, lockContent?: string, fileName = 'package.json'): ManifestDependency[] {
  const manifest = parseJson(content, fileName);
  if (!isObject(manifest)) throw new ManifestError(`${fileName}: expected a JSON object at the top`);
  const locked = lockContent ? lockedVersions(lockContent) : new Map<string, string>();
  const found = new Map<string, ManifestDependency>();
  for (const section of dependencySections) {
    const entries = manifest[section];
    if (entries === undefined) continue;
    if (!isObject(entries)) throw new ManifestError(`${where(fileName, lineOf(content, `"${section}"`))}: "${section}" must be an object of package names and versions`);
    for (const [name, range] of Object.entries(entries)) {
      const line = lineOf(content, `"${name}"`, content.indexOf(`"${section}"`));
      if (typeof range !== 'string') throw new ManifestError(`${where(fileName, line)}: the version of ${quoted(name)} must be text`);
      if (!name.trim() || name.length > maxDependencyNameLength) throw new ManifestError(`${where(fileName, line)}: ${quoted(name)} is not a package name`);
      const version = (locked.get(name) ?? range).trim();
      if (version.length > maxVersionLength) throw new ManifestError(`${where(fileName, line)}: the version of ${quoted(name)} is longer than ${maxVersionLength} characters`);
      // A package in both dependencies and devDependencies is one item.
      if (!found.has(name)) found.set(name, { name, ecosystem: 'npm', version });
    }
  }
  return [...found.values()];
}
