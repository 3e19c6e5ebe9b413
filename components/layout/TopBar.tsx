// The bar on every page: the product name (home), your projects, the people of the workspace you
// are in, your actions across them, and who is signed in with a way out.
import Link from 'next/link';
import { Avatar, colorForUser } from '@/components/ui/avatar';
import { buttonClasses } from '@/components/ui/button';
import { PeopleLink, RadarLink } from './PeopleLink';

export function TopBar({ user }: { user: { id: string; name: string } | null }) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link
          href={user ? '/projects' : '/'}
          className="flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight text-ink"
        >
          <WaymarkMark />
          {/* On a phone the mark stands for the name: with People and My actions the bar has no room for both. */}
          <span className={user ? 'sr-only sm:not-sr-only' : undefined}>Waymark</span>
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex items-center sm:ml-2">
            <Link href="/projects" className="hidden rounded-md px-2 py-1 text-sm text-muted hover:bg-hover hover:text-ink sm:inline">
              Projects
            </Link>
            {/* Narrower on a phone, so Waymark, People, Radar, My actions and Sign out fit 390 px. */}
            <PeopleLink className="rounded-md px-1.5 py-1 text-sm whitespace-nowrap text-muted hover:bg-hover hover:text-ink sm:px-2" />
            <RadarLink className="rounded-md px-1.5 py-1 text-sm whitespace-nowrap text-muted hover:bg-hover hover:text-ink sm:px-2" />
            <Link href="/actions" className="rounded-md px-1.5 py-1 text-sm whitespace-nowrap text-muted hover:bg-hover hover:text-ink sm:px-2">
              My actions
            </Link>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              <span className="flex min-w-0 items-center gap-2 text-sm text-ink">
                <Avatar name={user.name} color={colorForUser(user.id)} size="sm" label="" />
                {/* On a phone the avatar stands for the name (the bar has no room for both and "My actions"). */}
                <span className="sr-only sm:not-sr-only sm:max-w-[16rem] sm:truncate" data-testid="current-user">
                  {user.name}
                </span>
              </span>
              <Link href="/sign-out" className={buttonClasses('ghost', 'sm')}>
                Sign out
              </Link>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClasses('ghost', 'sm')}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonClasses('primary', 'sm')}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** A small waymark (a trail cairn of three stones), drawn so it needs no image request. */
export function WaymarkMark({ className = 'size-5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true">
      <rect x="2" y="13" width="16" height="5" rx="2.5" className="fill-accent" />
      <rect x="4.5" y="7.5" width="11" height="4.5" rx="2.25" className="fill-accent/70" />
      <rect x="7" y="2" width="6" height="4.5" rx="2.25" className="fill-accent/45" />
    </svg>
  );
}
