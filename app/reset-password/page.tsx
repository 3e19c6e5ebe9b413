// Choose a new password from a reset link (?token=...). better-auth sends expired or unknown
// e-mailed links here with ?error=INVALID_TOKEN.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/accounts/PasswordForms';
import { AuthCard } from '@/components/auth/AuthCard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> }) {
  const { token, error } = await searchParams;
  const usable = typeof token === 'string' && token.length > 0 && token.length <= 200 && !error;
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/forgot-password" className="font-medium text-accent hover:underline">
          Need a new link?
        </Link>
      }
    >
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm">
          This reset link has expired, was already used or is incomplete. Ask for a new one.
        </p>
      )}
    </AuthCard>
  );
}
