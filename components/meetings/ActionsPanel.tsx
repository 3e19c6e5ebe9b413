'use client';
// The meeting's action items: title (shared text), owner (a member), due date, linked item and a
// done checkbox; an open action past its due date is flagged overdue. They land in the project's
// action list and in each owner's own list (/actions).
import { SharedTextInput } from '@/components/live/SharedTextInput';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DateField } from '@/components/ui/date-field';
import { selectClass } from '@/components/ui/field';
import type { MeetingEntry } from '@/server/collab/boards/meetingDocument';
import { actionTitleMax, isOverdue, type ActionFields } from '@/server/domain/meeting';
import { LinkedItem } from './LinkedItem';
import { LinkSelect } from './LinkSelect';
import { OverdueFlag } from './OverdueFlag';
import type { LinkTarget, MeetingBoardActions, MemberOption } from './model';
import { QuickAddForm } from './QuickAddForm';

export function ActionsPanel({
  items,
  canEdit,
  actions,
  members,
  targets,
  today,
}: {
  items: MeetingEntry<ActionFields>[];
  canEdit: boolean;
  actions: MeetingBoardActions | null;
  members: MemberOption[];
  targets: LinkTarget[];
  today: string;
}) {

  return (
    <section aria-labelledby="actions-heading" className="space-y-3">
      <h2 id="actions-heading" className="text-sm font-semibold text-ink">
        Actions <span className="font-normal text-muted">({items.filter((a) => a.fields.status === 'open').length} open)</span>
      </h2>
      {items.length ? (
        <ul className="space-y-2" aria-label="Actions">
          {items.map((action, index) => {
            const { fields } = action;
            const n = index + 1;
            const done = fields.status === 'done';
            return (
              <li key={action.id} data-testid="action" className="space-y-2 rounded-lg border border-line bg-surface p-3">
                <div className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={done}
                    disabled={!canEdit}
                    onChange={(e) => actions?.setActionDone(action.id, e.target.checked)}
                    aria-label={`Action ${n} done`}
                    className="size-4 shrink-0 accent-accent"
                  />
                  <SharedTextInput
                    text={actions?.actionTitle(action.id) ?? null}
                    fallback={fields.title}
                    maxLength={actionTitleMax}
                    disabled={!canEdit}
                    aria-label={`Action ${n}`}
                    className={cn('h-8 flex-1 text-sm', done && 'text-muted line-through')}
                  />
                  {isOverdue(fields, today) ? <OverdueFlag /> : null}
                </div>
                <div className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
                  <select
                    aria-label={`Owner of action ${n}`}
                    value={fields.ownerId ?? ''}
                    disabled={!canEdit}
                    onChange={(e) => actions?.updateAction(action.id, { ownerId: e.target.value || null })}
                    className={cn(selectClass, 'h-8 text-xs')}
                  >
                    <option value="">No owner</option>
                    {members.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                  <DateField value={fields.due} allowEmpty aria-label={`Due date of action ${n}`} disabled={!canEdit} onCommit={(due) => actions?.updateAction(action.id, { due })} />
                  {canEdit ? (
                    <Button size="sm" variant="danger-ghost" onClick={() => actions?.removeAction(action.id)} aria-label={`Remove action ${n}`}>
                      Remove
                    </Button>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {canEdit ? (
                    <LinkSelect
                      value={fields.link}
                      targets={targets}
                      label={`Linked item of action ${n}`}
                      onChange={(link) => actions?.updateAction(action.id, { link })}
                      className="h-8 w-auto max-w-56 text-xs"
                    />
                  ) : null}
                  {fields.link ? <LinkedItem link={fields.link} targets={targets} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted">No actions yet.</p>
      )}
      {canEdit ? (
        <QuickAddForm label="New action" placeholder="Add an action…" maxLength={actionTitleMax} disabled={!actions} onAdd={(text) => actions?.addAction({ title: text })} />
      ) : null}
    </section>
  );
}
