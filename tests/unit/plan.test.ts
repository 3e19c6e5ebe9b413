// Roadmap and charter rules: dependency cycles, the critical path, flagged dependents, slippage,
// goal progress, RACI validation, the power/interest grid, and shifting dates in the live plan.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { insertPlanItem, readPlanItems, shiftPlanItem } from '@/server/collab/boards/planDocument';
import {
  criticalPath,
  dependencyCycle,
  describeCycle,
  milestoneSlippage,
  moveItem,
  normalizePlanItemFields,
  resizeItem,
  slippageDays,
  violatedDependencies,
  type PlanDependency,
  type PlanItem,
} from '@/server/domain/plan';
import {
  emptyGoalFields,
  emptyStakeholderFields,
  goalFieldsSchema,
  goalProgress,
  normalizeFields,
  powerInterestQuadrant,
  raciProblems,
  stakeholderFieldsSchema,
} from '@/server/domain/planCharter';

const item = (id: string, start: string, end: string, kind: PlanItem['kind'] = 'workstream'): PlanItem => ({
  ...normalizePlanItemFields({ kind, title: id, start, end }, '2026-01-01'),
  id,
});
const dep = (fromId: string, toId: string): PlanDependency => ({ id: `${fromId}->${toId}`, fromId, toId });

describe('dependency cycles', () => {
  const chain = [dep('a', 'b'), dep('b', 'c')];
  it('plan: a dependency that closes a loop is found with the loop it closes', () => {
    expect(dependencyCycle(chain, 'c', 'a')).toEqual(['c', 'a', 'b', 'c']);
  });
  it('plan: an item cannot depend on itself', () => {
    expect(dependencyCycle(chain, 'b', 'b')).toEqual(['b', 'b']);
  });
  it('plan: parallel and forward dependencies are accepted', () => {
    expect(dependencyCycle(chain, 'a', 'c')).toBeNull();
    expect(dependencyCycle(chain, 'd', 'a')).toBeNull();
    expect(dependencyCycle([], 'a', 'b')).toBeNull();
  });
  it('plan: the refusal message names the items in the loop', () => {
    const titles: Record<string, string> = { a: 'Design', b: 'Build', c: 'Launch' };
    expect(describeCycle(['c', 'a', 'b', 'c'], (id) => titles[id]!)).toBe(
      'This dependency would create a loop: “Launch” → “Design” → “Build” → “Launch”. Remove one of these dependencies first.',
    );
  });
});

describe('critical path', () => {
  const items = [
    item('design', '2026-01-01', '2026-01-10'),
    item('api', '2026-01-11', '2026-02-20'),
    item('ui', '2026-01-11', '2026-02-10'),
    item('docs', '2026-01-05', '2026-01-08'),
    item('launch', '2026-02-21', '2026-02-21', 'milestone'),
  ];
  const deps = [dep('design', 'api'), dep('design', 'ui'), dep('api', 'launch'), dep('ui', 'launch'), dep('docs', 'launch')];
  it('plan: the critical path follows the predecessor that ends last', () => {
    expect(criticalPath(items, deps, 'launch')).toEqual(['design', 'api', 'launch']);
  });
  it('plan: moving a predecessor later moves the critical path through it', () => {
    const later = items.map((i) => (i.id === 'ui' ? { ...i, end: '2026-03-01' } : i));
    expect(criticalPath(later, deps, 'launch')).toEqual(['design', 'ui', 'launch']);
  });
  it('plan: a milestone with no predecessors is its own path; an unknown one has none', () => {
    expect(criticalPath(items, deps, 'design')).toEqual(['design']);
    expect(criticalPath(items, deps, 'nope')).toEqual([]);
  });
  it('plan: a loop written by another program does not hang the walk', () => {
    expect(criticalPath(items, [...deps, dep('launch', 'design')], 'launch')).toEqual(['design', 'api', 'launch']);
  });
});

describe('flagged dependents', () => {
  it('plan: a dependent that starts before its predecessor ends is flagged; one starting on the day it ends is not', () => {
    const items = [item('a', '2026-01-01', '2026-01-10'), item('b', '2026-01-05', '2026-01-20'), item('c', '2026-01-10', '2026-01-12')];
    const deps = [dep('a', 'b'), dep('a', 'c')];
    expect(violatedDependencies(items, deps).map((d) => d.toId)).toEqual(['b']);
  });
});

describe('slippage', () => {
  it('plan: slippage is the calendar days between the baseline and the current date', () => {
    expect(slippageDays('2026-03-01', '2026-03-15')).toBe(14);
    expect(slippageDays('2026-03-15', '2026-03-01')).toBe(-14);
    expect(slippageDays('2026-02-27', '2026-03-02')).toBe(3);
  });
  it('plan: slippage per milestone counts only milestones in the baseline', () => {
    const items = [item('m1', '2026-05-10', '2026-05-10', 'milestone'), item('m2', '2026-06-01', '2026-06-01', 'milestone'), item('w', '2026-01-01', '2026-02-01')];
    const slips = milestoneSlippage(items, { m1: { start: '2026-05-01', end: '2026-05-01' }, w: { start: '2026-01-01', end: '2026-01-10' } });
    expect([...slips]).toEqual([['m1', 9]]);
  });
  it('plan: moving keeps the length; resizing never ends before the start', () => {
    expect(moveItem({ start: '2026-01-30', end: '2026-02-02' }, 3)).toEqual({ start: '2026-02-02', end: '2026-02-05' });
    expect(resizeItem({ start: '2026-01-10', end: '2026-01-12' }, -5)).toEqual({ start: '2026-01-10', end: '2026-01-10' });
  });
  it('plan: a milestone is a point in time and a workstream never ends before it starts', () => {
    expect(normalizePlanItemFields({ kind: 'milestone', start: '2026-01-01', end: '2026-02-01' }, '2026-01-01').start).toBe('2026-02-01');
    expect(normalizePlanItemFields({ kind: 'workstream', start: '2026-03-01', end: '2026-02-01', progress: 140 }, '2026-01-01')).toMatchObject({
      end: '2026-03-01',
      progress: 0,
    });
  });
});

