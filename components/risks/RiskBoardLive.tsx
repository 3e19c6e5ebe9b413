'use client';
// The risk board page's client root: first paint from the server's items (read-only, "Connecting…"),
// then the live connection, loaded only in the browser because it is the one module that imports
// Yjs (a second copy of Yjs in the server bundle breaks its constructor checks).
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { RiskPrefill } from '@/server/domain/resourceProblems';
import type { RaidItem } from '@/server/domain/risk';
import type { ProjectRole } from '@/server/domain/roles';
import { useRefreshOnReconnect } from '@/components/live/useRefreshOnReconnect';
import { colorForUser } from '@/components/ui/avatar';
import { RiskBoard } from './RiskBoard';
import type { PlanItemOption } from './RiskEditor';
import type { MemberOption } from './RiskTable';
import type { LiveBoardState } from './model';

const LiveRiskBoardConnector = dynamic(() => import('./LiveRiskBoardConnector'), { ssr: false });

const notConnected: LiveBoardState = { items: null, actions: null, presence: [], status: 'connecting', refusal: null, changedByOthers: null };

export function RiskBoardLive({
  projectId,
  workspaceId,
  role,
  me,
  members,
  initialItems,
  planItems,
  draftFromAddress,
}: {
  projectId: string;
  workspaceId?: string;
  role: ProjectRole;
  me: { id: string; name: string };
  members: MemberOption[];
  initialItems: RaidItem[];
  planItems?: PlanItemOption[];
  /** A risk drafted elsewhere (a tech alert) that the address asks the board to open for review. */
  draftFromAddress?: RiskPrefill | null;
}) {
  const [live, setLive] = useState<LiveBoardState>(notConnected);
  const user = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);

  useRefreshOnReconnect(live.status, live.items !== null);
  return (
    <>
      <LiveRiskBoardConnector projectId={projectId} user={user} onChange={setLive} />
      <RiskBoard
        projectId={projectId}
        workspaceId={workspaceId}
        role={role}
        members={members}
        items={live.items ?? initialItems}
        actions={live.actions}
        presence={live.presence}
        status={live.status}
        refusal={live.refusal}
        changedByOthers={live.changedByOthers}
        planItems={planItems}
        draftFromAddress={draftFromAddress}
      />
    </>
  );
}
