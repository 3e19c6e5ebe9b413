// Where to go after signing in or up: `next` when it names a page of this site, else the project list.
// Decided by parsing, never by looking at the string: browsers drop tabs and newlines from URLs and
// read `\` as `/`, so `/\tevil.test` or `/\evil.test` mean `//evil.test`, another site.
export const defaultNextPath = '/projects';

/** Longest `next` followed; a longer one is not a link the app made. */
const maxNextLength = 2048;

/**
 * `next` resolved against `appOrigin` the way a browser resolves it; the path (with query and
 * fragment) when the result is still on `appOrigin`, else `/projects`. The path returned cannot be
 * read as another origin: it starts with exactly one `/` and holds no tab, newline or backslash.
 */
export function safeNextPath(next: string | null | undefined, appOrigin: string): string {
  if (!next || next.length > maxNextLength) return defaultNextPath;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(next, base);
  } catch {
    return defaultNextPath;
  }
  if (target.origin !== base.origin) return defaultNextPath;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // `/.//evil.test` resolves to the path `//evil.test`, which a browser would read as another host.
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\s]/.test(path)) return defaultNextPath;
  return path;
}
