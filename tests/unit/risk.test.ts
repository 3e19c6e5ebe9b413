// Risk scoring, severity bands and the normalisation of raw live-document values.
import { describe, expect, it } from 'vitest';
import { deriveRaidScores, emptyRaidFields, normalizeRaidFields, plainValue, riskScore, severityBand } from '@/server/domain/risk';

describe('riskScore', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('is null while either rating is missing', () => {
    expect(riskScore(null, 3)).toBeNull();
    expect(riskScore(3, null)).toBeNull();
    expect(riskScore(null, null)).toBeNull();
  });
});

describe('severityBand', () => {
  it.each([
    [1, 'low'],
    [5, 'low'],
    [6, 'medium'],
    [11, 'medium'],
    [12, 'high'],
    [19, 'high'],
    [20, 'critical'],
    [25, 'critical'],
  ] as const)('a score of %i is %s', (score, band) => {
    expect(severityBand(score)).toBe(band);
  });

  it('an unrated item (null score) has no band', () => {
    expect(severityBand(null)).toBeNull();
  });

  it('a score below 1 has no band', () => {
    expect(severityBand(0)).toBeNull();
    expect(severityBand(-4)).toBeNull();
  });
});

describe('deriveRaidScores', () => {
  it('derives score, band and residual score from the ratings', () => {
    const derived = deriveRaidScores({ ...emptyRaidFields, likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3 });
    expect(derived).toEqual({ score: 20, band: 'critical', residualScore: 6 });
  });

  it('leaves everything null for an unrated item', () => {
    expect(deriveRaidScores(emptyRaidFields)).toEqual({ score: null, band: null, residualScore: null });
  });
});

describe('normalizeRaidFields', () => {
  it('keeps well-formed values', () => {
    const fields = normalizeRaidFields({
      kind: 'issue',
      title: '  Vendor late  ',
      description: 'Contract signed late',
      category: 'Supply',
      ownerId: 'user-1',
      likelihood: 4,
      impact: 2,
      response: 'mitigate',
      mitigation: 'Second vendor',
      trigger: 'Week 12 slips',
      dueDate: '2026-12-31',
      status: 'mitigating',
      residualLikelihood: 2,
      residualImpact: 1,
      threatens: ['milestone-1', 'workstream-2'],
    });
    expect(fields).toEqual({
      kind: 'issue',
      title: 'Vendor late',
      description: 'Contract signed late',
      category: 'Supply',
      ownerId: 'user-1',
      likelihood: 4,
      impact: 2,
      response: 'mitigate',
      mitigation: 'Second vendor',
      trigger: 'Week 12 slips',
      dueDate: '2026-12-31',
      status: 'mitigating',
      residualLikelihood: 2,
      residualImpact: 1,
      isPublic: false,
      threatens: ['milestone-1', 'workstream-2'],
    });
  });

  it('fills missing fields with their empty values and titles an untitled item', () => {
    expect(normalizeRaidFields({})).toEqual({ ...emptyRaidFields, title: 'Untitled' });
  });

  it('replaces values of the wrong type by the empty value', () => {
    const fields = normalizeRaidFields({
      kind: 42,
      title: ['not', 'text'],
      description: { rich: true },
      ownerId: 7,
      likelihood: '3',
      impact: true,
      dueDate: 20261231,
      status: null,
    });
    expect(fields).toEqual({ ...emptyRaidFields, title: 'Untitled' });
  });

  it('replaces out-of-range and unknown values by the empty value', () => {
    const fields = normalizeRaidFields({
      title: 'Real title',
      kind: 'opportunity',
      likelihood: 6,
      impact: 0,
      residualLikelihood: 2.5,
      residualImpact: -1,
      response: 'ignore',
      status: 'done',
      dueDate: '31/12/2026',
    });
    expect(fields).toEqual({ ...emptyRaidFields, title: 'Real title' });
  });

  it('titles an item whose title is blank or too long as Untitled', () => {
    expect(normalizeRaidFields({ title: '   ' }).title).toBe('Untitled');
    expect(normalizeRaidFields({ title: 'x'.repeat(201) }).title).toBe('Untitled');
    expect(normalizeRaidFields({ title: 'x'.repeat(200) }).title).toBe('x'.repeat(200));
  });

  it('accepts null for the nullable ratings and owner', () => {
    const fields = normalizeRaidFields({ title: 'T', likelihood: null, impact: null, ownerId: null, dueDate: null });
    expect(fields).toMatchObject({ likelihood: null, impact: null, ownerId: null, dueDate: null });
  });

  it('does not change the shared empty value', () => {
    const before = { ...emptyRaidFields };
    normalizeRaidFields({ title: 'T', likelihood: 5 });
    expect(emptyRaidFields).toEqual(before);
  });
});

describe('plainValue', () => {
  it('a shared type reads as its JSON; arrays, dates, plain objects and scalars stay as they are', () => {
    const date = new Date('2026-12-03T10:00:00Z');
    const list = ['a', 'b'];
    const plain = { title: 'x' };
    expect(plainValue({ toJSON: () => 'from a Y.Text' })).toBe('from a Y.Text');
    expect(plainValue(date)).toBe(date);
    expect(plainValue(list)).toBe(list);
    expect(plainValue(plain)).toBe(plain);
    expect(plainValue('text')).toBe('text');
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeUndefined();
  });
});
