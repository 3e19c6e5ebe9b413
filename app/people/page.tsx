// "People" in the top bar: the people page of the workspace you are working in. From a project it
// is that project's workspace; otherwise the one workspace that has your projects, or a choice.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'People' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PeopleChooser({ searchParams }: { searchParams: Promise<{ project?: string | string[] }> }) {
  if (!(await currentSession())) redirect('/sign-in?next=/people');
  const caller = await serverCaller();
  const { project: projectParam } = await searchParams;
  const projectId = typeof projectParam === 'string' && uuid.test(projectParam) ? projectParam : null;
  if (projectId) {
    const project = await caller.project.get({ projectId }).catch(() => null);
    if (project) redirect(`/w/${project.workspace.id}/people`);
  }

  const [workspaces, projects] = await Promise.all([caller.workspace.list(), caller.project.list()]);
  const choices = new Map<string, { id: string; name: string; projects: number }>();
  for (const p of projects) {
    const known = choices.get(p.workspaceId) ?? { id: p.workspaceId, name: p.workspaceName, projects: 0 };
    known.projects++;
    choices.set(p.workspaceId, known);
  }
  for (const w of workspaces) if (!choices.has(w.id)) choices.set(w.id, { id: w.id, name: w.name, projects: 0 });
  const withProjects = [...choices.values()].filter((c) => c.projects > 0);
  if (withProjects.length === 1) redirect(`/w/${withProjects[0]!.id}/people`);
  if (choices.size === 1) redirect(`/w/${[...choices.keys()][0]}/people`);

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">People</h1>
      <p className="mt-1 text-sm text-muted">People and their allocations belong to a workspace. Choose one.</p>
      <ul className="mt-6 divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
        {[...choices.values()].map((c) => (
          <li key={c.id}>
            <Link href={`/w/${c.id}/people`} className="flex items-center justify-between gap-3 px-4 py-3 text-sm hover:bg-hover focus-visible:bg-hover">
              <span className="font-medium text-ink">{c.name}</span>
              <span className="text-xs text-muted">
                {c.projects} project{c.projects === 1 ? '' : 's'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
