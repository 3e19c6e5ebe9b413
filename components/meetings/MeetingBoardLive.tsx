'use client';
// The meeting board page's client root: joins the live document (loaded in the browser only,
// the one place with the notes editor that imports Yjs) and lays the board out.
import dynamic from 'next/dynamic';
import { useMemo, useState, type ReactNode } from 'react';
import { useRefreshOnReconnect } from '@/components/live/useRefreshOnReconnect';
import { colorForUser } from '@/components/ui/avatar';
import type { ProjectRole } from '@/server/domain/roles';
import type { KnownAction } from './AgendaList';
import { MeetingBoard } from './MeetingBoard';
import type { MeetingSummary } from './MeetingHeading';
import type { LinkTarget, LiveMeetingState, MemberOption } from './model';

const LiveMeetingConnector = dynamic(() => import('./LiveMeetingConnector'), { ssr: false });
const MeetingNotes = dynamic(() => import('./MeetingNotes'), {
  ssr: false,
  loading: () => <p className="rounded-lg border border-line bg-surface px-4 py-6 text-sm text-muted">Opening the notes…</p>,
});

const RiskReview = dynamic(() => import('./RiskReview'), { ssr: false });

const notConnected: LiveMeetingState = { board: null, actions: null, doc: null, awareness: null, presence: [], status: 'connecting', refusal: null };

export function MeetingBoardLive({
  meeting,
  role,
  me,
  members,
  targets,
  knownActions,
  today,
  endedTools,
  endMeeting,
  since,
  details,
}: {
  meeting: MeetingSummary;
  role: ProjectRole;
  me: { id: string; name: string };
  members: MemberOption[];
  targets: LinkTarget[];
  knownActions: KnownAction[];
  today: string;
  endedTools: ReactNode;
  endMeeting: ReactNode;
  since?: ReactNode;
  details?: ReactNode;
}) {
  const [live, setLive] = useState<LiveMeetingState>(notConnected);
  const user = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);
  useRefreshOnReconnect(live.status, live.board !== null);
  const [reviewing, setReviewing] = useState(false);

  const editable = role !== 'viewer' && live.board?.meta.state === 'open';
  const notes =
    live.doc && live.awareness ? (
      <MeetingNotes doc={live.doc} awareness={live.awareness} user={user} members={members} editable={editable} />
    ) : (
      <p className="rounded-lg border border-line bg-surface px-4 py-6 text-sm text-muted">Opening the notes…</p>
    );

  const riskReview = live.doc ? (
    <section aria-label="Risk review" className="space-y-3">
      <button
        type="button"
        aria-expanded={reviewing}
        onClick={() => setReviewing((open) => !open)}
        className="text-sm font-semibold text-accent-ink hover:underline"
      >
        {reviewing ? 'Close the risk review' : 'Review risks one by one'}
      </button>
      {reviewing ? <RiskReview projectId={meeting.projectId} meetingDoc={live.doc} user={user} members={members} canEdit={editable} /> : null}
    </section>
  ) : null;

  return (
    <>
      <LiveMeetingConnector meetingId={meeting.id} user={user} onChange={setLive} />
      <MeetingBoard
        meeting={meeting}
        role={role}
        live={live}
        members={members}
        targets={targets}
        knownActions={knownActions}
        today={today}
        notes={notes}
        endedTools={endedTools}
        endMeeting={endMeeting}
        since={since}
        riskReview={riskReview}
        details={details}
      />
    </>
  );
}
