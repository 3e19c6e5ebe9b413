// @vitest-environment happy-dom
// A chart card of the insights page: "Chart / Table" switches to a table of the same figures (and
// back), CSV holds those figures under the column labels (formula-like cells escaped), and an empty
// chart shows what to do instead of buttons.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartPanel } from '@/components/insights/ChartPanel';
import { chartCsv } from '@/components/insights/chartExport';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const rows = [
  { week: '2026-11-22', done: 4, scope: 10 },
  { week: '2026-11-29', done: 7, scope: 12 },
];
const columns = [
  { key: 'week', label: 'Week ending' },
  { key: 'done', label: 'Done' },
  { key: 'scope', label: 'Scope' },
];

function renderPanel(data = rows) {
  return render(
    createElement(ChartPanel<(typeof rows)[number]>, {
      id: 'burn-up',
      title: 'Burn-up',
      description: 'Scope and done',
      columns,
      rows: data,
      chart: createElement('svg', { className: 'recharts-surface', 'data-testid': 'the-chart' }),
      empty: createElement('a', { href: '/import' }, 'Import delivery data'),
    }),
  );
}

describe('ChartPanel', () => {
  it('shows the chart first, switches to a table of the same figures, and back', () => {
    renderPanel();
    const chartButton = screen.getByRole('button', { name: 'Chart' });
    const tableButton = screen.getByRole('button', { name: 'Table' });
    expect(chartButton.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('the-chart')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();

    fireEvent.click(tableButton);
    expect(tableButton.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('the-chart')).toBeNull();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Week ending', 'Done', 'Scope']);
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['2026-11-22410', '2026-11-29712']);
    // The PNG needs the picture: it is offered only in chart view.
    expect(screen.queryByRole('button', { name: 'Burn-up: download PNG' })).toBeNull();

    fireEvent.click(chartButton);
    expect(screen.getByTestId('the-chart')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('downloads the figures as CSV named after the chart', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:chart';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Burn-up: download CSV' }));
    expect(names).toEqual(['burn-up.csv']);
    expect(await blobs[0]!.text()).toBe('Week ending,Done,Scope\n2026-11-22,4,10\n2026-11-29,7,12');
  });

  it('says what to do when there is nothing to chart, with no switch or downloads', () => {
    renderPanel([]);
    expect(screen.getByRole('link', { name: 'Import delivery data' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('chartCsv', () => {
  it('escapes cells a spreadsheet would run as a formula, and writes empty cells for missing values', () => {
    const csv = chartCsv(
      [
        { key: 'title', label: 'Milestone' },
        { key: 'days', label: 'Days', value: (row: { title: string; days: number | null }) => row.days },
      ],
      [
        { title: '=HYPERLINK("x")', days: 3 },
        { title: 'GA', days: null },
      ],
    );
    expect(csv).toBe('Milestone,Days\n"\'=HYPERLINK(""x"")",3\nGA,');
  });
});
