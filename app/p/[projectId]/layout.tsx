// A project's frame: its name, your role in it and the section tabs.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ProjectNav } from '@/components/project/ProjectNav';
import { HealthBadge, OverdueBadge } from '@/components/status/HealthBadge';
import { RoleBadge } from '@/components/ui/badge';
import { loadProject } from './load-project';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const project = await loadProject((await params).projectId);
  return { title: { default: project.name, template: `%s · ${project.name} · Waymark` } };
}

export default async function ProjectLayout({ children, params }: Params & { children: ReactNode }) {
  const project = await loadProject((await params).projectId);
  return (
    <div className="flex flex-1 flex-col">
      <div className="border-b border-line bg-surface">
        <div className="mx-auto max-w-7xl px-4 pt-5 sm:px-6">
          <p className="text-xs text-muted">
            <Link href={`/w/${project.workspace.id}`} className="hover:text-ink hover:underline" aria-label={`${project.workspace.name}: portfolio`}>
              {project.workspace.name}
            </Link>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 truncate text-xl font-semibold tracking-tight">{project.name}</h1>
            <RoleBadge role={project.role} />
            <Link href={`/p/${project.id}/updates`} className="flex items-center gap-2" aria-label="Project health and updates">
              <HealthBadge health={project.communication.health?.health ?? null} reason={project.communication.health?.healthReason} />
              <OverdueBadge {...project.communication} />
            </Link>
          </div>
          <div className="mt-4">
            <ProjectNav projectId={project.id} />
          </div>
        </div>
      </div>
      {project.archivedAt ? (
        <p role="status" className="border-b border-line bg-sunken px-4 py-2 text-center text-sm text-muted">
          This project is archived: everything is read-only.{project.role === 'owner' ? ' Unarchive it in Settings.' : ''}
        </p>
      ) : null}
      {children}
    </div>
  );
}
