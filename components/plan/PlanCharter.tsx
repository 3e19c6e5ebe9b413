'use client';
// The charter: the vision, what is in and out of scope, and goals with measurable targets whose
// progress is computed from the current value against baseline and target.
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import { goalProgress } from '@/server/domain/planCharter';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Input } from '@/components/ui/field';
import { LiveNumber, LiveText } from './LiveInputs';
import type { CharterList, PlanActions, PlanContent } from './model';

function ListEditor({ title, list, entries, actions }: { title: string; list: CharterList; entries: string[]; actions: PlanActions | null }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text || !actions) return;
    actions.addToList(list, text);
    setDraft('');
  };
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm" aria-label={title}>
        {entries.map((entry, index) => (
          <li key={index} className="flex items-center gap-2">
            {actions ? (
              <LiveText className="min-w-0 flex-1" label={`${title}: entry ${index + 1}`} value={entry} text={actions.text({ in: list, index })} maxLength={500} />
            ) : (
              <span className="min-w-0 flex-1">{entry}</span>
            )}
            {actions ? (
              <Button size="sm" variant="ghost" aria-label={`Remove “${entry}” from ${title.toLowerCase()}`} onClick={() => actions.removeFromList(list, index)}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
        {!entries.length ? <li className="text-muted">Nothing listed yet.</li> : null}
      </ul>
      {actions ? (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <Input aria-label={`Add to ${title.toLowerCase()}`} maxLength={500} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Add an entry" />
          <Button type="submit" size="md">
            Add
          </Button>
        </form>
      ) : null}
    </div>
  );
}

export function PlanCharter({ content, actions }: { content: PlanContent; actions: PlanActions | null }) {
  const readOnly = !actions;
  return (
    <section aria-labelledby="charter-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="charter-heading" className="text-base font-semibold">
        Charter
      </h2>
      <div className="mt-3">
        <LiveText label="Vision" multiline value={content.charter.vision} text={actions?.text({ in: 'charter', field: 'vision' }) ?? null} disabled={readOnly} maxLength={10_000} />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <ListEditor title="In scope" list="scope" entries={content.charter.scope} actions={actions} />
        <ListEditor title="Non-goals" list="nonGoals" entries={content.charter.nonGoals} actions={actions} />
      </div>

      <div className="mt-6 flex items-center justify-between">
        <h3 className="text-sm font-semibold">Goals</h3>
        {actions ? (
          <Button size="sm" onClick={() => actions.addGoal({})}>
            Add goal
          </Button>
        ) : null}
      </div>
      {/* relative: the sr-only header is positioned, and must stay inside the scrolling box */}
      <div className="relative mt-2 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="py-1 pr-2 font-medium">Goal</th>
              <th className="py-1 pr-2 font-medium">Metric</th>
              <th className="py-1 pr-2 font-medium">Baseline</th>
              <th className="py-1 pr-2 font-medium">Target</th>
              <th className="py-1 pr-2 font-medium">Current</th>
              <th className="py-1 pr-2 font-medium">Due</th>
              <th className="py-1 pr-2 font-medium">Progress</th>
              <th className="sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {content.goals.map((goal) => {
              const progress = goalProgress(goal);
              return (
                <tr key={goal.id} className="border-t border-line align-top">
                  <td className="py-1.5 pr-2">
                    <LiveText className="min-w-40" label={`Goal title: ${goal.title}`} value={goal.title} text={actions?.text({ in: 'goals', id: goal.id, field: 'title' }) ?? null} disabled={readOnly} maxLength={200} />
                  </td>
                  <td className="py-1.5 pr-2">
                    <LiveText className="min-w-36" label={`Metric of ${goal.title}`} value={goal.metric} text={actions?.text({ in: 'goals', id: goal.id, field: 'metric' }) ?? null} disabled={readOnly} maxLength={200} />
                  </td>
                  <td className="w-24 py-1.5 pr-2">
                    <LiveNumber label={`Baseline of ${goal.title}`} value={goal.baseline} onCommit={(v) => actions?.updateGoal(goal.id, { baseline: v })} disabled={readOnly} />
                  </td>
                  <td className="w-24 py-1.5 pr-2">
                    <LiveNumber label={`Target of ${goal.title}`} value={goal.target} onCommit={(v) => actions?.updateGoal(goal.id, { target: v })} disabled={readOnly} />
                  </td>
                  <td className="w-24 py-1.5 pr-2">
                    <LiveNumber label={`Current value of ${goal.title}`} value={goal.current} onCommit={(v) => actions?.updateGoal(goal.id, { current: v })} disabled={readOnly} />
                  </td>
                  <td className="w-40 py-1.5 pr-2">
                    <DateField aria-label={`Due date of ${goal.title}`} label={`due date of ${goal.title}`} value={goal.dueDate} allowEmpty disabled={readOnly} onCommit={(date) => actions?.updateGoal(goal.id, { dueDate: date })} />
                  </td>
                  <td className="w-32 py-1.5 pr-2">
                    {progress === null ? (
                      <span className="text-muted">Not measurable yet</span>
                    ) : (
                      <div role="meter" aria-label={`Progress of ${goal.title}`} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
                        <div className="h-2 rounded bg-sunken">
                          <div className="h-2 rounded bg-success" style={{ width: `${progress}%` }} />
                        </div>
                        <span className="text-xs text-muted">{progress}%</span>
                      </div>
                    )}
                    {goal.dueDate ? <span className="block text-[11px] text-faint">by {format(parseISO(goal.dueDate), 'd MMM yyyy')}</span> : null}
                  </td>
                  <td className="py-1.5">
                    {actions ? (
                      <Button size="sm" variant="danger-ghost" aria-label={`Delete goal ${goal.title}`} onClick={() => actions.deleteGoal(goal.id)}>
                        Delete
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!content.goals.length ? <p className="py-2 text-sm text-muted">No goals yet.</p> : null}
      </div>
    </section>
  );
}
