'use client';
// Running the meeting: the facilitator makes the first item current, moves on with "Next item" and
// stops; everyone sees which item is current (highlighted on the agenda, named here with its timer).
import { Button } from '@/components/ui/button';
import type { MeetingBoard } from '@/server/collab/boards/meetingDocument';
import { AgendaTimer } from './AgendaTimer';
import type { MeetingBoardActions } from './model';

export function RunControls({ board, canEdit, actions }: { board: MeetingBoard; canEdit: boolean; actions: MeetingBoardActions | null }) {
  const { currentItemId, currentStartedAt } = board.meta;
  const index = board.agenda.findIndex((i) => i.id === currentItemId);
  const current = index === -1 ? null : board.agenda[index]!;
  const last = index === board.agenda.length - 1;

  return (
    <div role="region" aria-label="Now discussing" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-line bg-sunken px-3 py-2">
      <p aria-live="polite" data-testid="current-item" className="min-w-0 flex-1 text-sm">
        {current ? (
          <>
            <span className="text-muted">
              Now ({index + 1} of {board.agenda.length}):{' '}
            </span>
            <span className="font-semibold text-ink">{current.fields.title}</span>
          </>
        ) : (
          <span className="text-muted">{board.meta.state === 'ended' ? 'The meeting has ended.' : 'Not running: no agenda item is current.'}</span>
        )}
      </p>
      {current && currentStartedAt ? <AgendaTimer startedAt={currentStartedAt} timeBoxMinutes={current.fields.timeBoxMinutes} /> : null}
      {canEdit && actions ? (
        <div className="flex gap-2">
          {current ? (
            <>
              <Button size="sm" variant="primary" onClick={() => actions.nextItem()}>
                {last ? 'Finish agenda' : 'Next item'}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => actions.runItem(null)}>
                Stop
              </Button>
            </>
          ) : board.agenda.length ? (
            <Button size="sm" variant="primary" onClick={() => actions.runItem(board.agenda[0]!.id)}>
              Run the agenda
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
