'use client';
// Each project's staffing needs (a skill, how many people, hours a week, a period) against the
// hours allocated to people with that skill: the weeks it is short or has hours to spare. Owners
// and editors add and remove needs; the same gaps run as rows under the allocation grid.
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatDay } from '@/server/domain/dates';
import { weekStartText } from '@/server/domain/weekText';
import { formatHours, readableError, type IsoDate } from './model';

export interface NeedWeek {
  week: string;
  neededHours: number;
  allocatedHours: number;
  gapHours: number;
}

export interface Need {
  id: string;
  skill: string;
  count: number;
  hoursPerWeek: number;
  from: IsoDate;
  to: IsoDate;
  weeks: NeedWeek[];
}

export interface ProjectStaffing {
  projectId: string;
  needs: Need[];
}

export interface NeedValues {
  projectId: string;
  skill: string;
  count: number;
  hoursPerWeek: number;
  from: IsoDate;
  to: IsoDate;
}

const messageOf = readableError;

const weeksWord = (n: number) => (n === 1 ? '1 week' : `${n} weeks`);

/** "Short in 3 weeks of 8 shown (up to 24 h); hours to spare in 1 week": a need in one line. */
export function needSummary(weeks: readonly NeedWeek[]): string {
  if (!weeks.length) return 'Outside the weeks shown on the grid.';
  const short = weeks.filter((w) => w.gapHours > 0);
  const spare = weeks.filter((w) => w.gapHours < 0);
  const parts: string[] = [];
  if (short.length) parts.push(`short in ${weeksWord(short.length)} of ${weeks.length} shown (up to ${formatHours(Math.max(...short.map((w) => w.gapHours)))} h)`);
  if (spare.length) parts.push(`hours to spare in ${weeksWord(spare.length)}`);
  if (!parts.length) return weeks.length === 1 ? 'Met in the 1 week shown.' : `Met in all ${weeks.length} weeks shown.`;
  const text = parts.join('; ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** The remove button's name: which need, on which project, over which days ("Remove need Go on Atlas, 1 Feb 2027 – 26 Feb 2027"). */
export function removeNeedLabel(need: Pick<Need, 'skill' | 'count' | 'from' | 'to'>, projectName: string): string {
  return `Remove need ${need.count} × ${need.skill} on ${projectName}, ${formatDay(need.from)} – ${formatDay(need.to)}`;
}

function NeedForm({ projects, onAdd }: { projects: { id: string; name: string }[]; onAdd: (values: NeedValues) => Promise<unknown> }) {
  const id = useId();
  const hydrated = useHydrated();
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [skill, setSkill] = useState('');
  const [count, setCount] = useState('1');
  const [hours, setHours] = useState('40');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!projectId) return setError('Choose a project.');
    if (!skill.trim()) return setError('Name the skill needed.');
    if (!Number.isInteger(Number(count)) || Number(count) < 1) return setError('At least one person is needed.');
    if (!hours.trim() || !(Number(hours) > 0)) return setError('Hours a week must be more than 0.');
    if (!from || !to) return setError('Give the first and the last day of the need.');
    if (to < from) return setError('The need ends before it starts.');
    setBusy(true);
    setError(null);
    try {
      await onAdd({ projectId, skill: skill.trim(), count: Number(count), hoursPerWeek: Number(hours), from, to });
      setSkill('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add staffing need" className="flex flex-col gap-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Project" htmlFor={`${id}-project`}>
          <Select id={`${id}-project`} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Skill needed" htmlFor={`${id}-skill`}>
          <Input id={`${id}-skill`} value={skill} maxLength={40} onChange={(e) => setSkill(e.target.value)} placeholder="e.g. Backend" />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="People" htmlFor={`${id}-count`}>
            <Input id={`${id}-count`} type="number" min={1} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
          </Field>
          <Field label="Hours/week each" htmlFor={`${id}-hours`}>
            <Input id={`${id}-hours`} type="number" min={0.5} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} />
          </Field>
        </div>
        <Field label="Needed from" htmlFor={`${id}-from`}>
          <DateField id={`${id}-from`} value={from} onCommit={setFrom} label="need start" />
        </Field>
        <Field label="Needed until" htmlFor={`${id}-to`}>
          <DateField id={`${id}-to`} value={to} onCommit={setTo} label="need end" />
        </Field>
      </div>
      <ErrorMessage>{error}</ErrorMessage>
      <div>
        <Button type="submit" variant="primary" disabled={!hydrated || busy || !projects.length}>
          {busy ? 'Adding…' : 'Add need'}
        </Button>
      </div>
    </form>
  );
}

export function StaffingPanel({
  projects,
  staffing,
  canEdit,
  onAdd,
  onRemove,
}: {
  projects: { id: string; name: string }[];
  staffing: ProjectStaffing[];
  canEdit: boolean;
  onAdd: (values: NeedValues) => Promise<unknown>;
  onRemove: (need: Need) => Promise<unknown>;
}) {
  const [error, setError] = useState<string | null>(null);
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const withNeeds = staffing.filter((s) => s.needs.length);
  return (
    <section aria-labelledby="staffing-heading" className="rounded-lg border border-line bg-surface">
      <div className="border-b border-line px-4 py-3">
        <h2 id="staffing-heading" className="text-sm font-semibold">
          Staffing needs
        </h2>
        <p className="text-xs text-muted">What each project needs against the hours of people with that skill allocated to it.</p>
      </div>
      <div className="flex flex-col gap-4 px-4 py-4">
        {withNeeds.length ? (
          withNeeds.map((s) => (
            <div key={s.projectId}>
              <h3 className="text-[13px] font-semibold">{names.get(s.projectId) ?? 'A project'}</h3>
              <ul className="mt-1 flex flex-col divide-y divide-line">
                {s.needs.map((need) => (
                  <li key={need.id} aria-label={`${need.skill} on ${names.get(s.projectId) ?? 'a project'}`} className="flex flex-col gap-1 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-sm font-medium">
                        {need.count} × {need.skill}
                      </span>
                      <span className="text-xs text-muted">
                        {formatHours(need.hoursPerWeek)} h/wk each, {formatDay(need.from)} – {formatDay(need.to)}
                      </span>
                      {canEdit ? (
                        <span className="ml-auto">
                          <ConfirmButton
                            label="Remove"
                            ariaLabel={removeNeedLabel(need, names.get(s.projectId) ?? 'a project')}
                            question={`Remove the need for ${need.count} × ${need.skill} on ${names.get(s.projectId) ?? 'a project'}?`}
                            confirmLabel="Remove"
                            onConfirm={() => void onRemove(need).catch((e: unknown) => setError(messageOf(e)))}
                          />
                        </span>
                      ) : null}
                    </div>
                    <p className="text-xs text-muted" data-testid="need-summary">
                      {needSummary(need.weeks)}
                    </p>
                    {need.weeks.some((w) => w.gapHours !== 0) ? (
                      <details className="text-xs">
                        <summary className="cursor-pointer text-muted hover:text-ink">Week by week</summary>
                        <ul className="mt-1 grid grid-cols-1 gap-x-4 gap-y-0.5 sm:grid-cols-2 lg:grid-cols-3">
                          {need.weeks.map((w) => (
                            <li key={w.week} data-week={w.week} className={w.gapHours > 0 ? 'font-medium text-medium-ink' : 'text-muted'}>
                              Week of {weekStartText(w.week)}:{' '}
                              {w.gapHours > 0 ? `short ${formatHours(w.gapHours)} h` : w.gapHours < 0 ? `${formatHours(-w.gapHours)} h spare` : 'met'}{' '}
                              ({formatHours(w.allocatedHours)} of {formatHours(w.neededHours)} h)
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <p className="text-sm text-muted">No staffing needs yet.</p>
        )}
        <ErrorMessage>{error}</ErrorMessage>
        {canEdit && projects.length ? (
          <div className="border-t border-line pt-4">
            <NeedForm projects={projects} onAdd={onAdd} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
