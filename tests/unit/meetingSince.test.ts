// "Since last meeting": the window between meetings and what it counts from the history rows.
import { describe, expect, it } from 'vitest';
import {
  sinceLastMeeting,
  sinceWindow,
  type ActionRow,
  type MilestoneNow,
  type PlanDateChangeRow,
  type RaidChangeRow,
  type RaidItemNow,
  type SinceInput,
  type SinceMeeting,
  type SinceWindow,
} from '@/server/domain/meetingSince';

const at = (iso: string) => new Date(iso);
// The previous meeting ended on 2 Nov at 10:00; this one ends on 9 Nov at 10:00.
const window: SinceWindow = { from: at('2026-11-02T10:00:00Z'), until: at('2026-11-09T10:00:00Z'), basis: 'series', previous: null };
const before = at('2026-10-20T09:00:00Z');
const during = at('2026-11-04T09:00:00Z');
const later = at('2026-11-06T09:00:00Z');
const after = at('2026-11-12T09:00:00Z');

const risk = (id: string, fields: Partial<RaidItemNow> = {}): RaidItemNow => ({ id, title: `Risk ${id}`, kind: 'risk', status: 'open', likelihood: 2, impact: 2, ...fields });
const change = (itemId: string, field: string, fromValue: string | null, toValue: string | null, changedAt: Date): RaidChangeRow => ({ itemId, field, fromValue, toValue, changedAt });
const created = (itemId: string, changedAt = before) => change(itemId, 'created', null, `Risk ${itemId}`, changedAt);

function summary(input: Partial<SinceInput>) {
  return sinceLastMeeting({ window, raidItems: [], raidChanges: [], milestones: [], dateChanges: [], actions: [], updates: [], ...input });
}
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('since last meeting: the window', () => {
  const meeting = (id: string, series: SinceMeeting['series'], startsAt: string, endedAt: string | null = null): SinceMeeting => ({
    id,
    title: id,
    series,
    startsAt: at(startsAt),
    endedAt: endedAt ? at(endedAt) : null,
  });
  const now = at('2026-11-20T12:00:00Z');

  it('since last meeting: counts from the end of the previous meeting of the same series', () => {
    const current = meeting('c', 'weekly-sync', '2026-11-16T09:00:00Z');
    const others = [
      meeting('a', 'weekly-sync', '2026-11-02T09:00:00Z', '2026-11-02T09:30:00Z'),
      meeting('b', 'weekly-sync', '2026-11-09T09:00:00Z', '2026-11-09T09:40:00Z'),
      meeting('steer', 'steering-committee', '2026-11-12T09:00:00Z'),
      meeting('next', 'weekly-sync', '2026-11-23T09:00:00Z'),
    ];
    const w = sinceWindow(current, others, now);
    expect(w).toMatchObject({ basis: 'series', from: at('2026-11-09T09:40:00Z'), until: now, previous: { id: 'b' } });
  });

  it('since last meeting: a previous meeting never ended counts from its start; an ended meeting stops at its end', () => {
    const current = meeting('c', 'risk-review', '2026-11-16T09:00:00Z', '2026-11-16T10:00:00Z');
    const w = sinceWindow(current, [meeting('a', 'risk-review', '2026-11-02T09:00:00Z')], now);
    expect(w).toMatchObject({ from: at('2026-11-02T09:00:00Z'), until: at('2026-11-16T10:00:00Z') });
  });

  it('since last meeting: the first of a series and an ad hoc meeting count from the previous meeting of the project', () => {
    const others = [meeting('a', 'weekly-sync', '2026-11-02T09:00:00Z'), meeting('b', 'steering-committee', '2026-11-10T09:00:00Z')];
    expect(sinceWindow(meeting('c', 'risk-review', '2026-11-16T09:00:00Z'), others, now)).toMatchObject({ basis: 'project', previous: { id: 'b' } });
    // An ad hoc meeting takes the latest meeting of any series, even when another ad hoc one is older.
    const adHoc = sinceWindow(meeting('d', 'ad-hoc', '2026-11-16T09:00:00Z'), [...others, meeting('e', 'ad-hoc', '2026-11-01T09:00:00Z')], now);
    expect(adHoc).toMatchObject({ basis: 'project', previous: { id: 'b' } });
  });

  it('since last meeting: with no earlier meeting in the project, the last 7 days', () => {
    const w = sinceWindow(meeting('c', 'weekly-sync', '2026-11-16T09:00:00Z'), [meeting('later', 'weekly-sync', '2026-11-23T09:00:00Z')], now);
    expect(w).toMatchObject({ basis: 'week', previous: null, from: at('2026-11-13T12:00:00Z'), until: now });
  });
});

