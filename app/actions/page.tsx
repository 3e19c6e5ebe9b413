// Your own actions across every project you are in, from all their meetings; close them here.
import { format } from 'date-fns';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionList } from '@/components/meetings/ActionList';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'My actions' };

export default async function MyActionsPage() {
  const session = await currentSession();
  if (!session) redirect('/sign-in?next=/actions');
  const caller = await serverCaller();
  const actions = await caller.action.mine();
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">My actions</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Actions meetings gave you, in every project you are in.</p>
      <ActionList
        groupBy="project"
        today={format(new Date(), 'yyyy-MM-dd')}
        emptyText="No actions are yours yet."
        entries={actions.map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          due: a.due,
          ownerId: a.ownerId,
          ownerName: session.user.name,
          meetingId: a.meetingId,
          meetingTitle: a.meetingTitle,
          projectId: a.projectId,
          projectName: a.projectName ?? null,
          canClose: true,
        }))}
      />
    </div>
  );
}
