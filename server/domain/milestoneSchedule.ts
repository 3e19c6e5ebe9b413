// Whether a milestone is behind schedule, and behind what: the one answer the public milestones
// table and the drafted update both give, so an update never calls a milestone "slipped" while the
// table beside it says "On schedule". The reference is the latest baseline's date for the milestone
// when the plan has a baseline that froze it, otherwise the date it was first planned for.
import { slippageDays } from './plan';

export interface ScheduleReference {
  /** YYYY-MM-DD the milestone is measured against. */
  date: string;
  against: 'baseline' | 'first_planned';
  /** The baseline's name, when `against` is `baseline`. */
  baselineName?: string;
}

/**
 * Each milestone's reference date: the baseline's frozen end when the baseline has the milestone,
 * else its first planned end (from the date history); milestones with neither are absent.
 */
export function scheduleReferences(
  milestoneIds: readonly string[],
  baseline: { name: string; dates: Record<string, { end: string }> } | null,
  firstPlannedEnd: ReadonlyMap<string, string>,
): Map<string, ScheduleReference> {
  const references = new Map<string, ScheduleReference>();
  for (const id of milestoneIds) {
    const frozen = baseline?.dates[id];
    if (frozen) references.set(id, { date: frozen.end, against: 'baseline', baselineName: baseline!.name });
    else if (firstPlannedEnd.has(id)) references.set(id, { date: firstPlannedEnd.get(id)!, against: 'first_planned' });
  }
  return references;
}

/** Days later than the reference (0 when on or ahead of it, or with no reference). */
export function daysBehind(currentEnd: string, reference: ScheduleReference | undefined): number {
  return reference ? Math.max(0, slippageDays(reference.date, currentEnd)) : 0;
}

/** "baseline “Kick-off”" or "first planned date (2027-03-01)": what a slip is counted against. */
export function describeReference(reference: ScheduleReference): string {
  return reference.against === 'baseline' ? `baseline “${reference.baselineName}”` : `first planned date (${reference.date})`;
}

/** The same sentence in the draft and (as a tooltip and caption) in the public table. */
export function describeScheduleSlip(currentEnd: string, reference: ScheduleReference | undefined): string {
  if (!reference) return 'no earlier date to compare with';
  const days = daysBehind(currentEnd, reference);
  return days > 0 ? `${days} day${days === 1 ? '' : 's'} behind its ${describeReference(reference)}` : `on schedule against its ${describeReference(reference)}`;
}
