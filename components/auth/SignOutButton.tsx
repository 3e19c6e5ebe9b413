'use client';
// Ends the session, then a full page load of the sign-in page.
import { useState } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient } from './auth-client';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function signOut() {
    setPending(true);
    setError(null);
    const { error } = await authClient.signOut();
    if (error) {
      setError(error.message || 'Could not sign out. Please try again.');
      setPending(false);
      return;
    }
    window.location.assign('/sign-in');
  }

  return (
    <div className="flex flex-col gap-4">
      <Button variant="primary" onClick={signOut} disabled={!hydrated || pending} autoFocus>
        {pending ? 'Signing out…' : 'Sign out'}
      </Button>
      <ErrorMessage>{error}</ErrorMessage>
    </div>
  );
}
