'use client';
// One agenda item: its drag handle, title (shared text: people typing at once merge), presenter,
// time box and linked item, and, in run mode, the highlight and timer when it is the current one.
// Alt+ArrowUp / Alt+ArrowDown on the row move it, as dragging the handle does.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import { SharedTextInput } from '@/components/live/SharedTextInput';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { selectClass, inputClass } from '@/components/ui/field';
import type { MeetingEntry } from '@/server/collab/boards/meetingDocument';
import { agendaTitleMax, timeBoxMinutesMax, type AgendaFields } from '@/server/domain/meeting';
import { AgendaTimer } from './AgendaTimer';
import { LinkedItem } from './LinkedItem';
import { LinkSelect } from './LinkSelect';
import type { LinkTarget, MeetingBoardActions, MemberOption } from './model';

export function AgendaItemRow({
  item,
  index,
  count,
  current,
  startedAt,
  canEdit,
  actions,
  members,
  targets,
  openActionTitles,
}: {
  item: MeetingEntry<AgendaFields>;
  index: number;
  count: number;
  current: boolean;
  startedAt: string | null;
  canEdit: boolean;
  actions: MeetingBoardActions | null;
  members: MemberOption[];
  targets: LinkTarget[];
  /** Titles of the carried actions still open (the "Open actions" item). */
  openActionTitles: string[];
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canEdit });
  const { fields } = item;
  const titleId = `agenda-title-${item.id}`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!canEdit || !actions || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    actions.moveAgendaItem(item.id, to);
    // Keep the focus on what was moved (the element is kept by its key).
    const target = event.target as HTMLElement;
    requestAnimationFrame(() => target.focus());
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      onKeyDown={onKeyDown}
      aria-current={current ? 'step' : undefined}
      aria-labelledby={titleId}
      data-testid="agenda-item"
      className={cn(
        'group rounded-lg border bg-surface p-3 transition-colors',
        current ? 'border-accent ring-2 ring-accent/30' : 'border-line',
        isDragging && 'relative z-10 shadow-lg',
      )}
    >
      <div className="flex items-start gap-2">
        {canEdit ? (
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Move ${fields.title} (Space to pick up, arrow keys to move, or Alt+Arrow keys)`}
            className="mt-1.5 inline-flex size-7 shrink-0 cursor-grab touch-none items-center justify-center rounded text-faint hover:bg-hover hover:text-ink active:cursor-grabbing"
          >
            <span aria-hidden="true">⋮⋮</span>
          </button>
        ) : (
          <span aria-hidden="true" className="mt-2 w-5 shrink-0 text-center text-xs text-faint tabular-nums">
            {index + 1}
          </span>
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <span id={titleId} className="sr-only">
              {`Item ${index + 1}: ${fields.title}${current ? ' (current)' : ''}`}
            </span>
            <SharedTextInput
              text={actions?.agendaTitle(item.id) ?? null}
              fallback={fields.title}
              maxLength={agendaTitleMax}
              disabled={!canEdit}
              aria-label={`Title of agenda item ${index + 1}`}
              onFocus={() => actions?.setEditing(item.id)}
              onBlur={() => actions?.setEditing(null)}
              className={cn('min-w-0 flex-1 basis-48 font-medium', current && 'bg-accent-soft')}
            />
            {current && startedAt ? <AgendaTimer startedAt={startedAt} timeBoxMinutes={fields.timeBoxMinutes} /> : null}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <select
              aria-label={`Presenter of agenda item ${index + 1}`}
              value={fields.presenterId ?? ''}
              disabled={!canEdit}
              onChange={(e) => actions?.updateAgendaItem(item.id, { presenterId: e.target.value || null })}
              className={cn(selectClass, 'h-8 w-auto max-w-44 text-xs')}
            >
              <option value="">No presenter</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
            <label className="inline-flex items-center gap-1 text-muted">
              <input
                type="number"
                min={1}
                max={timeBoxMinutesMax}
                inputMode="numeric"
                aria-label={`Time box of agenda item ${index + 1}, minutes`}
                defaultValue={fields.timeBoxMinutes ?? ''}
                key={fields.timeBoxMinutes ?? 'none'}
                disabled={!canEdit}
                onBlur={(e) => {
                  const minutes = e.target.value === '' ? null : Math.round(Number(e.target.value));
                  if (minutes !== null && !(minutes >= 1 && minutes <= timeBoxMinutesMax)) return void (e.target.value = String(fields.timeBoxMinutes ?? ''));
                  if (minutes !== fields.timeBoxMinutes) actions?.updateAgendaItem(item.id, { timeBoxMinutes: minutes });
                }}
                className={cn(inputClass, 'h-8 w-16 text-xs')}
              />
              <span aria-hidden="true">min</span>
            </label>
            {canEdit ? (
              <LinkSelect
                value={fields.link}
                targets={targets}
                label={`Linked item of agenda item ${index + 1}`}
                onChange={(link) => actions?.updateAgendaItem(item.id, { link })}
                className="h-8 w-auto max-w-52 text-xs"
              />
            ) : null}
            {fields.link ? <LinkedItem link={fields.link} targets={targets} /> : null}
          </div>
          {openActionTitles.length ? (
            <ul aria-label="Carried open actions" className="list-disc space-y-0.5 pl-5 text-sm text-muted">
              {openActionTitles.map((title, i) => (
                <li key={i}>{title}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {canEdit ? (
          <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row">
            {!current ? (
              <Button size="sm" variant="ghost" onClick={() => actions?.runItem(item.id)} aria-label={`Make item ${index + 1} current`}>
                Start
              </Button>
            ) : null}
            <Button size="sm" variant="danger-ghost" onClick={() => actions?.removeAgendaItem(item.id)} aria-label={`Remove agenda item ${index + 1}`}>
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
        ) : null}
      </div>
    </li>
  );
}
