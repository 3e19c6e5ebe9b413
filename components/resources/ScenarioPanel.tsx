'use client';
// What-if: a named draft of allocation changes (add one, move one, remove one) shown next to the
// current plan as the utilisation cells it would change and by how much, then applied in one step
// (all of it or nothing) or thrown away. Nothing in a draft touches the grid until it is applied.
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ScenarioChange } from '@/db/schema/resources';
import { formatDay } from '@/server/domain/dates';
import { weekStartText } from '@/server/domain/weekText';
import { amountLabel, bandLabels, formatHours, readableError, type Allocation, type Band, type Person } from './model';

export interface Scenario {
  id: string;
  name: string;
  changes: ScenarioChange[];
}

export interface ChangedCell {
  personId: string;
  week: string;
  before: { percent: number; band: Band };
  after: { percent: number; band: Band };
  deltaHours: number;
}

/** The weeks compared: every week the scenario's changes touch (at most three years). */
export interface CompareWindow {
  from: string;
  to: string;
  weeks: number;
  truncated: boolean;
}

/** "Compared over 7 Dec 2026 – 3 Jan 2027 (4 weeks): every week the changes touch." */
export function windowText(window: CompareWindow): string {
  const span = `${formatDay(window.from)} – ${formatDay(window.to)} (${window.weeks === 1 ? '1 week' : `${window.weeks} weeks`})`;
  return window.truncated ? `Compared over ${span}: the first three years of the weeks the changes touch.` : `Compared over ${span}: every week the changes touch.`;
}

const messageOf = readableError;

interface Names {
  person: (id: string) => string;
  project: (id: string) => string;
  allocation: (id: string) => string;
}

export function describeChange(change: ScenarioChange, names: Names): string {
  if (change.kind === 'add') {
    return `Add ${names.person(change.personId)} to ${names.project(change.projectId)} at ${formatHours(change.hoursPerWeek)} h/wk, ${formatDay(change.from)} – ${formatDay(change.to)}`;
  }
  if (change.kind === 'remove') return `Remove ${names.allocation(change.allocationId)}`;
  const extra = [change.personId ? `to ${names.person(change.personId)}` : '', change.hoursPerWeek !== undefined ? `at ${formatHours(change.hoursPerWeek)} h/wk` : ''].filter(Boolean);
  return `Move ${names.allocation(change.allocationId)} to ${formatDay(change.from)} – ${formatDay(change.to)}${extra.length ? ` ${extra.join(' ')}` : ''}`;
}

