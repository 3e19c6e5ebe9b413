'use client';
// A workspace's technical standards: its checklists with their checks, the standard set added in
// one go, and a form to write or change a checklist. Editors (the workspace's owner, or an owner or
// editor of one of its projects) change them; other members read them. Milestones get checklists on
// each project's plan page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Checklist } from '@/server/data/standards';
import { maxChecksPerChecklist } from '@/server/domain/standards';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Textarea } from '@/components/ui/field';

interface DraftCheck {
  /** Kept across saves for an existing check (its states at milestones stay). */
  id?: string;
  key: string;
  title: string;
  description: string;
  appliesTo: string;
}

interface Draft {
  id?: string;
  version?: number;
  name: string;
  description: string;
  checks: DraftCheck[];
}

let nextKey = 0;
const newCheck = (): DraftCheck => ({ key: `new-${nextKey++}`, title: '', description: '', appliesTo: '' });
const draftOf = (list: Checklist): Draft => ({
  id: list.id,
  version: list.version,
  name: list.name,
  description: list.description,
  checks: list.checks.map((c) => ({ ...c, key: c.id })),
});

function useChecklistsChanged(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.standards.listChecklists.queryKey({ workspaceId }) });
}

function ChecklistForm({ workspaceId, initial, onDone }: { workspaceId: string; initial: Draft; onDone(message: string): void }) {
  const trpc = useTRPC();
  const changed = useChecklistsChanged(workspaceId);
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.standards.saveChecklist.mutationOptions({
      onSuccess: async () => {
        await changed();
        onDone(`Checklist “${draft.name.trim()}” saved.`);
      },
      onError: (e) => setError(e.message),
    }),
  );
  const setCheck = (key: string, fields: Partial<DraftCheck>) => setDraft((d) => ({ ...d, checks: d.checks.map((c) => (c.key === key ? { ...c, ...fields } : c)) }));
  return (
    <form
      aria-label={initial.id ? `Change ${initial.name}` : 'New checklist'}
      className="flex flex-col gap-3 rounded-lg border border-accent/40 bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const checks = draft.checks.filter((c) => c.title.trim() || c.id);
        save.mutate({
          workspaceId,
          ...(draft.id ? { id: draft.id, version: draft.version } : {}),
          name: draft.name,
          description: draft.description,
          checks: checks.map(({ id: checkId, title, description, appliesTo }) => ({ ...(checkId ? { id: checkId } : {}), title, description, appliesTo })),
        });
      }}
    >
      <Field label="Checklist name" htmlFor={`${id}-name`}>
        <Input id={`${id}-name`} value={draft.name} maxLength={100} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder="e.g. Launch readiness" />
      </Field>
      <Field label="What it is for" htmlFor={`${id}-description`}>
        <Input id={`${id}-description`} value={draft.description} maxLength={2000} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold">Checks</legend>
        {draft.checks.map((c, index) => (
          <div key={c.key} className="grid gap-2 rounded-md border border-line p-3 sm:grid-cols-2" data-testid="checklist-check-row">
            <Field label={`Check ${index + 1} title`} htmlFor={`${id}-${c.key}-title`}>
              <Input id={`${id}-${c.key}-title`} value={c.title} maxLength={200} onChange={(e) => setCheck(c.key, { title: e.target.value })} />
            </Field>
            <Field label={`Check ${index + 1} applies to`} htmlFor={`${id}-${c.key}-applies`}>
              <Input id={`${id}-${c.key}-applies`} value={c.appliesTo} maxLength={200} placeholder="e.g. Services run in production" onChange={(e) => setCheck(c.key, { appliesTo: e.target.value })} />
            </Field>
            <Field label={`Check ${index + 1} description`} htmlFor={`${id}-${c.key}-description`} className="sm:col-span-2">
              <Textarea id={`${id}-${c.key}-description`} value={c.description} maxLength={2000} className="min-h-14" onChange={(e) => setCheck(c.key, { description: e.target.value })} />
            </Field>
            <div className="sm:col-span-2">
              <Button type="button" size="sm" variant="danger-ghost" aria-label={`Remove check ${index + 1}${c.title ? ` (${c.title})` : ''}`} onClick={() => setDraft((d) => ({ ...d, checks: d.checks.filter((x) => x.key !== c.key) }))}>
                Remove check
              </Button>
            </div>
          </div>
        ))}
        {draft.checks.length < maxChecksPerChecklist ? (
          <div>
            <Button type="button" size="sm" onClick={() => setDraft((d) => ({ ...d, checks: [...d.checks, newCheck()] }))}>
              Add a check
            </Button>
          </div>
        ) : null}
      </fieldset>
      {initial.id ? <p className="text-xs text-muted">A removed check is taken off every milestone the checklist is applied to, with its state there; a new one starts pending there.</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save checklist'}
        </Button>
        <Button type="button" variant="ghost" onClick={() => onDone('')}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function ChecklistsPage({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const trpc = useTRPC();
  const changed = useChecklistsChanged(workspaceId);
  const lists = useQuery(trpc.standards.listChecklists.queryOptions({ workspaceId }));
  const [editing, setEditing] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const addSet = useMutation(
    trpc.standards.addStandardSet.mutationOptions({
      onSuccess: async ({ added }) => {
        await changed();
        setMessage({ tone: 'ok', text: added.length ? `Added ${added.map((n) => `“${n}”`).join(' and ')}.` : 'The standard set is already here.' });
      },
      onError: (e) => setMessage({ tone: 'error', text: e.message }),
    }),
  );
  const remove = useMutation(
    trpc.standards.removeChecklist.mutationOptions({
      onSuccess: async () => {
        await changed();
        setMessage({ tone: 'ok', text: 'Checklist removed.' });
      },
      onError: (e) => setMessage({ tone: 'error', text: e.message }),
    }),
  );
  const canEdit = lists.data?.canEdit ?? false;
  const checklists = lists.data?.checklists ?? [];
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-5 sm:px-6">
      <div>
        <h1 className="text-lg font-semibold">Technical standards</h1>
        <p className="text-sm text-muted">
          {workspaceName}: the checklists milestones are held to. Apply them to a milestone on a project's plan page; each check there gets an owner, a state and evidence.
        </p>
      </div>
      {!canEdit && lists.data ? <p className="text-sm text-muted">You can see these checklists; the workspace's owner and project editors change them.</p> : null}
      {canEdit && !editing ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => { setMessage(null); setEditing({ name: '', description: '', checks: [newCheck()] }); }}>
            New checklist
          </Button>
          <Button onClick={() => addSet.mutate({ workspaceId })} disabled={addSet.isPending}>
            Add the standard set
          </Button>
        </div>
      ) : null}
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-sm text-danger' : 'text-sm text-success'}>
          {message.text}
        </p>
      ) : null}
      {editing ? (
        <ChecklistForm
          key={editing.id ?? 'new'}
          workspaceId={workspaceId}
          initial={editing}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage({ tone: 'ok', text });
          }}
        />
      ) : null}
      {lists.isLoading ? <p className="text-sm text-muted">Loading checklists…</p> : null}
      {lists.data && !checklists.length ? (
        <p className="text-sm text-muted">No checklists yet.{canEdit ? ' Add the standard set (security review, performance budget, accessibility audit, runbook, load test, data protection review), or write your own.' : ''}</p>
      ) : null}
      <ul className="flex flex-col gap-3" aria-label="Checklists">
        {checklists.map((list) => (
          <li key={list.id} className="min-w-0 rounded-lg border border-line bg-surface p-4" data-testid="checklist">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="mr-auto text-base font-semibold break-words">{list.name}</h2>
              <span className="text-xs text-muted">
                Applied to {list.milestoneCount} milestone{list.milestoneCount === 1 ? '' : 's'}
              </span>
              {canEdit ? (
                <>
                  <Button size="sm" aria-label={`Change ${list.name}`} onClick={() => { setMessage(null); setEditing(draftOf(list)); }}>
                    Change
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove ${list.name}`}
                    question={list.milestoneCount ? `Remove “${list.name}”? It is taken off ${list.milestoneCount} milestone${list.milestoneCount === 1 ? '' : 's'}, with their checks.` : `Remove “${list.name}”?`}
                    confirmLabel="Remove checklist"
                    pending={remove.isPending}
                    onConfirm={() => remove.mutate({ workspaceId, checklistId: list.id })}
                  />
                </>
              ) : null}
            </div>
            {list.description ? <p className="mt-1 text-sm text-muted">{list.description}</p> : null}
            <ul className="mt-2 list-disc pl-5 text-sm" aria-label={`${list.name} checks`}>
              {list.checks.map((c) => (
                <li key={c.id} className="break-words">
                  <span className="font-medium">{c.title}</span>
                  {c.appliesTo ? <span className="text-muted"> (applies to: {c.appliesTo})</span> : null}
                  {c.description ? <span className="block text-xs text-muted">{c.description}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
