// @vitest-environment happy-dom
// The manifest import panel, in a DOM with a tRPC client whose link records what tech.importManifest
// is sent. Text pasted and then left for "Choose a file" is neither lost nor sent in place of a file:
// before, the pasted text stayed hidden behind an empty file input and Preview sent it anyway.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '@/components/tech/ImportPanel';
import { TRPCProvider } from '@/components/trpc/client';
import type { AppRouter } from '@/server/routers/_app';

afterEach(cleanup);

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';
const manifest = '{ "dependencies": { "zod": "4.6.0" } }';

function renderPanel() {
  const sent: unknown[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      sent.push(op.input);
      observer.next({ result: { type: 'data', data: { added: 1, updated: 0, unchanged: 0, items: [{ name: 'zod', ecosystem: 'npm', version: '4.6.0', currentVersion: null, change: 'add' }] } } });
      observer.complete();
    });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(TRPCProvider, { trpcClient, queryClient, children: createElement(ImportPanel, { projectId, onClose: vi.fn() }) }),
    ),
  );
  return sent;
}

describe('ImportPanel', () => {
  it('keeps pasted text apart from a chosen file: nothing pasted is sent as the file, and the text is there on coming back', async () => {
    const sent = renderPanel();
    fireEvent.click(screen.getByLabelText('Paste its text'));
    fireEvent.change(screen.getByLabelText('Manifest text'), { target: { value: manifest } });

    fireEvent.click(screen.getByLabelText('Choose a file'));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Choose a manifest file first.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByLabelText('Paste its text'));
    expect((screen.getByLabelText('Manifest text') as HTMLTextAreaElement).value).toBe(manifest);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('button', { name: 'Apply' });
    expect(sent).toEqual([{ projectId, fileName: 'package.json', content: manifest, preview: true }]);
  });
});
