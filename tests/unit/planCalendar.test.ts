// The plan's milestones as an iCalendar file: one all-day event per milestone with a stable UID,
// its status in words, the link it was given, cancelled when missed; an empty plan is still a
// valid calendar, and a date the calendar cannot hold is an error, not a broken file.
import { describe, expect, it } from 'vitest';
import { milestonesCalendar, type CalendarMilestone } from '@/server/domain/planCalendar';

const milestone = (over: Partial<CalendarMilestone> = {}): CalendarMilestone => ({
  id: 'm1',
  kind: 'milestone',
  title: 'Beta launch',
  description: '',
  status: 'planned',
  end: '2026-03-14',
  ...over,
});

/** The unfolded property lines of the calendar (RFC 5545 folds long lines with CRLF + space). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('milestonesCalendar', () => {
  it('writes one all-day event per milestone, workstreams left out, with a stable UID and the member link', () => {
    const ics = milestonesCalendar(
      'Atlas',
      'p1',
      [milestone(), { ...milestone({ id: 'w1', title: 'Build the API' }), kind: 'workstream' }],
      'https://waymark.test',
    );
    const all = lines(ics);
    expect(all.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(all).toContain('UID:m1@waymark-plan-p1');
    expect(all).toContain('SUMMARY:Beta launch');
    expect(all).toContain('DTSTART;VALUE=DATE:20260314');
    expect(all).toContain('URL:https://waymark.test/p/p1/plan?item=m1');
    expect(all).toContain('X-WR-CALNAME:Atlas · milestones');
    expect(all).toContain('PRODID:waymark/plan');
    expect(all).toContain('STATUS:CONFIRMED');
    expect(all).toContain('DESCRIPTION:Status: Planned');
    expect(ics).not.toContain('Build the API');
  });

  it('puts the status before the description, and marks a missed milestone cancelled', () => {
    const all = lines(milestonesCalendar('Atlas', 'p1', [milestone({ status: 'missed', description: 'Slipped a sprint' })], 'https://w.test'));
    expect(all).toContain('DESCRIPTION:Status: Missed\\n\\nSlipped a sprint');
    expect(all).toContain('STATUS:CANCELLED');
    const atRisk = lines(milestonesCalendar('Atlas', 'p1', [milestone({ status: 'at_risk' })], 'https://w.test'));
    expect(atRisk).toContain('DESCRIPTION:Status: At risk');
    expect(atRisk).toContain('STATUS:CONFIRMED');
  });

  it('links each event where the caller says (the public calendar links to the status page)', () => {
    const all = lines(milestonesCalendar('Atlas', 'p1', [milestone()], 'https://w.test', (m) => `https://w.test/status/atlas#${m.id}`));
    expect(all).toContain('URL:https://w.test/status/atlas#m1');
  });

  it('is still a valid, named calendar when the plan has no milestone', () => {
    expect(milestonesCalendar('Atlas', 'p1', [], 'https://w.test')).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:waymark/plan\r\nX-WR-CALNAME:Atlas · milestones\r\nEND:VCALENDAR\r\n',
    );
  });

  it('throws on a date the calendar cannot hold instead of writing a broken file', () => {
    expect(() => milestonesCalendar('Atlas', 'p1', [milestone({ end: '2026-13-45' })], 'https://w.test')).toThrow();
  });
});
