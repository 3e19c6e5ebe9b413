// The workspace home: the portfolio of every project of the workspace the caller is a member of
// (health, last update, next milestone, top risks, open actions, over-allocated people), sortable,
// and a link to the same data as JSON. Strangers get a 404, as for a workspace that does not exist.
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PortfolioTable } from '@/components/portfolio/PortfolioTable';
import { currentSession, serverCaller } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Portfolio' };

async function loadPortfolio(workspaceId: string) {
  const caller = await serverCaller();
  try {
    return await caller.portfolio.get({ workspaceId });
  } catch (error) {
    // A malformed id is as unknown as a workspace you have nothing to do with.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export default async function WorkspacePortfolioPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  if (!(await currentSession())) redirect(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}`)}`);
  const portfolio = await loadPortfolio(workspaceId);
  const asJson = `/api/trpc/portfolio.get?input=${encodeURIComponent(JSON.stringify({ json: { workspaceId } }))}`;
  const overdue = portfolio.projects.filter((p) => p.updateOverdue).length;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-xs text-muted">
        <Link href="/projects" className="hover:text-ink hover:underline">
          Projects
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{portfolio.workspace.name}: portfolio</h1>
      <p className="mt-1 text-sm text-muted">
        {portfolio.projects.length} project{portfolio.projects.length === 1 ? '' : 's'}
        {overdue ? `, ${overdue} with an overdue update` : ''}. Sort by any column; the same data is{' '}
        <a href={asJson} className="text-accent-ink underline">
          available as JSON
        </a>{' '}
        (<code>portfolio.get</code>, see the API docs).
      </p>
      <div className="mt-6">
        <PortfolioTable rows={portfolio.projects} />
      </div>
    </div>
  );
}
