'use client';
// Who works on the plan: each workstream's people with their hours a week, flagged when one of
// them is over-allocated (all projects counted) or on leave while on it, and a warning on each
// milestone whose workstreams are under-staffed. Read from resources.forPlan (the allocations live
// on the workspace's people page, linked here); read again after the plan's dates change and
// whenever the people board signals a change of the workspace's resources (useResourcesLive), with
// a slow poll only while that signal's socket is down. Flags are words, never colour alone.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, type ReactElement } from 'react';
import { useResourcesLive } from '@/components/live/resourcesLive';
import { formatDay } from '@/server/domain/dates';
import type { MilestoneStaffing, ProjectPerson, PlanStaffing as Staffing, WorkstreamPerson, WorkstreamStaffing } from '@/server/domain/planStaffing';
import { weekStartText } from '@/server/domain/weekText';
import { useTRPC } from '@/components/trpc/client';
import { Badge } from '@/components/ui/badge';


const overTone = 'border-danger/40 bg-danger-soft text-danger';
const leaveTone = 'border-medium/40 bg-medium-soft text-medium-ink';
/** A flag is a sentence ("Over-allocated in the weeks of 4 Jan 2027, 11 Jan 2027 and 9 more"): on a phone it wraps inside its card rather than sticking out of the page. */
export const flagWrap = 'h-auto min-h-5 max-w-full whitespace-normal break-words py-0.5';

function range(from: string, to: string): string {
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}

/**
 * Weeks by their Mondays, never as ISO codes: "the week of 14 Dec 2026", "the weeks of 14 Dec 2026,
 * 4 Jan 2027 and 3 more". `weekStarts` are Mondays, in order.
 */
export function weeksText(weekStarts: readonly string[]): string {
  const days = weekStarts.map(weekStartText);
  if (days.length === 1) return `the week of ${days[0]}`;
  if (days.length <= 3) return `the weeks of ${days.slice(0, -1).join(', ')} and ${days.at(-1)}`;
  return `the weeks of ${days.slice(0, 2).join(', ')} and ${days.length - 2} more`;
}

/**
 * resources.forPlan, kept fresh: read again a moment after the plan's dates change (the projection
 * writes shortly after an edit) and at each change signalled by the people board. Render
 * `connector` once (it opens the signal in the browser).
 */
export function usePlanStaffing(projectId: string, workspaceId: string | undefined, initial: Staffing | null, datesKey: string): { staffing: Staffing | null; connector: ReactElement | null } {
  const trpc = useTRPC();
  const options = trpc.resources.forPlan.queryOptions({ projectId });
  // The signal calls refetch through a ref: the query is created below with the poll it decides.
  const live = useResourcesLive(workspaceId, () => query.refetch());
  const query = useQuery({ ...options, initialData: initial ?? undefined, refetchInterval: live.pollMs });
  const { refetch } = query;
  useEffect(() => {
    const timer = setTimeout(() => void refetch(), 1000);
    return () => clearTimeout(timer);
  }, [datesKey, refetch]);
  return { staffing: query.data ?? null, connector: live.connector };
}

/** One person on a workstream: "Ana Lima, 30 h/week", then what to look at. */
export function StaffedPerson({ person, testId = 'staffed-person', periods }: { person: WorkstreamPerson; testId?: string; periods?: ProjectPerson['periods'] }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid={testId} data-over-weeks={person.overWeeks.join(' ') || undefined}>
      <span className="font-medium">{person.name}</span>
      <span className="text-muted">{person.hoursPerWeek} h/week</span>
      {periods?.length ? <span className="text-muted">{periods.map((p) => range(p.from, p.to)).join(', ')}</span> : null}
      {person.overWeeks.length ? (
        <Badge tone={overTone} className={flagWrap} title={`Over-allocated in the weeks of ${person.overWeekStarts.map(weekStartText).join(', ')}, all projects counted`}>
          Over-allocated in {weeksText(person.overWeekStarts)}
        </Badge>
      ) : null}
      {person.leaveDays.map((leave) => (
        <Badge key={`${leave.from}${leave.to}`} tone={leaveTone} className={flagWrap}>
          On leave {range(leave.from, leave.to)}
          {leave.reason ? ` (${leave.reason})` : ''}
        </Badge>
      ))}
    </li>
  );
}