describe('since last meeting: risks', () => {
  it('since last meeting: a risk created in the window is added; one created before is not', () => {
    const s = summary({ raidItems: [risk('new'), risk('old')], raidChanges: [created('old'), created('new', during)] });
    expect(ids(s.risks.added)).toEqual(['new']);
    expect(s.risks.added[0]).toMatchObject({ title: 'Risk new', deleted: false });
  });

  it('since last meeting: the band going up is escalated, going down is not', () => {
    const s = summary({
      raidItems: [risk('up', { likelihood: 4, impact: 5 }), risk('down', { likelihood: 2, impact: 1 })],
      raidChanges: [created('up'), created('down'), change('up', 'likelihood', '2', '4', during), change('up', 'impact', '2', '5', later), change('down', 'impact', '5', '1', during)],
    });
    expect(s.risks.escalated).toEqual([expect.objectContaining({ id: 'up', band: 'critical', fromBand: 'low' })]);
    expect(s.count).toBe(1);
  });

  it('since last meeting: a score that rises within its band is not escalated; the band at the window start is the one compared', () => {
    const s = summary({
      raidItems: [risk('same', { likelihood: 3, impact: 3 }), risk('dip', { likelihood: 4, impact: 4 })],
      raidChanges: [
        created('same'),
        created('dip'),
        change('same', 'likelihood', '2', '3', during), // 6 -> 9: medium both
        change('same', 'impact', '3', '3', after),
        // high before the window, low during it, high again: netted out, not escalated
        change('dip', 'likelihood', '4', '1', during),
        change('dip', 'likelihood', '1', '4', later),
      ],
    });
    expect(s.risks.escalated).toEqual([]);
  });

  it('since last meeting: a change after the window is not counted; the band at the window end is what it was then', () => {
    const s = summary({
      raidItems: [risk('r', { likelihood: 5, impact: 5 })],
      raidChanges: [created('r'), change('r', 'likelihood', '1', '3', during), change('r', 'likelihood', '3', '5', after), change('r', 'impact', '1', '5', after)],
    });
    // 1x1 (low) -> 3x1 (low) within the window; the critical score came later.
    expect(s.risks.escalated).toEqual([]);
  });

  it('since last meeting: window boundaries: a change at the window start was seen last time; one at its end counts', () => {
    const s = summary({
      raidItems: [risk('atStart'), risk('atEnd')],
      raidChanges: [created('atStart', window.from), created('atEnd', window.until)],
    });
    expect(ids(s.risks.added)).toEqual(['atEnd']);
  });

  it('since last meeting: closed vs reopened: only a risk closed at the end of the window is closed', () => {
    const s = summary({
      raidItems: [risk('closed', { status: 'closed' }), risk('reopened', { status: 'open' }), risk('flip', { status: 'resolved' })],
      raidChanges: [
        created('closed'),
        created('reopened'),
        created('flip'),
        change('closed', 'status', 'open', 'mitigating', during),
        change('closed', 'status', 'mitigating', 'closed', later),
        change('reopened', 'status', 'closed', 'open', during),
        // closed before the window, reopened and resolved again in it: it was not open at the start
        change('flip', 'status', 'open', 'closed', before),
        change('flip', 'status', 'closed', 'open', during),
        change('flip', 'status', 'open', 'resolved', later),
      ],
    });
    expect(ids(s.risks.closed)).toEqual(['closed']);
    expect(s.count).toBe(1);
  });

  it('since last meeting: a risk created and closed in the window counts as closed only', () => {
    const s = summary({ raidItems: [risk('brief', { status: 'accepted' })], raidChanges: [created('brief', during), change('brief', 'status', 'open', 'accepted', later)] });
    expect(ids(s.risks.closed)).toEqual(['brief']);
    expect(s.risks.added).toEqual([]);
  });

  it('since last meeting: deleted items: removed in the window shows as deleted; created and deleted in it shows nothing', () => {
    const s = summary({
      raidItems: [],
      raidChanges: [
        created('gone'),
        change('gone', 'title', 'Risk gone', 'Vendor insolvency', before),
        change('gone', 'likelihood', null, '5', before),
        change('gone', 'impact', null, '4', before),
        change('gone', 'deleted', 'Vendor insolvency', null, during),
        created('blip', during),
        change('blip', 'deleted', 'Risk blip', null, later),
      ],
    });
    expect(s.risks.removed).toEqual([expect.objectContaining({ id: 'gone', title: 'Vendor insolvency', band: 'critical', deleted: true })]);
    expect(s.count).toBe(1);
  });

  it('since last meeting: an item deleted after the window still counts, shown as deleted', () => {
    const s = summary({ raidChanges: [created('r', during), change('r', 'deleted', 'Risk r', null, after)] });
    expect(s.risks.added).toEqual([expect.objectContaining({ id: 'r', title: 'Risk r', deleted: true })]);
  });
});

