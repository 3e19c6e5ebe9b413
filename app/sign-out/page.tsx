import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/AuthCard';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { currentSession } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign out' };

export default async function SignOutPage() {
  const session = await currentSession();
  if (!session) {
    return (
      <AuthCard title="You are signed out" subtitle="See you soon.">
        <Link href="/sign-in" className="text-sm font-medium text-accent hover:underline">
          Sign in again
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Sign out of Waymark"
      subtitle={<>You are signed in as {session.user.name} ({session.user.email}).</>}
      footer={
        <Link href="/projects" className="font-medium text-accent hover:underline">
          Back to your projects
        </Link>
      }
    >
      <SignOutButton />
    </AuthCard>
  );
}
