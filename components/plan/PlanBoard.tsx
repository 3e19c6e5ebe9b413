'use client';
// The plan page: who is here and whether edits are saved, the roadmap (timeline, milestones and
// workstreams, dependencies, critical path, baselines and slippage), the charter with goals, and
// the stakeholders with RACI. It knows nothing of Yjs: it draws plain PlanContent and calls actions.
// The item open in the editor is kept in the address (`?item=<id>`, components/live/useItemInAddress).
import { useQuery } from '@tanstack/react-query';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { criticalPath, describeCycle, milestoneSlippage, milestoneStatuses, violatedDependencies, type PlanDependency, type PlanItem } from '@/server/domain/plan';
import { canEditBoards, type ProjectRole } from '@/server/domain/roles';
import { ProjectionIssues } from '@/components/live/ProjectionIssues';
import type { PlanRisk } from '@/server/routers/plan';
import type { PlanStaffing as Staffing } from '@/server/domain/planStaffing';
import type { ProjectStandards } from '@/server/data/standards';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { SaveIndicator } from '@/components/live/SaveIndicator';
import { useItemInAddress } from '@/components/live/useItemInAddress';
import type { BoardStatus, PresencePeer } from '@/components/live/presence';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Select } from '@/components/ui/field';
import { LiveSelect } from '@/components/live/LiveSelect';
import { ItemDecisions } from '@/components/meetings/ItemDecisions';
import { CalendarFeed } from './CalendarFeed';
import { LiveNumber, LiveText } from './LiveInputs';
import { PlanCharter } from './PlanCharter';
import { PlanStakeholders } from './PlanStakeholders';
import { MilestoneWarning, PlanStaffing, usePlanStaffing, WorkstreamPeople } from './PlanStaffing';
import { MilestoneStandardsPanel, PlanStandards, usePlanStandards } from './PlanStandards';
import { Timeline, type MilestoneForecast } from './Timeline';
import type { Zoom } from './timelineScale';
import { milestoneStatusLabels, type PlanActions, type PlanContent } from './model';

export interface PlanBoardProps {
  projectId: string;
  role: ProjectRole;
  members: { userId: string; name: string }[];
  content: PlanContent;
  risks: PlanRisk[];
  actions: PlanActions | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
  /** Items whose dates someone else changed a moment ago. */
  movedByOthers?: ReadonlySet<string>;
  today: string;
  /** The project's workspace, for the link to its people page. */
  workspaceId: string;
  /** Who works on each workstream, as the server read it (resources.forPlan); read again in the browser. */
  initialStaffing?: Staffing | null;
  /** Each milestone's technical standards, as the server read them (standards.forProject); read again in the browser. */
  initialStandards?: ProjectStandards | null;
}

const fieldLabel: Record<string, string> = { start: 'Start', end: 'End', created: 'Created', deleted: 'Deleted' };
const day = (iso: string | null) => (iso ? format(parseISO(iso), 'd MMM yyyy') : '—');

/**
 * The plan's date changes, newest first. A milestone is one date: its moves show once, as "Date"
 * (the start that moves with it is left out).
 */
function SlippageHistory({ projectId, contentKey, milestoneIds }: { projectId: string; contentKey: string; milestoneIds: Set<string> }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.plan.dateHistory.queryOptions({ projectId, limit: 50 }));
  const { refetch } = history;
  // The projection writes a moment after an edit: read again shortly after the dates change.
  useEffect(() => {
    const timer = setTimeout(() => void refetch(), 1000);
    return () => clearTimeout(timer);
  }, [contentKey, refetch]);
  const rows = (history.data ?? []).filter((h) => !(h.field === 'start' && milestoneIds.has(h.itemId)));
  const label = (h: (typeof rows)[number]) => (h.field === 'end' && milestoneIds.has(h.itemId) ? 'Date' : (fieldLabel[h.field] ?? h.field));
  return (
    <section aria-labelledby="slippage-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="slippage-heading" className="text-base font-semibold">
        Date changes
      </h2>
      {/* A tab stop of its own: a long history scrolls, and the arrow keys must reach it. */}
      <ul tabIndex={0} className="mt-2 max-h-72 space-y-1 overflow-y-auto text-sm" aria-label="Date changes">
        {rows.map((h) => (
          <li key={h.id}>
            <span className="font-medium">{h.itemTitle}</span>: {label(h)}
            {h.field === 'created' ? ` (due ${day(h.to)})` : h.field === 'deleted' ? '' : ` ${day(h.from)} → ${day(h.to)}`}
            <span className="text-muted">
              {' '}
              by {h.actorName ?? 'someone'}, {formatDistanceToNow(h.changedAt, { addSuffix: true })}
            </span>
          </li>
        ))}
        {!rows.length ? <li className="text-muted">No date changes yet.</li> : null}
      </ul>
    </section>
  );
}

