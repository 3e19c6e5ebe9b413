// The insights series replayed from history: risk exposure by band week by week (today's items taken
// back through their changes) and milestone slippage week by week (end dates taken back likewise).
import { describe, expect, it } from 'vitest';
import { milestoneSlippageOverTime, riskExposureOverTime, weekEndsUpTo } from '@/server/domain/insights';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('weekEndsUpTo', () => {
  it('ends on the Sunday of the week holding today, oldest first', () => {
    // Thursday 3 December 2026.
    expect(weekEndsUpTo(new Date('2026-12-03T15:00:00Z'), 3)).toEqual(['2026-11-22', '2026-11-29', '2026-12-06']);
    // A Sunday is the end of its own week.
    expect(weekEndsUpTo(new Date('2026-12-06T10:00:00Z'), 1)).toEqual(['2026-12-06']);
  });
});

describe('riskExposureOverTime', () => {
  const weeks = ['2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29'];

  it('counts a risk from the week it was created, with the score it had at each week end', () => {
    const items = [{ id: 'R-1', kind: 'risk', status: 'open', likelihood: 5, impact: 4, createdAt: at('2026-11-10') }];
    // Raised from 2x3 (6, medium) to 5x4 (20, critical) on 24 November.
    const changes = [
      { itemId: 'R-1', field: 'created', fromValue: null, changedAt: at('2026-11-10') },
      { itemId: 'R-1', field: 'likelihood', fromValue: '2', changedAt: at('2026-11-24') },
      { itemId: 'R-1', field: 'impact', fromValue: '3', changedAt: at('2026-11-24') },
    ];
    expect(riskExposureOverTime(items, changes, weeks)).toEqual([
      { week: '2026-11-08', total: 0, critical: 0, high: 0, medium: 0, low: 0 },
      { week: '2026-11-15', total: 6, critical: 0, high: 0, medium: 6, low: 0 },
      { week: '2026-11-22', total: 6, critical: 0, high: 0, medium: 6, low: 0 },
      { week: '2026-11-29', total: 20, critical: 20, high: 0, medium: 0, low: 0 },
    ]);
  });

  it('stops counting a risk once it is closed, counts it while it was open, and leaves out other kinds and unrated risks', () => {
    const items = [
      { id: 'R-1', kind: 'risk', status: 'closed', likelihood: 3, impact: 4, createdAt: at('2026-11-01') },
      { id: 'I-1', kind: 'issue', status: 'open', likelihood: 5, impact: 5, createdAt: at('2026-11-01') },
      { id: 'R-2', kind: 'risk', status: 'open', likelihood: null, impact: 4, createdAt: at('2026-11-01') },
    ];
    const changes = [{ itemId: 'R-1', field: 'status', fromValue: 'mitigating', changedAt: at('2026-11-20') }];
    expect(riskExposureOverTime(items, changes, weeks).map((w) => [w.week, w.high, w.total])).toEqual([
      ['2026-11-08', 12, 12],
      ['2026-11-15', 12, 12],
      ['2026-11-22', 0, 0],
      ['2026-11-29', 0, 0],
    ]);
  });
});

describe('milestoneSlippageOverTime', () => {
  it('gives each milestone its days behind the reference as planned at each week end, and nothing before it existed', () => {
    const milestones = [
      { id: 'M-1', title: 'Beta', end: '2027-01-20', reference: '2027-01-10' },
      { id: 'M-2', title: 'GA', end: '2027-03-01', reference: '2027-03-01' },
      { id: 'M-3', title: 'No reference', end: '2027-04-01', reference: null },
    ];
    const changes = [
      { itemId: 'M-1', field: 'created', fromValue: null, changedAt: at('2026-11-01') },
      { itemId: 'M-1', field: 'end', fromValue: '2027-01-10', changedAt: at('2026-11-18') },
      { itemId: 'M-1', field: 'end', fromValue: '2027-01-15', changedAt: at('2026-11-25') },
      { itemId: 'M-1', field: 'start', fromValue: '2026-01-01', changedAt: at('2026-11-26') },
      { itemId: 'M-2', field: 'created', fromValue: null, changedAt: at('2026-11-16') },
    ];
    expect(milestoneSlippageOverTime(milestones, changes, ['2026-11-15', '2026-11-22', '2026-11-29'])).toEqual([
      { week: '2026-11-15', daysBehind: { 'M-1': 0 } },
      { week: '2026-11-22', daysBehind: { 'M-1': 5, 'M-2': 0 } },
      { week: '2026-11-29', daysBehind: { 'M-1': 10, 'M-2': 0 } },
    ]);
  });
});
