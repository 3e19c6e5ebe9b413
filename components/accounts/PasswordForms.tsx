'use client';
// Forgotten passwords with better-auth: ask for a reset e-mail, then choose a new password from the
// link (the e-mailed one, or one an owner made on a server without mail).
import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { authClient, authErrorMessage } from '@/components/auth/auth-client';
import { minPasswordLength } from '@/components/auth/SignUpForm';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ForgotPasswordForm() {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setPending(true);
    setError(null);
    const { error } = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setPending(false);
    if (error) setError(authErrorMessage(error));
    else setSent(true);
  }

  if (sent) {
    // The same answer whether or not the address has an account.
    return <SuccessMessage>If that address has a Waymark account, an e-mail with a reset link is on its way. The link works once, for an hour.</SuccessMessage>;
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'forgot-error' : undefined}>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required maxLength={254} />
      </Field>
      <ErrorMessage id="forgot-error">{error}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || pending}>
        {pending ? 'Sending…' : 'Send a reset link'}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('password') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) return setError('The two passwords are not the same.');
    setPending(true);
    setError(null);
    const { error } = await authClient.resetPassword({ newPassword, token });
    setPending(false);
    if (error) {
      setError(error.code === 'INVALID_TOKEN' ? 'This reset link has expired or was already used. Ask for a new one.' : authErrorMessage(error));
    } else setDone(true);
  }

  if (done) {
    return (
      <SuccessMessage>
        Your password is changed.{' '}
        <Link href="/sign-in" className="font-medium underline">
          Sign in
        </Link>{' '}
        with it.
      </SuccessMessage>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'reset-error' : undefined}>
      <Field label="New password" htmlFor="password" hint={`At least ${minPasswordLength} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={minPasswordLength} maxLength={128} />
      </Field>
      <Field label="New password again" htmlFor="confirm">
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required minLength={minPasswordLength} maxLength={128} />
      </Field>
      <ErrorMessage id="reset-error">{error}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
