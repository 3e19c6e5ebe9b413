// The frame of the sign-in, sign-up and sign-out pages.
import type { ReactNode } from 'react';
import { WaymarkMark } from '@/components/layout/TopBar';

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-12 sm:items-center sm:py-16">
      <div className="w-full max-w-sm">
        <WaymarkMark className="size-8" />
        <h1 className="mt-4 text-xl font-semibold tracking-tight">{title}</h1>
        {subtitle ? <p className="mt-1.5 text-sm text-muted">{subtitle}</p> : null}
        <div className="mt-6 rounded-lg border border-line bg-surface p-5 shadow-xs">{children}</div>
        {footer ? <p className="mt-4 text-center text-sm text-muted">{footer}</p> : null}
      </div>
    </div>
  );
}
