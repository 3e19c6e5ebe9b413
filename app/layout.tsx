// The root of every page: document shell, styles, the tRPC/Query providers and the top bar.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TopBar } from '@/components/layout/TopBar';
import { TRPCReactProvider } from '@/components/trpc/client';
import { currentSession } from '@/server/trpc-rsc';
import './globals.css';

// Every page depends on who is signed in, so nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Waymark', template: '%s · Waymark' },
  description: 'The live workspace of a technical project manager: plans, risks and status, edited together.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#18181c' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const user = session ? { id: session.user.id, name: session.user.name } : null;
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <TRPCReactProvider>
          <TopBar user={user} />
          {/* Focusable from script only, so the skip link moves focus (not just the scroll) here. */}
          <main id="main" tabIndex={-1} className="flex min-h-[calc(100dvh-3rem)] flex-col focus:outline-none">
            {children}
          </main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
