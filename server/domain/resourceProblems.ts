// A project's resource problems, as the risk board lists them: people on the project who are
// over-allocated (across every project) while they work on it, and weeks its staffing needs are
// short. Each becomes, on request, a prefilled resource risk for the person to review and save
// (riskPrefill). Plain functions; the resources.problems procedure reads what they need.
import { formatDay } from './dates';
import type { RaidFields } from './risk';
import { weekOfText } from './weekText';
import {
  describeWeeks,
  gapWeeksDuring,
  overlaps,
  weekRange,
  type DateRange,
  type GapWeek,
  type OverWeek,
  type ProjectAllocation,
  type StaffingWorkstream,
} from './planStaffing';

export type ResourceProblemKind = 'over-allocation' | 'staffing-gap';

export interface ResourceProblem {
  /** Stable while the problem lasts: `over:<personId>` or `gap:<needId>`. */
  id: string;
  kind: ResourceProblemKind;
  title: string;
  detail: string;
  personId?: string;
  /** The person's account, when they have one and are a member of the project (a risk owner must be). */
  ownerUserId?: string;
  /**
   * The workstream it threatens: for an over-allocation, the one of the plan its allocations are
   * tied to (the one most hit when several are); none when they are tied to none (never a guess
   * from dates). For a staffing gap, the workstream running most of its short weeks.
   */
  workstreamId?: string;
  /** ISO weeks, in order (machine codes: titles and details name weeks by their Mondays). */
  weeks: string[];
}

export interface ProblemPerson {
  id: string;
  name: string;
  userId: string | null;
}

/** A staffing need of the project (its weeks come as GapWeek rows). */
export interface ProblemNeed extends DateRange {
  id: string;
  skill: string;
  count: number;
  hoursPerWeek: number;
}

/** The risk board's title limit (server/domain/risk.ts). */
const titleLimit = 200;
const hours = (n: number) => `${Math.round(n * 10) / 10} h`;

function clipTitle(title: string): string {
  return title.length <= titleLimit ? title : `${title.slice(0, titleLimit - 1)}…`;
}

/** Of these workstreams, the one meeting most of the weeks (then the earliest); undefined when none meets any. */
export function workstreamMostHit(workstreams: readonly StaffingWorkstream[], weekStarts: readonly string[]): string | undefined {
  let best: { id: string; hits: number; from: string } | undefined;
  for (const w of workstreams) {
    const hits = weekStarts.filter((start) => overlaps(weekRange(start), w)).length;
    if (hits === 0) continue;
    if (!best || hits > best.hits || (hits === best.hits && w.from < best.from)) best = { id: w.id, hits, from: w.from };
  }
  return best?.id;
}

function overAllocation(
  person: ProblemPerson,
  theirAllocations: readonly ProjectAllocation[],
  overWeeks: readonly OverWeek[],
  workstreams: readonly StaffingWorkstream[],
  memberUserIds: ReadonlySet<string>,
): ResourceProblem | null {
  // Only the weeks they work on this project: an over week elsewhere is the other project's problem.
  const weeks = overWeeks
    .filter((w) => w.personId === person.id && theirAllocations.some((a) => overlaps(weekRange(w.weekStart), a)))
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  if (weeks.length === 0) return null;
  const worst = weeks.reduce((a, b) => (b.percent > a.percent ? b : a));
  const span = describeWeeks(weeks.map((w) => w.weekStart));
  // Only workstreams an over week's allocation is tied to: an allocation to the project as a whole
  // names no workstream, and the risk is then left unlinked rather than linked to a guess.
  const tiedInOverWeeks = theirAllocations.filter((a) => a.workstreamId !== null && weeks.some((w) => overlaps(weekRange(w.weekStart), a)));
  const onWorkstreams = workstreams.filter((w) => tiedInOverWeeks.some((a) => a.workstreamId === w.id && overlaps(a, w)));
  const worstLine =
    worst.capacityHours > 0
      ? `At the worst, the ${weekOfText(worst.weekStart)}, ${hours(worst.allocatedHours)} are allocated against a capacity of ${hours(worst.capacityHours)} (${worst.percent}%).`
      : `In the ${weekOfText(worst.weekStart)} ${hours(worst.allocatedHours)} are allocated while they have no capacity (time off or no working days).`;
  return {
    id: `over:${person.id}`,
    kind: 'over-allocation',
    title: clipTitle(`${person.name} is over-allocated in ${span}`),
    detail: `${person.name} has more work than time in ${weeks.length === 1 ? 'one week' : `${weeks.length} weeks`} while on this project, all projects counted. ${worstLine}`,
    personId: person.id,
    ownerUserId: person.userId && memberUserIds.has(person.userId) ? person.userId : undefined,
    workstreamId: workstreamMostHit(
      onWorkstreams,
      weeks.map((w) => w.weekStart),
    ),
    weeks: weeks.map((w) => w.week),
  };
}

