// Hostile text for fuzz tests (issue 13): NUL, lone surrogates, C0/C1 controls, bidi and zero-width
// marks, leading byte order marks, emoji, SQL- and HTML-looking text, 10 MB, and the longest a field
// allows. Seeded (prng), so a failing run replays from its seed.
import { prng } from './prng';

export const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

const c0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
const c1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i));
const bidiAndInvisible = ['\u202E', '\u202D', '\u200F', '\u200E', '\u061C', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u2028', '\u00A0'];
const emoji = ['\uD83D\uDE00', '🧨', '👩‍👩‍👧', '🇪🇺', '1️⃣'];
const words = ['Risk', 'مرحبا', 'שלום', 'é', 'ß', ' ', '"', "'", ',', ';', '\n', '\r\n', '<', '>', '&', '%s', '${x}', '0000-01-01'];
const lookalikes = ["'; drop table raid_item; --", '<script>alert(1)</script>', '" OR 1=1 --', '<img src=x onerror=alert(1)>', '{{7*7}}', '../../etc/passwd'];

/** Pieces random strings are made of; each is whole (a surrogate pair is never split). */
const pieces = [...c0, ...c1, ...bidiAndInvisible, ...emoji, ...words, ...lookalikes];

export interface HostileText {
  /** What kind of hostile text it is, for failure messages. */
  kind: string;
  value: string;
}

export function hostileTextGenerator(seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mix = (length: number, from: readonly string[] = pieces) => Array.from({ length }, () => pick(from)).join('');

  /** Up to `max` UTF-16 units of whole pieces, padded with letters to exactly `max`. */
  function longest(max: number): string {
    let text = 'L';
    for (;;) {
      const next = pick(pieces);
      if (text.length + next.length > max) break;
      text += next;
    }
    return text + 'x'.repeat(max - text.length);
  }

  return {
    random,
    pick,
    /**
     * The hostile values one text field is tried with: every kind once, plus `extra` random mixes.
     * `maxLength` (the field's own limit) adds a value of exactly that length.
     */
    values(maxLength: number | undefined, extra = 2): HostileText[] {
      const values: HostileText[] = [
        { kind: 'NUL', value: `a\u0000b` },
        { kind: 'lone high surrogate', value: `a\uD800b` },
        { kind: 'lone low surrogate', value: `\uDFFFab` },
        { kind: '10 MB', value: tenMegabytes },
        { kind: 'C0 and C1 controls', value: `C${mix(6, [...c0, ...c1])}` },
        { kind: 'bidi and zero-width marks', value: `\u202E${mix(5, bidiAndInvisible)}abc\u200F` },
        { kind: 'emoji', value: mix(4, emoji) },
        { kind: 'SQL and HTML lookalikes', value: pick(lookalikes) },
        { kind: 'whitespace only', value: mix(3, [' ', '\t', '\u00A0', '\u2028']) },
        { kind: 'leading byte order marks', value: '\uFEFF\uFEFFBOM\uFEFFinside' },
        ...Array.from({ length: extra }, () => ({ kind: 'random mix', value: mix(1 + Math.floor(random() * 12)) })),
      ];
      if (maxLength !== undefined && maxLength <= 100_000) {
        values.push({ kind: `longest allowed (${maxLength})`, value: longest(maxLength) });
        values.push({ kind: `one over the limit (${maxLength + 1})`, value: longest(maxLength + 1) });
      }
      return values;
    },
  };
}

/**
 * What a stored value reads back as, before the field's own schema: the byte order marks it starts
 * with stripped, those inside kept (docs/security.md, "Bad values"). Written out here rather than
 * taken from server code, so a change of the rule there fails the fuzz tests.
 */
export function withoutLeadingBoms(value: string): string {
  let start = 0;
  while (value.charCodeAt(start) === 0xfeff) start++;
  return value.slice(start);
}

/** A short printable form of a hostile value for failure messages. */
export function shown(value: string): string {
  const json = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length} chars)` : value);
  return json.replace(/[\u0080-\uFFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
