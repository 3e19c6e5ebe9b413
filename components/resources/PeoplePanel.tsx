'use client';
// The people of a workspace: add one (a member or not, hired or a placeholder), change their role,
// skills, weekly hours and working days, record their time off, remove them. What the server
// refuses (capacity 0, dates the wrong way round, someone else's newer change) shows beside the form.
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatDay } from '@/server/domain/dates';
import { formatHours, readableError, weekdayNames, type IsoDate, type Person, type TimeOff } from './model';
import { SkillTags } from './SkillTags';

export interface PersonValues {
  name: string;
  role: string;
  skills: string[];
  weeklyHours: number;
  workingDays: number[];
  placeholder: boolean;
}

export interface PeopleActions {
  add: (values: PersonValues) => Promise<unknown>;
  update: (person: Person, values: PersonValues) => Promise<unknown>;
  remove: (person: Person) => Promise<unknown>;
  addTimeOff: (person: Person, range: { from: IsoDate; to: IsoDate; reason: string }) => Promise<unknown>;
  removeTimeOff: (person: Person, timeOff: TimeOff) => Promise<unknown>;
}

const messageOf = readableError;

const blank: PersonValues = { name: '', role: '', skills: [], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], placeholder: false };

function PersonForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** Where the form starts; the Name field takes focus as it opens. */
  initial: PersonValues;
  submitLabel: string;
  onSubmit: (values: PersonValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const [values, setValues] = useState(initial);
  const [hours, setHours] = useState(String(initial.weeklyHours));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weeklyHours = Number(hours);
    if (!values.name.trim()) return setError('A person needs a name.');
    // The range (more than 0, at most 168) is the server's to say: its message shows as it is.
    if (!hours.trim() || !Number.isFinite(weeklyHours)) return setError('Weekly hours must be a number.');
    if (!values.workingDays.length) return setError('Choose at least one working day.');
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ ...values, name: values.name.trim(), role: values.role.trim(), weeklyHours });
      if (!onCancel) {
        setValues(blank);
        setHours(String(blank.weeklyHours));
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={submitLabel} className="flex flex-col gap-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} value={values.name} maxLength={120} onChange={(e) => set('name', e.target.value)} autoComplete="off" autoFocus />
        </Field>
        <Field label="Role" htmlFor={`${id}-role`} hint="e.g. Backend engineer">
          <Input id={`${id}-role`} value={values.role} maxLength={120} onChange={(e) => set('role', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Weekly hours" htmlFor={`${id}-hours`} hint="When every working day is worked">
          <Input id={`${id}-hours`} type="number" inputMode="decimal" min={0.5} max={168} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} />
        </Field>
        <Field label="Skills" htmlFor={`${id}-skills`}>
          <SkillTags id={`${id}-skills`} value={values.skills} onChange={(skills) => set('skills', skills)} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-[13px] font-medium text-muted">Working days</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {weekdayNames.map((day, i) => (
            <label key={day} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-accent"
                checked={values.workingDays.includes(i + 1)}
                onChange={(e) =>
                  set('workingDays', e.target.checked ? [...values.workingDays, i + 1].sort((a, b) => a - b) : values.workingDays.filter((d) => d !== i + 1))
                }
              />
              {day}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-accent" checked={values.placeholder} onChange={(e) => set('placeholder', e.target.checked)} />
        Placeholder (a role not hired yet)
      </label>
      <ErrorMessage>{error}</ErrorMessage>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!hydrated || busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function TimeOffEditor({ person, canEdit, actions }: { person: Person; canEdit: boolean; actions: PeopleActions }) {
  const id = useId();
  const hydrated = useHydrated();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!from || !to) return setError('Give the first and the last day off.');
    if (to < from) return setError('The last day off comes before the first.');
    setBusy(true);
    setError(null);
    try {
      await actions.addTimeOff(person, { from, to, reason: reason.trim() });
      setFrom(null);
      setTo(null);
      setReason('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {person.timeOff.length ? (
        <ul aria-label={`Time off of ${person.name}`} className="flex flex-col gap-1">
          {person.timeOff.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span>
                {formatDay(t.from)} – {formatDay(t.to)}
                {t.reason ? <span className="text-muted"> · {t.reason}</span> : null}
              </span>
              {canEdit ? (
                <ConfirmButton
                  label="Remove"
                  ariaLabel={`Remove time off ${formatDay(t.from)} – ${formatDay(t.to)}`}
                  question="Remove this time off?"
                  confirmLabel="Remove"
                  onConfirm={() => void actions.removeTimeOff(person, t).catch((e: unknown) => setError(messageOf(e)))}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No time off recorded.</p>
      )}
      {canEdit ? (
        <form onSubmit={submit} aria-label={`Add time off for ${person.name}`} className="flex flex-wrap items-end gap-2" noValidate>
          <Field label="First day off" htmlFor={`${id}-from`}>
            <DateField id={`${id}-from`} value={from} onCommit={setFrom} className="w-40" label="first day off" />
          </Field>
          <Field label="Last day off" htmlFor={`${id}-to`}>
            <DateField id={`${id}-to`} value={to} onCommit={setTo} className="w-40" label="last day off" />
          </Field>
          <Field label="Reason" htmlFor={`${id}-reason`}>
            <Input id={`${id}-reason`} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} className="w-44" placeholder="Holiday" />
          </Field>
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? 'Adding…' : 'Add time off'}
          </Button>
        </form>
      ) : null}
      <ErrorMessage>{error}</ErrorMessage>
    </div>
  );
}

function PersonItem({ person, canEdit, actions }: { person: Person; canEdit: boolean; actions: PeopleActions }) {
  const [editing, setEditing] = useState(false);
  // The version the form was opened on: a save after someone else's change is then refused
  // ("Someone changed this person since you opened it") instead of silently overwriting it, as it
  // would with the live version the grid's refresh hands this item.
  const [openedVersion, setOpenedVersion] = useState(person.version);
  const [showTimeOff, setShowTimeOff] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timeOffId = useId();

  return (
    <li aria-label={person.name} className="flex flex-col gap-3 px-4 py-3">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium text-ink">{person.name}</span>
            {person.placeholder ? <Badge>Placeholder</Badge> : null}
            {person.timeOff.length ? <Badge>Time off ×{person.timeOff.length}</Badge> : null}
          </p>
          <p className="text-xs text-muted">
            {[person.role, `${formatHours(person.weeklyHours)} h/wk`, person.workingDays.map((d) => weekdayNames[d - 1]).join(' ')].filter(Boolean).join(' · ')}
          </p>
          {person.skills.length ? (
            <ul aria-label={`Skills of ${person.name}`} className="mt-1 flex flex-wrap gap-1">
              {person.skills.map((s) => (
                <li key={s} className="chip border-line bg-sunken text-muted">
                  {s}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <Button size="sm" variant="ghost" aria-expanded={showTimeOff} aria-controls={timeOffId} onClick={() => setShowTimeOff((s) => !s)}>
            Time off
          </Button>
          {canEdit ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Edit ${person.name}`}
                aria-expanded={editing}
                onClick={() => {
                  if (!editing) setOpenedVersion(person.version);
                  setEditing(!editing);
                }}
              >
                Edit
              </Button>
              <ConfirmButton
                label="Remove"
                ariaLabel={`Remove ${person.name}`}
                question={`Remove ${person.name} and their allocations?`}
                confirmLabel="Remove"
                onConfirm={() => void actions.remove(person).catch((e: unknown) => setError(messageOf(e)))}
              />
            </>
          ) : null}
        </div>
      </div>
      <ErrorMessage>{error}</ErrorMessage>
      {editing ? (
        <PersonForm
          initial={{ name: person.name, role: person.role, skills: person.skills, weeklyHours: person.weeklyHours, workingDays: person.workingDays, placeholder: person.placeholder }}
          submitLabel={`Save ${person.name}`}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await actions.update({ ...person, version: openedVersion }, values);
            setEditing(false);
          }}
        />
      ) : null}
      <div id={timeOffId} hidden={!showTimeOff}>
        {showTimeOff ? <TimeOffEditor person={person} canEdit={canEdit} actions={actions} /> : null}
      </div>
    </li>
  );
}

/** People listed before "Show all": the page stays light at hundreds of people (the grid above shows everyone). */
const firstPeople = 25;

export function PeoplePanel({ people, canEdit, actions }: { people: Person[]; canEdit: boolean; actions: PeopleActions }) {
  const [adding, setAdding] = useState(false);
  const [all, setAll] = useState(false);
  const listed = all ? people : people.slice(0, firstPeople);
  return (
    <section aria-labelledby="people-heading" className="rounded-lg border border-line bg-surface">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 id="people-heading" className="text-sm font-semibold">
          People <span className="font-normal text-muted">· {people.length}</span>
        </h2>
        {canEdit ? (
          <Button size="sm" variant={adding ? 'ghost' : 'primary'} aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            {adding ? 'Close' : 'Add person'}
          </Button>
        ) : (
          <p className="text-xs text-muted">Read only: owners and editors of this workspace’s projects change people.</p>
        )}
      </div>
      {adding ? (
        <div className="border-b border-line px-4 py-4">
          <PersonForm initial={blank} submitLabel="Add person" onSubmit={actions.add} />
        </div>
      ) : null}
      {people.length ? (
        <ul className="divide-y divide-line">
          {listed.map((p) => (
            <PersonItem key={p.id} person={p} canEdit={canEdit} actions={actions} />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-6 text-sm text-muted">No people yet. {canEdit ? 'Add the people who do the work, members or not.' : ''}</p>
      )}
      {listed.length < people.length ? (
        <div className="border-t border-line px-4 py-3">
          <Button size="sm" variant="ghost" onClick={() => setAll(true)}>
            Show all {people.length} people
          </Button>
        </div>
      ) : null}
    </section>
  );
}
