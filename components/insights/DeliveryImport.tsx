'use client';
// Importing delivery data (a tracker's CSV export) on the insights page, in three steps: paste or
// choose the file; map its columns (starting from the project's last mapping, or a guess from the
// column names); check it, seeing each bad line and what the import would add and update; then
// import, keeping the good lines when some are bad. The server reads and writes (delivery.*).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import type { DeliveryMapping } from '@/server/domain/deliveryCsv';

type MappingField = Exclude<keyof DeliveryMapping, 'planItemRules'>;

const mappingFields: { field: MappingField; label: string; required: boolean }[] = [
  { field: 'key', label: 'Key', required: true },
  { field: 'created', label: 'Created', required: true },
  { field: 'resolved', label: 'Resolved', required: true },
  { field: 'started', label: 'Started', required: false },
  { field: 'title', label: 'Title', required: false },
  { field: 'type', label: 'Type', required: false },
  { field: 'estimate', label: 'Estimate', required: false },
  { field: 'labels', label: 'Labels', required: false },
  { field: 'planItem', label: 'Milestone or workstream', required: false },
];

/** The bad lines listed one by one on the page (the server lists up to 1,000). */
const shownProblems = 50;

interface Checked {
  created: number;
  updated: number;
  errors: { line: number; message: string }[];
}

export function DeliveryImport({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [mappingFrom, setMappingFrom] = useState<'lastImport' | 'guessed' | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<MappingField, string>>>({});
  const [checked, setChecked] = useState<Checked | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lines = csv ? csv.split('\n').length - 1 : 0;

  const preview = useMutation(
    trpc.delivery.preview.mutationOptions({
      onSuccess: (result) => {
        setColumns(result.columns);
        setMappingFrom(result.mappingFrom);
        setMapping(result.mapping ? (Object.fromEntries(Object.entries(result.mapping).filter(([field]) => field !== 'planItemRules')) as Partial<Record<MappingField, string>>) : {});
      },
      onError: (error) => setProblem(error.message),
    }),
  );
  const importCsv = useMutation(trpc.delivery.importCsv.mutationOptions({ onError: (error) => setProblem(error.message) }));

  function restart(text: string, name: string | null) {
    setCsv(text);
    setFileName(name);
    setColumns(null);
    setChecked(null);
    setOutcome(null);
    setProblem(null);
  }

  const complete = mappingFields.every((f) => !f.required || mapping[f.field]);
  const fullMapping = (): DeliveryMapping => {
    const optional = Object.fromEntries(mappingFields.filter((f) => !f.required && mapping[f.field]).map((f) => [f.field, mapping[f.field]]));
    return { key: mapping.key ?? '', created: mapping.created ?? '', resolved: mapping.resolved ?? '', ...optional };
  };

  async function check() {
    setProblem(null);
    setOutcome(null);
    const result = await importCsv.mutateAsync({ projectId, csv, mapping: fullMapping(), dryRun: true }).catch(() => null);
    if (result) setChecked(result);
  }

  async function runImport() {
    setProblem(null);
    const result = await importCsv.mutateAsync({ projectId, csv, mapping: fullMapping(), confirm: true }).catch(() => null);
    if (!result) return;
    setOutcome(`Imported: ${result.created} new, ${result.updated} updated${result.errors.length ? `; ${result.errors.length === 1 ? '1 line' : `${result.errors.length} lines`} left out` : ''}.`);
    setChecked(null);
    setColumns(null);
    setCsv('');
    setFileName(null);
    await Promise.all([queryClient.invalidateQueries(trpc.delivery.summary.pathFilter()), queryClient.invalidateQueries(trpc.forecast.pathFilter())]);
  }

  const busy = preview.isPending || importCsv.isPending;
  return (
    <section id="import-delivery" aria-labelledby={`${ids}-heading`} className="rounded-lg border border-line bg-surface p-4 md:col-span-2">
      <h2 id={`${ids}-heading`} className="text-sm font-semibold">
        Import delivery data
      </h2>
      <p className="mt-0.5 text-xs text-muted">
        A CSV export of work items from Jira, Linear or GitHub: each needs a key and a created date; resolved items a resolved date. Importing the same keys again updates them.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto]">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-text`} className="text-xs font-medium">
            Delivery CSV
          </label>
          <textarea
            id={`${ids}-text`}
            value={fileName ? '' : csv}
            placeholder={fileName ? `${fileName} (${lines.toLocaleString('en-GB')} lines)` : 'key,created,resolved\nPAY-1,2026-11-02,2026-11-09'}
            onChange={(e) => restart(e.target.value, null)}
            rows={4}
            className="w-full rounded-md border border-line bg-surface px-2 py-1 font-mono text-xs"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-file`} className="text-xs font-medium">
            Or a CSV file
          </label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,text/csv"
            className="max-w-full text-xs"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) restart(await file.text(), file.name);
            }}
          />
        </div>
      </div>
      <div className="mt-3">
        <Button size="sm" disabled={!csv || busy} onClick={() => preview.mutate({ projectId, csv })}>
          Map columns
        </Button>
      </div>

      {columns ? (
        <fieldset className="mt-4 rounded-md border border-line p-3">
          <legend className="px-1 text-xs font-medium">
            Columns{mappingFrom === 'lastImport' ? ' (as in your last import)' : mappingFrom === 'guessed' ? ' (guessed from the column names)' : ''}
          </legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {mappingFields.map(({ field, label, required }) => (
              <label key={field} className="flex flex-col gap-0.5 text-xs">
                <span>
                  {label}
                  {required ? ' (required)' : ''}
                </span>
                <select
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    setMapping((m) => ({ ...m, [field]: e.target.value || undefined }));
                    setChecked(null);
                  }}
                  className="rounded border border-line bg-surface px-1 py-1 text-xs"
                >
                  <option value="">{required ? 'Choose a column' : 'None'}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Button size="sm" disabled={!complete || busy} onClick={check}>
              Check
            </Button>
            {checked ? (
              <Button size="sm" variant="primary" disabled={busy || checked.created + checked.updated === 0} onClick={runImport}>
                {checked.errors.length ? `Import the ${(checked.created + checked.updated).toLocaleString('en-GB')} good lines` : 'Import'}
              </Button>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      {busy ? (
        <div role="status" className="mt-3 flex items-center gap-2 text-xs text-muted">
          <progress className="h-1.5 w-32" aria-label="Working" />
          {preview.isPending ? 'Reading the columns…' : `Reading ${lines.toLocaleString('en-GB')} lines…`}
        </div>
      ) : null}

      {checked ? (
        <div className="mt-3 text-xs" data-testid="delivery-check">
          <p role="status">
            {checked.created.toLocaleString('en-GB')} new, {checked.updated.toLocaleString('en-GB')} updated
            {checked.errors.length ? `, ${checked.errors.length.toLocaleString('en-GB')} with problems (left out if you import)` : ', no problems'}. Nothing is written until you import.
          </p>
          {checked.errors.length ? (
            <ul className="mt-2 max-h-48 overflow-auto rounded-md border border-line" aria-label="Lines with problems" tabIndex={0}>
              {checked.errors.slice(0, shownProblems).map((e, i) => (
                <li key={i} className="border-b border-line px-2 py-1 last:border-b-0" data-testid="delivery-problem">
                  <span className="font-medium">Line {e.line}:</span> {e.message}
                </li>
              ))}
              {checked.errors.length > shownProblems ? <li className="px-2 py-1 text-muted">and {checked.errors.length - shownProblems} more lines</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome ? (
        <p role="status" className="mt-3 text-xs font-medium text-low-ink">
          {outcome}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-3 text-xs text-danger">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
