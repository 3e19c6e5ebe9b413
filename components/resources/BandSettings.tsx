'use client';
// The workspace's utilisation bands: at most `under` percent reads "under", up to `healthy` percent
// "healthy", above it "over". Owners and editors change them; the server checks 0 < under < healthy <= 500.
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { readableError } from './model';

export function BandSettings({
  settings,
  onSave,
}: {
  settings: { underMaxPercent: number; healthyMaxPercent: number };
  onSave: (settings: { underMaxPercent: number; healthyMaxPercent: number }) => Promise<unknown>;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const [under, setUnder] = useState(String(settings.underMaxPercent));
  const [healthy, setHealthy] = useState(String(settings.healthyMaxPercent));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!under.trim() || !healthy.trim()) return setError('Give both limits, in percent.');
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSave({ underMaxPercent: Number(under), healthyMaxPercent: Number(healthy) });
      setSaved(true);
    } catch (e) {
      setError(readableError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-muted hover:text-ink">Utilisation bands</summary>
      <form onSubmit={submit} aria-label="Utilisation bands" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
        <Field label="Under up to (%)" htmlFor={`${id}-under`}>
          <Input id={`${id}-under`} type="number" min={1} max={499} step={1} value={under} onChange={(e) => setUnder(e.target.value)} className="w-28" />
        </Field>
        <Field label="Healthy up to (%)" htmlFor={`${id}-healthy`}>
          <Input id={`${id}-healthy`} type="number" min={2} max={500} step={1} value={healthy} onChange={(e) => setHealthy(e.target.value)} className="w-28" />
        </Field>
        <Button type="submit" size="md" disabled={!hydrated || busy}>
          {busy ? 'Saving…' : 'Save bands'}
        </Button>
        {saved ? (
          <p role="status" className="text-xs text-success">
            Saved: the grid uses the new bands.
          </p>
        ) : null}
      </form>
      <ErrorMessage className="mt-2">{error}</ErrorMessage>
    </details>
  );
}
