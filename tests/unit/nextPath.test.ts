// Where sign-in and sign-up send you afterwards: only to a page of this site, whatever `next` holds.
import { describe, expect, it } from 'vitest';
import { defaultNextPath, safeNextPath } from '@/components/auth/next-path';

const app = 'https://waymark.example';

/** Where a browser on the app's origin goes when told to go to `path` (as location.assign would). */
function landsOn(path: string): URL {
  return new URL(path, `${app}/sign-in`);
}

// As they arrive in `next` after the query string is decoded once (what searchParams gives).
const hostile: [string, string][] = [
  ['tab', '/\t/evil.test'],
  ['newline', '/\n/evil.test'],
  ['carriage return', '/\r/evil.test'],
  ['tab inside the scheme', 'jav\tascript:alert(1)'],
  ['two backslashes', '\\\\evil.test'],
  ['slash backslash', '/\\evil.test'],
  ['backslash slash', '\\/evil.test'],
  ['protocol-relative', '//evil.test'],
  ['protocol-relative with a path', '//evil.test/projects'],
  ['three slashes', '///evil.test'],
  ['dot segment to a double slash', '/.//evil.test'],
  ['dot-dot segment to a double slash', '/..//evil.test'],
  ['absolute https', 'https://evil.test/'],
  ['absolute http', 'http://evil.test'],
  ['javascript', 'javascript:alert(document.cookie)'],
  ['upper-case javascript', 'JavaScript:alert(1)'],
  ['data URL', 'data:text/html,<script>alert(1)</script>'],
  ['user info on our host', `${app}@evil.test/`],
  ['leading space', ' //evil.test'],
  ['leading control character', '\u0001//evil.test'],
];

// Forms a link carries before decoding: `next` decoded once more must still be safe.
const encoded: [string, string][] = [
  ['encoded slashes', '%2F%2Fevil.test'],
  ['encoded tab', '/%09/evil.test'],
  ['encoded backslash', '/%5Cevil.test'],
  ['double-encoded slashes', '%252F%252Fevil.test'],
  ['double-encoded tab', '/%2509/evil.test'],
];

describe('safeNextPath', () => {
  it.each(hostile)('%s: %j stays on this site', (_name, next) => {
    const path = safeNextPath(next, app);
    expect(landsOn(path).origin).toBe(app);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(path).not.toMatch(/[\s\\]/);
  });

  it.each(hostile)('%s: %j falls back to the project list', (_name, next) => {
    expect(safeNextPath(next, app)).toBe(defaultNextPath);
  });

  it.each(encoded)('%s: %j, decoded or not, stays on this site', (_name, next) => {
    for (const form of [next, decodeURIComponent(next), decodeURIComponent(decodeURIComponent(next))]) {
      const path = safeNextPath(form, app);
      expect(landsOn(path).origin).toBe(app);
      expect(path).toMatch(/^\/(?![/\\])/);
      // Followed a second time (a page that decodes and redirects again), it is still ours.
      expect(landsOn(safeNextPath(decodeURIComponent(path), app)).origin).toBe(app);
    }
  });

  it('reads a lone backslash and a scheme without slashes as paths of this site, as a browser does', () => {
    expect(safeNextPath('\\evil.test', app)).toBe('/evil.test');
    expect(safeNextPath('https:evil.test', app)).toBe('/evil.test');
  });

  it('keeps a page of this site with its query and fragment', () => {
    expect(safeNextPath('/p/123/risks?view=heat#item-4', app)).toBe('/p/123/risks?view=heat#item-4');
    expect(safeNextPath('/projects', app)).toBe('/projects');
  });

  it('keeps an absolute URL on the app origin as its path', () => {
    expect(safeNextPath(`${app}/p/123/plan`, app)).toBe('/p/123/plan');
  });

  it('normalises what the browser would normalise', () => {
    expect(safeNextPath('/p/../projects', app)).toBe('/projects');
    expect(safeNextPath('/p/a b', app)).toBe('/p/a%20b');
  });

  it('falls back to the project list when there is nothing to follow', () => {
    expect(safeNextPath(null, app)).toBe(defaultNextPath);
    expect(safeNextPath(undefined, app)).toBe(defaultNextPath);
    expect(safeNextPath('', app)).toBe(defaultNextPath);
    expect(safeNextPath(`/${'x'.repeat(5000)}`, app)).toBe(defaultNextPath);
  });
});
