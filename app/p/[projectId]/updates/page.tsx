// Status updates of a project: its health and cadence, drafts in progress (editors and owners) and
// every published update, newest first, with its audience, authors and publisher, corrections
// marked "edited" and earlier versions kept. The page refreshes itself when anyone changes an update.
import { format } from 'date-fns';
import type { Metadata } from 'next';
import Link from 'next/link';
import { HealthBadge, OverdueBadge } from '@/components/status/HealthBadge';
import { LiveUpdates } from '@/components/status/LiveUpdates';
import { CorrectableUpdate, NewUpdateButton } from '@/components/status/UpdateActions';
import { UpdateEditor } from '@/components/status/UpdateEditor';
import { Badge } from '@/components/ui/badge';
import { audienceLabels, describeCadence, healthLabels, updateContentOf, updateFieldLabels, updateTextFields, type UpdateContent } from '@/server/domain/status';
import { renderMarkdown } from '@/server/status/markdown';
import { serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Updates' };

function UpdateBody({ content }: { content: UpdateContent }) {
  return (
    <div className="flex flex-col gap-3">
      {updateTextFields
        .filter((f) => content[f].trim())
        .map((f) => (
          <section key={f}>
            {f === 'summary' ? null : <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">{updateFieldLabels[f]}</h4>}
            {/* Safe: renderMarkdown escapes raw HTML and sanitises the result (server/status/markdown.ts). */}
            <div className="markdown text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: renderMarkdown(content[f]) }} />
          </section>
        ))}
    </div>
  );
}

/** "Ada", "Ada and Sam", "Ada, Sam and Priya". */
function names(people: { name: string }[]): string {
  const all = people.map((p) => p.name);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '');
}

export default async function UpdatesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const project = await loadProject((await params).projectId);
  const caller = await serverCaller();
  // The revision first: a change landing while the page renders then shows on the next poll.
  const { revision } = await caller.status.pageRevision({ projectId: project.id });
  const [list, settings] = await Promise.all([
    caller.status.list({ projectId: project.id }),
    caller.status.settings({ projectId: project.id }),
  ]);
  const canEdit = project.role !== 'viewer' && !project.archivedAt;
  const versions = await Promise.all(
    list.published.filter((u) => u.editedAt).map(async (u) => [u.id, await caller.status.versions({ projectId: project.id, updateId: u.id })] as const),
  );
  const versionsOf = new Map(versions);

  return (
    <LiveUpdates projectId={project.id} renderedRevision={revision}>
      <div className="mx-auto w-full max-w-4xl px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 className="text-lg font-semibold">Status updates</h2>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
              <HealthBadge health={list.health?.health ?? null} reason={list.health?.healthReason} />
              {list.health ? <span>{list.health.healthReason}</span> : null}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
              <span>{describeCadence(list.cadence)}</span>
              {list.dueOn ? <span>· next due {format(new Date(`${list.dueOn}T00:00:00`), 'EEE d MMM')}</span> : null}
              <OverdueBadge overdue={list.overdue} daysOverdue={list.daysOverdue} dueOn={list.dueOn} />
              {settings.publicEnabled && settings.publicSlug ? (
                <a className="text-accent hover:underline" href={`/status/${settings.publicSlug}`}>
                  Public page
                </a>
              ) : null}
              {project.role === 'owner' ? (
                <Link className="text-accent hover:underline" href={`/p/${project.id}/settings`}>
                  Cadence and public page settings
                </Link>
              ) : null}
            </p>
          </div>
          {canEdit ? <NewUpdateButton projectId={project.id} /> : null}
        </div>

        {list.drafts.map((d) => (
          <section key={d.id} id={`update-${d.id}`} aria-label="Draft" className="mt-6 rounded-lg border border-accent/30 bg-surface p-5">
            <h3 className="mb-1 text-sm font-semibold">Draft</h3>
            <p className="mb-4 text-xs text-muted" data-testid="draft-byline">
              Started by {d.authorName ?? 'a former member'} on {format(d.createdAt, 'd MMM yyyy')}
              {d.authors.length > 1 ? `, written by ${names(d.authors)}` : ''}. Filled from the risk board and the plan since the last update
              {d.audience === 'public' ? ' (public risks and milestones only)' : ''}; edit it before publishing.
            </p>
            <UpdateEditor projectId={project.id} updateId={d.id} initial={updateContentOf(d)} revision={d.revision} audience={d.audience} mode="draft" />
          </section>
        ))}

        <section aria-labelledby="published" className="mt-8">
          <h3 id="published" className="sr-only">
            Published updates
          </h3>
          {list.published.length ? (
            <ol className="flex flex-col gap-4">
              {list.published.map((u) => (
                <li key={u.id} id={`update-${u.id}`}>
                  <article aria-label={`Update of ${format(u.publishedAt!, 'd MMMM yyyy')}`} className="rounded-lg border border-line bg-surface p-5">
                    <CorrectableUpdate projectId={project.id} updateId={u.id} content={updateContentOf(u)} revision={u.revision} audience={u.audience} canEdit={canEdit}>
                      <header className="mb-3 flex flex-wrap items-center gap-2 text-xs text-muted">
                        <HealthBadge health={u.health} />
                        <Badge>{audienceLabels[u.audience]}</Badge>
                        <time dateTime={u.publishedAt!.toISOString()}>{format(u.publishedAt!, 'd MMMM yyyy, HH:mm')}</time>
                        <span data-testid="update-byline">
                          by {u.authors.length ? names(u.authors) : (u.authorName ?? 'a former member')}
                          {u.publishedByName ? ` · published by ${u.publishedByName}` : ''}
                        </span>
                        {u.editedAt ? <span title={`Corrected ${format(u.editedAt, 'd MMM yyyy HH:mm')}`}>· edited</span> : null}
                      </header>
                      <p className="mb-2 text-sm font-semibold" data-testid="update-reason">
                        {healthLabels[u.health]}: {u.healthReason}
                      </p>
                      <UpdateBody content={u} />
                      {versionsOf.get(u.id)?.length ? (
                        <details className="mt-4 text-sm">
                          <summary className="cursor-pointer text-xs text-muted">Earlier versions ({versionsOf.get(u.id)!.length})</summary>
                          {versionsOf.get(u.id)!.map((v) => (
                            <div key={v.version} className="mt-3 rounded-md border border-line p-3">
                              <p className="mb-2 text-xs text-muted">
                                Version {v.version}, replaced {format(v.savedAt, 'd MMM yyyy HH:mm')} by {v.editedBy ?? 'a former member'}
                              </p>
                              <p className="mb-2 text-sm font-semibold">
                                {healthLabels[v.content.health]}: {v.content.healthReason}
                              </p>
                              <UpdateBody content={v.content} />
                            </div>
                          ))}
                        </details>
                      ) : null}
                    </CorrectableUpdate>
                  </article>
                </li>
              ))}
            </ol>
          ) : (
            <p className="rounded-lg border border-dashed border-line-strong px-4 py-8 text-center text-sm text-muted">
              No update has been published yet.{canEdit ? ' Start one with “New update”: it is drafted from the risk board.' : ''}
            </p>
          )}
        </section>
      </div>
    </LiveUpdates>
  );
}
