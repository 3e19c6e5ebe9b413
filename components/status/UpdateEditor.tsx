'use client';
// Writing a status update: health, a one-line reason and the Markdown sections. A draft saves itself
// a moment after typing stops and is published with an explicit step; a published update is
// corrected with "Save correction" (the earlier text is kept as a version).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { healthLabels, healths, updateFieldLabels, updateTextFields, type UpdateContent } from '@/server/domain/status';

const hints: Record<(typeof updateTextFields)[number], string> = {
  summary: 'What a stakeholder must know, in a few lines. Markdown.',
  highlights: 'What went well.',
  lowlights: 'What went badly or is in doubt.',
  asks: 'Help needed, and from whom.',
  nextSteps: 'What happens before the next update.',
};

type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export function UpdateEditor({
  projectId,
  updateId,
  initial,
  mode,
  onDone,
}: {
  projectId: string;
  updateId: string;
  initial: UpdateContent;
  mode: 'draft' | 'correct';
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [content, setContent] = useState<UpdateContent>(initial);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(content);
  latest.current = content;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useMutation(trpc.status.saveDraft.mutationOptions());
  const publish = useMutation(trpc.status.publish.mutationOptions());
  const correct = useMutation(trpc.status.correct.mutationOptions());
  const discard = useMutation(trpc.status.discardDraft.mutationOptions());

  const saveNow = async () => {
    clearTimeout(timer.current);
    setSaveState('saving');
    try {
      await save.mutateAsync({ projectId, updateId, content: latest.current });
      setSaveState((s) => (s === 'saving' ? 'saved' : s));
      setError(null);
    } catch (e) {
      setSaveState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  // Autosave drafts 800 ms after the last keystroke, and on leaving the page.
  useEffect(() => {
    if (mode !== 'draft') return;
    const flush = () => {
      if (timer.current) void saveNow();
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  function change(patch: Partial<UpdateContent>) {
    setContent((c) => ({ ...c, ...patch }));
    if (mode !== 'draft') return;
    setSaveState('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), 800);
  }

  async function onPublish() {
    clearTimeout(timer.current);
    timer.current = undefined;
    try {
      await publish.mutateAsync({ projectId, updateId, content: latest.current });
      setError(null);
      router.refresh();
      onDone?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function onCorrect() {
    try {
      await correct.mutateAsync({ projectId, updateId, content: latest.current });
      setError(null);
      router.refresh();
      onDone?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const id = (name: string) => `update-${updateId}-${name}`;
  const saveText: Record<SaveState, string> = { saved: 'Draft saved', saving: 'Saving…', unsaved: 'Unsaved changes', error: 'Not saved' };

  return (
    <form
      className="flex flex-col gap-4"
      aria-label={mode === 'draft' ? 'Draft update' : 'Correct update'}
      onSubmit={(e) => {
        e.preventDefault();
        void (mode === 'draft' ? onPublish() : onCorrect());
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[11rem_1fr]">
        <Field label="Health" htmlFor={id('health')}>
          <Select id={id('health')} value={content.health} onChange={(e) => change({ health: e.target.value as UpdateContent['health'] })}>
            {healths.map((h) => (
              <option key={h} value={h}>
                {healthLabels[h]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Reason" htmlFor={id('reason')} hint="One line: why the project has this health.">
          <Input id={id('reason')} value={content.healthReason} maxLength={200} onChange={(e) => change({ healthReason: e.target.value.replace(/[\r\n]/g, ' ') })} />
        </Field>
      </div>
      {updateTextFields.map((field) => (
        <Field key={field} label={updateFieldLabels[field]} htmlFor={id(field)} hint={hints[field]}>
          <Textarea id={id(field)} value={content[field]} rows={field === 'summary' ? 6 : 3} onChange={(e) => change({ [field]: e.target.value })} />
        </Field>
      ))}
      <ErrorMessage>{error}</ErrorMessage>
      <div className="flex flex-wrap items-center gap-3">
        {mode === 'draft' ? (
          <>
            <Button type="submit" variant="primary" disabled={publish.isPending}>
              {publish.isPending ? 'Publishing…' : 'Publish update'}
            </Button>
            <p aria-live="polite" data-testid="draft-status" className="text-xs text-muted">
              {saveText[saveState]}
            </p>
            <span className="flex-1" />
            <ConfirmButton
              label="Discard draft"
              question="Discard this draft?"
              confirmLabel="Discard"
              onConfirm={async () => {
                clearTimeout(timer.current);
                timer.current = undefined;
                await discard.mutateAsync({ projectId, updateId });
                router.refresh();
              }}
            />
          </>
        ) : (
          <>
            <Button type="submit" variant="primary" disabled={correct.isPending}>
              {correct.isPending ? 'Saving…' : 'Save correction'}
            </Button>
            <Button onClick={onDone}>Cancel</Button>
            <p className="text-xs text-muted">The page will say “edited”; the earlier text is kept.</p>
          </>
        )}
      </div>
    </form>
  );
}
