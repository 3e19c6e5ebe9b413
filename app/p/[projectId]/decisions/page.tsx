// The project's decision log: what its meetings decided, searchable, filtered by linked item.
import type { Metadata } from 'next';
import { DecisionLog } from '@/components/meetings/DecisionLog';
import { linkTargets } from '@/components/meetings/linkTargets';
import { serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Decisions' };

export default async function DecisionsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ link?: string }> }) {
  const project = await loadProject((await params).projectId);
  const { link } = await searchParams;
  const caller = await serverCaller();
  const [decisions, meetings, raid, plan] = await Promise.all([
    caller.decision.list({ projectId: project.id }),
    caller.meeting.list({ projectId: project.id }),
    caller.raid.list({ projectId: project.id }),
    caller.plan.get({ projectId: project.id }),
  ]);
  const titles = new Map(meetings.map((m) => [m.id, m.title]));
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-6 sm:px-6">
      <h2 className="mb-4 text-lg font-semibold tracking-tight">Decisions</h2>
      <DecisionLog
        projectId={project.id}
        targets={linkTargets(project.id, raid, plan)}
        initialLink={typeof link === 'string' ? link.slice(0, 100) : undefined}
        decisions={decisions.map((d) => ({
          id: d.id,
          text: d.text,
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
          links: d.links,
          meetingId: d.meetingId,
          meetingTitle: titles.get(d.meetingId) ?? null,
        }))}
      />
    </div>
  );
}
