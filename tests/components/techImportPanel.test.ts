// @vitest-environment happy-dom
// The manifest import panel, in a DOM with a tRPC client whose link records what tech.importManifest
// is sent. Text pasted and then left for "Choose a file" is neither lost nor sent in place of a file:
// before, the pasted text stayed hidden behind an empty file input and Preview sent it anyway.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '@/components/tech/ImportPanel';
import { renderWithTrpc } from '../support/renderWithTrpc';

afterEach(cleanup);

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';
const manifest = '{ "dependencies": { "zod": "4.6.0" } }';

const preview = { added: 1, updated: 0, unchanged: 0, items: [{ name: 'zod', ecosystem: 'npm', version: '4.6.0', currentVersion: null, change: 'add' }] };

/** The calls the panel makes (only tech.importManifest), in order. */
const renderPanel = () => renderWithTrpc(createElement(ImportPanel, { projectId, onClose: vi.fn() }), () => preview);

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
    expect(sent.map((call) => call.input)).toEqual([{ projectId, fileName: 'package.json', content: manifest, preview: true }]);
  });
});
