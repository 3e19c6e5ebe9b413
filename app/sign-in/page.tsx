import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { SignInForm } from '@/components/auth/SignInForm';
import { safeNextPath } from '@/components/auth/next-path';
import { services } from '@/server/services';
import { currentSession } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' ? raw : null;
  if (await currentSession()) redirect(safeNextPath(next, services().config.appUrl));
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthCard
      title="Sign in to Waymark"
      subtitle="Welcome back."
      footer={
        <>
          New here?{' '}
          <Link href={`/sign-up${query}`} className="font-medium text-accent hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm next={next} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-accent hover:underline">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
