'use client';
// The workspace's licence deny list: licences no project may use (an item under one raises a
// "licence not allowed" alert). One licence a line; those allowed to change it save it here,
// everyone else reads it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { techErrorText } from './model';

export function DenyListEditor({ workspaceId }: { workspaceId: string }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const denyList = useQuery(trpc.tech.denyList.queryOptions({ workspaceId })).data;
  const save = useMutation(trpc.tech.setDenyList.mutationOptions());
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!denyList) return null;
  const shown = text ?? denyList.licences.join('\n');

  async function submit() {
    setError(null);
    setSaved(null);
    const licences = shown
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const kept = await save.mutateAsync({ workspaceId, licences });
      setText(null);
      setSaved(kept.licences.length ? `Saved: ${kept.licences.length} licence${kept.licences.length === 1 ? '' : 's'} not allowed.` : 'Saved: every licence is allowed.');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.tech.denyList.queryKey({ workspaceId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.radar.queryKey({ workspaceId }) }),
      ]);
    } catch (e) {
      setError(techErrorText(e));
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
      <h2 id={`${id}-heading`} className="text-sm font-semibold">
        Licences not allowed
      </h2>
      {denyList.canEdit ? (
        <>
          <Field
            label="One licence a line (SPDX ids such as AGPL-3.0)"
            htmlFor={`${id}-licences`}
            hint="AGPL-3.0 also covers AGPL-3.0-only and AGPL-3.0-or-later. Items under these licences raise an alert in their project."
          >
            <Textarea id={`${id}-licences`} value={shown} onChange={(e) => (setText(e.target.value), setSaved(null))} className="font-mono text-xs" spellCheck={false} />
          </Field>
          <ErrorMessage>{error}</ErrorMessage>
          <SuccessMessage>{saved}</SuccessMessage>
          <div>
            <Button size="sm" variant="primary" onClick={() => void submit()} disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save licences'}
            </Button>
          </div>
        </>
      ) : denyList.licences.length ? (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Licences not allowed">
          {denyList.licences.map((l) => (
            <li key={l} className="rounded border border-line bg-sunken px-2 py-0.5 font-mono text-xs">
              {l}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">Every licence is allowed in this workspace.</p>
      )}
    </section>
  );
}
