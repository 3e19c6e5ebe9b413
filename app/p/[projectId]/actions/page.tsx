// The project's action list: every action its meetings recorded, open / done / overdue, by owner.
import { format } from 'date-fns';
import type { Metadata } from 'next';
import { ActionList } from '@/components/meetings/ActionList';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Actions' };

export default async function ProjectActionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  const [session, actions, meetings] = await Promise.all([currentSession(), caller.action.list({ projectId: project.id }), caller.meeting.list({ projectId: project.id })]);
  const names = new Map(project.members.map((m) => [m.userId, m.name]));
  const titles = new Map(meetings.map((m) => [m.id, m.title]));
  const writable = !project.archivedAt;
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-6 sm:px-6">
      <h2 className="mb-4 text-lg font-semibold tracking-tight">Actions</h2>
      <ActionList
        groupBy="owner"
        today={format(new Date(), 'yyyy-MM-dd')}
        emptyText="No actions yet: they are recorded on meeting boards."
        entries={actions.map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          due: a.due,
          ownerId: a.ownerId,
          ownerName: a.ownerId ? (names.get(a.ownerId) ?? 'A former member') : null,
          meetingId: a.meetingId,
          meetingTitle: titles.get(a.meetingId) ?? null,
          projectId: project.id,
          projectName: project.name,
          // The owner closes their own action; editors and owners of the project close any.
          canClose: writable && (project.role !== 'viewer' || a.ownerId === session!.user.id),
        }))}
      />
    </div>
  );
}
