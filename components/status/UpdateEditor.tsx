'use client';
// Writing a status update: its audience (members only, or also the public status page), health, a
// one-line reason and the Markdown sections. A draft saves itself a moment after typing stops and is
// published with an explicit step; a published update is corrected with "Save correction" (the
// earlier text is kept as a version). Every save says which revision it was based on: when someone
// else saved since, the server refuses it and this editor keeps the person's text, shows the newer
// version beside it and lets them keep theirs or take the other. A public update that names a
// private risk or plan item is published only after the author confirms, with the names shown.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import {
  audienceLabels,
  healthLabels,
  healths,
  updateAudiences,
  updateFieldLabels,
  updateTextFields,
  type PrivateItem,
  type UpdateAudience,
  type UpdateContent,
} from '@/server/domain/status';
import { useHoldRefresh } from './LiveUpdates';

const hints: Record<(typeof updateTextFields)[number], string> = {
  summary: 'What a stakeholder must know, in a few lines. Markdown.',
  highlights: 'What went well.',
  lowlights: 'What went badly or is in doubt.',
  asks: 'Help needed, and from whom.',
  nextSteps: 'What happens before the next update.',
};

const audienceHints: Record<UpdateAudience, string> = {
  internal: 'Only project members see it, in Waymark.',
  public: 'Also on the public status page, its feed and webhooks (when the page is on).',
};

type SaveState = 'saved' | 'saving' | 'unsaved' | 'error' | 'conflict';

/** The newer version someone else saved, shown beside the person's own text. */
interface Theirs {
  message: string;
  content: UpdateContent;
  audience: UpdateAudience;
  revision: number;
  savedBy: string | null;
  published: boolean;
}

