// Where to go after signing in: `next` when it is a path on this site, else the project list.
// Only relative paths starting with one '/' are followed, so a link cannot send you elsewhere.
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/projects';
  return next;
}
