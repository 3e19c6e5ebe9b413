import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col items-start justify-center px-4 py-16">
      <p className="text-sm font-medium text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2 text-sm leading-relaxed text-muted">
        This page does not exist, or it belongs to a project you are not a member of. Ask the project&apos;s owner
        to add you.
      </p>
      <Link href="/projects" className={buttonClasses('secondary', 'md', 'mt-6')}>
        Go to your projects
      </Link>
    </div>
  );
}
