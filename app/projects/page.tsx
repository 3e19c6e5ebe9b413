// Your projects, grouped by workspace, with their open risk load; and forms to start new ones.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CreateProjectForm } from '@/components/projects/CreateProjectForm';
import { CreateWorkspaceForm } from '@/components/projects/CreateWorkspaceForm';
import { Badge, bandChipStyles, RoleBadge } from '@/components/ui/badge';
import { HealthBadge, OverdueBadge } from '@/components/status/HealthBadge';
import { TechAlertCount } from '@/components/tech/TechAlertCount';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  if (!(await currentSession())) redirect('/sign-in?next=/projects');
  const caller = await serverCaller();
  const workspaces = await caller.workspace.list();
  const projects = await caller.project.list();
  const archived = await caller.project.list({ archived: true });
  // Technology alerts per project, from each workspace's radar (a workspace that cannot be read
  // just shows no counts).
  const workspaceIds = [...new Set(projects.map((p) => p.workspaceId))];
  const radars = await Promise.all(workspaceIds.map((workspaceId) => caller.tech.radar({ workspaceId }).catch(() => null)));
  const techAlerts = new Map(radars.flatMap((radar) => radar?.projects.map((p) => [p.id, p.alerts] as const) ?? []));

  const groups = new Map<string, { id: string; name: string; projects: typeof projects }>();
  for (const w of workspaces) groups.set(w.id, { id: w.id, name: w.name, projects: [] });
  for (const p of projects) {
    const group = groups.get(p.workspaceId) ?? { id: p.workspaceId, name: p.workspaceName, projects: [] };
    group.projects.push(p);
    groups.set(p.workspaceId, group);
  }

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
      <p className="mt-1 text-sm text-muted">
        {projects.length
          ? `${projects.length} project${projects.length === 1 ? '' : 's'} across ${groups.size} workspace${groups.size === 1 ? '' : 's'}.`
          : 'Start with a project: its risk board opens as soon as it exists.'}
      </p>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="flex flex-col gap-8">
          {[...groups.values()].map((group) => (
            <section key={group.id} aria-labelledby={`ws-${group.id}`}>
              <div className="mb-2 flex items-baseline justify-between gap-3">
                <h2 id={`ws-${group.id}`} className="text-xs font-semibold tracking-wide text-muted uppercase">
                  {group.name}
                </h2>
                {group.projects.length ? (
                  <Link href={`/w/${group.id}`} className="text-xs font-medium text-accent-ink hover:underline" aria-label={`${group.name}: portfolio`}>
                    Portfolio
                  </Link>
                ) : null}
              </div>
              {group.projects.length ? (
                <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
                  {group.projects.map((p) => (
                    <li key={p.id}>
                      <Link
                        href={`/p/${p.id}`}
                        className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 transition-colors hover:bg-hover focus-visible:bg-hover"
                      >
                        <span className="min-w-0 flex-1">
                          <span className="block truncate text-sm font-medium text-ink">{p.name}</span>
                          <span className="text-xs text-muted">
                            {p.openItems} open item{p.openItems === 1 ? '' : 's'}
                          </span>
                        </span>
                        <span className="flex items-center gap-2">
                          <HealthBadge health={p.communication.health?.health ?? null} reason={p.communication.health?.healthReason} />
                          <OverdueBadge {...p.communication} />
                          {p.critical > 0 ? (
                            <Badge tone={bandChipStyles.critical}>{p.critical} critical</Badge>
                          ) : null}
                          {p.high > 0 ? <Badge tone={bandChipStyles.high}>{p.high} high</Badge> : null}
                          {techAlerts.get(p.id) ? <TechAlertCount count={techAlerts.get(p.id)!} /> : null}
                          <RoleBadge role={p.role} />
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
                  No projects in this workspace yet.
                </p>
              )}
            </section>
          ))}
          {archived.length ? (
            <section aria-labelledby="archived-projects">
              <h2 id="archived-projects" className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">
                Archived
              </h2>
              <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
                {archived.map((p) => (
                  <li key={p.id}>
                    <Link href={`/p/${p.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-muted transition-colors hover:bg-hover focus-visible:bg-hover">
                      <span className="min-w-0 flex-1 truncate text-sm">{p.name}</span>
                      <span className="text-xs">{p.workspaceName} · read-only</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <aside className="flex flex-col gap-6" aria-label="Create">
          <section aria-labelledby="new-project" className="rounded-lg border border-line bg-surface p-5">
            <h2 id="new-project" className="mb-4 text-sm font-semibold">
              New project
            </h2>
            <CreateProjectForm workspaces={workspaces.map((w) => ({ id: w.id, name: w.name, personal: w.personal }))} />
          </section>
          <section aria-labelledby="new-workspace" className="rounded-lg border border-line bg-surface p-5">
            <h2 id="new-workspace" className="text-sm font-semibold">
              New workspace
            </h2>
            <p className="mt-1 mb-4 text-xs text-muted">A shared home for a team&apos;s projects.</p>
            <CreateWorkspaceForm />
          </section>
        </aside>
      </div>
    </div>
  );
}
