'use client';
// The meeting board's layout: the header (title, when, who is here, save state, end / reopen /
// export), the run controls, then the agenda and notes beside the decisions and actions (one
// column on a phone). Writable for editors while the meeting is open; read-only otherwise.
import type { ReactNode } from 'react';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { SaveIndicator } from '@/components/live/SaveIndicator';
import { ErrorMessage } from '@/components/ui/alert';
import type { ProjectRole } from '@/server/domain/roles';
import { ActionsPanel } from './ActionsPanel';
import { AgendaList, type KnownAction } from './AgendaList';
import { DecisionsPanel } from './DecisionsPanel';
import { MeetingHeading, type MeetingSummary } from './MeetingHeading';
import type { LinkTarget, LiveMeetingState, MemberOption } from './model';
import { RunControls } from './RunControls';

export function MeetingBoard({
  meeting,
  role,
  live,
  members,
  targets,
  knownActions,
  today,
  notes,
  endedTools,
  endMeeting,
  since,
  riskReview,
  details,
}: {
  meeting: MeetingSummary;
  role: ProjectRole;
  live: LiveMeetingState;
  members: MemberOption[];
  targets: LinkTarget[];
  knownActions: KnownAction[];
  today: string;
  /** The notes editor (loaded in the browser only). */
  notes: ReactNode;
  /** Export and reopen, shown once the meeting has ended. */
  endedTools: ReactNode;
  /** "End meeting", for editors and owners (null for viewers). */
  endMeeting: ReactNode;
  /** "Since last meeting", computed on the server. */
  since?: ReactNode;
  /** Risk review mode (loaded in the browser only), under the agenda. */
  riskReview?: ReactNode;
  /** Attendees, and editing or deleting the meeting itself. */
  details?: ReactNode;
}) {
  const { board, actions } = live;
  const ended = board?.meta.state === 'ended';
  const canEdit = role !== 'viewer' && !ended && actions !== null;

  return (
    <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <MeetingHeading meeting={meeting} ended={ended} />
        <div className="flex items-center gap-3">
          <PresenceAvatars peers={live.presence} label="In this meeting" />
          <SaveIndicator status={live.status} />
        </div>
      </div>
      {details}
      <ErrorMessage>{live.refusal}</ErrorMessage>
      {role === 'viewer' ? <p className="text-sm text-muted">You can read this meeting; editors and owners write on it.</p> : null}
      {ended ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-sunken px-3 py-2 text-sm">
          <span className="flex-1 text-muted">This meeting has ended: the minutes are frozen and read-only.</span>
          {endedTools}
        </div>
      ) : null}

      {since}
      {board ? (
        <>
          <RunControls board={board} canEdit={canEdit} actions={actions} />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="space-y-6">
              <AgendaList
                agenda={board.agenda}
                currentItemId={board.meta.currentItemId}
                currentStartedAt={board.meta.currentStartedAt}
                canEdit={canEdit}
                actions={actions}
                members={members}
                targets={targets}
                knownActions={knownActions}
              />
              {riskReview}
              <section aria-labelledby="notes-heading" className="space-y-3">
                <h2 id="notes-heading" className="text-sm font-semibold text-ink">
                  Notes
                </h2>
                {notes}
              </section>
            </div>
            <div className="space-y-6">
              <DecisionsPanel decisions={board.decisions} canEdit={canEdit} actions={actions} targets={targets} today={today} />
              <ActionsPanel items={board.actions} canEdit={canEdit} actions={actions} members={members} targets={targets} today={today} />
            </div>
          </div>
          {endMeeting && !ended && actions ? <div className="flex justify-end border-t border-line pt-4">{endMeeting}</div> : null}
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-muted" aria-busy="true">
          Opening the board…
        </p>
      )}
    </div>
  );
}
