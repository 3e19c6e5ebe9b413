// Text Postgres can store: what is refused through the API and how board text is cleaned.
import { describe, expect, it } from 'vitest';
import { findUnstorableText, storableText, storableValue, unstorableReason, withoutLeadingByteOrderMark, withoutLeadingByteOrderMarks } from '@/server/domain/storableText';

describe('storable text', () => {
  it('refuses a NUL and a lone surrogate (either half), accepts pairs, controls, RTL marks and emoji', () => {
    expect(unstorableReason('a\u0000b')).toContain('NUL');
    expect(unstorableReason('a\uD800b')).toContain('lone surrogate');
    expect(unstorableReason('a\uDC00')).toContain('lone surrogate');
    expect(unstorableReason('\uD83D\uDE00 \u202E\u200F\u0001\u009F مرحبا 🧨')).toBeNull();
  });

  it('cleans board text: NUL removed, a lone surrogate becomes U+FFFD, a pair is kept', () => {
    expect(storableText('Ba\u0000d\uD800 \uD83D\uDE00\uDC00')).toBe('Bad\uFFFD \uD83D\uDE00\uFFFD');
  });

  it('strips the byte order marks text starts with (even after a NUL) and keeps those inside it', () => {
    expect(withoutLeadingByteOrderMark('\uFEFF\uFEFFa\uFEFFb\uFEFF')).toBe('a\uFEFFb\uFEFF');
    expect(withoutLeadingByteOrderMark(' \uFEFFa')).toBe(' \uFEFFa');
    expect(storableText('\uFEFF\uFEFFRisk\uFEFF')).toBe('Risk\uFEFF');
    expect(storableText('\u0000\uFEFFRisk')).toBe('Risk');
    expect(storableValue({ title: '\uFEFFa', threatens: ['\uFEFFM-1'], dates: { '\uFEFFk': 's' } })).toEqual({ title: 'a', threatens: ['M-1'], dates: { k: 's' } });
  });

  it('strips leading byte order marks from every string of an API input, keys included, and leaves other values alone', () => {
    const when = new Date(0);
    expect(withoutLeadingByteOrderMarks({ csv: '\uFEFFtitle\n', rows: [{ '\uFEFFname': '\uFEFF\uFEFFa\uFEFF' }], n: 1, ok: true, none: null, when })).toEqual({
      csv: 'title\n',
      rows: [{ name: 'a\uFEFF' }],
      n: 1,
      ok: true,
      none: null,
      when,
    });
    // A byte order mark is not refused: it is stripped instead.
    expect(unstorableReason('\uFEFFa')).toBeNull();
  });

  it('cleans every string of a row, keys included, and leaves other values alone', () => {
    const when = new Date(0);
    expect(storableValue({ title: 'a\u0000', threatens: ['M\u0000'], dates: { 'k\u0000': { start: 's' } }, n: 1, when })).toEqual({
      title: 'a',
      threatens: ['M'],
      dates: { k: { start: 's' } },
      n: 1,
      when,
    });
  });

  it('finds the path of the first unstorable string in an input', () => {
    expect(findUnstorableText({ projectId: 'p', rows: [{ title: 'ok' }, { title: 'b\u0000' }] })).toEqual({ path: ['rows', 1, 'title'], reason: expect.stringContaining('NUL') });
    expect(findUnstorableText({ ['k\uD800']: 1 })?.reason).toContain('name must be valid Unicode');
    expect(findUnstorableText({ a: ['fine', 2, null] })).toBeNull();
    expect(findUnstorableText({ a: null, b: 1, c: new Date(0), d: true })).toBeNull();
    expect(findUnstorableText({ outer: { ['k\uD800']: 1 } })?.path).toEqual(['outer', 'k\uD800']);
  });
});
