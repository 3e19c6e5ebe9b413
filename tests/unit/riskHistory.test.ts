// What changed on a RAID item between two versions, as recorded in its history.
import { describe, expect, it } from 'vitest';
import { emptyRaidFields, type RaidFields } from '@/server/domain/risk';
import { diffRaidItem, historyValue } from '@/server/domain/riskHistory';

const item: RaidFields = { ...emptyRaidFields, title: 'Vendor late', likelihood: 3, impact: 4, ownerId: 'u1' };

describe('diffRaidItem', () => {
  it('records a new item as created with its title', () => {
    expect(diffRaidItem(null, item)).toEqual([{ field: 'created', from: null, to: 'Vendor late' }]);
  });

  it('records a removed item as deleted with its last title', () => {
    expect(diffRaidItem(item, null)).toEqual([{ field: 'deleted', from: 'Vendor late', to: null }]);
  });

  it('records nothing when neither version exists', () => {
    expect(diffRaidItem(null, null)).toEqual([]);
  });

  it('records nothing when no field changed', () => {
    expect(diffRaidItem(item, { ...item })).toEqual([]);
  });

  it('records one entry per changed field, with values as text', () => {
    const after: RaidFields = { ...item, likelihood: 5, status: 'mitigating', ownerId: null, dueDate: '2026-06-30' };
    expect(diffRaidItem(item, after)).toEqual([
      { field: 'ownerId', from: 'u1', to: null },
      { field: 'likelihood', from: '3', to: '5' },
      { field: 'dueDate', from: null, to: '2026-06-30' },
      { field: 'status', from: 'open', to: 'mitigating' },
    ]);
  });

  it('treats an empty text and a missing value as the same', () => {
    expect(diffRaidItem({ ...item, category: '' }, { ...item, category: '' })).toEqual([]);
    expect(diffRaidItem({ ...item, category: '' }, { ...item, category: 'Supply' })).toEqual([
      { field: 'category', from: null, to: 'Supply' },
    ]);
  });
});

describe('historyValue', () => {
  it('keeps values as text and empty values as null', () => {
    expect(historyValue(4)).toBe('4');
    expect(historyValue('open')).toBe('open');
    expect(historyValue('')).toBeNull();
    expect(historyValue(null)).toBeNull();
    expect(historyValue(undefined)).toBeNull();
  });

  it('lists the plan items an item threatens, and an emptied list as no value', () => {
    expect(historyValue(['m-1', 'w-2'])).toBe('m-1, w-2');
    expect(historyValue([])).toBeNull();
  });
});
