// @vitest-environment happy-dom
// The import preview: the counts in words, every dependency with its change in words (added,
// updated from one version to another, unchanged), and a reminder that nothing is written yet.
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPreview, importSummary } from '@/components/tech/ImportPreview';

afterEach(cleanup);

describe('ImportPreview', () => {
  it('says what an import would add, update and leave, item by item', () => {
    render(
      createElement(ImportPreview, {
        fileName: 'package.json',
        outcome: {
          added: 1,
          updated: 1,
          unchanged: 2,
          items: [
            { name: 'react', ecosystem: 'npm', version: '19.3.1', currentVersion: '18.2.0', change: 'update' },
            { name: 'left-pad', ecosystem: 'npm', version: '1.3.0', currentVersion: null, change: 'add' },
            { name: 'zod', ecosystem: 'npm', version: '4.6.0', currentVersion: '4.6.0', change: 'same' },
            { name: 'next', ecosystem: 'npm', version: '', currentVersion: '', change: 'same' },
          ],
        },
      }),
    );
    expect(screen.getByTestId('import-summary').textContent).toBe('1 item to add, 1 item to update, 2 items unchanged. Nothing is written until you press Apply.');
    const rows = screen.getAllByTestId('import-preview-row');
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, r.getAttribute('data-change')])).toEqual([
      ['react', 'update'],
      ['left-pad', 'add'],
      ['zod', 'same'],
      ['next', 'same'],
    ]);
    expect(rows[0]!.textContent).toContain('18.2.0 → 19.3.1');
    expect(rows[0]!.textContent).toContain('Updated');
    expect(rows[1]!.textContent).toContain('Added');
    expect(rows[2]!.textContent).toContain('Unchanged');
    expect(rows[3]!.textContent).toContain('(none)');
  });

  it('counts in the singular and plural', () => {
    expect(importSummary({ added: 0, updated: 2, unchanged: 1 })).toBe('0 items to add, 2 items to update, 1 item unchanged.');
  });
});
