'use client';
// The plan page's client root: first paint from the server's projection (read-only,
// "Connecting…"), then the live connection, loaded only in the browser because it is the one
// module that imports Yjs. The risks threatening plan items come from the risk board's
// projection, read again every few seconds.
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { ProjectRole } from '@/server/domain/roles';
import type { PlanRisk } from '@/server/routers/plan';
import type { PlanStaffing } from '@/server/domain/planStaffing';
import type { ProjectStandards } from '@/server/data/standards';
import { useRefreshOnReconnect } from '@/components/live/useRefreshOnReconnect';
import { useTRPC } from '@/components/trpc/client';
import { colorForUser } from '@/components/ui/avatar';
import { PlanBoard } from './PlanBoard';
import type { LivePlanState, PlanContent } from './model';

const LivePlanConnector = dynamic(() => import('./LivePlanConnector'), { ssr: false });

/** How often the risks threatening plan items are read again (they live on the risk board). */
const risksRefreshMs = 5_000;

const notConnected: LivePlanState = { content: null, actions: null, presence: [], status: 'connecting', refusal: null, movedByOthers: new Set() };

export function PlanLive({
  projectId,
  role,
  me,
  members,
  initialContent,
  risks: initialRisks,
  today,
  workspaceId,
  staffing,
  standards,
}: {
  projectId: string;
  role: ProjectRole;
  me: { id: string; name: string };
  members: { userId: string; name: string }[];
  initialContent: PlanContent;
  risks: PlanRisk[];
  today: string;
  workspaceId: string;
  /** Who works on each workstream, as the server read it; null when it could not be read. */
  staffing: PlanStaffing | null;
  /** Each milestone's technical standards, as the server read them; null when they could not be read. */
  standards: ProjectStandards | null;
}) {
  const [live, setLive] = useState<LivePlanState>(notConnected);
  const user = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);

  useRefreshOnReconnect(live.status, live.content !== null);
  const trpc = useTRPC();
  const risks = useQuery({ ...trpc.plan.risks.queryOptions({ projectId }), initialData: initialRisks, staleTime: risksRefreshMs, refetchInterval: risksRefreshMs }).data;

  return (
    <>
      <LivePlanConnector projectId={projectId} user={user} onChange={setLive} />
      <PlanBoard
        projectId={projectId}
        role={role}
        members={members}
        content={live.content ?? initialContent}
        risks={risks}
        actions={live.actions}
        presence={live.presence}
        status={live.status}
        refusal={live.refusal}
        movedByOthers={live.movedByOthers}
        today={today}
        workspaceId={workspaceId}
        initialStaffing={staffing}
        initialStandards={standards}
      />
    </>
  );
}
