// A project's meetings, grouped by series, and the form to plan the next one.
import type { Metadata } from 'next';
import { MeetingList } from '@/components/meetings/MeetingList';
import { NewMeetingForm } from '@/components/meetings/NewMeetingForm';
import { serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Meetings' };

export default async function MeetingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  const canPlan = project.role !== 'viewer' && !project.archivedAt;
  const [meetings, plan] = await Promise.all([caller.meeting.list({ projectId: project.id }), canPlan ? caller.plan.get({ projectId: project.id }) : null]);
  // Who the form offers as attendees: the project's members and its plan's stakeholders.
  const choices = {
    members: project.members.map((m) => ({ userId: m.userId, name: m.name })),
    stakeholders: (plan?.stakeholders ?? []).map((s) => ({ id: s.id, name: s.name })),
  };
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div>
          <MeetingList
            projectId={project.id}
            meetings={meetings.map((m) => ({ id: m.id, title: m.title, startsAt: new Date(m.startsAt).toISOString(), series: m.series, state: m.state }))}
            now={new Date().toISOString()}
          />
        </div>
        {canPlan ? (
          <aside>
            <NewMeetingForm projectId={project.id} choices={choices} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
