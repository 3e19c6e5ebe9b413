// The milestones of a plan as an iCalendar file (RFC 5545), generated with the `ics` package: one
// all-day event per milestone, with a stable UID so calendar apps update rather than duplicate.
import { createEvents, type EventAttributes } from 'ics';
import { planItemHref } from './itemLinks';
import type { PlanItem } from './plan';

const statusLabels: Record<PlanItem['status'], string> = { planned: 'Planned', at_risk: 'At risk', done: 'Done', missed: 'Missed' };

export type CalendarMilestone = Pick<PlanItem, 'id' | 'kind' | 'title' | 'description' | 'status' | 'end'>;

/**
 * `urlOf` is where each event links to: the plan with that milestone open for members (the
 * default), or the public status page for the public calendar, which also passes milestones
 * without their descriptions.
 */
export function milestonesCalendar<T extends CalendarMilestone>(
  projectName: string,
  projectId: string,
  items: readonly T[],
  appUrl: string,
  urlOf: (milestone: T) => string = (m) => `${appUrl}${planItemHref(projectId, m.id)}`,
): string {
  const milestones = items.filter((i) => i.kind === 'milestone');
  const events: EventAttributes[] = milestones.map((m) => {
    const [y, mo, d] = m.end.split('-').map(Number) as [number, number, number];
    return {
      uid: `${m.id}@waymark-plan-${projectId}`,
      title: m.title,
      description: [`Status: ${statusLabels[m.status]}`, m.description].filter(Boolean).join('\n\n'),
      start: [y, mo, d],
      duration: { days: 1 },
      url: urlOf(m),
      calName: `${projectName} · milestones`,
      productId: 'waymark/plan',
      status: m.status === 'missed' ? 'CANCELLED' : 'CONFIRMED',
    };
  });
  if (!events.length) {
    // `ics` refuses an empty list; a calendar with no events is still a valid subscription.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:waymark/plan', `X-WR-CALNAME:${projectName} · milestones`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(events);
  // Stryker disable next-line LogicalOperator,StringLiteral: `ics` returns an error or a value, never neither
  if (error || !value) throw error ?? new Error('the calendar could not be generated');
  return value;
}
