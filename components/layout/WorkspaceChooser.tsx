// The top bar's workspace sections ("People", "Radar") open the workspace you are working in: from
// a project it is that project's workspace; otherwise the one workspace that has your projects, or
// a choice between them.
import 'server-only';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WorkspaceSection = 'people' | 'radar';

const intro: Record<WorkspaceSection, { title: string; text: string }> = {
  people: { title: 'People', text: 'People and their allocations belong to a workspace. Choose one.' },
  radar: { title: 'Radar', text: 'Each workspace has one technology radar across its projects. Choose one.' },
};

export async function WorkspaceChooser({ section, projectParam }: { section: WorkspaceSection; projectParam: string | string[] | undefined }) {
  if (!(await currentSession())) redirect(`/sign-in?next=/${section}`);
  const caller = await serverCaller();
  const projectId = typeof projectParam === 'string' && uuid.test(projectParam) ? projectParam : null;
  if (projectId) {
    const project = await caller.project.get({ projectId }).catch(() => null);
    if (project) redirect(`/w/${project.workspace.id}/${section}`);
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
  if (withProjects.length === 1) redirect(`/w/${withProjects[0]!.id}/${section}`);
  if (choices.size === 1) redirect(`/w/${[...choices.keys()][0]}/${section}`);

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{intro[section].title}</h1>
      <p className="mt-1 text-sm text-muted">{intro[section].text}</p>
      <ul className="mt-6 divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
        {[...choices.values()].map((c) => (
          <li key={c.id}>
            <Link href={`/w/${c.id}/${section}`} className="flex items-center justify-between gap-3 px-4 py-3 text-sm hover:bg-hover focus-visible:bg-hover">
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
