// A project's communication settings: cadence, public status page and webhooks (owners change them).
import type { Metadata } from 'next';
import { CadenceForm, PublicPageForm, WebhooksPanel } from '@/components/status/StatusSettings';
import { serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const settings = await (await serverCaller()).status.settings({ projectId: project.id });
  const isOwner = project.role === 'owner';
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      {!isOwner ? <p className="text-sm text-muted">Only an owner can change these settings.</p> : null}
      <section aria-labelledby="cadence" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="cadence" className="mb-1 text-sm font-semibold">
          Update cadence
        </h2>
        <p className="mb-4 text-xs text-muted">When an update is due. The project list and this project flag an overdue update.</p>
        <CadenceForm projectId={project.id} cadence={settings.cadence} canEdit={isOwner} />
      </section>
      <section aria-labelledby="public-page" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="public-page" className="mb-4 text-sm font-semibold">
          Public status page
        </h2>
        <PublicPageForm projectId={project.id} enabled={settings.publicEnabled} slug={settings.publicSlug} suggestedSlug={project.slug} canEdit={isOwner} />
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
    </div>
  );
}
