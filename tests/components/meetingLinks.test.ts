// @vitest-environment happy-dom
// What a meeting board shows for a linked item: the item's state in a few words (score band,
// date, slip against the latest baseline), and "deleted" when the item is gone, never an error.
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkedItem } from '@/components/meetings/LinkedItem';
import { linkTargets } from '@/components/meetings/linkTargets';
import { deriveRaidScores, emptyRaidFields, type RaidItem } from '@/server/domain/risk';
import type { PlanItem } from '@/server/domain/plan';

afterEach(cleanup);

const risk = (id: string, title: string, likelihood: number, impact: number): RaidItem => {
  const fields = { ...emptyRaidFields, title, likelihood, impact };
  return { id, ...fields, ...deriveRaidScores(fields), createdAt: new Date(0), updatedAt: new Date(0) };
};
const milestone = (id: string, title: string, end: string): PlanItem => ({
  id,
  kind: 'milestone',
  title,
  description: '',
  ownerId: null,
  status: 'planned',
  start: end,
  end,
  progress: 0,
  milestoneId: null,
});

describe('meeting links', () => {
  const targets = linkTargets(
    'p1',
    [risk('r1', 'Vendor sunsets API v2', 4, 4)],
    {
      items: [milestone('m1', 'Cut-over', '2027-02-10')],
      baselines: [{ dates: { m1: { start: '2027-02-05', end: '2027-02-05' } } }],
      goals: [{ id: 'g1', title: 'Halve card fees', dueDate: null }],
    },
  );

  it('a risk reads with its band and score, a milestone with its date and slip', () => {
    expect(targets.find((t) => t.id === 'r1')).toMatchObject({ kind: 'raid', state: 'High · score 16 · open', band: 'high' });
    expect(targets.find((t) => t.id === 'm1')).toMatchObject({ kind: 'milestone', state: '10 Feb 2027 · 5 days late' });
    expect(targets.find((t) => t.id === 'g1')).toMatchObject({ kind: 'goal', state: 'No due date' });
  });

  it('a risk and a milestone link to their own editor (docs/api.md, "Links to items"); a goal to the plan', () => {
    expect(targets.find((t) => t.id === 'r1')!.href).toBe('/p/p1/risks?item=r1');
    expect(targets.find((t) => t.id === 'm1')!.href).toBe('/p/p1/plan?item=m1');
    expect(targets.find((t) => t.id === 'g1')!.href).toBe('/p/p1/plan');
  });

  it('a link to an item that is gone shows "deleted"', () => {
    render(createElement(LinkedItem, { link: { kind: 'raid', id: 'gone' }, targets }));
    expect(screen.getByTestId('linked-item').textContent).toBe('RAID item deleted');
  });

  it('a link to a present item names it with its state', () => {
    render(createElement(LinkedItem, { link: { kind: 'milestone', id: 'm1' }, targets }));
    expect(screen.getByTestId('linked-item').textContent).toContain('Cut-over');
    expect(screen.getByTestId('linked-item').textContent).toContain('5 days late');
  });
});
