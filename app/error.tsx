'use client';
// Shown when a page fails unexpectedly: say so plainly and offer a retry.
import { useEffect } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex w-full max-w-md flex-1 flex-col items-start justify-center px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 text-sm leading-relaxed text-muted">
        This page could not be shown. Your work on live boards is saved on the server; try again, or go back to your
        projects.
        {error.digest ? <span className="mt-2 block font-mono text-xs text-faint">Reference: {error.digest}</span> : null}
      </p>
      <div className="mt-6 flex gap-3">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <ButtonLink href="/projects">Your projects</ButtonLink>
      </div>
    </div>
  );
}
