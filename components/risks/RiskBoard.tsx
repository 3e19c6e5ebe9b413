'use client';
// The risk board: heat map, filtered table and the item editor, drawn from plain items. It knows
// nothing of Yjs: the live connection hands it items, actions, presence and a save status, and
// until then it shows the server's items read-only. New item opens a draft that only this tab
// sees; it joins the board when it gets a title. A delete can be undone for a few seconds. The open
// item is kept in the address (`?item=<id>`) so a link opens it (components/live/useItemInAddress).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deriveRaidScores, emptyRaidFields, type RaidFields, type RaidItem } from '@/server/domain/risk';
import type { RiskPrefill } from '@/server/domain/resourceProblems';
import { techAlertParam, techItemParam } from '@/server/domain/techRiskDraft';
import { canEditBoards, type ProjectRole } from '@/server/domain/roles';
import { storableText } from '@/server/domain/storableText';
import { ProjectionIssues } from '@/components/live/ProjectionIssues';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { UndoToast } from '@/components/ui/undo-toast';
import { useItemInAddress } from '@/components/live/useItemInAddress';
import { CsvOutcomePanel, CsvTools, type CsvOutcome } from './CsvTools';
import { HeatMap } from './HeatMap';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { RiskEditor, type PlanItemOption } from './RiskEditor';
import { ResourceProblemsFor } from './ResourceProblems';
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
  type ChangeByOthers,
  type DeletedItem,
  type PresencePeer,
  type RiskBoardActions,
} from './model';

