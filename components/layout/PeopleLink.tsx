'use client';
// The top bar's workspace links, "People" and "Radar": from a project's pages they open that
// project's workspace's section (through /people?project= or /radar?project=, which find the
// workspace), from a workspace's pages that workspace's.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

type Section = 'people' | 'radar';

export function workspaceSectionHref(pathname: string, section: Section): string {
  const workspace = /^\/w\/([0-9a-f-]{36})(\/|$)/.exec(pathname);
  if (workspace) return `/w/${workspace[1]}/${section}`;
  const project = /^\/p\/([0-9a-f-]{36})(\/|$)/.exec(pathname);
  if (project) return `/${section}?project=${project[1]}`;
  return `/${section}`;
}

export const peopleHref = (pathname: string) => workspaceSectionHref(pathname, 'people');

function WorkspaceSectionLink({ section, label, className }: { section: Section; label: string; className: string }) {
  const pathname = usePathname() ?? '/';
  const current = new RegExp(`^/w/[^/]+/${section}$`).test(pathname) || pathname === `/${section}`;
  return (
    <Link href={workspaceSectionHref(pathname, section)} className={className} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );
}

export function PeopleLink({ className }: { className: string }) {
  return <WorkspaceSectionLink section="people" label="People" className={className} />;
}

export function RadarLink({ className }: { className: string }) {
  return <WorkspaceSectionLink section="radar" label="Radar" className={className} />;
}
