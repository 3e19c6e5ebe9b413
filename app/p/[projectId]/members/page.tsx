// Members of a project and their roles.
import type { Metadata } from 'next';
import { MembersPanel } from '@/components/members/MembersPanel';
import { services } from '@/server/services';
import { currentSession } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const session = (await currentSession())!;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <div className="max-w-3xl">
        <MembersPanel
          projectId={project.id}
          members={project.members}
          myRole={project.role}
          myUserId={session.user.id}
          mailConfigured={services().config.mail !== null}
          archived={project.archivedAt !== null}
        />
      </div>
    </div>
  );
}
