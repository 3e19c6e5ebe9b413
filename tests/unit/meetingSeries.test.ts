// The next meeting of a series: which actions are carried into its agenda, and what its create
// form is pre-filled with.
import { describe, expect, it } from 'vitest';
import { carryOverOpenActions, maxCarriedActions, nextMeetingDefaults, openActionsItemTitle } from '@/server/domain/meetingSeries';

const previous = {
  title: 'Apollo weekly sync',
  startsAt: new Date('2027-02-01T09:00:00Z'),
  durationMinutes: 25,
  attendees: [{ userId: 'u-1', name: 'Priya' }, { stakeholderId: 's-1', name: 'CFO' }],
};

describe('carryOverOpenActions', () => {
  it('carries only the open actions, in order, into one "Open actions" item', () => {
    const items = carryOverOpenActions([
      { id: 'a-1', status: 'open' },
      { id: 'a-2', status: 'done' },
      { id: 'a-3', status: 'open' },
    ]);
    expect(items).toEqual([{ title: openActionsItemTitle, carriedActionIds: ['a-1', 'a-3'] }]);
  });

  it('adds no item when every action is done, or there are none', () => {
    expect(carryOverOpenActions([{ id: 'a-1', status: 'done' }])).toEqual([]);
    expect(carryOverOpenActions([])).toEqual([]);
  });

  it('names each action once, and no more than an agenda item holds', () => {
    const many = Array.from({ length: maxCarriedActions + 5 }, (_, i) => ({ id: `a-${i}`, status: 'open' as const }));
    expect(carryOverOpenActions([...many, many[0]!])[0]!.carriedActionIds).toHaveLength(maxCarriedActions);
    expect(carryOverOpenActions([{ id: 'a-1', status: 'open' }, { id: 'a-1', status: 'open' }])[0]!.carriedActionIds).toEqual(['a-1']);
  });
});

describe('nextMeetingDefaults', () => {
  it('takes the title, duration and attendees of the previous meeting, a cadence later', () => {
    const next = nextMeetingDefaults('weekly-sync', previous, new Date('2027-02-02T00:00:00Z'));
    expect(next).toEqual({ title: previous.title, startsAt: new Date('2027-02-08T09:00:00Z'), durationMinutes: 25, attendees: previous.attendees });
    expect(nextMeetingDefaults('steering-committee', previous, new Date('2027-02-02T00:00:00Z')).startsAt).toEqual(new Date('2027-03-01T09:00:00Z'));
  });

  it('skips the meetings a series missed: the first date by its cadence not before now', () => {
    expect(nextMeetingDefaults('weekly-sync', previous, new Date('2027-02-20T12:00:00Z')).startsAt).toEqual(new Date('2027-02-22T09:00:00Z'));
    // A meeting due this very moment is not skipped.
    expect(nextMeetingDefaults('weekly-sync', previous, new Date('2027-02-15T09:00:00Z')).startsAt).toEqual(new Date('2027-02-15T09:00:00Z'));
  });

  it('picks a series up again after years, on its weekday and time', () => {
    const old = { ...previous, startsAt: new Date('2001-01-01T09:00:00Z') }; // a Monday
    expect(nextMeetingDefaults('weekly-sync', old, new Date('2027-02-03T10:00:00Z')).startsAt).toEqual(new Date('2027-02-08T09:00:00Z'));
  });

  it('a first meeting or an ad hoc one gets the series defaults and no start', () => {
    expect(nextMeetingDefaults('risk-review', null, new Date())).toEqual({ title: 'Risk review', startsAt: null, durationMinutes: 45, attendees: [] });
    expect(nextMeetingDefaults('ad-hoc', previous, new Date('2027-02-02T00:00:00Z')).startsAt).toBeNull();
  });
});
