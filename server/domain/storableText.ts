// Text Postgres can store. Postgres refuses a NUL character (U+0000) in `text` and `jsonb`, and a
// lone UTF-16 surrogate in `jsonb` (in `text` it is silently stored as U+FFFD, so it would not read
// back as written). The embedded database (PGlite) drops a byte order mark (U+FEFF) that starts a
// `text` value when it reads it back (Postgres keeps it), so such a value would read back differently
// on the two databases. Three rules, said once (docs/security.md, "Bad values"):
// - what a person sends through the API is refused with a clear message when it holds a NUL or a
//   lone surrogate (`findUnstorableText`, checked for every tRPC input in server/trpc.ts, whatever
//   its zod schema);
// - byte order marks that start a string are stripped, from API input (`withoutLeadingByteOrderMarks`,
//   also in server/trpc.ts) and from board text: they mean nothing in a value and a paste from a
//   file saved with one is common. One inside text (a zero-width no-break space) is kept: both
//   databases read it back;
// - what a live document holds (any client may write it) is cleaned on read (`storableText`): NUL
//   removed, a lone surrogate replaced by U+FFFD, leading byte order marks stripped, so one bad value
//   never stops a board's projection.
// Pure functions, no I/O.

const nul = /\u0000/g;
const leadingByteOrderMarks = /^\uFEFF+/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why Postgres could not store this text as written, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  loneSurrogate.lastIndex = 0;
  if (loneSurrogate.test(text)) return 'must be valid Unicode text (it holds a lone surrogate, e.g. half of an emoji)';
  return null;
}

/** The text without the byte order marks (U+FEFF) it starts with; those inside it are kept. */
export function withoutLeadingByteOrderMark(text: string): string {
  return text.replace(leadingByteOrderMarks, '');
}

/**
 * The text with NUL characters removed, lone surrogates replaced by U+FFFD and the byte order marks
 * it then starts with stripped (after the NULs go, so `\u0000\uFEFFa` is `a` too).
 */
export function storableText(text: string): string {
  return withoutLeadingByteOrderMark(text.replace(nul, '').replace(loneSurrogate, '\uFFFD'));
}

/** An input (strings, arrays, plain objects, at any depth) with every string, keys included, stripped of its leading byte order marks. */
export function withoutLeadingByteOrderMarks<T>(value: T): T {
  return mapStrings(value, withoutLeadingByteOrderMark);
}

function mapStrings<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((inner) => mapStrings(inner, clean)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), mapStrings(v, clean)])) as T;
  }
  return value;
}

/** A value (string, array, plain object, as bound for a row or jsonb) with every string, keys included, made storable. */
export function storableValue<T>(value: T): T {
  return mapStrings(value, storableText);
}

/** The first string in an input (at any depth) Postgres could not store: its path and why. */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    return reason ? { path, reason } : null;
  }
  if (Array.isArray(value)) {
    // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is storable
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
