// Forgot your password: a reset e-mail when the server sends mail, else who can help.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/accounts/PasswordForms';
import { AuthCard } from '@/components/auth/AuthCard';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  const mail = services().config.mail !== null;
  return (
    <AuthCard
      title="Reset your password"
      subtitle={mail ? 'We e-mail you a link to choose a new one.' : undefined}
      footer={
        <Link href="/sign-in" className="font-medium text-accent hover:underline">
          Back to sign in
        </Link>
      }
    >
      {mail ? (
        <ForgotPasswordForm />
      ) : (
        <p className="text-sm">
          This Waymark server does not send e-mail. Ask an owner of one of your projects for a password reset link: they can make one
          on the project&apos;s Members page.
        </p>
      )}
    </AuthCard>
  );
}