export function WorkstreamPeople({ workstream }: { workstream: WorkstreamStaffing }) {
  if (!workstream.people.length) return <p className="text-sm text-muted">Nobody is allocated to it yet.</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm" aria-label={`People on ${workstream.name}`}>
      {workstream.people.map((p) => (
        <StaffedPerson key={p.personId} person={p} />
      ))}
    </ul>
  );
}

/**
 * People allocated to the project but to none of its workstreams: they are not counted as working
 * on any workstream (an allocation says nothing about which one), so they are listed once here.
 */
export function AlsoOnProject({ people }: { people: ProjectPerson[] }) {
  if (!people.length) return null;
  return (
    <div className="mt-3" data-testid="also-on-project">
      <h3 className="text-sm font-semibold">Also on the project</h3>
      <p className="mb-1.5 text-xs text-muted">Allocated to the project but to no workstream: not counted on any workstream.</p>
      <ul className="flex flex-col gap-1 text-sm" aria-label="Also on the project, on no workstream">
        {people.map((p) => (
          <StaffedPerson key={p.personId} person={p} periods={p.periods} testId="project-person" />
        ))}
      </ul>
    </div>
  );
}

export function MilestoneWarning({ milestone }: { milestone: MilestoneStaffing }) {
  if (!milestone.understaffed) return null;
  return (
    <div className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="understaffed-milestone">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>Under-staffed: {milestone.name}
      </p>
      <ul className="mt-0.5 list-disc pl-5">
        {milestone.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

export function PlanStaffing({ staffing, workspaceId }: { staffing: Staffing | null; workspaceId: string }) {
  const understaffed = staffing?.milestones.filter((m) => m.understaffed) ?? [];
  const flagged = staffing?.workstreams.filter((w) => w.people.some((p) => p.overWeeks.length || p.leaveDays.length)).length ?? 0;
  return (
    <section aria-labelledby="staffing-heading" className="rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="staffing-heading" className="mr-auto text-base font-semibold">
          Who works on it
        </h2>
        <Link href={`/w/${workspaceId}/people`} className="text-sm font-medium text-accent hover:underline">
          People and allocations
        </Link>
      </div>
      {!staffing ? (
        <p className="mt-2 text-sm text-muted">Loading who works on each workstream…</p>
      ) : !staffing.workstreams.length ? (
        <p className="mt-2 text-sm text-muted">Add workstreams to the plan, then allocate people to them on the people page.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted" data-testid="staffing-summary">
            {understaffed.length ? `${understaffed.length} under-staffed milestone${understaffed.length === 1 ? '' : 's'}. ` : 'No milestone is under-staffed. '}
            {flagged ? `${flagged} workstream${flagged === 1 ? ' has' : 's have'} someone over-allocated or on leave.` : 'Nobody is over-allocated or on leave on a workstream.'}
          </p>
          {understaffed.length ? (
            <div className="mt-3 flex flex-col gap-2">
              {understaffed.map((m) => (
                <MilestoneWarning key={m.milestoneId} milestone={m} />
              ))}
            </div>
          ) : null}
          <ul className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-3 md:grid-cols-2" aria-label="Workstreams and their people">
            {staffing.workstreams.map((w) => (
              <li key={w.workstreamId} className="min-w-0 rounded-md border border-line p-3" data-testid="workstream-staffing">
                <h3 className="text-sm font-semibold break-words">{w.name}</h3>
                <p className="mb-1.5 text-xs text-muted">{range(w.from, w.to)}</p>
                <WorkstreamPeople workstream={w} />
              </li>
            ))}
          </ul>
          <AlsoOnProject people={staffing.alsoOnProject ?? []} />
        </>
      )}
    </section>
  );
}