function ItemEditor({
  projectId,
  item,
  items,
  members,
  actions,
  risks,
  staffing,
  standards,
  workspaceId,
  onClose,
}: {
  projectId: string;
  item: PlanItem;
  items: PlanItem[];
  members: { userId: string; name: string }[];
  actions: PlanActions | null;
  risks: PlanRisk[];
  staffing: Staffing | null;
  standards: ProjectStandards | null;
  workspaceId: string;
  onClose(): void;
}) {
  const readOnly = !actions;
  const isMilestone = item.kind === 'milestone';
  return (
    <section id="plan-item-editor" aria-label={`Edit ${item.title}`} className="scroll-mt-4 rounded-lg border border-accent/40 bg-surface p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{isMilestone ? 'Milestone' : 'Workstream'}</h3>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <span className="text-[13px] font-medium text-muted">Title</span>
          <LiveText label="Title" value={item.title} text={actions?.text({ in: 'items', id: item.id, field: 'title' }) ?? null} disabled={readOnly} maxLength={200} onFocus={() => actions?.setEditing(item.id)} />
        </div>
        {isMilestone ? (
          <Field label="Date" htmlFor="item-date">
            <DateField id="item-date" label={`date of ${item.title}`} value={item.end} disabled={readOnly} onCommit={(date) => date && actions?.updateItem(item.id, { start: date, end: date })} />
          </Field>
        ) : (
          <>
            <Field label="Start" htmlFor="item-start">
              <DateField id="item-start" label={`start of ${item.title}`} value={item.start} disabled={readOnly} onCommit={(date) => date && actions?.updateItem(item.id, { start: date, end: date > item.end ? date : item.end })} />
            </Field>
            <Field label="End" htmlFor="item-end">
              <DateField
                id="item-end"
                label={`end of ${item.title}`}
                value={item.end}
                min={{ date: item.start, message: `A workstream must end on or after its start (${day(item.start)}).` }}
                disabled={readOnly}
                onCommit={(date) => date && actions?.updateItem(item.id, { end: date })}
              />
            </Field>
          </>
        )}
        <Field label="Owner" htmlFor="item-owner">
          <LiveSelect id="item-owner" value={item.ownerId ?? ''} disabled={readOnly} onValueChange={(ownerId) => actions?.updateItem(item.id, { ownerId: ownerId || null })}>
            <option value="">No owner</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </LiveSelect>
        </Field>
        {isMilestone ? (
          <Field label="Status" htmlFor="item-status">
            <LiveSelect id="item-status" value={item.status} disabled={readOnly} onValueChange={(status) => actions?.updateItem(item.id, { status: status as PlanItem['status'] })}>
              {milestoneStatuses.map((s) => (
                <option key={s} value={s}>
                  {milestoneStatusLabels[s]}
                </option>
              ))}
            </LiveSelect>
          </Field>
        ) : (
          <>
            <div className="flex flex-col gap-1.5">
              <span className="text-[13px] font-medium text-muted">Progress %</span>
              <LiveNumber label="Progress %" value={item.progress} disabled={readOnly} onCommit={(v) => v !== null && v >= 0 && v <= 100 && actions?.updateItem(item.id, { progress: Math.round(v) })} />
            </div>
            <Field label="Delivers milestone" htmlFor="item-milestone">
              <LiveSelect id="item-milestone" value={item.milestoneId ?? ''} disabled={readOnly} onValueChange={(milestoneId) => actions?.updateItem(item.id, { milestoneId: milestoneId || null })}>
                <option value="">None</option>
                {items
                  .filter((i) => i.kind === 'milestone')
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}
                    </option>
                  ))}
              </LiveSelect>
            </Field>
          </>
        )}
        <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-4">
          <span className="text-[13px] font-medium text-muted">Description</span>
          <LiveText label="Description" multiline value={item.description} text={actions?.text({ in: 'items', id: item.id, field: 'description' }) ?? null} disabled={readOnly} maxLength={10_000} onFocus={() => actions?.setEditing(item.id)} />
        </div>
      </div>
      {risks.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-muted">Open risks threatening it</h4>
          <ul className="mt-1 text-sm">
            {risks.map((r) => (
              <li key={r.id}>
                {r.title} {r.score ? <span className="text-muted">(score {r.score})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ItemStaffing item={item} staffing={staffing} />
      {isMilestone ? <MilestoneStandardsPanel projectId={projectId} workspaceId={workspaceId} milestoneId={item.id} standards={standards} members={members} /> : null}
      <ItemDecisions projectId={projectId} kind={item.kind} itemId={item.id} className="mt-3 border-t border-line pt-3" />
      {actions ? (
        <div className="mt-3">
          <Button
            size="sm"
            variant="danger-ghost"
            onClick={() => {
              actions.deleteItem(item.id);
              onClose();
            }}
          >
            Delete {isMilestone ? 'milestone' : 'workstream'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** The open item's staffing: a workstream's people, a milestone's under-staffed warning. */
function ItemStaffing({ item, staffing }: { item: PlanItem; staffing: Staffing | null }) {
  if (item.kind === 'milestone') {
    const milestone = staffing?.milestones.find((m) => m.milestoneId === item.id);
    return milestone?.understaffed ? (
      <div className="mt-3">
        <MilestoneWarning milestone={milestone} />
      </div>
    ) : null;
  }
  const workstream = staffing?.workstreams.find((w) => w.workstreamId === item.id);
  if (!workstream) return null;
  return (
    <div className="mt-3">
      <h4 className="mb-1 text-xs font-semibold text-muted">Who works on it</h4>
      <WorkstreamPeople workstream={workstream} />
    </div>
  );
}

const nothingMoved: ReadonlySet<string> = new Set();

export function PlanBoard({
  projectId,
  role,
  members,
  content,
  risks,
  actions,
  presence,
  status,
  refusal,
  movedByOthers = nothingMoved,
  today,
  workspaceId,
  initialStaffing = null,
  initialStandards = null,
}: PlanBoardProps) {
  const isViewer = !canEditBoards(role);
  const canEdit = !isViewer && !refusal && actions !== null;
  const editable = canEdit ? actions : null;
  const { items, dependencies, baselines } = content;

  const [zoom, setZoom] = useState<Zoom>('weeks');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [criticalTo, setCriticalTo] = useState('');
  const [baselineId, setBaselineId] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [milestoneDraft, setMilestoneDraft] = useState({ title: '', date: today });
  const [workstreamDraft, setWorkstreamDraft] = useState({ title: '', start: today, end: today });
  const [dependencyDraft, setDependencyDraft] = useState({ fromId: '', toId: '' });
  const [baselineName, setBaselineName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { itemInAddress, showInAddress } = useItemInAddress();
  // An item the address asks for, opened once the live plan has it (the first paint is read-only).
  const [requestedId, setRequestedId] = useState<string | null>(null);
  const seenInAddress = useRef<string | null>(null);

  const titles = useMemo(() => new Map(items.map((i) => [i.id, i.title])), [items]);
  const milestones = useMemo(() => items.filter((i) => i.kind === 'milestone').sort((a, b) => a.end.localeCompare(b.end)), [items]);
  const sortedItems = useMemo(() => [...items].sort((a, b) => a.title.localeCompare(b.title)), [items]);
  const flagged = useMemo(() => {
    const byDependent = new Map<string, PlanDependency[]>();
    for (const d of violatedDependencies(items, dependencies)) byDependent.set(d.toId, [...(byDependent.get(d.toId) ?? []), d]);
    return byDependent;
  }, [items, dependencies]);
  const critical = useMemo(() => new Set(criticalTo ? criticalPath(items, dependencies, criticalTo) : []), [items, dependencies, criticalTo]);
  // The newest baseline is compared by default.
  const baseline = baselines.find((b) => b.id === baselineId) ?? baselines.at(-1) ?? null;
  const slips = useMemo(() => (baseline ? milestoneSlippage(items, baseline.dates) : new Map<string, number>()), [items, baseline]);
  const openRisks = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of risks) for (const id of r.threatens) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [risks]);
  const editingPeers = useMemo(() => {
    const byItem = new Map<string, PresencePeer[]>();
    for (const peer of presence) if (!peer.self && peer.editing) byItem.set(peer.editing, [...(byItem.get(peer.editing) ?? []), peer]);
    return byItem;
  }, [presence]);
  const selected = selectedId ? (items.find((i) => i.id === selectedId) ?? null) : null;
  const datesKey = useMemo(() => items.map((i) => `${i.id}${i.start}${i.end}`).join('|'), [items]);
  const milestoneIds = useMemo(() => new Set(items.filter((i) => i.kind === 'milestone').map((i) => i.id)), [items]);
  // Titles and milestones too: the staffing answer names them.
  const staffingKey = useMemo(() => items.map((i) => `${i.id}${i.start}${i.end}${i.title}${i.milestoneId}`).join('|'), [items]);
  const { staffing, connector: staffingSignal } = usePlanStaffing(projectId, workspaceId, initialStaffing, staffingKey);
  // Milestones added, removed or renamed: the standards answer lists them.
  const milestonesKey = useMemo(() => items.filter((i) => i.kind === 'milestone').map((i) => `${i.id}${i.end}${i.title}${i.status}`).join('|'), [items]);
  const standards = usePlanStandards(projectId, initialStandards, milestonesKey);
  const readiness = useMemo(() => new Map((standards?.milestones ?? []).map((m) => [m.milestoneId, m.readiness])), [standards]);
  const forecasts = useMilestoneForecasts(projectId);

  useEffect(() => {
    editable?.setEditing(selected ? selected.id : null);
  }, [editable, selected]);

  const selectItem = useCallback(
    (id: string) => {
      setNotice(null);
      setSelectedId(id);
      showInAddress(id, 'push');
    },
    [showInAddress],
  );
  const closeItem = useCallback(() => {
    setSelectedId(null);
    showInAddress(null, 'replace');
  }, [showInAddress]);

  // The address changed under the plan (a link, Back or Forward): follow it. Changes the plan made
  // itself already match the open item and are left alone.
  useEffect(() => {
    if (itemInAddress === seenInAddress.current) return;
    seenInAddress.current = itemInAddress;
    if (itemInAddress === selectedId) return;
    if (itemInAddress) setRequestedId(itemInAddress);
    else setSelectedId(null);
  }, [itemInAddress, selectedId]);

  useEffect(() => {
    if (!requestedId || (!actions && !refusal)) return;
    setRequestedId(null);
    if (items.some((i) => i.id === requestedId)) {
      setNotice(null);
      setSelectedId(requestedId);
      requestAnimationFrame(() => document.getElementById('plan-item-editor')?.scrollIntoView({ block: 'nearest' }));
    } else {
      showInAddress(null, 'replace');
      setNotice('This milestone or workstream no longer exists: it may have been deleted.');
    }
  }, [requestedId, actions, refusal, items, showInAddress]);

  // The open item was deleted (here or by someone else): its editor goes, and so does its address.
  useEffect(() => {
    if (selectedId && !requestedId && actions && !items.some((i) => i.id === selectedId)) closeItem();
  }, [selectedId, requestedId, actions, items, closeItem]);

  function addDependency() {
    if (!editable || !dependencyDraft.fromId || !dependencyDraft.toId) return;
    const result = editable.addDependency(dependencyDraft.fromId, dependencyDraft.toId);
    if (result.ok) {
      setMessage({ tone: 'ok', text: `“${titles.get(dependencyDraft.toId)}” now starts after “${titles.get(dependencyDraft.fromId)}” ends.` });
      setDependencyDraft({ fromId: '', toId: '' });
    } else if ('duplicate' in result) setMessage({ tone: 'error', text: 'That dependency already exists.' });
    else setMessage({ tone: 'error', text: `Not added. ${describeCycle(result.cycle, (id) => titles.get(id) ?? 'an item')}` });
  }

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">Plan</h2>
        <PresenceAvatars peers={presence} label="On this plan" />
        <div className="ml-auto flex items-center gap-3">
          {isViewer ? <span className="text-sm text-muted">You can view this plan; editors and owners can change it.</span> : null}
          <SaveIndicator status={status} />
        </div>
      </div>
      {refusal ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {refusal}
        </p>
      ) : null}
      {isViewer ? null : <ProjectionIssues projectId={projectId} board="plan" boardContent={content} />}
      {notice ? (
        <p role="status" className="rounded-md border border-line bg-sunken px-3 py-2 text-sm text-muted">
          {notice}
        </p>
      ) : null}

      <section aria-labelledby="roadmap-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="roadmap-heading" className="mr-auto text-base font-semibold">
            Roadmap
          </h2>
          <div role="group" aria-label="Zoom" className="flex rounded-md border border-line-strong">
            {(['weeks', 'months'] as const).map((z) => (
              <button
                key={z}
                type="button"
                aria-pressed={zoom === z}
                onClick={() => setZoom(z)}
                className={zoom === z ? 'bg-accent-soft px-3 py-1.5 text-sm font-medium text-accent-ink' : 'px-3 py-1.5 text-sm text-muted hover:bg-hover'}
              >
                {z === 'weeks' ? 'Weeks' : 'Months'}
              </button>
            ))}
          </div>
          <Field label="Critical path to" htmlFor="critical-to">
            <Select id="critical-to" value={criticalTo} onChange={(e) => setCriticalTo(e.target.value)} className="w-48">
              <option value="">No milestone</option>
              {milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Compare with baseline" htmlFor="baseline-select">
            <Select id="baseline-select" value={baseline?.id ?? ''} onChange={(e) => setBaselineId(e.target.value)} className="w-48" disabled={!baselines.length}>
              {!baselines.length ? <option value="">No baseline saved</option> : null}
              {baselines.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({format(parseISO(b.savedAt), 'd MMM yyyy')})
                </option>
              ))}
            </Select>
          </Field>
        </div>

        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-sm text-danger' : 'text-sm text-success'}>
            {message.text}
          </p>
        ) : null}

        <Timeline
          items={items}
          dependencies={dependencies}
          zoom={zoom}
          today={today}
          baseline={baseline?.dates ?? null}
          flagged={flagged}
          critical={critical}
          canEdit={canEdit}
          selectedId={selectedId}
          editingPeers={editingPeers}
          openRisks={openRisks}
          onSelect={selectItem}
          movedByOthers={movedByOthers}
          onShiftDates={(id, days, mode) => editable?.shiftItem(id, days, mode)}
          onDrop={(id, dates) => editable?.updateItem(id, dates)}
          readiness={readiness}
          forecasts={forecasts}
        />
        <p role="status" className="sr-only" data-testid="moved-by-others">
          {[...movedByOthers]
            .map((id) => items.find((i) => i.id === id))
            .filter((i) => i !== undefined)
            .map((i) => `${i.title} was moved to ${day(i.end)} by ${editingPeers.get(i.id)?.map((p) => p.user.name).join(', ') || 'someone else'}.`)
            .join(' ')}
        </p>
        {criticalTo && critical.size ? (
          <p className="text-sm" data-testid="critical-path">
            Critical path: {[...critical].map((id) => titles.get(id)).join(' → ')}
          </p>
        ) : null}
        {baseline && slips.size ? (
          <p className="text-sm text-muted">
            Slippage against “{baseline.name}”:{' '}
            {[...slips].map(([id, days]) => `${titles.get(id)} ${days > 0 ? `+${days}` : days} d`).join(', ')}
          </p>
        ) : null}

        {selected ? (
          <ItemEditor projectId={projectId} item={selected} items={items} members={members} actions={editable} risks={risks.filter((r) => r.threatens.includes(selected.id))} staffing={staffing} standards={standards} workspaceId={workspaceId} onClose={closeItem} />
        ) : null}

        {editable ? (
          <div className="grid grid-cols-[minmax(0,1fr)] gap-3 lg:grid-cols-2">
            <form
              aria-label="Add a milestone"
              className="flex flex-wrap content-start items-end gap-2 rounded-lg border border-line bg-surface p-3"
              onSubmit={(e) => {
                e.preventDefault();
                const title = milestoneDraft.title.trim();
                if (!title || !milestoneDraft.date) return;
                editable.addItem({ kind: 'milestone', title, start: milestoneDraft.date, end: milestoneDraft.date });
                setMilestoneDraft({ title: '', date: milestoneDraft.date });
              }}
            >
              <Field label="Milestone title" htmlFor="new-milestone-title" className="min-w-40 flex-1">
                <Input id="new-milestone-title" value={milestoneDraft.title} onChange={(e) => setMilestoneDraft({ ...milestoneDraft, title: e.target.value })} />
              </Field>
              <Field label="Milestone date" htmlFor="new-milestone-date">
                <DateField id="new-milestone-date" label="milestone date" value={milestoneDraft.date} onCommit={(date) => date && setMilestoneDraft((d) => ({ ...d, date }))} />
              </Field>
              <Button type="submit" variant="primary">
                Add milestone
              </Button>
            </form>
            <form
              aria-label="Add a workstream"
              className="flex flex-wrap content-start items-end gap-2 rounded-lg border border-line bg-surface p-3"
              onSubmit={(e) => {
                e.preventDefault();
                const title = workstreamDraft.title.trim();
                if (!title || !workstreamDraft.start || !workstreamDraft.end) return;
                if (workstreamDraft.end < workstreamDraft.start) {
                  setMessage({ tone: 'error', text: 'A workstream must end on or after its start.' });
                  return;
                }
                editable.addItem({ kind: 'workstream', title, start: workstreamDraft.start, end: workstreamDraft.end });
                setWorkstreamDraft({ ...workstreamDraft, title: '' });
              }}
            >
              <Field label="Workstream title" htmlFor="new-workstream-title" className="min-w-40 flex-1">
                <Input id="new-workstream-title" value={workstreamDraft.title} onChange={(e) => setWorkstreamDraft({ ...workstreamDraft, title: e.target.value })} />
              </Field>
              <Field label="Workstream start" htmlFor="new-workstream-start">
                <DateField id="new-workstream-start" label="workstream start" value={workstreamDraft.start} onCommit={(date) => date && setWorkstreamDraft((d) => ({ ...d, start: date }))} />
              </Field>
              <Field label="Workstream end" htmlFor="new-workstream-end">
                <DateField id="new-workstream-end" label="workstream end" value={workstreamDraft.end} onCommit={(date) => date && setWorkstreamDraft((d) => ({ ...d, end: date }))} />
              </Field>
              <Button type="submit" variant="primary">
                Add workstream
              </Button>
            </form>
            <form
              aria-label="Add a dependency"
              className="flex flex-wrap content-start items-end gap-2 rounded-lg border border-line bg-surface p-3"
              onSubmit={(e) => {
                e.preventDefault();
                addDependency();
              }}
            >
              <Field label="Finishes first" htmlFor="dependency-from" className="min-w-40 flex-1">
                <Select id="dependency-from" value={dependencyDraft.fromId} onChange={(e) => setDependencyDraft({ ...dependencyDraft, fromId: e.target.value })}>
                  <option value="">Choose…</option>
                  {sortedItems.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Then starts" htmlFor="dependency-to" className="min-w-40 flex-1">
                <Select id="dependency-to" value={dependencyDraft.toId} onChange={(e) => setDependencyDraft({ ...dependencyDraft, toId: e.target.value })}>
                  <option value="">Choose…</option>
                  {sortedItems.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={!dependencyDraft.fromId || !dependencyDraft.toId}>
                Add dependency
              </Button>
            </form>
            <form
              aria-label="Save a baseline"
              className="flex flex-wrap content-start items-end gap-2 rounded-lg border border-line bg-surface p-3"
              onSubmit={(e) => {
                e.preventDefault();
                const name = baselineName.trim();
                if (!name) return;
                editable.saveBaseline(name);
                setBaselineName('');
                setBaselineId('');
                setMessage({ tone: 'ok', text: `Baseline “${name}” saved: today’s dates are frozen for comparison.` });
              }}
            >
              <Field label="Baseline name" htmlFor="baseline-name" className="min-w-40 flex-1">
                <Input id="baseline-name" value={baselineName} onChange={(e) => setBaselineName(e.target.value)} placeholder="e.g. Kick-off plan" />
              </Field>
              <Button type="submit">Save baseline</Button>
            </form>
          </div>
        ) : null}

        {dependencies.length ? (
          <div className="rounded-lg border border-line bg-surface p-3">
            <h3 className="text-sm font-semibold">Dependencies</h3>
            <ul className="mt-1 space-y-1 text-sm" aria-label="Dependencies">
              {dependencies.map((d) => {
                const isFlagged = flagged.get(d.toId)?.some((f) => f.id === d.id);
                return (
                  <li key={d.id} className="flex items-center gap-2">
                    <span>
                      “{titles.get(d.toId) ?? '?'}” starts after “{titles.get(d.fromId) ?? '?'}” ends
                    </span>
                    {isFlagged ? <span className="text-xs font-medium text-danger">starts too early</span> : null}
                    {editable ? (
                      <Button size="sm" variant="ghost" aria-label={`Remove dependency of “${titles.get(d.toId)}” on “${titles.get(d.fromId)}”`} onClick={() => editable.removeDependency(d.id)}>
                        Remove
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </section>

      {staffingSignal}
      <PlanStandards
        standards={standards}
        workspaceId={workspaceId}
        onOpen={(id) => {
          selectItem(id);
          requestAnimationFrame(() => document.getElementById('plan-item-editor')?.scrollIntoView({ block: 'nearest' }));
        }}
      />
      <PlanStaffing staffing={staffing} workspaceId={workspaceId} />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <PlanCharter content={content} actions={editable} />
        </div>
        <div className="flex flex-col gap-4">
          <SlippageHistory projectId={projectId} contentKey={datesKey} milestoneIds={milestoneIds} />
          <CalendarFeed projectId={projectId} isOwner={role === 'owner'} />
        </div>
      </div>
      <PlanStakeholders content={content} actions={editable} members={members} />
    </div>
  );
}

/** Open milestones' delivery forecasts (forecast.milestones) by milestone id; empty without delivery data. */
function useMilestoneForecasts(projectId: string): ReadonlyMap<string, MilestoneForecast> {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.forecast.milestones.queryOptions({ projectId }), staleTime: 60_000 });
  return useMemo(
    () => new Map((data?.milestones ?? []).flatMap((m) => (m.forecast ? [[m.planItemId, { ...m.forecast, likelyLate: m.likelyLate }] as const] : []))),
    [data],
  );
}
