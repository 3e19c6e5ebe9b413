// @vitest-environment happy-dom
// The allocation dialog, in a DOM with a tRPC client whose link answers plan.get from a fixture.
// An allocation tied to a workstream runs on the workstream's dates (the server reads them from the
// plan), so picking one shows its dates and the date fields cannot be changed: before, a changed
// "From" was saved, the dialog closed and the grid silently showed the workstream's dates again.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllocationDialog } from '@/components/resources/AllocationDialog';
import type { Allocation, Person } from '@/components/resources/model';
import { TRPCProvider } from '@/components/trpc/client';
import type { AppRouter } from '@/server/routers/_app';

afterEach(cleanup);

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';
const person: Person = { id: 'p1', name: 'Ann', role: '', skills: [], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], placeholder: false, userId: null, version: 1, timeOff: [] };
const plan = { items: [{ id: 'ws1', kind: 'workstream', title: 'Build', start: '2027-02-01', end: '2027-03-26' }] };

function renderDialog(draft: Parameters<typeof AllocationDialog>[0]['draft'], canEdit = true) {
  const link: TRPCLink<AppRouter> = () => () =>
    observable((observer) => {
      observer.next({ result: { type: 'data', data: plan } });
      observer.complete();
    });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSave = vi.fn(() => Promise.resolve());
  render(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(TRPCProvider, {
        trpcClient,
        queryClient,
        children: createElement(AllocationDialog, { draft, people: [person], projects: [{ id: projectId, name: 'Atlas' }], canEdit, onSave, onRemove: vi.fn(), onClose: vi.fn() }),
      }),
    ),
  );
  return onSave;
}

describe('AllocationDialog and workstreams', () => {
  it('takes the picked workstream’s dates and locks the date fields', async () => {
    const onSave = renderDialog({ personId: 'p1', from: '2027-01-04', to: '2027-01-31' });
    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(from.disabled).toBe(false);
    await screen.findByRole('option', { name: /^Build/ });
    fireEvent.change(screen.getByLabelText('Workstream (optional)'), { target: { value: 'ws1' } });
    expect(from.value).toBe('1 Feb 2027');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('26 Mar 2027');
    expect(from.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Hours a week'), { target: { value: '20' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Allocation' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ from: '2027-02-01', to: '2027-03-26', workstreamId: 'ws1' }));
  });

  it('opens an allocation that follows a workstream with its dates locked', async () => {
    const allocation: Allocation = {
      id: 'a1', personId: 'p1', projectId, from: '2027-02-01', to: '2027-03-26', hoursPerWeek: 20, percent: null,
      workstreamId: 'ws1', workstreamName: 'Build', followsWorkstream: true,
    };
    renderDialog({ allocation });
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('To') as HTMLInputElement).disabled).toBe(true);
    // Back to no workstream: the dates are the allocation's own again, and editable.
    fireEvent.change(screen.getByLabelText('Workstream (optional)'), { target: { value: '' } });
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(false);
  });

  it('gives a viewer no instruction they cannot follow', async () => {
    const allocation: Allocation = {
      id: 'a1', personId: 'p1', projectId, from: '2027-01-04', to: '2027-01-31', hoursPerWeek: 20, percent: null,
      workstreamId: null, workstreamName: null, followsWorkstream: false,
    };
    renderDialog({ allocation }, false);
    await screen.findByRole('option', { name: /^Build/ });
    expect(screen.queryByText('Tie it to a workstream of the plan to follow its dates.')).toBeNull();
    cleanup();
    renderDialog({ allocation }, true);
    expect(screen.getByText('Tie it to a workstream of the plan to follow its dates.')).toBeTruthy();
  });
});
