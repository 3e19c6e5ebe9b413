'use client';
// The sections of a project as tabs; the current one is marked for screen readers too. On a phone
// the tabs wrap onto a second line rather than hide past the edge of the screen.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export function ProjectNav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const sections = [
    { href: `/p/${projectId}/plan`, label: 'Plan' },
    { href: `/p/${projectId}/risks`, label: 'Risks' },
    { href: `/p/${projectId}/tech`, label: 'Tech' },
    { href: `/p/${projectId}/meetings`, label: 'Meetings' },
    { href: `/p/${projectId}/actions`, label: 'Actions' },
    { href: `/p/${projectId}/decisions`, label: 'Decisions' },
    { href: `/p/${projectId}/updates`, label: 'Updates' },
    { href: `/p/${projectId}/insights`, label: 'Insights' },
    { href: `/p/${projectId}/members`, label: 'Members' },
    { href: `/p/${projectId}/settings`, label: 'Settings' },
  ];
  return (
    <nav aria-label="Project sections" className="-mb-px flex flex-wrap gap-x-1">
      {sections.map((s) => {
        const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'border-b-2 px-2.5 pt-1 pb-2.5 text-sm sm:px-3 font-medium whitespace-nowrap transition-colors',
              current ? 'border-accent text-ink' : 'border-transparent text-muted hover:border-line-strong hover:text-ink',
            )}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
