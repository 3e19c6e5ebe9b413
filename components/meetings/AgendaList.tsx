'use client';
// The agenda: items in order, reordered by dragging their handle (mouse, touch) or from the
// keyboard (Space on the handle, arrows, Space to drop; or Alt+Arrow keys on any part of the
// item), each move announced to screen readers. A move writes one position to the live document,
// so two people moving different items at once both land.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { MeetingEntry } from '@/server/collab/boards/meetingDocument';
import { agendaTitleMax, type AgendaFields } from '@/server/domain/meeting';
import { AgendaItemRow } from './AgendaItemRow';
import type { LinkTarget, MeetingBoardActions, MemberOption } from './model';
import { QuickAddForm } from './QuickAddForm';

export interface KnownAction {
  id: string;
  title: string;
  status: 'open' | 'done';
}

export function AgendaList({
  agenda,
  currentItemId,
  currentStartedAt,
  canEdit,
  actions,
  members,
  targets,
  knownActions,
}: {
  agenda: MeetingEntry<AgendaFields>[];
  currentItemId: string | null;
  currentStartedAt: string | null;
  canEdit: boolean;
  actions: MeetingBoardActions | null;
  members: MemberOption[];
  targets: LinkTarget[];
  /** The project's actions, for the titles of those carried into this meeting. */
  knownActions: KnownAction[];
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: unknown) => agenda.find((i) => i.id === id)?.fields.title ?? 'the item';
  const positionOf = (id: unknown) => agenda.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, item ${positionOf(active.id)} of ${agenda.length}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is now at position ${positionOf(over.id)} of ${agenda.length}.` : `${titleOf(active.id)} is no longer over the agenda.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at position ${positionOf(over.id)} of ${agenda.length}.` : `Dropped ${titleOf(active.id)}.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = agenda.findIndex((i) => i.id === over.id);
    if (to !== -1) actions?.moveAgendaItem(String(active.id), to);
  };


  const byId = new Map(knownActions.map((a) => [a.id, a]));

  return (
    <section aria-labelledby="agenda-heading" className="space-y-3">
      <h2 id="agenda-heading" className="text-sm font-semibold text-ink">
        Agenda
      </h2>
      {agenda.length ? (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
          <SortableContext items={agenda.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <ol className="space-y-2" aria-label="Agenda items">
              {agenda.map((item, index) => (
                <AgendaItemRow
                  key={item.id}
                  item={item}
                  index={index}
                  count={agenda.length}
                  current={item.id === currentItemId}
                  startedAt={item.id === currentItemId ? currentStartedAt : null}
                  canEdit={canEdit}
                  actions={actions}
                  members={members}
                  targets={targets}
                  openActionTitles={item.fields.carriedActionIds.flatMap((id) => {
                    const known = byId.get(id);
                    return known && known.status === 'open' ? [known.title] : [];
                  })}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      ) : (
        <p className="rounded-lg border border-dashed border-line px-4 py-6 text-center text-sm text-muted">No agenda items yet.</p>
      )}
      {canEdit ? (
        <QuickAddForm label="New agenda item" placeholder="Add an agenda item…" maxLength={agendaTitleMax} disabled={!actions} onAdd={(text) => actions?.addAgendaItem({ title: text })} />
      ) : null}
    </section>
  );
}
