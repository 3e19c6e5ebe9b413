// Typed dates: the forms a date field accepts, the sane year range, and how dates show.
import { describe, expect, it } from 'vitest';
import { formatDay, isPlanDate, parseTypedDate, planDateSchema } from '@/server/domain/dates';
import { normalizePlanItemFields } from '@/server/domain/plan';
import { normalizeRaidFields } from '@/server/domain/risk';

describe('typed dates', () => {
  it('dates: reads the app format and ISO, in any case and spacing', () => {
    expect(parseTypedDate('30 Dec 2026')).toEqual({ ok: true, date: '2026-12-30' });
    expect(parseTypedDate('  30  december 2026 ')).toEqual({ ok: true, date: '2026-12-30' });
    expect(parseTypedDate('2026-12-30')).toEqual({ ok: true, date: '2026-12-30' });
    expect(parseTypedDate('')).toEqual({ ok: true, date: null });
  });

  it('dates: a partial, ambiguous or impossible date is refused with a hint', () => {
    for (const typed of ['3', '30 Dec', '30 Dec 2', '30 Dec 26', '12/30/2026', '31 Feb 2026', '2026-13-01']) {
      const result = parseTypedDate(typed);
      expect(result.ok, typed).toBe(false);
      if (!result.ok) expect(result.message).toContain('5 Feb 2027');
    }
    // A two- or five-digit year is not read as the year 26 or 20270: the text is not a date at all.
    for (const typed of ['30 Dec 26', '30 Dec 20270']) expect(parseTypedDate(typed)).toEqual({ ok: false, message: expect.stringContaining(`“${typed}” is not a date`) });
    // Long text is quoted back cut to 40 characters.
    const long = 'x'.repeat(100);
    expect(parseTypedDate(long)).toEqual({ ok: false, message: expect.stringMatching(new RegExp(`^“x{40}” is not a date`)) });
  });

  it('dates: years outside 1900-2999 are refused everywhere', () => {
    expect(parseTypedDate('15 Dec 0006')).toEqual({ ok: false, message: expect.stringContaining('The year 0006 is outside 1900–2999') });
    expect(parseTypedDate('3500-01-01')).toEqual({ ok: false, message: expect.stringContaining('The year 3500') });
    expect(parseTypedDate('1 Jan 1900')).toEqual({ ok: true, date: '1900-01-01' });
    expect(parseTypedDate('31 Dec 2999')).toEqual({ ok: true, date: '2999-12-31' });
    expect(isPlanDate('0006-12-15')).toBe(false);
    expect(isPlanDate('2026-02-30')).toBe(false);
    // Not in the stored form at all: refused before any parsing.
    for (const text of ['5 Feb 2027', '2027-2-5', '', '2027-02-05T00:00']) expect(isPlanDate(text), text).toBe(false);
    expect(planDateSchema.safeParse('3500-01-01').success).toBe(false);
    // The first and last years themselves, and the years just outside them.
    for (const [date, inRange] of [['1900-01-01', true], ['2999-12-31', true], ['1899-12-31', false], ['3000-01-01', false]] as const) {
      expect(isPlanDate(date), date).toBe(inRange);
      expect(planDateSchema.safeParse(date).success, date).toBe(inRange);
    }
    expect(normalizePlanItemFields({ kind: 'milestone', end: '0006-12-15' }, '2026-05-01').end).toBe('2026-05-01');
    expect(normalizeRaidFields({ title: 'Vendor late', dueDate: '0006-12-15' }).dueDate).toBeNull();
  });

  it('dates: shows dates as the rest of the app does', () => {
    expect(formatDay('2027-02-05')).toBe('5 Feb 2027');
    expect(formatDay(null)).toBe('');
  });
});
