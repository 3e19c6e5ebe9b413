'use client';
// The people board for a server-rendered page: renders nothing, opens `people:<workspaceId>`
// (usePeopleBoard) and hands its state up on every change. Load it with
// next/dynamic(() => import('@/components/live/PeopleBoardConnector'), { ssr: false }), the one
// way to keep Yjs out of the server bundle; until it connects, show peopleBoardNotConnected.
import type { PeopleBoardState } from './gridPresence';
import type { PresenceUser } from './presence';
import { useReportState } from './useLiveBoard';
import { usePeopleBoard } from './usePeopleBoard';

export default function PeopleBoardConnector({
  workspaceId,
  user,
  onChange,
}: {
  workspaceId: string;
  user: PresenceUser;
  onChange: (state: PeopleBoardState) => void;
}) {
  const board = usePeopleBoard(workspaceId, user);
  useReportState(onChange, board, [board.revision, board.present, board.others, board.setFocus, board.status, board.refusal]);
  return null;
}
