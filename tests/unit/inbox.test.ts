import { describe, expect, it } from 'vitest';
import { actionEntries, newestFirst, overdueRiskEntries, owedUpdateEntries, assignmentEntries, type OwnedAction } from '@/server/domain/inbox';

const me = 'u-me';
const action = (fields: Partial<OwnedAction>): OwnedAction => ({
  projectId: 'p1',
  meetingId: 'm1',
  id: 'a1',
  title: 'Call the vendor',
  due: null,
  status: 'open',
  createdBy: me,
  createdAt: new Date('2027-01-01T10:00:00Z'),
  ...fields,
});

describe('inbox rules: actions', () => {
  const today = '2027-02-10';

  it('an open action past its due day is overdue, dated the day after', () => {
    const [entry] = actionEntries([action({ due: '2027-02-09' })], me, today);
    expect(entry).toMatchObject({ kind: 'overdue', key: 'overdue:action:m1:a1:2027-02-09', target: { kind: 'action', id: 'a1', meetingId: 'm1' } });
    expect(entry!.createdAt.toISOString()).toBe('2027-02-10T00:00:00.000Z');
  });

  it('due today and up to three days ahead is due soon; further out is nothing yet', () => {
    expect(actionEntries([action({ due: '2027-02-10' })], me, today).map((e) => e.kind)).toEqual(['due']);
    expect(actionEntries([action({ due: '2027-02-13' })], me, today).map((e) => e.kind)).toEqual(['due']);
    expect(actionEntries([action({ due: '2027-02-14' })], me, today)).toEqual([]);
    expect(actionEntries([action({ due: '2027-02-13' })], me, today)[0]!.createdAt.toISOString()).toBe('2027-02-10T00:00:00.000Z');
  });

  it('a done action needs nothing', () => {
    expect(actionEntries([action({ due: '2027-02-01', status: 'done', createdBy: 'u-other' })], me, today)).toEqual([]);
  });

  it('an action someone else gave me is an assignment, one I took myself is not', () => {
    expect(actionEntries([action({ createdBy: 'u-other' })], me, today).map((e) => [e.kind, e.key])).toEqual([['assigned', 'assigned:action:m1:a1']]);
    expect(actionEntries([action({ createdBy: me })], me, today)).toEqual([]);
    expect(actionEntries([action({ createdBy: null })], me, today)).toEqual([]);
  });

  it('a new due date is a new entry (its key changes, so it is unread again)', () => {
    const before = actionEntries([action({ due: '2027-02-01' })], me, today)[0]!.key;
    const after = actionEntries([action({ due: '2027-02-05' })], me, today)[0]!.key;
    expect(after).not.toBe(before);
  });
});

describe('inbox rules: risks and updates', () => {
  it('an active risk past its due date is overdue; a closed one or one without a date is not', () => {
    const risks = [
      { projectId: 'p1', id: 'R-1', title: 'Vendor late', dueDate: '2027-02-09', active: true },
      { projectId: 'p1', id: 'R-2', title: 'Closed', dueDate: '2027-02-01', active: false },
      { projectId: 'p1', id: 'R-3', title: 'Undated', dueDate: null, active: true },
      { projectId: 'p1', id: 'R-4', title: 'Due today', dueDate: '2027-02-10', active: true },
    ];
    expect(overdueRiskEntries(risks, '2027-02-10').map((e) => [e.kind, e.target.id, e.key])).toEqual([['overdue', 'R-1', 'overdue:risk:p1:R-1:2027-02-09']]);
  });

  it('a risk or plan item someone else made me the owner of is an assignment; my own doing is not', () => {
    const at = new Date('2027-02-01T09:00:00Z');
    const changes = [
      { itemKind: 'risk' as const, changeId: 7, projectId: 'p1', itemId: 'R-1', title: 'Vendor late', actorId: 'u-other', changedAt: at },
      { itemKind: 'risk' as const, changeId: 8, projectId: 'p1', itemId: 'R-2', title: 'Mine', actorId: me, changedAt: at },
      { itemKind: 'risk' as const, changeId: 9, projectId: 'p1', itemId: 'R-3', title: 'Unknown', actorId: null, changedAt: at },
      { itemKind: 'planItem' as const, changeId: 7, projectId: 'p1', itemId: 'M-1', title: 'Launch', actorId: 'u-other', changedAt: at },
    ];
    expect(assignmentEntries(changes, me).map((e) => [e.kind, e.target, e.key])).toEqual([
      ['assigned', { kind: 'risk', id: 'R-1' }, 'assigned:risk:p1:7'],
      ['assigned', { kind: 'planItem', id: 'M-1' }, 'assigned:planItem:p1:7'],
    ]);
  });

  it('an update is owed only when the cadence is overdue', () => {
    const entries = owedUpdateEntries([
      { projectId: 'p1', projectName: 'Apollo', dueOn: '2027-02-08', overdue: true },
      { projectId: 'p2', projectName: 'Gemini', dueOn: '2027-02-15', overdue: false },
      { projectId: 'p3', projectName: 'Mercury', dueOn: null, overdue: false },
    ]);
    expect(entries.map((e) => [e.kind, e.projectId, e.key, e.title])).toEqual([['update_owed', 'p1', 'update_owed:p1:2027-02-08', 'Status update for Apollo was due 2027-02-08']]);
    expect(entries[0]!.createdAt.toISOString()).toBe('2027-02-09T00:00:00.000Z');
  });

  it('orders newest first, ties by id', () => {
    const at = (iso: string) => new Date(iso);
    const sorted = newestFirst([
      { id: 'b', createdAt: at('2027-01-01T00:00:00Z') },
      { id: 'c', createdAt: at('2027-01-02T00:00:00Z') },
      { id: 'a', createdAt: at('2027-01-01T00:00:00Z') },
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
