'use client';
// One chart of the insights page in a card: its title and what it shows, a "Chart / Table" switch
// (the table holds the same figures, for screen readers and for reading exact values), and CSV and
// PNG downloads. When there is nothing to chart it says what to do instead.
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { cellValue, chartCsv, downloadBlob, svgToPng, type TableColumn } from './chartExport';

export interface ChartPanelProps<Row> {
  /** Stable id: the file names and the heading's id. */
  id: string;
  title: string;
  description: ReactNode;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** The picture (a recharts chart); drawn only in chart view. */
  chart: ReactNode;
  /** Shown instead of chart and table when `rows` is empty: what to do to get a chart here. */
  empty: ReactNode;
}

export function ChartPanel<Row>({ id, title, description, columns, rows, chart, empty }: ChartPanelProps<Row>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [problem, setProblem] = useState<string | null>(null);
  const chartArea = useRef<HTMLDivElement>(null);
  const headingId = `${id}-heading`;

  async function exportPng() {
    setProblem(null);
    const svg = chartArea.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!svg) {
      setProblem('Switch to the chart to export it as an image.');
      return;
    }
    try {
      downloadBlob(await svgToPng(svg), `${id}.png`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col rounded-lg border border-line bg-surface p-4" data-testid={`chart-${id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold">
            {title}
          </h2>
          <p className="mt-0.5 text-xs text-muted">{description}</p>
        </div>
        {rows.length ? (
          <div className="flex flex-wrap items-center gap-2">
            <div role="group" aria-label={`${title}: view`} className="inline-flex rounded-md border border-line p-0.5">
              {(['chart', 'table'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view === v}
                  onClick={() => setView(v)}
                  className={cn('rounded px-2 py-0.5 text-xs font-medium', view === v ? 'bg-accent-soft text-accent-ink' : 'text-muted hover:bg-hover hover:text-ink')}
                >
                  {v === 'chart' ? 'Chart' : 'Table'}
                </button>
              ))}
            </div>
            <Button size="sm" onClick={() => downloadBlob(new Blob([chartCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${id}.csv`)} aria-label={`${title}: download CSV`}>
              CSV
            </Button>
            {view === 'chart' ? (
              <Button size="sm" onClick={exportPng} aria-label={`${title}: download PNG`}>
                PNG
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="mt-2 text-xs text-danger">
          {problem}
        </p>
      ) : null}
      <div className="mt-3 min-w-0">
        {!rows.length ? (
          <div className="rounded-md border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">{empty}</div>
        ) : view === 'chart' ? (
          // The picture is for sighted readers; the same figures are in the table view.
          <div ref={chartArea} className="h-64 w-full" role="img" aria-label={`${title}. Switch to the table for the figures.`}>
            {chart}
          </div>
        ) : (
          <div className="max-h-80 overflow-auto rounded-md border border-line" tabIndex={0} role="region" aria-label={`${title}: table`}>
            <table className="w-full text-left text-xs" data-testid={`table-${id}`}>
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-sunken text-muted">
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 font-medium whitespace-nowrap">
                          {cellValue(c, row)}
                        </th>
                      ) : (
                        <td key={c.key} className="px-2 py-1 tabular-nums">
                          {cellValue(c, row)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
