// Text Postgres can store. Postgres refuses a NUL character (U+0000) in `text` and `jsonb`, and a
// lone UTF-16 surrogate in `jsonb` (in `text` it is silently stored as U+FFFD, so it would not read
// back as written). Two rules, said once (docs/security.md, "Bad values"):
// - what a person sends through the API is refused with a clear message (`findUnstorableText`,
//   checked for every tRPC input in server/trpc.ts, whatever its zod schema);
// - what a live document holds (any client may write it) is cleaned on read (`storableText`): NUL
//   removed, a lone surrogate replaced by U+FFFD, so one bad value never stops a board's projection.
// Pure functions, no I/O.

const nul = /\u0000/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why Postgres could not store this text as written, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  loneSurrogate.lastIndex = 0;
  if (loneSurrogate.test(text)) return 'must be valid Unicode text (it holds a lone surrogate, e.g. half of an emoji)';
  return null;
}

/** The text with NUL characters removed and lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(nul, '').replace(loneSurrogate, '\uFFFD');
}

/** A value (string, array, plain object, as bound for a row or jsonb) with every string, keys included, made storable. */
export function storableValue<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableValue) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableValue(v)])) as T;
  }
  return value;
}

/** The first string in an input (at any depth) Postgres could not store: its path and why. */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    return reason ? { path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      const keyReason = unstorableReason(key);
      if (keyReason) return { path: [...path, key], reason: `name ${keyReason}` };
      const found = findUnstorableText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
