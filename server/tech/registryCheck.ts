// The optional version check: asks a registry in the npm style (`GET <TECH_REGISTRY_URL>/<name>`,
// answering `dist-tags.latest`) for the newest version of npm packages. One time budget covers the
// whole check (2 s by default); a registry that is down, slow or answers garbage only leaves those
// packages' "latest" as last known. Other ecosystems have no such common convention and are skipped.
import semver from 'semver';

export interface TechRegistry {
  /** The registry's base URL, e.g. https://registry.npmjs.org or an internal mirror. */
  url: string;
  /** The whole check's time budget. */
  timeoutMs: number;
}

/** Packages asked at once. */
const concurrency = 8;
/** The largest answer read for one package (abbreviated metadata is far smaller). */
const maxAnswerBytes = 4 * 1024 * 1024;

/** `@scope/name` as the registry's path wants it. */
function packagePath(name: string): string {
  return name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}

async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The latest version one package's answer names, or null for anything but a valid semver version. */
export function latestFromAnswer(text: string): string | null {
  try {
    const answer = JSON.parse(text) as { 'dist-tags'?: { latest?: unknown } };
    const latest = answer?.['dist-tags']?.latest;
    return typeof latest === 'string' && latest.length <= 100 && semver.valid(latest) ? latest : null;
  } catch {
    return null;
  }
}

/**
 * The latest version of each package the registry answered for within the budget. Never throws:
 * a package whose answer failed, timed out or made no sense is simply absent.
 */
export async function latestVersions(registry: TechRegistry, names: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const base = registry.url.replace(/\/+$/, '');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), registry.timeoutMs);
  const queue = [...new Set(names)];
  const ask = async (name: string) => {
    try {
      const response = await fetch(`${base}/${packagePath(name)}`, {
        signal: controller.signal,
        headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' },
        redirect: 'follow',
      });
      if (!response.ok) {
        await response.body?.cancel();
        return;
      }
      const text = await readCapped(response, maxAnswerBytes);
      const latest = text === null ? null : latestFromAnswer(text);
      if (latest) found.set(name, latest);
    } catch {
      // Down, refused, timed out or cut off: "latest" stays as last known.
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let name = queue.shift(); name !== undefined && !controller.signal.aborted; name = queue.shift()) await ask(name);
  });
  try {
    await Promise.all(workers);
  } finally {
    clearTimeout(timer);
  }
  return found;
}