export interface RiskBoardProps {
  projectId: string;
  /** The project's workspace (its people board signals resource changes to "Resource problems"). */
  workspaceId?: string;
  role: ProjectRole;
  members: MemberOption[];
  items: RaidItem[];
  actions: RiskBoardActions | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
  planItems?: PlanItemOption[];
  /** The last change someone else made to an item (the open one's is announced in its editor). */
  changedByOthers?: ChangeByOthers | null;
  /** A risk drafted elsewhere (a tech alert, server/domain/techRiskDraft.ts): opened once for review when the board is live. */
  draftFromAddress?: RiskPrefill | null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function RiskBoard({ projectId, workspaceId, role, members, items, actions, presence, status, refusal, planItems, changedByOthers = null, draftFromAddress = null }: RiskBoardProps) {
  const [filters, setFilters] = useState<BoardFilters>(noFilters);
  const [openItemId, setOpenItemId] = useState<string | null>(null);
  const [newItemId, setNewItemId] = useState<string | null>(null);
  const [csvOutcome, setCsvOutcome] = useState<CsvOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const returnFocusTo = useRef<string | null>(null);
  // The new item in the editor while it has no title: shown from here until the document has it.
  const [draft, setDraft] = useState<RaidItem | null>(null);
  // The same draft for writes, until it is written (read by `update`, also when the editor's last
  // keystrokes are flushed as it closes).
  const unwrittenDraft = useRef<RaidItem | null>(null);
  // A draft filled from a resource problem waits for Save (the person reviews it first), rather
  // than joining the board with its first keystroke: its id, while it waits.
  const [draftToReview, setDraftToReview] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<DeletedItem | null>(null);
  const { itemInAddress, showInAddress } = useItemInAddress();
  // An item the address asks for, opened once the live board has it (the first paint is read-only).
  const [requestedId, setRequestedId] = useState<string | null>(null);
  const seenInAddress = useRef<string | null>(null);

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

  const openItem = openItemId ? (items.find((i) => i.id === openItemId) ?? (draft?.id === openItemId ? draft : null)) : null;

  // The draft was written and has come back from the document: the board's copy takes over.
  useEffect(() => {
    if (draft && items.some((i) => i.id === draft.id)) setDraft(null);
  }, [draft, items]);

  // Someone else deleted the item that is open here: close the editor and say why.
  const seenOpen = useRef<string | null>(null);
  useEffect(() => {
    if (openItem) seenOpen.current = openItem.id;
    else if (openItemId && seenOpen.current === openItemId) {
      seenOpen.current = null;
      setOpenItemId(null);
      showInAddress(null, 'replace');
      setNotice('The item you had open was deleted.');
    }
  }, [openItem, openItemId, showInAddress]);

  // Tell the others which item is open here (viewers only read, so they are not "editing").
  useEffect(() => {
    actions?.setEditing(canEdit ? openItemId : null);
  }, [actions, canEdit, openItemId]);

  const openEditor = useCallback(
    (id: string, opener: string) => {
      returnFocusTo.current = opener;
      setNotice(null);
      setNewItemId(null);
      setOpenItemId(id);
      showInAddress(id, 'push');
    },
    [showInAddress],
  );

  // The notice names an item by its id as stored (server/domain/storableText), which may differ from the id in the document.
  const openIssueItem = useCallback(
    (storedId: string, opener: string) => {
      const item = items.find((i) => storableText(i.id).slice(0, 200) === storedId);
      if (item) openEditor(item.id, opener);
    },
    [items, openEditor],
  );

  const closeEditor = useCallback(() => {
    setOpenItemId(null);
    setNewItemId(null);
    // An untouched draft simply goes: nothing was written, so nobody else saw it.
    setDraft(null);
    setDraftToReview(null);
    showInAddress(null, 'replace');
    const target = returnFocusTo.current;
    requestAnimationFrame(() => {
      if (target) document.getElementById(target)?.focus();
    });
  }, [showInAddress]);

  // The address changed under the board (a link, Back or Forward): follow it. Changes the board
  // made itself already match the open item and are left alone.
  useEffect(() => {
    if (itemInAddress === seenInAddress.current) return;
    seenInAddress.current = itemInAddress;
    if (itemInAddress === openItemId) return;
    if (itemInAddress) setRequestedId(itemInAddress);
    else if (openItemId) closeEditor();
  }, [itemInAddress, openItemId, closeEditor]);

  useEffect(() => {
    if (!requestedId || (!actions && !refusal)) return;
    setRequestedId(null);
    if (items.some((i) => i.id === requestedId)) {
      returnFocusTo.current = `open-item-${requestedId}`;
      setNotice(null);
      setNewItemId(null);
      setOpenItemId(requestedId);
    } else {
      showInAddress(null, 'replace');
      setNotice('This risk no longer exists: it may have been deleted.');
    }
  }, [requestedId, actions, refusal, items, showInAddress]);

  /** Opens a new item in the editor; `prefill` (a resource risk) makes it a draft to review and save. */
  const createItem = useCallback(
    (prefill?: RiskPrefill, opener = 'new-item-button') => {
      if (!actions || !canEdit) return;
      const fields: RaidFields = { ...emptyRaidFields };
      // A new item created while filtering by kind or cell starts in that kind or cell.
      if (filters.kind) fields.kind = filters.kind;
      if (filters.cell) {
        fields.likelihood = filters.cell.likelihood;
        fields.impact = filters.cell.impact;
      }
      Object.assign(fields, prefill);
      const now = new Date();
      const next: RaidItem = { id: actions.newItemId(), ...fields, ...deriveRaidScores(fields), createdAt: now, updatedAt: now };
      unwrittenDraft.current = next;
      setDraft(next);
      setDraftToReview(prefill ? next.id : null);
      returnFocusTo.current = opener;
      setNotice(null);
      setOpenItemId(next.id);
      setNewItemId(next.id);
    },
    [actions, canEdit, filters.kind, filters.cell],
  );

  // A draft the address brought (from a tech alert) opens once, when the board can take it; the
  // address then forgets it, so a reload does not draft it twice.
  const draftOpened = useRef(false);
  useEffect(() => {
    if (!draftFromAddress || draftOpened.current || !canEdit) return;
    draftOpened.current = true;
    createItem(draftFromAddress, 'new-item-button');
    const url = new URL(window.location.href);
    url.searchParams.delete(techItemParam);
    url.searchParams.delete(techAlertParam);
    window.history.replaceState(null, '', url);
  }, [draftFromAddress, canEdit, createItem]);

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
      if (!openItemId || !actions || !canEdit) return;
      const pending = unwrittenDraft.current;
      if (pending?.id !== openItemId) {
        actions.updateItem(openItemId, patch);
        return;
      }
      const fields = { ...pending, ...patch };
      const next: RaidItem = { ...fields, ...deriveRaidScores(fields) };
      // The first title writes the whole draft, under the id the editor already has (a draft to
      // review waits for Save).
      if (next.title.trim() && draftToReview !== next.id) {
        unwrittenDraft.current = null;
        actions.createItem(next, next.id);
      } else unwrittenDraft.current = next;
      setDraft(next);
    },
    [actions, canEdit, openItemId, draftToReview],
  );

  /** Save on a draft to review: it joins the board as it stands (it needs a title). */
  const saveDraft = useCallback(() => {
    const pending = unwrittenDraft.current;
    if (!pending || pending.id !== openItemId || !actions || !canEdit || !pending.title.trim()) return;
    unwrittenDraft.current = null;
    setDraftToReview(null);
    actions.createItem(pending, pending.id);
    setDraft(pending);
  }, [actions, canEdit, openItemId]);

  const deleteOpenItem = useCallback(() => {
    if (!openItem) return;
    if (unwrittenDraft.current?.id === openItem.id) unwrittenDraft.current = null;
    else {
      const deleted = actions?.deleteItem(openItem.id) ?? null;
      if (deleted) setLastDeleted(deleted);
    }
    seenOpen.current = null;
    returnFocusTo.current = 'new-item-button';
    closeEditor();
  }, [actions, closeEditor, openItem]);

  const undoDelete = useCallback(() => {
    if (!lastDeleted) return;
    actions?.restoreItem(lastDeleted);
    setLastDeleted(null);
    const opener = `open-item-${lastDeleted.id}`;
    // The Undo button goes away: focus the item it brought back (once its row is drawn).
    requestAnimationFrame(() => document.getElementById(opener)?.focus());
  }, [actions, lastDeleted]);

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
            onClick={() => createItem()}
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

      {lastDeleted ? (
        <UndoToast
          key={lastDeleted.id}
          message={`Deleted “${lastDeleted.fields.title}”.`}
          onUndo={undoDelete}
          onExpire={() => setLastDeleted(null)}
        />
      ) : null}

      {refusal ? (
        <p role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
          {refusal}
        </p>
      ) : null}
      {isViewer ? null : <ProjectionIssues projectId={projectId} board="risks" boardContent={items} onOpenItem={openIssueItem} />}
      <ResourceProblemsFor projectId={projectId} workspaceId={workspaceId} items={items} canCreate={canEdit} showCreate={!isViewer} onCreate={createItem} onOpenItem={openEditor} />
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
          onDelete={deleteOpenItem}
          onClose={closeEditor}
          editingPeers={editingPeers.get(openItem.id) ?? []}
          changedByOthers={changedByOthers?.itemId === openItem.id ? changedByOthers : null}
          autoFocusTitle={openItem.id === newItemId}
          isDraft={openItem === draft}
          onSaveDraft={openItem.id === draftToReview ? saveDraft : undefined}
        />
      ) : null}
    </div>
  );
}
