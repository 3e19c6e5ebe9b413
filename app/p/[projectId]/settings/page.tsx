// A project's settings: communication (cadence, public status page, webhooks) and the project itself
// (rename, archive, delete). Owners change them.
import type { Metadata } from 'next';
import { ArchiveProject, DeleteProject, RenameProjectForm } from '@/components/project/ProjectLifecycle';
import { CadenceForm, PublicPageForm, WebhooksPanel } from '@/components/status/StatusSettings';
import { serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const settings = await (await serverCaller()).status.settings({ projectId: project.id });
  const archived = project.archivedAt !== null;
  const isOwner = project.role === 'owner';
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      {!isOwner ? <p className="text-sm text-muted">Only an owner can change these settings.</p> : null}
      <section aria-labelledby="cadence" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="cadence" className="mb-1 text-sm font-semibold">
          Update cadence
        </h2>
        <p className="mb-4 text-xs text-muted">When an update is due. The project list and this project flag an overdue update.</p>
        <CadenceForm projectId={project.id} cadence={settings.cadence} canEdit={isOwner && !archived} />
      </section>
      <section aria-labelledby="public-page" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="public-page" className="mb-4 text-sm font-semibold">
          Public status page
        </h2>
        <PublicPageForm projectId={project.id} enabled={settings.publicEnabled} slug={settings.publicSlug} suggestedSlug={project.slug} canEdit={isOwner && !archived} />
      </section>
      {isOwner ? (
        <section aria-labelledby="webhooks" className="rounded-lg border border-line bg-surface p-5">
          <h2 id="webhooks" className="mb-1 text-sm font-semibold">
            Webhooks
          </h2>
          <p className="mb-4 text-xs text-muted">Each publish is POSTed as JSON, signed with HMAC-SHA256 (header Waymark-Signature; see docs/api.md).</p>
          <WebhooksPanel projectId={project.id} />
        </section>
      ) : null}
      {isOwner ? (
        <section aria-labelledby="project-section" className="flex flex-col gap-5 rounded-lg border border-line bg-surface p-5">
          <h2 id="project-section" className="text-sm font-semibold">
            Project
          </h2>
          <RenameProjectForm projectId={project.id} name={project.name} disabled={archived} />
          <div>
            <h3 className="text-[13px] font-medium">{archived ? 'Archived' : 'Archive'}</h3>
            <p className="mt-0.5 mb-3 text-xs text-muted">
              {archived
                ? 'Read-only for everyone and left out of project lists. Its public status page, if on, stays up.'
                : 'Makes it read-only for everyone and leaves it out of project lists; its public status page, if on, stays up.'}
            </p>
            <ArchiveProject projectId={project.id} archived={archived} />
          </div>
          <div className="border-t border-line pt-5">
            <h3 className="text-[13px] font-medium text-danger">Delete</h3>
            <p className="mt-0.5 mb-3 text-xs text-muted">Removes the project, its boards, updates, invites and public page for good.</p>
            <DeleteProject projectId={project.id} name={project.name} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
