'use client';
// Technical standards on the plan page: each milestone's readiness (standards.forProject, read again
// after the plan's milestones change), the checks of an open milestone with their state, owner,
// evidence and waiver, editable by editors and read-only for viewers, and applying or taking off a
// workspace checklist. Standards are records changed through tRPC, not part of the live plan.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDistanceToNow } from 'date-fns';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import type { MilestoneCheckRow, MilestoneStandards, ProjectStandards } from '@/server/data/standards';
import { checkStateLabels, checkStates, describeReadiness, waiveNeedsReason, type CheckState } from '@/server/domain/standards';
import { useTRPC } from '@/components/trpc/client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { StandardsReadiness } from './StandardsReadiness';

/** How often standards are read again: someone else may mark a check meanwhile. */
const standardsRefreshMs = 15_000;

/** standards.forProject, kept fresh: read again a moment after the plan's milestones change (the projection writes shortly after an edit). */
export function usePlanStandards(projectId: string, initial: ProjectStandards | null, milestonesKey: string): ProjectStandards | null {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.standards.forProject.queryOptions({ projectId }), initialData: initial ?? undefined, staleTime: standardsRefreshMs, refetchInterval: standardsRefreshMs });
  const { refetch } = query;
  useEffect(() => {
    const timer = setTimeout(() => void refetch(), 1000);
    return () => clearTimeout(timer);
  }, [milestonesKey, refetch]);
  return query.data ?? null;
}

function useStandardsChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.standards.forProject.queryKey({ projectId }) });
}

const stateTones: Record<CheckState, string> = {
  pending: 'border-line-strong bg-surface text-muted',
  passed: 'border-success/40 bg-success-soft text-success',
  failed: 'border-danger/40 bg-danger-soft text-danger',
  waived: 'border-medium/40 bg-medium-soft text-medium-ink',
};
const stateIcons: Record<CheckState, string> = { pending: '◔', passed: '✓', failed: '✕', waived: '↷' };

function StateChip({ state }: { state: CheckState }) {
  return (
    <Badge tone={stateTones[state]} className="gap-1">
      <span aria-hidden="true">{stateIcons[state]}</span>
      {checkStateLabels[state]}
    </Badge>
  );
}

