// @vitest-environment happy-dom
// "Resource problems" on the risk board and "Who works on it" on the plan are kept fresh by the
// people board's change signal (components/live/resourcesLive.tsx), not by a 15 s poll: read again
// when the signal's revision moves, polled slowly only while its socket is down. ResourceProblems is
// isolated from the live risk board: the board's edits neither re-render it nor remount its signal.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { createElement, useEffect, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResourcesSignal } from '@/components/live/resourcesLive';
import type { ResourceProblem } from '@/server/domain/resourceProblems';
import type { RaidItem } from '@/server/domain/risk';
import { deriveRaidScores, emptyRaidFields } from '@/server/domain/risk';

const signal = vi.hoisted(() => ({ mounts: 0, renders: 0, onChange: null as null | ((s: ResourcesSignal) => void), workspaceIds: [] as string[] }));

vi.mock('next/dynamic', () => ({
  // The connector as a plain component (next/dynamic's lazy loading is the browser's business).
  default: () =>
    function Connector({ workspaceId, onChange }: { workspaceId: string; onChange: (s: ResourcesSignal) => void }) {
      signal.renders++;
      signal.onChange = onChange;
      signal.workspaceIds.push(workspaceId);
      return createElement(MountCounter);
    },
}));

/** Counts mounts, not renders: a mount runs the effect once, a re-render does not. */
function MountCounter() {
  useEffect(() => {
    signal.mounts++;
  }, []);
  return null;
}

const problems: ResourceProblem[] = [{ id: 'over:p1', kind: 'over-allocation', title: 'Ana is over-allocated in the week of 14 Dec 2026', detail: 'Too much.', personId: 'p1', weeks: ['2026-W51'] }];
const fetchProblems = vi.fn(async () => problems);
vi.mock('@/components/trpc/client', () => ({
  useTRPC: () => ({ resources: { problems: { queryOptions: (input: { projectId: string }) => ({ queryKey: ['resources.problems', input], queryFn: fetchProblems }) } } }),
}));

const { fallbackPollMs, useResourcesLive } = await import('@/components/live/resourcesLive');
const { ResourceProblemsFor } = await import('@/components/risks/ResourceProblems');

beforeEach(() => {
  Object.assign(signal, { mounts: 0, renders: 0, onChange: null, workspaceIds: [] });
  fetchProblems.mockClear();
});
afterEach(cleanup);

const item = (id: string, title: string, category = ''): RaidItem => {
  const fields = { ...emptyRaidFields, title, category };
  return { id, ...fields, ...deriveRaidScores(fields), createdAt: new Date(0), updatedAt: new Date(0) };
};

describe('resources live signal', () => {
  it('polls slowly only while the signal is not live, and reads again each time its revision moves', async () => {
    const refetch = vi.fn();
    const { result, rerender } = renderHook(() => useResourcesLive('w1', refetch));
    render(result.current.connector!);
    expect(result.current.pollMs).toBe(fallbackPollMs);
    expect(signal.workspaceIds.at(-1)).toBe('w1');
    act(() => signal.onChange!({ revision: 1, status: 'saved', refusal: null }));
    rerender();
    expect(result.current.pollMs).toBe(false);
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => signal.onChange!({ revision: 1, status: 'offline', refusal: null }));
    rerender();
    expect(result.current.pollMs).toBe(fallbackPollMs);
    expect(refetch).toHaveBeenCalledTimes(1);
    // Back online: the reconnection moves the revision, so what was missed is read.
    act(() => signal.onChange!({ revision: 2, status: 'saved', refusal: null }));
    rerender();
    expect(refetch).toHaveBeenCalledTimes(2);
    expect(fallbackPollMs).toBeGreaterThanOrEqual(60_000);
  });

  it('without a workspace there is no signal to open: it polls', () => {
    const { result } = renderHook(() => useResourcesLive(undefined, vi.fn()));
    expect(result.current.connector).toBeNull();
    expect(result.current.pollMs).toBe(fallbackPollMs);
  });
});

describe('ResourceProblems on the live risk board', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrap = (children: ReactNode) => createElement(QueryClientProvider, { client }, children);
  const board = (items: RaidItem[]) =>
    wrap(
      createElement(ResourceProblemsFor, {
        projectId: 'x1',
        workspaceId: 'w1',
        items,
        canCreate: true,
        showCreate: true,
        // New functions at every render of the board, as its callbacks are.
        onCreate: () => {},
        onOpenItem: () => {},
      }),
    );

  it('reads the problems again when the people board signals a change, and the board’s edits neither re-render it nor remount its signal', async () => {
    const view = render(board([item('r1', 'Vendor lapses')]));
    expect(await screen.findByText(problems[0]!.title)).toBeTruthy();
    expect(fetchProblems).toHaveBeenCalledTimes(1);
    expect(signal.mounts).toBe(1);
    const rendersBefore = signal.renders;

    // The board's items change (a title typed, a score moved) without touching a resource risk.
    view.rerender(board([item('r1', 'Vendor lapses!')]));
    view.rerender(board([item('r1', 'Vendor lapses!'), item('r2', 'Another')]));
    expect(signal.renders).toBe(rendersBefore);
    expect(signal.mounts).toBe(1);

    // A resource risk with the problem's title joins the board: "Open its risk" appears.
    view.rerender(board([item('r1', 'Vendor lapses!'), item('r3', problems[0]!.title, 'Resources')]));
    expect(await screen.findByRole('button', { name: 'Open its risk' })).toBeTruthy();
    expect(signal.mounts).toBe(1);

    // A change signalled by the people board: read again, once.
    await act(async () => signal.onChange!({ revision: 1, status: 'saved', refusal: null }));
    expect(fetchProblems).toHaveBeenCalledTimes(2);
  });
});
