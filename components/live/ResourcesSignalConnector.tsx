'use client';
// The people board's change signal for pages other than the people page (the plan's "Who works on
// it", the risk board's "Resource problems"): opens `people:<workspaceId>` listening only (no
// presence: the tab is not shown on the grid), renders nothing, and hands up the revision and the
// connection status on each change. Load it with next/dynamic(..., { ssr: false }), through
// useResourcesLive (components/live/resourcesLive.tsx), the one way to keep Yjs out of the server bundle.
import type { ResourcesSignal } from './resourcesLive';
import { useReportState } from './useLiveBoard';
import { usePeopleBoard } from './usePeopleBoard';

/** Nobody: a listening tab announces no presence, so this name is never shown. */
const listener = { id: 'resources-signal', name: 'Resources signal', color: '#6366f1' };

export default function ResourcesSignalConnector({ workspaceId, onChange }: { workspaceId: string; onChange: (signal: ResourcesSignal) => void }) {
  const board = usePeopleBoard(workspaceId, listener, { listenOnly: true });
  useReportState(onChange, { revision: board.revision, status: board.status, refusal: board.refusal }, [board.revision, board.status, board.refusal]);
  return null;
}
