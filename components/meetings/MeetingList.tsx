// A project's meetings grouped by series (weekly sync, risk review, steering committee, ad hoc),
// upcoming first (soonest at the top), then past ones (latest first), each with its state.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { meetingSeries, seriesCadence, seriesLabels, type MeetingSeries, type MeetingState } from '@/server/domain/meeting';
import { formatMeetingTime } from './MeetingHeading';

export interface MeetingListEntry {
  id: string;
  title: string;
  startsAt: string;
  series: MeetingSeries;
  state: MeetingState;
}

function cadenceLabel(series: MeetingSeries): string {
  const cadence = seriesCadence[series];
  if (!cadence) return 'No cadence';
  if ('months' in cadence) return cadence.months === 1 ? 'Monthly' : `Every ${cadence.months} months`;
  return cadence.days === 7 ? 'Weekly' : `Every ${cadence.days / 7} weeks`;
}

export function MeetingList({ projectId, meetings, now }: { projectId: string; meetings: MeetingListEntry[]; now: string }) {
  const groups = meetingSeries.map((series) => ({ series, meetings: meetings.filter((m) => m.series === series) })).filter((g) => g.meetings.length);
  if (!groups.length) {
    return <p className="rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-muted">No meetings yet. Plan the first one with the form.</p>;
  }
  return (
    <div className="space-y-8">
      {groups.map(({ series, meetings: ofSeries }) => {
        const upcoming = ofSeries.filter((m) => m.startsAt >= now && m.state === 'open').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
        const past = ofSeries.filter((m) => !upcoming.includes(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
        return (
          <section key={series} aria-labelledby={`series-${series}`}>
            <div className="mb-2 flex items-baseline gap-2">
              <h2 id={`series-${series}`} className="text-sm font-semibold text-ink">
                {seriesLabels[series]}
              </h2>
              <span className="text-xs text-muted">{cadenceLabel(series)}</span>
            </div>
            <div className="space-y-3">
              {upcoming.length ? <MeetingRows label="Upcoming" projectId={projectId} meetings={upcoming} /> : null}
              {past.length ? <MeetingRows label="Past" projectId={projectId} meetings={past} /> : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function MeetingRows({ label, projectId, meetings }: { label: string; projectId: string; meetings: MeetingListEntry[] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium tracking-wide text-muted uppercase">{label}</h3>
      <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
        {meetings.map((m) => (
          <li key={m.id}>
            <Link href={`/p/${projectId}/meetings/${m.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 transition-colors hover:bg-hover focus-visible:bg-hover">
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-ink">{m.title}</span>
                <span className="text-xs text-muted">{formatMeetingTime(m.startsAt)}</span>
              </span>
              {m.state === 'ended' ? <Badge>Ended</Badge> : <Badge tone="border-accent/30 bg-accent-soft text-accent-ink">Open</Badge>}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
