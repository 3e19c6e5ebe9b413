// An invite link: who invited you to which project and with which role; join when signed in, or
// create an account here and join. Used, revoked and expired links say so and why.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { format } from 'date-fns';
import { InviteSignUpForm, JoinProjectButton } from '@/components/accounts/InviteActions';
import { AuthCard } from '@/components/auth/AuthCard';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Invite', referrer: 'no-referrer' };

const roleWords = { editor: 'an editor (edits the boards)', viewer: 'a viewer (reads everything, changes nothing)' } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await serverCaller();
  let details: Awaited<ReturnType<typeof caller.project.inviteDetails>>;
  try {
    details = await caller.project.inviteDetails({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) {
      return (
        <AuthCard title="This invite link is not valid">
          <p className="text-sm">Check that you copied all of it, or ask a project owner for a new one.</p>
        </AuthCard>
      );
    }
    throw error;
  }
  if (details.refusal) {
    return (
      <AuthCard title={`This invite to ${details.projectName} cannot be used`}>
        <p role="alert" className="text-sm">
          {details.refusal}
        </p>
      </AuthCard>
    );
  }
  const session = await currentSession();
  const here = `/invite/${token}`;
  const subtitle = (
    <>
      {details.invitedBy ?? 'A project owner'} invited you to join as {roleWords[details.role]}. The link works once, until{' '}
      {format(details.expiresAt, 'd MMM yyyy')}.
    </>
  );
  if (session) {
    const wrongAddress = details.email && details.email !== session.user.email.toLowerCase();
    return (
      <AuthCard title={`Join ${details.projectName}`} subtitle={subtitle}>
        <p className="mb-4 text-sm text-muted">Signed in as {session.user.email}.</p>
        {wrongAddress ? (
          <p role="alert" className="text-sm">
            This invite is for {details.email}.{' '}
            <Link href="/sign-out" className="font-medium text-accent hover:underline">
              Sign out
            </Link>
            , then sign in or sign up as {details.email}.
          </p>
        ) : (
          <JoinProjectButton token={token} projectName={details.projectName} />
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${details.projectName}`}
      subtitle={subtitle}
      footer={
        <>
          Already have a Waymark account?{' '}
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="font-medium text-accent hover:underline">
            Sign in to join
          </Link>
        </>
      }
    >
      <InviteSignUpForm token={token} email={details.email} />
    </AuthCard>
  );
}