const codeOf = (e: unknown) => (e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function UpdateEditor({
  projectId,
  updateId,
  initial,
  revision,
  audience: initialAudience,
  mode,
  onDone,
}: {
  projectId: string;
  updateId: string;
  initial: UpdateContent;
  /** The revision `initial` is (status.list/get). */
  revision: number;
  audience: UpdateAudience;
  mode: 'draft' | 'correct';
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<UpdateContent>(initial);
  const [audience, setAudience] = useState<UpdateAudience>(initialAudience);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [mentions, setMentions] = useState<PrivateItem[] | null>(null);
  const latest = useRef({ content, audience });
  latest.current = { content, audience };
  /** The revision the text in this editor is based on. */
  const base = useRef(revision);
  const state = useRef(saveState);
  state.current = saveState;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useMutation(trpc.status.saveDraft.mutationOptions());
  const publish = useMutation(trpc.status.publish.mutationOptions());
  const correct = useMutation(trpc.status.correct.mutationOptions());
  const discard = useMutation(trpc.status.discardDraft.mutationOptions());
  const checkMentions = useMutation(trpc.status.checkPrivateMentions.mutationOptions());

  // A draft with text not yet saved (or in conflict) keeps the page from re-rendering under it.
  useHoldRefresh(`update-${updateId}`, mode === 'draft' && saveState !== 'saved');

  // Someone else saved and this editor has nothing of its own pending: show their text.
  useEffect(() => {
    if (revision <= base.current || state.current !== 'saved' || timer.current) return;
    base.current = revision;
    setContent(initial);
    setAudience(initialAudience);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  /** Loads the newer version after a refusal, keeping this editor's text as it is. */
  async function showTheirs(message: string) {
    setSaveState('conflict');
    setError(null);
    try {
      const newer = await queryClient.fetchQuery({ ...trpc.status.get.queryOptions({ projectId, updateId }), staleTime: 0 });
      const { health, healthReason, summary, highlights, lowlights, asks, nextSteps } = newer;
      setTheirs({
        message,
        content: { health, healthReason, summary, highlights, lowlights, asks, nextSteps },
        audience: newer.audience,
        revision: newer.revision,
        savedBy: newer.updatedByName,
        published: Boolean(newer.publishedAt) && mode === 'draft',
      });
    } catch (e) {
      // Discarded meanwhile: the text stays in the fields to copy.
      setTheirs(null);
      setError(`${message} ${messageOf(e)}`);
    }
  }

  const saveNow = async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (state.current === 'conflict') return;
    setSaveState('saving');
    try {
      const saved = await save.mutateAsync({ projectId, updateId, content: latest.current.content, audience: latest.current.audience, baseRevision: base.current });
      base.current = saved.revision;
      setSaveState((s) => (s === 'saving' ? 'saved' : s));
      setError(null);
    } catch (e) {
      if (codeOf(e) === 'CONFLICT' || codeOf(e) === 'PRECONDITION_FAILED') return showTheirs(messageOf(e));
      setSaveState('error');
      setError(messageOf(e));
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

  function edited() {
    // A correction is not autosaved, but its text is still the person's: never replaced under them.
    if (state.current !== 'conflict') setSaveState('unsaved');
    if (mode !== 'draft') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), 800);
  }

  function change(patch: Partial<UpdateContent>) {
    setContent((c) => ({ ...c, ...patch }));
    edited();
  }

  /** Publishes (or saves the correction); a public one that names private items asks first. */
  async function submit(confirmPrivateMentions = false) {
    clearTimeout(timer.current);
    timer.current = undefined;
    setMentions(null);
    const { content: text, audience: to } = latest.current;
    try {
      if (to === 'public' && !confirmPrivateMentions) {
        const { privateMentions } = await checkMentions.mutateAsync({ projectId, content: text });
        if (privateMentions.length) {
          setMentions(privateMentions);
          return;
        }
      }
      const input = { projectId, updateId, content: text, audience: to, baseRevision: base.current, confirmPrivateMentions };
      const done = mode === 'draft' ? await publish.mutateAsync(input) : await correct.mutateAsync(input);
      base.current = done.revision;
      setError(null);
      setSaveState('saved');
      router.refresh();
      onDone?.();
    } catch (e) {
      if (codeOf(e) === 'CONFLICT') return showTheirs(messageOf(e));
      setError(messageOf(e));
    }
  }

  function keepMine() {
    if (!theirs) return;
    base.current = theirs.revision;
    setTheirs(null);
    setSaveState('unsaved');
    state.current = 'unsaved';
    if (mode === 'draft') void saveNow();
  }

  function takeTheirs() {
    if (!theirs) return;
    base.current = theirs.revision;
    setContent(theirs.content);
    setAudience(theirs.audience);
    setTheirs(null);
    setSaveState('saved');
    if (theirs.published) router.refresh();
  }

  const id = (name: string) => `update-${updateId}-${name}`;
  const saveText: Record<SaveState, string> = { saved: 'Draft saved', saving: 'Saving…', unsaved: 'Unsaved changes', error: 'Not saved', conflict: 'Not saved: someone else saved a newer version' };
  const differs = theirs
    ? ([...updateTextFields, 'healthReason', 'health'] as const).filter((f) => theirs.content[f] !== content[f])
    : [];

  return (
    <form
      className="flex flex-col gap-4"
      aria-label={mode === 'draft' ? 'Draft update' : 'Correct update'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Audience" htmlFor={id('audience')} hint={audienceHints[audience]}>
        <Select
          id={id('audience')}
          value={audience}
          onChange={(e) => {
            setAudience(e.target.value as UpdateAudience);
            edited();
          }}
        >
          {updateAudiences.map((a) => (
            <option key={a} value={a}>
              {audienceLabels[a]}
            </option>
          ))}
        </Select>
      </Field>
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

      {theirs ? (
        <section aria-label="Newer version" data-testid="update-conflict" className="flex flex-col gap-3 rounded-md border border-medium/40 bg-medium-soft p-4 text-sm">
          <p role="alert" className="font-medium">
            {theirs.published ? `${theirs.savedBy ?? 'Someone'} published this update while you were editing it. Your text is still in the fields above: copy what you need into a new update or a correction.` : theirs.message}
          </p>
          {differs.length ? (
            <div className="flex flex-col gap-2">
              <p className="text-xs text-muted">
                Their version{theirs.savedBy ? `, saved by ${theirs.savedBy}` : ''}, where it differs from yours:
              </p>
              {differs.map((f) => (
                <div key={f}>
                  <p className="text-xs font-semibold tracking-wide text-muted uppercase">{f === 'health' ? 'Health' : f === 'healthReason' ? 'Reason' : updateFieldLabels[f]}</p>
                  <p className="whitespace-pre-wrap rounded border border-line bg-surface p-2" data-testid={`theirs-${f}`}>
                    {f === 'health' ? healthLabels[theirs.content.health] : theirs.content[f] || '(empty)'}
                  </p>
                </div>
              ))}
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {theirs.published ? (
              <Button onClick={takeTheirs}>Show the published update</Button>
            ) : (
              <>
                <Button variant="primary" onClick={keepMine}>
                  Keep my text
                </Button>
                <Button onClick={takeTheirs}>Take their version</Button>
              </>
            )}
          </div>
          {theirs.published ? null : (
            <p className="text-xs text-muted">To merge, copy what you want from their version into the fields above, then keep your text.</p>
          )}
        </section>
      ) : null}

      {mentions ? (
        <section role="group" aria-label="Private items in a public update" className="flex flex-col gap-2 rounded-md border border-danger/30 bg-danger-soft p-4 text-sm">
          <p role="alert">This public update names items that are not public; they would appear on the status page, its feed and webhooks:</p>
          <ul className="list-disc pl-5" data-testid="private-mentions">
            {mentions.map((m) => (
              <li key={`${m.kind}:${m.title}`}>
                {m.kind} “{m.title}”
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button autoFocus onClick={() => setMentions(null)}>
              Go back and edit
            </Button>
            <Button variant="danger" onClick={() => void submit(true)}>
              {mode === 'draft' ? 'Publish anyway' : 'Save anyway'}
            </Button>
          </div>
        </section>
      ) : null}

      <ErrorMessage>{error}</ErrorMessage>
      <div className="flex flex-wrap items-center gap-3">
        {mode === 'draft' ? (
          <>
            <Button type="submit" variant="primary" disabled={publish.isPending || checkMentions.isPending || saveState === 'conflict'}>
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
                setSaveState('saved');
                router.refresh();
              }}
            />
          </>
        ) : (
          <>
            <Button type="submit" variant="primary" disabled={correct.isPending || checkMentions.isPending || saveState === 'conflict'}>
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
