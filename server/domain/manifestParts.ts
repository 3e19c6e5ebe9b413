// What every dependency manifest parser shares: the dependency it reads, the error it throws (naming
// the file and the line, or the limit), and finding the line a piece of text is on. Pure functions.
import type { TechEcosystem } from '@/db/schema/tech';

export interface ManifestDependency {
  /** As the ecosystem names it: `react`, `requests` (PEP 503 form), `golang.org/x/net`, `org.slf4j:slf4j-api`. */
  name: string;
  ecosystem: TechEcosystem;
  /** The version in use as written (exact from a lockfile, else the manifest's range); '' when none is given. */
  version: string;
}

/** A manifest that cannot be read: the message names the file and the line (or the limit). */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The longest dependency name kept (npm allows 214; Maven's group:artifact pairs run longer). */
export const maxDependencyNameLength = 300;
/** The longest version text kept. */
export const maxVersionLength = 100;

/** The 1-based line of `offset` in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line `needle` first appears on (from `from`), or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, from);
  return at < 0 ? undefined : lineOfOffset(text, at);
}

/** "package.json line 4: ..." or, without a line, "package.json: ...". */
export function where(fileName: string, line: number | undefined): string {
  return line === undefined ? fileName : `${fileName} line ${line}`;
}

/** A name or version quoted in a message, cut so a huge value cannot flood it. */
export function quoted(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
}
