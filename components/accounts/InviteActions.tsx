'use client';
// The two ways through an invite link: join as the signed-in user, or create an account and join.
// Either way the page then loads the project (a full load, so every part sees the new session).
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { authClient, authErrorMessage } from '@/components/auth/auth-client';
import { minPasswordLength } from '@/components/auth/SignUpForm';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export function JoinProjectButton({ token, projectName }: { token: string; projectName: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const accept = useMutation(
    trpc.project.acceptInvite.mutationOptions({ onSuccess: (joined) => window.location.assign(`/p/${joined.projectId}`) }),
  );
  return (
    <div className="flex flex-col gap-3">
      <Button variant="primary" disabled={!hydrated || accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        {accept.isPending || accept.isSuccess ? 'Joining…' : `Join ${projectName}`}
      </Button>
      <ErrorMessage>{accept.error?.message}</ErrorMessage>
    </div>
  );
}

export function InviteSignUpForm({ token, email }: { token: string; email: string | null }) {
  const client = useTRPCClient();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!name) return setError('Enter your name.');
    if (password.length < minPasswordLength) return setError(`The password must be at least ${minPasswordLength} characters.`);
    setPending(true);
    setError(null);
    const signUp = await authClient.signUp.email({ name, email: email ?? String(form.get('email') ?? '').trim(), password });
    if (signUp.error) {
      setError(authErrorMessage(signUp.error));
      setPending(false);
      return;
    }
    try {
      const joined = await client.project.acceptInvite.mutate({ token });
      window.location.assign(`/p/${joined.projectId}`);
    } catch (e) {
      setError(`Your account is ready, but joining failed: ${e instanceof Error ? e.message : String(e)}`);
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'invite-error' : undefined}>
      <Field label="Name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label="Email" htmlFor="email" hint={email ? 'The invite is for this address.' : undefined}>
        <Input id="email" name="email" type="email" autoComplete="email" required readOnly={Boolean(email)} defaultValue={email ?? undefined} />
      </Field>
      <Field label="Password" htmlFor="password" hint={`At least ${minPasswordLength} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={minPasswordLength} maxLength={128} />
      </Field>
      <ErrorMessage id="invite-error">{error}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || pending}>
        {pending ? 'Creating your account…' : 'Sign up and join'}
      </Button>
    </form>
  );
}
