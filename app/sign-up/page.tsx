import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { safeNextPath } from '@/components/auth/next-path';
import { services } from '@/server/services';
import { currentSession } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' ? raw : null;
  if (await currentSession()) redirect(safeNextPath(next, services().config.appUrl));
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthCard
      title="Create your Waymark account"
      subtitle="Plan, track risks and keep stakeholders informed, together."
      footer={
        <>
          Already have an account?{' '}
          <Link href={`/sign-in${query}`} className="font-medium text-accent hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} />
    </AuthCard>
  );
}