describe('goal progress', () => {
  it('plan: progress is the share of the way from baseline to target', () => {
    expect(goalProgress({ baseline: 0, target: 200, current: 50 })).toBe(25);
  });
  it('plan: goals that go down count progress downwards', () => {
    expect(goalProgress({ baseline: 800, target: 200, current: 350 })).toBe(75);
  });
  it('plan: progress is clamped to 0-100 and empty when it cannot be measured', () => {
    expect(goalProgress({ baseline: 10, target: 20, current: 30 })).toBe(100);
    expect(goalProgress({ baseline: 10, target: 20, current: 5 })).toBe(0);
    expect(goalProgress({ baseline: 10, target: 10, current: 10 })).toBeNull();
    expect(goalProgress({ baseline: 10, target: 20, current: null })).toBeNull();
    // Each missing value on its own makes it unmeasurable (not 0, not NaN).
    expect(goalProgress({ baseline: null, target: 20, current: 5 })).toBeNull();
    expect(goalProgress({ baseline: 10, target: null, current: 5 })).toBeNull();
    expect(goalProgress({ baseline: null, target: null, current: 5 })).toBeNull();
  });
});

describe('RACI', () => {
  it('plan: one Accountable and a Responsible is sound', () => {
    expect(raciProblems([{ stakeholderId: 'a', role: 'A' }, { stakeholderId: 'b', role: 'R' }, { stakeholderId: 'c', role: 'I' }])).toEqual([]);
  });
  it('plan: no Accountable, two Accountable, or no Responsible are each reported', () => {
    expect(raciProblems([{ stakeholderId: 'b', role: 'R' }])).toEqual(['No one is Accountable: name exactly one.']);
    expect(raciProblems([{ stakeholderId: 'a', role: 'A' }, { stakeholderId: 'b', role: 'A' }, { stakeholderId: 'c', role: 'R' }])).toEqual([
      '2 people are Accountable: exactly one should be.',
    ]);
    expect(raciProblems([])).toEqual(['No one is Accountable: name exactly one.', 'No one is Responsible: name at least one.']);
    // An Accountable (or a Consulted) person is not Responsible.
    expect(raciProblems([{ stakeholderId: 'a', role: 'A' }, { stakeholderId: 'c', role: 'C' }])).toEqual(['No one is Responsible: name at least one.']);
  });
});

describe('reading charter fields from the live document', () => {
  it('plan: good values are kept, a text may be a Y.Text, and a missing or bad value falls back to the empty one', () => {
    const doc = new Y.Doc();
    const title = doc.getText('title');
    title.insert(0, 'Partners in the EU');
    const raw = { name: title, organisation: 'Acme', influence: 9, interest: 5, channel: 'pigeon', frequency: 'monthly' };
    expect(normalizeFields(stakeholderFieldsSchema, emptyStakeholderFields, raw)).toEqual({
      ...emptyStakeholderFields,
      name: 'Partners in the EU',
      organisation: 'Acme',
      interest: 5,
      frequency: 'monthly',
    });
    expect(normalizeFields(goalFieldsSchema, emptyGoalFields, { title: 'Faster checkout', baseline: 800, target: 'soon', current: null })).toEqual({
      ...emptyGoalFields,
      title: 'Faster checkout',
      baseline: 800,
    });
  });
});

describe('power/interest grid', () => {
  it('plan: stakeholders fall into the four quadrants around the middle of the scales', () => {
    expect(powerInterestQuadrant(5, 5)).toBe('manage_closely');
    expect(powerInterestQuadrant(3, 3)).toBe('manage_closely');
    expect(powerInterestQuadrant(4, 2)).toBe('keep_satisfied');
    expect(powerInterestQuadrant(2, 4)).toBe('keep_informed');
    expect(powerInterestQuadrant(1, 2)).toBe('monitor');
  });
});

describe('shifting dates in the live plan', () => {
  it('counts every shift from the dates in the document, so quick key presses all land', () => {
    const doc = new Y.Doc();
    const id = insertPlanItem(doc, { kind: 'milestone', title: 'Launch', start: '2027-01-22', end: '2027-01-22' }, 'owner');
    expect(shiftPlanItem(doc, id, 7, 'move')).toBe(true);
    expect(shiftPlanItem(doc, id, 7, 'move')).toBe(true);
    expect(readPlanItems(doc)[0]).toMatchObject({ start: '2027-02-05', end: '2027-02-05' });
  });

  it('resizes the end of a workstream, never before its start; an unknown item changes nothing', () => {
    const doc = new Y.Doc();
    const id = insertPlanItem(doc, { kind: 'workstream', title: 'Build', start: '2027-01-04', end: '2027-01-08' }, 'owner');
    shiftPlanItem(doc, id, 3, 'resize');
    expect(readPlanItems(doc)[0]).toMatchObject({ start: '2027-01-04', end: '2027-01-11' });
    shiftPlanItem(doc, id, -30, 'resize');
    expect(readPlanItems(doc)[0]).toMatchObject({ start: '2027-01-04', end: '2027-01-04' });
    expect(shiftPlanItem(doc, 'missing', 7, 'move')).toBe(false);
  });
});