function ChangeForm({
  people,
  projects,
  allocations,
  names,
  onAdd,
}: {
  people: Person[];
  projects: { id: string; name: string }[];
  allocations: Allocation[];
  names: Names;
  onAdd: (change: ScenarioChange) => Promise<unknown>;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<ScenarioChange['kind']>('move');
  const [allocationId, setAllocationId] = useState(allocations[0]?.id ?? '');
  const [personId, setPersonId] = useState('');
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [from, setFrom] = useState<string | null>(allocations[0]?.from ?? null);
  const [to, setTo] = useState<string | null>(allocations[0]?.to ?? null);
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function pickAllocation(value: string) {
    setAllocationId(value);
    const allocation = allocations.find((a) => a.id === value);
    if (allocation && kind === 'move') {
      setFrom(allocation.from);
      setTo(allocation.to);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = hours.trim() ? Number(hours) : undefined;
    if (amount !== undefined && !(amount >= 0)) return setError('Hours a week must be 0 or more.');
    let change: ScenarioChange;
    if (kind === 'remove') {
      if (!allocationId) return setError('Choose the allocation to remove.');
      change = { kind, allocationId };
    } else {
      if (!from || !to) return setError('Give the first and the last day.');
      if (to < from) return setError('It ends before it starts.');
      if (kind === 'add') {
        const who = personId || people[0]?.id;
        if (!who || !projectId) return setError('Choose a person and a project.');
        if (amount === undefined) return setError('Give the hours a week.');
        change = { kind, personId: who, projectId, from, to, hoursPerWeek: amount };
      } else {
        if (!allocationId) return setError('Choose the allocation to move.');
        change = { kind, allocationId, from, to, ...(amount !== undefined ? { hoursPerWeek: amount } : {}), ...(personId ? { personId } : {}) };
      }
    }
    setBusy(true);
    setError(null);
    try {
      await onAdd(change);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a change" className="flex flex-col gap-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Change" htmlFor={`${id}-kind`}>
          <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ScenarioChange['kind'])}>
            <option value="move">Move an allocation</option>
            <option value="add">Add an allocation</option>
            <option value="remove">Remove an allocation</option>
          </Select>
        </Field>
        {kind !== 'add' ? (
          <Field label="Allocation" htmlFor={`${id}-allocation`} className="sm:col-span-2">
            <Select id={`${id}-allocation`} value={allocationId} onChange={(e) => pickAllocation(e.target.value)}>
              <option value="">Choose…</option>
              {allocations.map((a) => (
                <option key={a.id} value={a.id}>
                  {names.allocation(a.id)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label="Project" htmlFor={`${id}-project`} className="sm:col-span-2">
            <Select id={`${id}-project`} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {kind !== 'remove' ? (
          <>
            <Field label={kind === 'move' ? 'New person (optional)' : 'Person'} htmlFor={`${id}-person`}>
              <Select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
                {kind === 'move' ? <option value="">Same person</option> : null}
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="From" htmlFor={`${id}-from`}>
              <DateField id={`${id}-from`} value={from} onCommit={setFrom} label="change start" />
            </Field>
            <Field label="To" htmlFor={`${id}-to`}>
              <DateField id={`${id}-to`} value={to} onCommit={setTo} label="change end" />
            </Field>
            <Field label={kind === 'move' ? 'Hours a week (optional)' : 'Hours a week'} htmlFor={`${id}-hours`}>
              <Input id={`${id}-hours`} type="number" min={0} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} />
            </Field>
          </>
        ) : null}
      </div>
      <ErrorMessage>{error}</ErrorMessage>
      <div>
        <Button type="submit" disabled={!hydrated || busy}>
          {busy ? 'Adding…' : 'Add change'}
        </Button>
      </div>
    </form>
  );
}

export function ScenarioPanel({
  scenarios,
  selectedId,
  onSelect,
  people,
  projects,
  allocations,
  compare,
  canEdit,
  onCreate,
  onAddChange,
  onRemoveChange,
  onApply,
  onDiscard,
}: {
  scenarios: Scenario[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  people: Person[];
  projects: { id: string; name: string }[];
  allocations: Allocation[];
  compare: { cells: ChangedCell[]; window?: CompareWindow | null; loading: boolean; error: string | null };
  canEdit: boolean;
  onCreate: (name: string) => Promise<unknown>;
  onAddChange: (scenarioId: string, change: ScenarioChange) => Promise<unknown>;
  onRemoveChange: (scenarioId: string, index: number) => Promise<unknown>;
  onApply: (scenarioId: string) => Promise<unknown>;
  onDiscard: (scenarioId: string) => Promise<unknown>;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = scenarios.find((s) => s.id === selectedId) ?? null;

  const personName = new Map(people.map((p) => [p.id, p.name]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const names: Names = {
    person: (pid) => personName.get(pid) ?? 'someone removed',
    project: (pid) => projectName.get(pid) ?? 'a project',
    allocation: (aid) => {
      const a = allocations.find((x) => x.id === aid);
      if (!a) return 'an allocation removed since';
      return `${personName.get(a.personId) ?? 'someone'} on ${projectName.get(a.projectId) ?? 'a project'} (${amountLabel(a)}, ${formatDay(a.from)} – ${formatDay(a.to)})`;
    },
  };

  // The allocations to move or remove, as a person looks for one: by person, project, then start
  // (the grid's answer is ordered by person id, which reads as no order at all).
  const choices = [...allocations].sort(
    (a, b) =>
      names.person(a.personId).localeCompare(names.person(b.personId)) ||
      names.project(a.projectId).localeCompare(names.project(b.projectId)) ||
      a.from.localeCompare(b.from),
  );

  async function run(action: () => Promise<unknown>, success?: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      if (success) setNotice(success);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Name the scenario.');
    await run(async () => {
      await onCreate(name.trim());
      setName('');
    });
  }

  return (
    <section aria-labelledby="whatif-heading" className="rounded-lg border border-line bg-surface">
      <div className="border-b border-line px-4 py-3">
        <h2 id="whatif-heading" className="text-sm font-semibold">
          What-if
        </h2>
        <p className="text-xs text-muted">Draft allocation changes, see the weeks they change, then apply them in one step or throw them away.</p>
      </div>
      <div className="flex flex-col gap-4 px-4 py-4">
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Scenario" htmlFor={`${id}-pick`}>
            <Select id={`${id}-pick`} value={selectedId ?? ''} onChange={(e) => onSelect(e.target.value || null)} className="w-56">
              <option value="">{scenarios.length ? 'Choose a scenario…' : 'No scenarios yet'}</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.changes.length} change{s.changes.length === 1 ? '' : 's'})
                </option>
              ))}
            </Select>
          </Field>
          {canEdit ? (
            <form onSubmit={create} aria-label="New scenario" className="flex flex-wrap items-end gap-2" noValidate>
              <Field label="New scenario" htmlFor={`${id}-name`}>
                <Input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Move Ana to Atlas in March" className="w-64" />
              </Field>
              <Button type="submit" disabled={!hydrated || busy}>
                Create scenario
              </Button>
            </form>
          ) : null}
        </div>
        <ErrorMessage>{error}</ErrorMessage>
        {notice ? (
          <p role="status" className="rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success">
            {notice}
          </p>
        ) : null}

        {selected ? (
          <div className="flex flex-col gap-4" data-testid="scenario">
            <div>
              <h3 className="text-[13px] font-semibold">Changes in “{selected.name}”</h3>
              {selected.changes.length ? (
                <ol className="mt-1 flex list-decimal flex-col gap-1 pl-5 text-sm">
                  {selected.changes.map((change, index) => (
                    <li key={index}>
                      <span className="flex flex-wrap items-center gap-2">
                        <span>{describeChange(change, names)}</span>
                        {canEdit ? (
                          <Button size="sm" variant="ghost" aria-label={`Take back change ${index + 1}`} disabled={busy} onClick={() => void run(() => onRemoveChange(selected.id, index))}>
                            Take back
                          </Button>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-1 text-sm text-muted">No changes yet.</p>
              )}
            </div>
            {canEdit ? <ChangeForm people={people} projects={projects} allocations={choices} names={names} onAdd={(change) => onAddChange(selected.id, change)} /> : null}

            <div>
              <h3 className="text-[13px] font-semibold">Weeks that change</h3>
              {compare.window && !compare.loading ? (
                <p className="text-xs text-muted" data-testid="compare-window">
                  {windowText(compare.window)}
                </p>
              ) : null}
              <ErrorMessage>{compare.error}</ErrorMessage>
              {compare.loading ? (
                <p className="text-sm text-muted">Comparing…</p>
              ) : compare.cells.length ? (
                <div className="mt-1 max-w-full overflow-x-auto" role="region" aria-label="Weeks that change (scrolls sideways)" tabIndex={0}>
                  <table className="w-full text-left text-sm" aria-label="Weeks that change">
                    <thead className="text-xs text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-3 font-medium">Person</th>
                        <th scope="col" className="py-1 pr-3 font-medium">Week of</th>
                        <th scope="col" className="py-1 pr-3 font-medium">Now</th>
                        <th scope="col" className="py-1 pr-3 font-medium">With the changes</th>
                        <th scope="col" className="py-1 font-medium">Hours</th>
                      </tr>
                    </thead>
                    <tbody>
                      {compare.cells.map((cell) => (
                        <tr key={`${cell.personId}:${cell.week}`} className="border-t border-line" data-testid="changed-cell">
                          <td className="py-1 pr-3">{names.person(cell.personId)}</td>
                          <td className="py-1 pr-3 tabular-nums" data-week={cell.week}>
                            {weekStartText(cell.week)}
                          </td>
                          <td className="py-1 pr-3 tabular-nums">
                            {cell.before.percent}% {bandLabels[cell.before.band].toLowerCase()}
                          </td>
                          <td className={`py-1 pr-3 tabular-nums ${cell.after.band === 'over' ? 'font-semibold text-critical-ink' : ''}`}>
                            {cell.after.percent}% {bandLabels[cell.after.band].toLowerCase()}
                          </td>
                          <td className="py-1 tabular-nums">
                            {cell.deltaHours > 0 ? '+' : cell.deltaHours < 0 ? '−' : ''}
                            {formatHours(Math.abs(cell.deltaHours))} h
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="text-sm text-muted">{selected.changes.length ? 'No week changes: the changes leave everyone’s hours as they are.' : 'Add a change to compare.'}</p>
              )}
            </div>
            {canEdit ? (
              <div className="flex flex-wrap items-center gap-2">
                <Button
                  variant="primary"
                  disabled={busy || !selected.changes.length}
                  onClick={() => void run(() => onApply(selected.id), `“${selected.name}” is applied: the grid shows its changes.`)}
                >
                  Apply scenario
                </Button>
                <ConfirmButton
                  label="Discard scenario"
                  question={`Throw “${selected.name}” away?`}
                  confirmLabel="Discard"
                  onConfirm={() => void run(() => onDiscard(selected.id), `“${selected.name}” was thrown away.`)}
                />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
