'use client';
// CSV export (anyone) and import (editors) of the RAID log. Import goes through the live document
// on the server, so everyone on the board sees the imported items appear.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { downloadBlob } from '@/components/insights/chartExport';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { Button, buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

export type CsvOutcome = { ok: true; message: string } | { ok: false; message: string };

export function CsvTools({
  projectId,
  canImport,
  onOutcome,
}: {
  projectId: string;
  canImport: boolean;
  onOutcome: (outcome: CsvOutcome | null) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const importCsv = useMutation(
    trpc.raid.importCsv.mutationOptions({
      onSuccess: (result) => onOutcome({ ok: true, message: `Imported: ${result.created} new, ${result.updated} updated.` }),
      onError: (error) => onOutcome({ ok: false, message: error.message }),
    }),
  );

  async function exportCsv() {
    setExporting(true);
    onOutcome(null);
    try {
      const { filename, csv } = await client.raid.exportCsv.query({ projectId });
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
    } catch (error) {
      onOutcome({ ok: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setExporting(false);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    onOutcome(null);
    const csv = await file.text();
    if (fileRef.current) fileRef.current.value = '';
    importCsv.mutate({ projectId, csv });
  }

  const importDisabled = !canImport || importCsv.isPending;
  return (
    <>
      <Button size="sm" onClick={exportCsv} disabled={exporting}>
        <DownloadIcon />
        {exporting ? 'Exporting…' : 'Export CSV'}
      </Button>
      <label
        className={cn(
          buttonClasses('secondary', 'sm'),
          'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent',
          'has-[:disabled]:pointer-events-none has-[:disabled]:opacity-50 has-[:enabled]:cursor-pointer',
        )}
      >
        <UploadIcon />
        {importCsv.isPending ? 'Importing…' : 'Import CSV'}
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          disabled={importDisabled}
          onChange={(e) => importFile(e.target.files?.[0])}
        />
      </label>
    </>
  );
}

export function CsvOutcomePanel({ outcome, onDismiss }: { outcome: CsvOutcome; onDismiss: () => void }) {
  return (
    <div
      role={outcome.ok ? 'status' : 'alert'}
      className={cn(
        'flex items-start gap-3 rounded-lg border px-4 py-3 text-sm',
        outcome.ok ? 'border-success/30 bg-success-soft text-success' : 'border-danger/30 bg-danger-soft text-danger',
      )}
    >
      {outcome.ok ? (
        <p className="flex-1">{outcome.message}</p>
      ) : (
        <pre className="max-h-64 flex-1 overflow-auto font-mono text-[12.5px] leading-relaxed break-words whitespace-pre-wrap">
          {outcome.message}
        </pre>
      )}
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss message"
        className="inline-flex size-6 shrink-0 items-center justify-center rounded hover:bg-black/5"
      >
        <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
      <path d="M8 2.5v8m0 0L4.75 7.25M8 10.5l3.25-3.25M3 13.5h10" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function UploadIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
      <path d="M8 10.5v-8m0 0L4.75 5.75M8 2.5l3.25 3.25M3 13.5h10" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