/** The form that changes one check: its state, the reason when waived, its owner and its evidence. */
function CheckEditor({ projectId, check, members, onDone }: { projectId: string; check: MilestoneCheckRow; members: { userId: string; name: string }[]; onDone(): void }) {
  const trpc = useTRPC();
  const changed = useStandardsChanged(projectId);
  const id = useId();
  const [state, setState] = useState<CheckState>(check.state);
  const [reason, setReason] = useState(check.waiveReason);
  const [evidenceUrl, setEvidenceUrl] = useState(check.evidenceUrl);
  const memberOwner = check.owner?.userId ?? '';
  const [owner, setOwner] = useState<string>(check.owner ? (check.owner.userId ?? 'other') : '');
  const [ownerName, setOwnerName] = useState(check.owner && !check.owner.userId ? check.owner.name : '');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.standards.updateCheck.mutationOptions({
      onSuccess: async () => {
        await changed();
        onDone();
      },
      onError: async (e) => {
        setError(e.message);
        // A newer change by someone else: show it, so the next save starts from it.
        if (e.data?.code === 'CONFLICT') await changed();
      },
    }),
  );
  const ownerOptions = members.some((m) => m.userId === memberOwner) || !memberOwner ? members : [...members, { userId: memberOwner, name: check.owner!.name }];
  return (
    <form
      aria-label={`Change ${check.title}`}
      className="mt-2 grid gap-3 rounded-md border border-line bg-sunken p-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (state === 'waived' && !reason.trim()) {
          setError(waiveNeedsReason);
          return;
        }
        save.mutate({
          projectId,
          checkId: check.id,
          version: check.version,
          state,
          reason: state === 'waived' ? reason : '',
          evidenceUrl,
          ownerUserId: owner && owner !== 'other' ? owner : null,
          ownerName: owner === 'other' ? ownerName : '',
        });
      }}
    >
      <Field label="State" htmlFor={`${id}-state`}>
        <Select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as CheckState)}>
          {checkStates.map((s) => (
            <option key={s} value={s}>
              {checkStateLabels[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Owner" htmlFor={`${id}-owner`}>
        <Select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">Nobody yet</option>
          {ownerOptions.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
          <option value="other">Someone else…</option>
        </Select>
      </Field>
      {owner === 'other' ? (
        <Field label="Owner's name" htmlFor={`${id}-owner-name`} hint="Someone outside the project, e.g. “Security team”.">
          <Input id={`${id}-owner-name`} value={ownerName} maxLength={100} onChange={(e) => setOwnerName(e.target.value)} />
        </Field>
      ) : null}
      <Field label="Evidence link" htmlFor={`${id}-evidence`} hint="A report, ticket or dashboard: http:// or https://" className="sm:col-span-2">
        <Input id={`${id}-evidence`} type="url" inputMode="url" value={evidenceUrl} maxLength={2000} placeholder="https://" onChange={(e) => setEvidenceUrl(e.target.value)} />
      </Field>
      {state === 'waived' ? (
        <Field label="Why it is waived" htmlFor={`${id}-reason`} hint="Required: why it does not apply, or who accepted the risk." className="sm:col-span-2">
          <Textarea id={`${id}-reason`} value={reason} maxLength={1000} required onChange={(e) => setReason(e.target.value)} />
        </Field>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger sm:col-span-2">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save check'}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CheckItem({ projectId, check, canEdit, members }: { projectId: string; check: MilestoneCheckRow; canEdit: boolean; members: { userId: string; name: string }[] }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="min-w-0 py-2" data-testid="standard-check" data-state={check.state}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium break-words">{check.title}</span>
        <StateChip state={check.state} />
        {canEdit && !editing ? (
          <Button size="sm" variant="ghost" className="ml-auto" aria-label={`Change ${check.title}`} onClick={() => setEditing(true)}>
            Change
          </Button>
        ) : null}
      </div>
      <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs text-muted">
        <dt>Owner</dt>
        <dd>{check.owner?.name ?? 'Nobody yet'}</dd>
        <dt>Evidence</dt>
        <dd className="break-all">
          {check.evidenceUrl ? (
            <a href={check.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
              {check.evidenceUrl}
            </a>
          ) : (
            'None yet'
          )}
        </dd>
        {check.state === 'waived' ? (
          <>
            <dt>Waived because</dt>
            <dd className="break-words whitespace-pre-line text-ink">{check.waiveReason}</dd>
          </>
        ) : null}
        {check.updatedBy ? (
          <>
            <dt>Updated</dt>
            <dd>
              by {check.updatedBy}, {formatDistanceToNow(check.updatedAt, { addSuffix: true })}
            </dd>
          </>
        ) : null}
      </dl>
      {check.appliesTo || check.description ? <p className="mt-1 text-xs text-faint">{[check.description, check.appliesTo ? `Applies to: ${check.appliesTo}` : ''].filter(Boolean).join(' ')}</p> : null}
      {editing ? <CheckEditor projectId={projectId} check={check} members={members} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}

/** The open milestone's standards: its checklists and checks; editors apply, take off and change them. */
export function MilestoneStandardsPanel({
  projectId,
  workspaceId,
  milestoneId,
  standards,
  members,
}: {
  projectId: string;
  workspaceId: string;
  milestoneId: string;
  standards: ProjectStandards | null;
  members: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const changed = useStandardsChanged(projectId);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onError = (e: { message: string }) => setError(e.message);
  const apply = useMutation(trpc.standards.applyToMilestone.mutationOptions({ onSuccess: async () => { setChoice(''); await changed(); }, onError }));
  const unapply = useMutation(trpc.standards.unapply.mutationOptions({ onSuccess: () => changed(), onError }));
  const milestone: MilestoneStandards | undefined = standards?.milestones.find((m) => m.milestoneId === milestoneId);
  const canEdit = standards?.canEdit ?? false;
  const headingId = useId();
  if (!standards) return null;
  if (!milestone) return <p className="mt-3 text-sm text-muted">Technical standards can be applied once the milestone is saved.</p>;
  const applied = new Set(milestone.checklists.map((c) => c.checklistId));
  const available = standards.checklists.filter((c) => !applied.has(c.id));
  return (
    <section aria-labelledby={headingId} className="mt-3 border-t border-line pt-3" data-testid="milestone-standards">
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={headingId} className="text-xs font-semibold text-muted">
          Technical standards
        </h4>
        <StandardsReadiness readiness={milestone.readiness} />
        {milestone.readiness.total ? <span className="text-xs text-muted">{describeReadiness(milestone.readiness).detail}</span> : null}
      </div>
      {!milestone.checklists.length ? <p className="mt-1 text-sm text-muted">No standards applied to this milestone.</p> : null}
      {milestone.checklists.map((list) => (
        <div key={list.checklistId} className="mt-2">
          <div className="flex flex-wrap items-center gap-2">
            <h5 className="text-sm font-semibold">{list.name}</h5>
            {canEdit ? (
              <ConfirmButton
                label="Take off"
                ariaLabel={`Take ${list.name} off ${milestone.title}`}
                question={`Take “${list.name}” off this milestone? Its checks' states here are removed.`}
                confirmLabel="Take off"
                pending={unapply.isPending}
                onConfirm={() => unapply.mutate({ projectId, milestoneId, checklistId: list.checklistId })}
              />
            ) : null}
          </div>
          <ul className="divide-y divide-line text-sm" aria-label={`${list.name} checks`}>
            {list.checks.map((check) => (
              <CheckItem key={check.id} projectId={projectId} check={check} canEdit={canEdit} members={members} />
            ))}
          </ul>
        </div>
      ))}
      {canEdit ? (
        available.length ? (
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            aria-label={`Apply a checklist to ${milestone.title}`}
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              if (choice) apply.mutate({ projectId, milestoneId, checklistId: choice });
            }}
          >
            <Field label="Checklist" htmlFor={`${headingId}-apply`} className="min-w-48 flex-1">
              <Select id={`${headingId}-apply`} value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">Choose a checklist…</option>
                {available.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.checkCount} check{c.checkCount === 1 ? '' : 's'})
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" size="sm" disabled={!choice || apply.isPending}>
              Apply checklist
            </Button>
          </form>
        ) : !standards.checklists.length ? (
          <p className="mt-2 text-sm text-muted">
            This workspace has no checklists yet.{' '}
            <Link href={`/w/${workspaceId}/standards`} className="font-medium text-accent hover:underline">
              Set up standards
            </Link>
          </p>
        ) : null
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Every milestone with standards applied, with its readiness: opens the milestone to see its checks. */
export function PlanStandards({ standards, workspaceId, onOpen }: { standards: ProjectStandards | null; workspaceId: string; onOpen(milestoneId: string): void }) {
  const checked = standards?.milestones.filter((m) => m.readiness.total > 0) ?? [];
  const unchecked = (standards?.milestones.length ?? 0) - checked.length;
  return (
    <section aria-labelledby="standards-heading" className="rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="standards-heading" className="mr-auto text-base font-semibold">
          Technical standards
        </h2>
        <Link href={`/w/${workspaceId}/standards`} className="text-sm font-medium text-accent hover:underline">
          Workspace checklists
        </Link>
      </div>
      {!standards ? (
        <p className="mt-2 text-sm text-muted">Loading the milestones' standards…</p>
      ) : !checked.length ? (
        <p className="mt-2 text-sm text-muted">No milestone has standards applied yet. Open a milestone to apply a checklist to it.</p>
      ) : (
        <>
          <ul className="mt-2 flex flex-col gap-1.5 text-sm" aria-label="Milestones and their standards">
            {checked.map((m) => (
              <li key={m.milestoneId} className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1" data-testid="milestone-readiness">
                <button
                  type="button"
                  className="min-w-0 text-left font-medium break-words hover:underline"
                  // Its own name: the roadmap's button already carries the bare title.
                  aria-label={`${m.title}: open its standards`}
                  onClick={() => onOpen(m.milestoneId)}
                >
                  {m.title}
                </button>
                <StandardsReadiness readiness={m.readiness} />
                <span className="text-xs text-muted">{describeReadiness(m.readiness).detail}</span>
              </li>
            ))}
          </ul>
          {unchecked ? <p className="mt-2 text-xs text-muted">{unchecked} milestone{unchecked === 1 ? ' has' : 's have'} no standards applied.</p> : null}
        </>
      )}
    </section>
  );
}
