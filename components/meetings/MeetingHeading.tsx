// A meeting's title, series and time, as the board's heading.
import { seriesLabels, type MeetingSeries } from '@/server/domain/meeting';
import { Badge } from '@/components/ui/badge';

export interface MeetingSummary {
  id: string;
  projectId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  series: MeetingSeries;
  /** Members (userId) and the plan's stakeholders (stakeholderId), with their names. */
  attendees: { userId?: string; stakeholderId?: string; name: string }[];
}

export function formatMeetingTime(startsAt: string, durationMinutes?: number): string {
  const start = new Date(startsAt);
  const day = start.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = start.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return durationMinutes ? `${day}, ${time} · ${durationMinutes} min` : `${day}, ${time}`;
}

export function MeetingHeading({ meeting, ended }: { meeting: MeetingSummary; ended: boolean }) {
  return (
    <div className="min-w-0">
      <p className="text-xs text-muted">
        {seriesLabels[meeting.series]} · {formatMeetingTime(meeting.startsAt, meeting.durationMinutes)}
      </p>
      <div className="mt-0.5 flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold tracking-tight text-ink">{meeting.title}</h2>
        {ended ? <Badge>Ended</Badge> : null}
      </div>
    </div>
  );
}