function staffingGap(need: ProblemNeed, gapWeeks: readonly GapWeek[], workstreams: readonly StaffingWorkstream[]): ResourceProblem | null {
  const weeks = gapWeeksDuring(
    gapWeeks.filter((g) => g.needId === need.id),
    need,
  ).sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  if (weeks.length === 0) return null;
  const worst = weeks.reduce((a, b) => (b.gapHours > a.gapHours ? b : a));
  const span = describeWeeks(weeks.map((w) => w.weekStart));
  return {
    id: `gap:${need.id}`,
    kind: 'staffing-gap',
    title: clipTitle(`Short of ${need.skill} in ${span}`),
    detail:
      `The project needs ${need.count} × ${hours(need.hoursPerWeek)} a week of ${need.skill} from ${formatDay(need.from)} to ${formatDay(need.to)}. ` +
      `At the worst, the ${weekOfText(worst.weekStart)}, ${hours(worst.allocatedHours)} of ${hours(worst.neededHours)} are allocated: ${hours(worst.gapHours)} short.`,
    workstreamId: workstreamMostHit(
      workstreams,
      weeks.map((w) => w.weekStart),
    ),
    weeks: weeks.map((w) => w.week),
  };
}

/** Over-allocations (by person, earliest first), then staffing gaps (by need, earliest first). */
export function resourceProblems(input: {
  people: readonly ProblemPerson[];
  allocations: readonly ProjectAllocation[];
  workstreams: readonly StaffingWorkstream[];
  overWeeks: readonly OverWeek[];
  needs: readonly ProblemNeed[];
  gapWeeks: readonly GapWeek[];
  /** User ids of the project's members: only they can own a risk. */
  memberUserIds: ReadonlySet<string>;
}): ResourceProblem[] {
  const over = input.people
    .flatMap((person) => {
      const theirs = input.allocations.filter((a) => a.personId === person.id);
      return theirs.length ? (overAllocation(person, theirs, input.overWeeks, input.workstreams, input.memberUserIds) ?? []) : [];
    })
    .sort((a, b) => a.weeks[0]!.localeCompare(b.weeks[0]!) || a.title.localeCompare(b.title));
  const gaps = input.needs
    .flatMap((need) => staffingGap(need, input.gapWeeks, input.workstreams) ?? [])
    .sort((a, b) => a.weeks[0]!.localeCompare(b.weeks[0]!) || a.title.localeCompare(b.title));
  return [...over, ...gaps];
}

/** What "Create a risk from this" fills in: a resource risk for the person to review, rate and save. */
export type RiskPrefill = Pick<RaidFields, 'kind' | 'title' | 'description' | 'category' | 'ownerId' | 'threatens'>;

export const resourceRiskCategory = 'Resources';

export function riskPrefill(problem: Pick<ResourceProblem, 'title' | 'detail' | 'ownerUserId' | 'workstreamId'>): RiskPrefill {
  return {
    kind: 'risk',
    title: clipTitle(problem.title),
    description: problem.detail,
    category: resourceRiskCategory,
    ownerId: problem.ownerUserId ?? null,
    threatens: problem.workstreamId ? [problem.workstreamId] : [],
  };
}
