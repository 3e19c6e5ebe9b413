'use client';
// Create an account (name, email, password of 8+ characters); signed in straight away.
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient, authErrorMessage } from './auth-client';
import { safeNextPath } from './next-path';

export const minPasswordLength = 8;

export function SignUpForm({ next }: { next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!name) return setError('Enter your name.');
    if (password.length < minPasswordLength) return setError(`The password must be at least ${minPasswordLength} characters.`);
    setPending(true);
    setError(null);
    const { error } = await authClient.signUp.email({ name, email, password });
    if (error) {
      setError(authErrorMessage(error));
      setPending(false);
      return;
    }
    window.location.assign(safeNextPath(next, window.location.origin));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'sign-up-error' : undefined}>
      <Field label="Name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required maxLength={100} autoFocus />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password" hint={`At least ${minPasswordLength} characters.`}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          maxLength={128}
        />
      </Field>
      <ErrorMessage id="sign-up-error">{error}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || pending}>
        {pending ? 'Creating your account…' : 'Sign up'}
      </Button>
    </form>
  );
}
