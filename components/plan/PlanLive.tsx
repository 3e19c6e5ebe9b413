'use client';
// The plan page's client root: first paint from the server's projection (read-only,
// "Connecting…"), then the live connection, loaded only in the browser because it is the one
// module that imports Yjs.
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectRole } from '@/server/domain/roles';
import type { PlanRisk } from '@/server/routers/plan';
import { colorForUser } from '@/components/ui/avatar';
import { PlanBoard } from './PlanBoard';
import type { LivePlanState, PlanContent } from './model';

const LivePlanConnector = dynamic(() => import('./LivePlanConnector'), { ssr: false });

const notConnected: LivePlanState = { content: null, actions: null, presence: [], status: 'connecting', refusal: null };

export function PlanLive({
  projectId,
  role,
  me,
  members,
  initialContent,
  risks,
  today,
}: {
  projectId: string;
  role: ProjectRole;
  me: { id: string; name: string };
  members: { userId: string; name: string }[];
  initialContent: PlanContent;
  risks: PlanRisk[];
  today: string;
}) {
  const [live, setLive] = useState<LivePlanState>(notConnected);
  const user = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);

  // After a reconnect (e.g. the server closed the socket because the role changed), re-read the
  // page so the role and members are current.
  const router = useRouter();
  const connected = live.status === 'saved' || live.status === 'saving';
  const synced = live.content !== null;
  const wasConnected = useRef(false);
  const wasLive = useRef(false);
  useEffect(() => {
    if (connected && synced) {
      if (!wasConnected.current && wasLive.current) router.refresh();
      wasLive.current = true;
    }
    wasConnected.current = connected;
  }, [connected, synced, router]);

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
        today={today}
      />
    </>
  );
}
