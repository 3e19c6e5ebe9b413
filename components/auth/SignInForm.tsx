'use client';
// Email + password sign-in with better-auth; on success a full page load of `next`, so every
// server-rendered part (the top bar too) sees the new session.
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient, authErrorMessage } from './auth-client';
import { safeNextPath } from './next-path';

export function SignInForm({ next }: { next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error } = await authClient.signIn.email({
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    });
    if (error) {
      setError(authErrorMessage(error));
      setPending(false);
      return;
    }
    window.location.assign(safeNextPath(next, window.location.origin));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'sign-in-error' : undefined}>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <ErrorMessage id="sign-in-error">{error}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
