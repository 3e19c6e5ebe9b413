'use client';
// The risk board: heat map, filtered table and the item editor, drawn from plain items. It knows
// nothing of Yjs: the live connection hands it items, actions, presence and a save status, and
// until then it shows the server's items read-only.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RaidFields, RaidItem } from '@/server/domain/risk';
import { canEditBoards, type ProjectRole } from '@/server/domain/roles';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CsvOutcomePanel, CsvTools, type CsvOutcome } from './CsvTools';
import { HeatMap } from './HeatMap';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { RiskEditor, type PlanItemOption } from './RiskEditor';
import { RiskFilters, RiskTable, type MemberOption } from './RiskTable';
import { SaveIndicator } from '@/components/live/SaveIndicator';
import {
  compareItems,
  hasFilters,
  heatCounts,
  matchesFilters,
  noFilters,
  type BoardFilters,
  type BoardStatus,
  type PresencePeer,
  type RiskBoardActions,
} from './model';

export interface RiskBoardProps {
  projectId: string;
  role: ProjectRole;
  members: MemberOption[];
  items: RaidItem[];
  actions: RiskBoardActions | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
  planItems?: PlanItemOption[];
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function RiskBoard({ projectId, role, members, items, actions, presence, status, refusal, planItems }: RiskBoardProps) {
  const [filters, setFilters] = useState<BoardFilters>(noFilters);
  const [openItemId, setOpenItemId] = useState<string | null>(null);
  const [newItemId, setNewItemId] = useState<string | null>(null);
  const [csvOutcome, setCsvOutcome] = useState<CsvOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const returnFocusTo = useRef<string | null>(null);

  const isViewer = !canEditBoards(role);
  const canEdit = !isViewer && !refusal && actions !== null;

  const memberNames = useMemo(() => new Map(members.map((m) => [m.userId, m.name])), [members]);
  const sorted = useMemo(() => [...items].sort(compareItems), [items]);
  const shown = useMemo(() => sorted.filter((item) => matchesFilters(item, filters)), [sorted, filters]);
  const counts = useMemo(() => heatCounts(items), [items]);

  const editingPeers = useMemo(() => {
    const byItem = new Map<string, PresencePeer[]>();
    for (const peer of presence) {
      if (peer.self || !peer.editing) continue;
      byItem.set(peer.editing, [...(byItem.get(peer.editing) ?? []), peer]);
    }
    return byItem;
  }, [presence]);

  const openItem = openItemId ? (items.find((i) => i.id === openItemId) ?? null) : null;

  // Someone else deleted the item that is open here: close the editor and say why.
  const seenOpen = useRef<string | null>(null);
  useEffect(() => {
    if (openItem) seenOpen.current = openItem.id;
    else if (openItemId && seenOpen.current === openItemId) {
      seenOpen.current = null;
      setOpenItemId(null);
      setNotice('The item you had open was deleted.');
    }
  }, [openItem, openItemId]);

  // Tell the others which item is open here (viewers only read, so they are not "editing").
  useEffect(() => {
    actions?.setEditing(canEdit ? openItemId : null);
  }, [actions, canEdit, openItemId]);

  const openEditor = useCallback((id: string, opener: string) => {
    returnFocusTo.current = opener;
    setNotice(null);
    setNewItemId(null);
    setOpenItemId(id);
  }, []);

  const closeEditor = useCallback(() => {
    setOpenItemId(null);
    setNewItemId(null);
    const target = returnFocusTo.current;
    requestAnimationFrame(() => {
      if (target) document.getElementById(target)?.focus();
    });
  }, []);

  const createItem = useCallback(() => {
    if (!actions || !canEdit) return;
    const fields: Partial<RaidFields> = {};
    // A new item created while filtering by kind or cell starts in that kind or cell.
    if (filters.kind) fields.kind = filters.kind;
    if (filters.cell) {
      fields.likelihood = filters.cell.likelihood;
      fields.impact = filters.cell.impact;
    }
    const id = actions.createItem(fields);
    returnFocusTo.current = 'new-item-button';
    setNotice(null);
    setOpenItemId(id);
    setNewItemId(id);
  }, [actions, canEdit, filters.kind, filters.cell]);

  // "N" adds an item when you are not typing somewhere.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'n' && event.key !== 'N') return;
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      createItem();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [createItem]);

  const update = useCallback(
    (patch: Partial<RaidFields>) => {
      if (openItemId && actions && canEdit) actions.updateItem(openItemId, patch);
    },
    [actions, canEdit, openItemId],
  );

  const emptyMessage = items.length ? (
    <>
      No items match these filters.{' '}
      <button type="button" className="font-medium text-accent hover:underline" onClick={() => setFilters(noFilters)}>
        Clear filters
      </button>
    </>
  ) : isViewer ? (
    'No items on this board yet.'
  ) : (
    'No items yet. Add the first risk, assumption, issue or dependency with New item.'
  );

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <div className="flex min-w-0 items-center gap-3">
          <h2 className="text-base font-semibold">Risk board</h2>
          <SaveIndicator status={status} />
        </div>
        <PresenceAvatars peers={presence} label="On this board" />
        {isViewer ? (
          <p className="flex items-center gap-2 text-xs text-muted">
            <Badge tone="border-line-strong bg-surface text-ink">Read-only</Badge>
            <span>You are a viewer: you see every change live but cannot edit.</span>
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <CsvTools projectId={projectId} canImport={canEdit} onOutcome={setCsvOutcome} />
          <Button
            id="new-item-button"
            variant="primary"
            size="sm"
            onClick={createItem}
            disabled={!canEdit}
            aria-keyshortcuts="N"
            title={canEdit ? 'New item (N)' : undefined}
          >
            <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
              <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
            </svg>
            New item
          </Button>
        </div>
      </div>

      {refusal ? (
        <p role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
          {refusal}
        </p>
      ) : null}
      {csvOutcome ? <CsvOutcomePanel outcome={csvOutcome} onDismiss={() => setCsvOutcome(null)} /> : null}
      {notice ? (
        <p role="status" className="rounded-lg border border-line bg-sunken px-4 py-2.5 text-sm text-muted">
          {notice}
        </p>
      ) : null}

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[19rem_minmax(0,1fr)]">
        <HeatMap counts={counts} selected={filters.cell} onSelect={(cell) => setFilters((f) => ({ ...f, cell }))} />
        <section aria-label="Items" className="flex min-w-0 flex-col gap-3">
          <RiskFilters filters={filters} onChange={setFilters} members={members} shown={shown.length} total={items.length} />
          <RiskTable
            items={shown}
            memberNames={memberNames}
            editingPeers={editingPeers}
            openItemId={openItemId}
            onOpen={(id) => openEditor(id, `open-item-${id}`)}
            emptyMessage={hasFilters(filters) || !items.length ? emptyMessage : null}
          />
        </section>
      </div>

      {openItem ? (
        <RiskEditor
          key={openItem.id}
          projectId={projectId}
          item={openItem}
          planItems={planItems}
          members={members}
          memberNames={memberNames}
          canEdit={canEdit}
          update={update}
          textOf={(field) => actions?.textOf(openItem.id, field) ?? null}
          onDelete={() => {
            actions?.deleteItem(openItem.id);
            seenOpen.current = null;
            returnFocusTo.current = 'new-item-button';
            closeEditor();
          }}
          onClose={closeEditor}
          editingPeers={editingPeers.get(openItem.id) ?? []}
          autoFocusTitle={openItem.id === newItemId}
        />
      ) : null}
    </div>
  );
}
