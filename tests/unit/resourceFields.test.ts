// The resources' field rules shared by the routers and the forms: skills kept once whatever their
// case, `to` never before `from` (and never quoting a malformed date back), and a what-if change.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioChange, skillList, toNotBeforeFrom } from '@/server/domain/resourceFields';

const range = z.object({ from: z.string(), to: z.string() }).superRefine(toNotBeforeFrom);
const issues = (value: { from: string; to: string }) => {
  const result = range.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};
const id = '5f0c6f43-7d43-4a4b-9c55-2d9e3cf2f0a1';

describe('resource fields', () => {
  it('keeps each skill once, whatever its case, in the order given', () => {
    expect(skillList.parse(['Go', 'go', ' GO ', 'Design'])).toEqual(['Go', 'Design']);
  });

  it('refuses a `to` before `from`, on `to`, naming `from`', () => {
    expect(issues({ from: '2027-02-05', to: '2027-02-01' })).toEqual([{ path: ['to'], message: 'must be on or after from (2027-02-05)' }]);
    expect(issues({ from: '2027-02-05', to: '2027-02-05' })).toEqual([]);
  });

  it('compares only two well-formed dates, so a malformed one is never quoted back', () => {
    expect(issues({ from: 'zzz', to: 'aaa' })).toEqual([]);
    expect(issues({ from: '2027-02-05', to: '1' })).toEqual([]);
    expect(issues({ from: '2027-02-05x', to: '2027-02-01' })).toEqual([]);
    expect(issues({ from: 'x2027-02-05', to: '2027-02-01' })).toEqual([]);
    expect(issues({ from: '2027-02-05', to: '2027-02-01x' })).toEqual([]);
  });

  it('checks the dates of an add or a move, and a remove has none', () => {
    expect(scenarioChange.safeParse({ kind: 'remove', allocationId: id }).success).toBe(true);
    const move = scenarioChange.safeParse({ kind: 'move', allocationId: id, from: '2027-02-05', to: '2027-02-01' });
    expect(move.success).toBe(false);
    expect(move.error?.issues[0]?.path).toEqual(['to']);
    const add = scenarioChange.safeParse({ kind: 'add', personId: id, projectId: id, from: '2027-02-05', to: '2027-02-01', hoursPerWeek: 10 });
    expect(add.success).toBe(false);
  });
});
