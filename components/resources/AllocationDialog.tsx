'use client';
// Adds or changes one allocation: who, on which project, from when to when, how much (hours a week
// or a share of their capacity) and, if it belongs to one, the plan workstream whose dates it then
// follows. The server's refusals (dates the wrong way round, a project of another workspace) show
// in the dialog, which stays open until the allocation is saved.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Select } from '@/components/ui/field';
import { SidePanel } from '@/components/ui/side-panel';
import { formatDay } from '@/server/domain/dates';
import { readableError, type Allocation, type IsoDate, type Person } from './model';

export interface AllocationValues {
  id?: string;
  personId: string;
  projectId: string;
  from: IsoDate;
  to: IsoDate;
  hoursPerWeek?: number;
  percent?: number;
  workstreamId?: string | null;
}

/** What the dialog opens on: an allocation to change, or a new one with what is known already. */
export type AllocationDraft = { allocation: Allocation } | { personId?: string; projectId?: string; from?: IsoDate; to?: IsoDate };

const messageOf = readableError;

function Workstreams({
  projectId,
  id,
  value,
  canEdit,
  onChange,
}: {
  projectId: string;
  id: string;
  value: string;
  canEdit: boolean;
  /** The workstream picked (or '' for none) and, for one, its dates, which the allocation then takes. */
  onChange: (id: string, dates: { from: IsoDate; to: IsoDate } | null) => void;
}) {
  const trpc = useTRPC();
  const plan = useQuery({ ...trpc.plan.get.queryOptions({ projectId }), enabled: Boolean(projectId), retry: false });
  const workstreams = (plan.data?.items ?? []).filter((i) => i.kind === 'workstream');
  return (
    <Field
      label="Workstream (optional)"
      htmlFor={id}
      hint={
        value
          ? 'The allocation takes this workstream’s dates and follows them when it moves.'
          : plan.isError
            ? 'This project’s plan is not open to you.'
            : canEdit
              ? 'Tie it to a workstream of the plan to follow its dates.'
              : undefined
      }
    >
      <Select
        id={id}
        value={value}
        onChange={(e) => {
          const picked = workstreams.find((w) => w.id === e.target.value);
          onChange(e.target.value, picked ? { from: picked.start, to: picked.end } : null);
        }}
        disabled={!projectId}
      >
        <option value="">None</option>
        {workstreams.map((w) => (
          <option key={w.id} value={w.id}>
            {w.title} ({formatDay(w.start)} – {formatDay(w.end)})
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function AllocationDialog({
  draft,
  people,
  projects,
  canEdit,
  onSave,
  onRemove,
  onClose,
}: {
  draft: AllocationDraft;
  people: Person[];
  projects: { id: string; name: string }[];
  canEdit: boolean;
  onSave: (values: AllocationValues) => Promise<unknown>;
  onRemove: (allocation: Allocation) => Promise<unknown>;
  onClose: () => void;
}) {
  const id = useId();
  const existing = 'allocation' in draft ? draft.allocation : null;
  const start = existing ?? (draft as Exclude<AllocationDraft, { allocation: Allocation }>);
  const [personId, setPersonId] = useState(start.personId ?? people[0]?.id ?? '');
  const [projectId, setProjectId] = useState(start.projectId ?? projects[0]?.id ?? '');
  const [from, setFrom] = useState<string | null>(start.from ?? null);
  const [to, setTo] = useState<string | null>(start.to ?? null);
  const [unit, setUnit] = useState<'hours' | 'percent'>(existing?.percent != null ? 'percent' : 'hours');
  const [amount, setAmount] = useState(String(existing ? (existing.hoursPerWeek ?? existing.percent ?? '') : ''));
  const [workstreamId, setWorkstreamId] = useState(existing?.workstreamId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(amount);
    if (!personId) return setError('Choose a person.');
    if (!projectId) return setError('Choose a project.');
    if (!from || !to) return setError('Give the first and the last day of the allocation.');
    if (to < from) return setError('The allocation ends before it starts.');
    if (!amount.trim() || !Number.isFinite(value) || value < 0) return setError(unit === 'hours' ? 'Hours a week must be 0 or more.' : 'The share of capacity must be 0% or more.');
    setBusy(true);
    setError(null);
    try {
      await onSave({
        ...(existing ? { id: existing.id } : {}),
        personId,
        projectId,
        from,
        to,
        ...(unit === 'hours' ? { hoursPerWeek: value } : { percent: value }),
        workstreamId: workstreamId || null,
      });
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const title = existing ? (canEdit ? 'Edit allocation' : 'Allocation') : 'New allocation';
  return (
    <SidePanel headingId={`${id}-heading`} headingRef={heading} title={title} closeLabel="Close allocation" onClose={onClose} widthClass="sm:w-[28rem]">
      <form onSubmit={submit} aria-label="Allocation" className="flex flex-1 flex-col gap-4 overflow-y-auto px-5 py-5" noValidate>
        <fieldset disabled={!canEdit} className="flex flex-col gap-4">
          <Field label="Person" htmlFor={`${id}-person`}>
            <Select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.placeholder ? ' (placeholder)' : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Project" htmlFor={`${id}-project`}>
            <Select
              id={`${id}-project`}
              value={projectId}
              onChange={(e) => {
                setProjectId(e.target.value);
                setWorkstreamId('');
              }}
            >
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label="From" htmlFor={`${id}-from`}>
              <DateField id={`${id}-from`} value={from} onCommit={setFrom} label="allocation start" disabled={!canEdit || Boolean(workstreamId)} />
            </Field>
            <Field label="To" htmlFor={`${id}-to`}>
              <DateField id={`${id}-to`} value={to} onCommit={setTo} label="allocation end" disabled={!canEdit || Boolean(workstreamId)} />
            </Field>
          </div>
          <div className="grid grid-cols-[1fr_9rem] items-end gap-3">
            <Field label={unit === 'hours' ? 'Hours a week' : 'Share of capacity (%)'} htmlFor={`${id}-amount`}>
              <Input id={`${id}-amount`} type="number" inputMode="decimal" min={0} step={0.5} value={amount} onChange={(e) => setAmount(e.target.value)} />
            </Field>
            <Field label="Counted in" htmlFor={`${id}-unit`}>
              <Select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as 'hours' | 'percent')}>
                <option value="hours">hours/week</option>
                <option value="percent">% of capacity</option>
              </Select>
            </Field>
          </div>
          {projectId ? (
            <Workstreams
              projectId={projectId}
              id={`${id}-workstream`}
              value={workstreamId}
              canEdit={canEdit}
              onChange={(picked, dates) => {
                setWorkstreamId(picked);
                // Tied to a workstream, the allocation runs on the workstream's dates (the server
                // reads them from the plan): show those, and keep the date fields from pretending otherwise.
                if (dates) {
                  setFrom(dates.from);
                  setTo(dates.to);
                }
              }}
            />
          ) : null}
          {existing?.followsWorkstream ? (
            <p className="rounded-md border border-line bg-sunken px-3 py-2 text-xs text-muted">
              Its dates follow the workstream {existing.workstreamName ?? ''}: {formatDay(existing.from)} – {formatDay(existing.to)}.
            </p>
          ) : null}
        </fieldset>
        <ErrorMessage>{error}</ErrorMessage>
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? 'Saving…' : existing ? 'Save allocation' : 'Add allocation'}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            {existing ? (
              <span className="ml-auto">
                <ConfirmButton
                  label="Remove"
                  ariaLabel="Remove allocation"
                  question="Remove this allocation?"
                  confirmLabel="Remove"
                  onConfirm={() =>
                    void onRemove(existing)
                      .then(onClose)
                      .catch((e: unknown) => setError(messageOf(e)))
                  }
                />
              </span>
            ) : null}
          </div>
        ) : null}
      </form>
    </SidePanel>
  );
}
