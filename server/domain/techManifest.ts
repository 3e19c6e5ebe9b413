// Reading a dependency manifest into inventory items: which parser a file name calls for, the size
// and count limits (a clear error, nothing written), and how an imported dependency compares with
// the item already in the inventory (add, update, same). Pure functions.
import type { TechEcosystem } from '@/db/schema/tech';
import { parseGoMod } from './manifestGo';
import { parsePomXml } from './manifestMaven';
import { parsePackageJson } from './manifestNpm';
import { ManifestError, type ManifestDependency } from './manifestParts';
import { parseRequirementsTxt } from './manifestPython';

export { ManifestError, type ManifestDependency } from './manifestParts';

/** A manifest (and its lockfile) may be at most 2 MB each. */
export const maxManifestBytes = 2 * 1024 * 1024;
/** An import takes fewer than 10,000 dependencies: a file naming 10,000 or more is refused. */
export const maxManifestDependencies = 10_000;

export const manifestKinds = ['package.json', 'requirements.txt', 'go.mod', 'pom.xml'] as const;
export type ManifestKind = (typeof manifestKinds)[number];

/**
 * The kind of manifest a file name is: its last path part, exactly (`package.json`), or a variant
 * pip users keep (`requirements-dev.txt`, `dev-requirements.txt`). Undefined for anything else.
 */
export function manifestKindOf(fileName: string): ManifestKind | undefined {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  if ((manifestKinds as readonly string[]).includes(base)) return base as ManifestKind;
  if (/^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/.test(base)) return 'requirements.txt';
  return undefined;
}

export const ecosystemOf: Record<ManifestKind, TechEcosystem> = { 'package.json': 'npm', 'requirements.txt': 'pypi', 'go.mod': 'go', 'pom.xml': 'maven' };

const sizeOf = (text: string) => Buffer.byteLength(text, 'utf8');
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Every dependency of a manifest, or a ManifestError naming the line or the limit. */
export function parseManifest(fileName: string, content: string, lockContent?: string): { kind: ManifestKind; dependencies: ManifestDependency[] } {
  const kind = manifestKindOf(fileName);
  if (!kind) throw new ManifestError(`“${fileName.slice(0, 80)}” is not a manifest Waymark reads: import a package.json, requirements.txt, go.mod or pom.xml`);
  if (sizeOf(content) > maxManifestBytes) throw new ManifestError(`${kind} is ${megabytes(sizeOf(content))}; the limit is 2 MB`);
  if (lockContent !== undefined && sizeOf(lockContent) > maxManifestBytes) throw new ManifestError(`package-lock.json is ${megabytes(sizeOf(lockContent))}; the limit is 2 MB`);
  if (lockContent !== undefined && kind !== 'package.json') throw new ManifestError(`a lockfile goes with a package.json only, not with ${kind}`);
  const base = fileName.split(/[\\/]/).pop()!;
  const dependencies =
    kind === 'package.json'
      ? parsePackageJson(content, lockContent, base)
      : kind === 'requirements.txt'
        ? parseRequirementsTxt(content, base)
        : kind === 'go.mod'
          ? parseGoMod(content, base)
          : parsePomXml(content, base);
  if (dependencies.length >= maxManifestDependencies) {
    throw new ManifestError(`${base} names ${dependencies.length.toLocaleString('en')} dependencies; an import takes fewer than ${maxManifestDependencies.toLocaleString('en')}`);
  }
  return { kind, dependencies };
}

export type ImportChange = 'add' | 'update' | 'same';

/** What importing a dependency does to the inventory: add it, update its version, or nothing. */
export function importChange(dependency: ManifestDependency, existing: { version: string } | undefined): ImportChange {
  if (!existing) return 'add';
  return existing.version === dependency.version ? 'same' : 'update';
}
