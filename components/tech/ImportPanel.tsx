'use client';
// Import a dependency manifest: choose the file (and a package-lock.json for exact versions) or
// paste its text, see what would change, then Apply. The server reads and checks the file; its
// refusals name the line or the limit and are shown as they come. Nothing is written before Apply.
// Pasted text and a chosen file are kept apart: switching to "Choose a file" never sends the text
// pasted before, and switching back finds it still there.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ImportPreview, importSummary } from './ImportPreview';
import { techErrorText, type ImportOutcome } from './model';

const maxBytes = 2 * 1024 * 1024;
const manifestNames = ['package.json', 'requirements.txt', 'go.mod', 'pom.xml'] as const;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function ImportPanel({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const importManifest = useMutation(trpc.tech.importManifest.mutationOptions());
  const [how, setHow] = useState<'upload' | 'paste'>('upload');
  const [pastedName, setPastedName] = useState<string>('package.json');
  const [pasted, setPasted] = useState('');
  // The file input is empty again whenever "Choose a file" is shown anew, so the file read from it goes too.
  const [chosen, setChosen] = useState<{ name: string; text: string } | null>(null);
  const fileName = how === 'paste' ? pastedName : (chosen?.name ?? 'package.json');
  const content = how === 'paste' ? pasted : (chosen?.text ?? '');
  const [lockContent, setLockContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function changed() {
    setPreview(null);
    setError(null);
    setDone(null);
  }

  async function readFile(event: ChangeEvent<HTMLInputElement>, into: 'manifest' | 'lock') {
    changed();
    const file = event.target.files?.[0];
    if (!file) return into === 'manifest' ? setChosen(null) : setLockContent(null);
    if (file.size > maxBytes) {
      event.target.value = '';
      return setError(`${file.name} is ${megabytes(file.size)}; the limit is 2 MB.`);
    }
    const text = await file.text();
    if (into === 'manifest') setChosen({ name: file.name, text });
    else setLockContent(text);
  }

  const lock = how === 'upload' && fileName.endsWith('package.json') && lockContent ? { lockContent } : {};

  async function run(asPreview: boolean) {
    if (!content.trim()) return setError(how === 'upload' ? 'Choose a manifest file first.' : 'Paste the manifest’s text first.');
    setError(null);
    setDone(null);
    try {
      const outcome = await importManifest.mutateAsync({ projectId, fileName, content, ...lock, preview: asPreview });
      if (asPreview) setPreview(outcome);
      else {
        setPreview(null);
        setDone(`Imported ${fileName}: ${importSummary(outcome).replace(' to add', ' added').replace(' to update', ' updated')}`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.tech.list.queryKey({ projectId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.tech.alerts.queryKey({ projectId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.tech.review.queryKey({ projectId }) }),
        ]);
      }
    } catch (e) {
      setPreview(null);
      setError(techErrorText(e));
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-heading`} className="mr-auto text-sm font-semibold">
          Import a manifest
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close import
        </Button>
      </div>
      <p className="text-xs text-muted">
        package.json (with package-lock.json for exact versions), requirements.txt, go.mod or pom.xml, up to 2 MB. Items are added or updated, never duplicated.
      </p>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How to give the manifest</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-how`} checked={how === 'upload'} onChange={() => (setHow('upload'), setChosen(null), setLockContent(null), changed())} className="accent-accent" />
          Choose a file
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-how`} checked={how === 'paste'} onChange={() => (setHow('paste'), changed())} className="accent-accent" />
          Paste its text
        </label>
      </fieldset>
      {how === 'upload' ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Manifest" htmlFor={`${id}-file`}>
            <Input id={`${id}-file`} type="file" accept=".json,.txt,.mod,.xml" onChange={(e) => void readFile(e, 'manifest')} className="h-auto py-1.5" />
          </Field>
          <Field label="package-lock.json (optional)" htmlFor={`${id}-lock`} hint="Only with a package.json.">
            <Input id={`${id}-lock`} type="file" accept=".json" onChange={(e) => void readFile(e, 'lock')} className="h-auto py-1.5" />
          </Field>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <Field label="Which file" htmlFor={`${id}-name`}>
            <Select id={`${id}-name`} value={pastedName} onChange={(e) => (setPastedName(e.target.value), changed())} className="sm:w-60">
              {manifestNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Manifest text" htmlFor={`${id}-text`}>
            <Textarea id={`${id}-text`} value={pasted} onChange={(e) => (setPasted(e.target.value), changed())} className="min-h-40 font-mono text-xs" spellCheck={false} />
          </Field>
        </div>
      )}
      <ErrorMessage>{error}</ErrorMessage>
      <SuccessMessage>{done}</SuccessMessage>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void run(true)} disabled={importManifest.isPending}>
          {importManifest.isPending && !preview ? 'Reading…' : 'Preview'}
        </Button>
        {preview ? (
          <Button variant="primary" onClick={() => void run(false)} disabled={importManifest.isPending}>
            {importManifest.isPending ? 'Applying…' : 'Apply'}
          </Button>
        ) : null}
      </div>
      {preview ? <ImportPreview fileName={fileName} outcome={preview} /> : null}
    </section>
  );
}
