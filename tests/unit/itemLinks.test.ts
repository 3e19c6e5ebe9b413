// Links to single items on the live boards: the addresses the boards open an item's editor from.
import { describe, expect, it } from 'vitest';
import { itemParam, planItemHref, riskItemHref } from '@/server/domain/itemLinks';

describe('links to items', () => {
  it('opens a RAID item on the risk board and a plan item on the plan, by the item parameter', () => {
    expect(itemParam).toBe('item');
    expect(riskItemHref('p1', 'r-42')).toBe('/p/p1/risks?item=r-42');
    expect(planItemHref('p1', 'm-7')).toBe('/p/p1/plan?item=m-7');
  });

  it('escapes an item id so it cannot add parameters or leave the query', () => {
    const href = planItemHref('p1', 'a&b=c #x/y');
    expect(href).toBe('/p/p1/plan?item=a%26b%3Dc%20%23x%2Fy');
    expect(new URL(href, 'http://x').searchParams.get(itemParam)).toBe('a&b=c #x/y');
    expect(new URL(riskItemHref('p1', '?q'), 'http://x').searchParams.get(itemParam)).toBe('?q');
  });
});