describe('since last meeting: milestones', () => {
  const milestone = (id: string, end: string, fields: Partial<MilestoneNow> = {}): MilestoneNow => ({ id, title: `Milestone ${id}`, status: 'planned', end, updatedAt: before, ...fields });
  const move = (itemId: string, fromValue: string, toValue: string, changedAt: Date, field = 'end'): PlanDateChangeRow => ({ itemId, itemTitle: `Milestone ${itemId}`, field, fromValue, toValue, changedAt });

  it('since last meeting: an end date moved later slipped, earlier moved, by the net days', () => {
    const s = summary({
      milestones: [milestone('late', '2026-12-15'), milestone('early', '2026-12-01')],
      dateChanges: [move('late', '2026-12-01', '2026-12-08', during), move('late', '2026-12-08', '2026-12-15', later), move('early', '2026-12-05', '2026-12-01', during)],
    });
    expect(s.milestones.slipped).toEqual([{ id: 'late', title: 'Milestone late', from: '2026-12-01', to: '2026-12-15', days: 14 }]);
    expect(s.milestones.moved).toEqual([{ id: 'early', title: 'Milestone early', from: '2026-12-05', to: '2026-12-01', days: -4 }]);
  });

  it('since last meeting: several moves of one milestone that net out are not listed; a start move alone is not a slip', () => {
    const s = summary({
      milestones: [milestone('m', '2026-12-01'), milestone('s', '2026-12-01')],
      dateChanges: [move('m', '2026-12-01', '2026-12-20', during), move('m', '2026-12-20', '2026-12-01', later), move('s', '2026-11-20', '2026-11-25', during, 'start')],
    });
    expect(s.milestones).toEqual({ slipped: [], moved: [], done: [] });
  });

  it('since last meeting: a move after the window is left out, and the window end date is the one shown', () => {
    const s = summary({
      milestones: [milestone('m', '2027-01-10')],
      dateChanges: [move('m', '2026-12-01', '2026-12-05', during), move('m', '2026-12-05', '2027-01-10', after)],
    });
    expect(s.milestones.slipped).toEqual([expect.objectContaining({ from: '2026-12-01', to: '2026-12-05', days: 4 })]);
  });

  it('since last meeting: a milestone created in the window is not a slip; one done in the window is done', () => {
    const s = summary({
      milestones: [milestone('new', '2026-12-20'), milestone('done', '2026-11-05', { status: 'done', updatedAt: during }), milestone('doneBefore', '2026-10-01', { status: 'done', updatedAt: before })],
      dateChanges: [move('new', '', '2026-12-01', during, 'created'), move('new', '2026-12-01', '2026-12-20', later)],
    });
    expect(s.milestones.slipped).toEqual([]);
    expect(ids(s.milestones.done)).toEqual(['done']);
  });
});

describe('since last meeting: actions and updates', () => {
  const action = (id: string, fields: Partial<ActionRow>): ActionRow => ({ meetingId: 'm1', id, title: `Action ${id}`, ownerId: 'u1', due: null, status: 'open', doneAt: null, ...fields });

  it('since last meeting: actions done in the window, and overdue as they stood at its end', () => {
    const s = summary({
      actions: [
        action('doneIn', { status: 'done', doneAt: during, due: '2026-11-03' }),
        action('doneBefore', { status: 'done', doneAt: before }),
        action('late', { due: '2026-11-08' }),
        action('dueThatDay', { due: '2026-11-09' }),
        action('doneAfterWindow', { due: '2026-11-05', status: 'done', doneAt: after }),
      ],
    });
    expect(ids(s.actions.done)).toEqual(['doneIn']);
    expect(ids(s.actions.overdue)).toEqual(['doneAfterWindow', 'late']);
  });

  it('since last meeting: status updates published in the window, oldest first', () => {
    const s = summary({
      updates: [
        { id: 'u2', health: 'at_risk', publishedAt: later },
        { id: 'u1', health: 'on_track', publishedAt: during },
        { id: 'u0', health: 'on_track', publishedAt: window.from },
      ],
    });
    expect(ids(s.updates)).toEqual(['u1', 'u2']);
    expect(s.count).toBe(2);
  });
});
