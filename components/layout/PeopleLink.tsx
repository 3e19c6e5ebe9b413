'use client';
// The top bar's "People" link: from a project's pages it opens that project's workspace's people
// (through /people?project=, which finds the workspace), from a workspace's pages that workspace's.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function peopleHref(pathname: string): string {
  const workspace = /^\/w\/([0-9a-f-]{36})(\/|$)/.exec(pathname);
  if (workspace) return `/w/${workspace[1]}/people`;
  const project = /^\/p\/([0-9a-f-]{36})(\/|$)/.exec(pathname);
  if (project) return `/people?project=${project[1]}`;
  return '/people';
}

export function PeopleLink({ className }: { className: string }) {
  const pathname = usePathname() ?? '/';
  const href = peopleHref(pathname);
  const current = /^\/w\/[^/]+\/people$/.test(pathname) || pathname === '/people';
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined}>
      People
    </Link>
  );
}
