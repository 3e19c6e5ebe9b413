'use client';
// The side panel for one RAID item: every field, its score as you rate it, Delete, and history.
// Selects write at once; text fields are bound to the item's shared text, so people typing in one
// field at once merge character by character. Viewers see the same panel with every control
// disabled. It is modal: the board behind it is inert until it closes. A new item is a draft that
// only this tab sees until it has a title (RiskBoard).
import { useEffect, useId, useRef, type Ref } from 'react';
import {
  raidKinds,
  raidStatuses,
  riskResponses,
  riskScore,
  severityBand,
  type RaidFields,
  type RaidItem,
  type RaidTextField,
} from '@/server/domain/risk';
import type * as Y from 'yjs';
import { BandChip } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Textarea } from '@/components/ui/field';
import { SidePanel } from '@/components/ui/side-panel';
import { LiveSelect } from '@/components/live/LiveSelect';
import { sameList, useLiveValue } from '@/components/live/useLiveValue';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { ItemDecisions } from '@/components/meetings/ItemDecisions';
import { RiskHistory } from './RiskHistory';
import type { MemberOption } from './RiskTable';
import { kindLabels, raidFieldLabels, ratingLabels, responseLabels, statusLabels, type ChangeByOthers, type PresencePeer } from './model';
import { SharedTextInput } from '@/components/live/SharedTextInput';

const ratingOptions = [1, 2, 3, 4, 5] as const;

function parseRating(value: string): number | null {
  return value ? Number(value) : null;
}

export interface PlanItemOption {
  id: string;
  title: string;
  kind: 'milestone' | 'workstream';
}

export function RiskEditor({
  projectId,
  item,
  members,
  memberNames,
  canEdit,
  update,
  textOf,
  onDelete,
  onClose,
  editingPeers,
  changedByOthers = null,
  autoFocusTitle,
  isDraft = false,
  onSaveDraft,
  planItems = [],
}: {
  projectId: string;
  item: RaidItem;
  members: MemberOption[];
  memberNames: Map<string, string>;
  canEdit: boolean;
  update: (patch: Partial<RaidFields>) => void;
  /** The item's shared text of a field, to type in; null until the board is live. */
  textOf: (field: RaidTextField) => Y.Text | null;
  onDelete: () => void;
  onClose: () => void;
  editingPeers: PresencePeer[];
  /** Someone else's last change to this item: announced (politely, focus stays where it is). */
  changedByOthers?: ChangeByOthers | null;
  /** Put the cursor in the title (a new item). */
  autoFocusTitle: boolean;
  /** A new item not on the board yet: it is added when it gets a title. */
  isDraft?: boolean;
  /**
   * A draft filled in for the person to review (a resource risk): it joins the board only with
   * Save, and the panel offers that button.
   */
  onSaveDraft?: () => void;
  /** The plan's milestones and workstreams this item may threaten. */
  planItems?: PlanItemOption[];
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocusTitle && titleRef.current && !titleRef.current.disabled) {
      titleRef.current.focus();
      titleRef.current.select();
    } else {
      headingRef.current?.focus();
    }
    // Only when the panel opens on this item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const score = riskScore(item.likelihood, item.impact);
  const band = severityBand(score);
  const residualScore = riskScore(item.residualLikelihood, item.residualImpact);
  const residualBand = severityBand(residualScore);
  const disabled = !canEdit;
  const contentKey = JSON.stringify([
    item.kind, item.title, item.description, item.category, item.ownerId, item.likelihood, item.impact, item.response,
    item.mitigation, item.trigger, item.dueDate, item.status, item.residualLikelihood, item.residualImpact, item.isPublic,
  ]);

  return (
    <SidePanel
      id="risk-editor"
      headingId={id('heading')}
      headingRef={headingRef}
      title={isDraft ? `New ${kindLabels[item.kind].toLowerCase()}` : canEdit ? `Edit ${kindLabels[item.kind].toLowerCase()}` : `${kindLabels[item.kind]} details`}
      closeLabel="Close editor"
      onClose={onClose}
      widthClass="sm:w-[30rem]"
      beforeClose={<PresenceAvatars peers={editingPeers} label="Also editing" size="sm" max={3} />}
    >
      {onSaveDraft ? (
        // Up top, where it is seen at once: the filled-in fields are below it to review.
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-accent-soft px-5 py-2.5">
          <p className="min-w-0 flex-1 text-sm text-accent-ink">Filled in from a resource problem: review it, then save it to add it to the board.</p>
          <Button variant="primary" size="sm" disabled={disabled || !item.title.trim()} onClick={onSaveDraft}>
            Save risk
          </Button>
        </div>
      ) : null}

      <p role="status" className="sr-only" data-testid="changed-by-others">
        {changedByOthers ? changeAnnouncement(changedByOthers, editingPeers) : ''}
      </p>

      {/* A viewer's fields are all disabled, so the scrolling body is a tab stop itself for the arrow keys. */}
      <div className="flex-1 overflow-y-auto" tabIndex={disabled ? 0 : undefined} aria-label={disabled ? 'Item details' : undefined} role={disabled ? 'region' : undefined}>
        <form className="flex flex-col gap-4 px-5 py-5" onSubmit={(e) => e.preventDefault()} aria-label="Item fields">
          <div className="grid grid-cols-[8.5rem_1fr] gap-3">
            <Field label="Kind" htmlFor={id('kind')}>
              <LiveSelect
                id={id('kind')}
                value={item.kind}
                disabled={disabled}
                onValueChange={(kind) => update({ kind: kind as RaidFields['kind'] })}
              >
                {raidKinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabels[k]}
                  </option>
                ))}
              </LiveSelect>
            </Field>
            <Field label="Status" htmlFor={id('status')}>
              <LiveSelect
                id={id('status')}
                value={item.status}
                disabled={disabled}
                onValueChange={(status) => update({ status: status as RaidFields['status'] })}
              >
                {raidStatuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabels[s]}
                  </option>
                ))}
              </LiveSelect>
            </Field>
          </div>

          <LiveText
            inputRef={titleRef}
            id={id('title')}
            label="Title"
            value={item.title}
            text={textOf('title')}
            onLocalInput={isDraft ? (value) => update({ title: value }) : undefined}
            disabled={disabled}
            maxLength={200}
          />

          <LiveText
            multiline
            id={id('description')}
            label="Description"
            value={item.description}
            text={textOf('description')}
            onLocalInput={isDraft ? (value) => update({ description: value }) : undefined}
            disabled={disabled}
            maxLength={10_000}
          />

          <div className="grid grid-cols-2 gap-3">
            <LiveText
              id={id('category')}
              label="Category"
              value={item.category}
              text={textOf('category')}
            onLocalInput={isDraft ? (value) => update({ category: value }) : undefined}
              disabled={disabled}
              maxLength={80}
              placeholder="e.g. Vendor"
            />
            <Field label="Owner" htmlFor={id('owner')}>
              <LiveSelect
                id={id('owner')}
                value={item.ownerId ?? ''}
                disabled={disabled}
                onValueChange={(ownerId) => update({ ownerId: ownerId || null })}
              >
                <option value="">No owner</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
                {item.ownerId && !memberNames.has(item.ownerId) ? <option value={item.ownerId}>Former member</option> : null}
              </LiveSelect>
            </Field>
          </div>

          <fieldset className="rounded-md border border-line p-3">
            <legend className="px-1 text-xs font-semibold text-muted">Rating</legend>
            <div className="grid grid-cols-2 gap-3">
              <RatingSelect id={id('likelihood')} label="Likelihood" value={item.likelihood} disabled={disabled} onChange={(v) => update({ likelihood: v })} />
              <RatingSelect id={id('impact')} label="Impact" value={item.impact} disabled={disabled} onChange={(v) => update({ impact: v })} />
            </div>
            <ScoreLine label="Score" score={score} band={band} />
          </fieldset>

          <div className="grid grid-cols-2 gap-3">
            <Field label="Response" htmlFor={id('response')}>
              <LiveSelect
                id={id('response')}
                value={item.response ?? ''}
                disabled={disabled}
                onValueChange={(response) => update({ response: (response || null) as RaidFields['response'] })}
              >
                <option value="">None yet</option>
                {riskResponses.map((r) => (
                  <option key={r} value={r}>
                    {responseLabels[r]}
                  </option>
                ))}
              </LiveSelect>
            </Field>
            <Field label="Due date" htmlFor={id('due')}>
              <DateField id={id('due')} label="due date" value={item.dueDate} allowEmpty disabled={disabled} onCommit={(date) => update({ dueDate: date })} />
            </Field>
          </div>

          <ThreatensChoice
            id={id('threatens')}
            planItems={planItems}
            value={item.threatens}
            disabled={disabled}
            onChange={(threatens) => update({ threatens })}
          />

          <LiveText
            multiline
            id={id('mitigation')}
            label="Mitigation plan"
            value={item.mitigation}
            text={textOf('mitigation')}
            onLocalInput={isDraft ? (value) => update({ mitigation: value }) : undefined}
            disabled={disabled}
            maxLength={10_000}
          />

          <LiveText
            id={id('trigger')}
            label="Trigger"
            hint="The sign that this is about to happen."
            value={item.trigger}
            text={textOf('trigger')}
            onLocalInput={isDraft ? (value) => update({ trigger: value }) : undefined}
            disabled={disabled}
            maxLength={2_000}
          />

          <fieldset className="rounded-md border border-line p-3">
            <legend className="px-1 text-xs font-semibold text-muted">After the response</legend>
            <div className="grid grid-cols-2 gap-3">
              <RatingSelect
                id={id('residual-likelihood')}
                label="Residual likelihood"
                value={item.residualLikelihood}
                disabled={disabled}
                onChange={(v) => update({ residualLikelihood: v })}
              />
              <RatingSelect
                id={id('residual-impact')}
                label="Residual impact"
                value={item.residualImpact}
                disabled={disabled}
                onChange={(v) => update({ residualImpact: v })}
              />
            </div>
            <ScoreLine label="Residual score" score={residualScore} band={residualBand} />
          </fieldset>

          <div className="flex items-start gap-2">
            <input
              id={id('is-public')}
              type="checkbox"
              className="mt-0.5 size-4 accent-accent"
              checked={item.isPublic}
              disabled={disabled}
              onChange={(e) => update({ isPublic: e.target.checked })}
            />
            <label htmlFor={id('is-public')} className="text-sm">
              Show on the public status page
              <span className="block text-xs text-muted">Only the title, band and status are shown, and only while the page is on.</span>
            </label>
          </div>

          <div className="flex items-center justify-between gap-3 pt-1">
            <p className="text-xs text-muted">
              {onSaveDraft
                ? 'Nothing is saved until you press Save risk.'
                : isDraft
                  ? 'Give it a title to add it to the board.'
                  : canEdit
                    ? 'Changes save as you type.'
                    : 'You can read this item but not change it.'}
            </p>
            <ConfirmButton label="Delete" question="Delete this item?" confirmLabel="Delete item" disabled={disabled} onConfirm={onDelete} />
          </div>
        </form>

        {isDraft ? null : <ItemDecisions projectId={projectId} kind="raid" itemId={item.id} className="border-t border-line px-5 py-5" />}
        {isDraft ? null : <RiskHistory projectId={projectId} itemId={item.id} contentKey={contentKey} memberNames={memberNames} />}
      </div>
    </SidePanel>
  );
}

/** A text input or textarea bound to the item's shared text (`value`: shown until the board is live). */
function LiveText({
  id,
  label,
  hint,
  value,
  text,
  disabled,
  maxLength,
  placeholder,
  multiline,
  inputRef,
  onLocalInput,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  text: Y.Text | null;
  disabled: boolean;
  maxLength: number;
  placeholder?: string;
  multiline?: boolean;
  inputRef?: Ref<HTMLInputElement | null>;
  /** A draft not in the document yet: typing goes here until the item exists. */
  onLocalInput?: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      {multiline ? (
        <SharedTextInput multiline id={id} text={text} fallback={value} disabled={disabled} rows={3} maxLength={maxLength} placeholder={placeholder} onLocalInput={onLocalInput} />
      ) : (
        <SharedTextInput inputRef={inputRef} id={id} text={text} fallback={value} disabled={disabled} maxLength={maxLength} placeholder={placeholder} onLocalInput={onLocalInput} />
      )}
    </Field>
  );
}

/** A 1-5 rating (likelihood, impact) as a live select; also used by the meeting's risk review. */
export function RatingSelect({
  id,
  label,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  disabled: boolean;
  onChange: (value: number | null) => void;
}) {
  return (
    <Field label={label} htmlFor={id}>
      <LiveSelect id={id} value={value ?? ''} disabled={disabled} onValueChange={(rating) => onChange(parseRating(rating))}>
        <option value="">Not rated</option>
        {ratingOptions.map((r) => (
          <option key={r} value={r}>
            {ratingLabels[r]}
          </option>
        ))}
      </LiveSelect>
    </Field>
  );
}

/**
 * The plan items this one threatens, as a group of checkboxes: Tab moves between them and Space
 * ticks one, no Ctrl-click needed. The ticked set is this tab's own while its write is on the way,
 * so two quick ticks both count.
 */
function ThreatensChoice({
  id,
  planItems,
  value,
  disabled,
  onChange,
}: {
  id: string;
  planItems: PlanItemOption[];
  value: string[];
  disabled: boolean;
  onChange: (threatens: string[]) => void;
}) {
  const live = useLiveValue(value, onChange, sameList);
  const known = new Set(planItems.map((p) => p.id));
  const hintId = `${id}-hint`;
  return (
    <fieldset id={id} aria-describedby={hintId} className="flex flex-col gap-1.5" onBlur={(e) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) live.settle();
    }}>
      <legend className="mb-1.5 text-[13px] font-medium text-muted">Threatens (plan milestones and workstreams)</legend>
      {planItems.length ? (
        <ul tabIndex={disabled ? 0 : undefined} aria-label={disabled ? 'Threatens' : undefined} className="flex max-h-48 flex-col gap-1 overflow-y-auto rounded-md border border-line-strong p-2">
          {planItems.map((p) => {
            const checkboxId = `${id}-${p.id}`;
            return (
              <li key={p.id} className="flex items-start gap-2">
                <input
                  id={checkboxId}
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 accent-accent"
                  checked={live.value.includes(p.id)}
                  disabled={disabled}
                  onChange={(e) =>
                    live.set(e.target.checked ? [...live.value.filter((t) => t !== p.id), p.id] : live.value.filter((t) => t !== p.id))
                  }
                />
                <label htmlFor={checkboxId} className="min-w-0 text-sm break-words">
                  {p.kind === 'milestone' ? 'Milestone' : 'Workstream'}: {p.title}
                </label>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p id={hintId} className="text-xs text-faint">
        {planItems.length ? 'The plan shows open risks on what they threaten.' : 'The plan has no milestones or workstreams yet.'}
        {value.some((t) => !known.has(t)) ? ' Some of what it threatened is no longer on the plan.' : ''}
      </p>
    </fieldset>
  );
}

/** The score of a rating pair and its band, announced politely as it changes. */
export function ScoreLine({ label, score, band }: { label: string; score: number | null; band: ReturnType<typeof severityBand> }) {
  return (
    <p className="mt-3 flex items-center gap-2 text-sm" aria-live="polite" aria-atomic="true">
      <span className="text-muted">{label}</span>
      <span className="font-semibold tabular-nums" data-testid={label === 'Score' ? 'editor-score' : 'editor-residual-score'}>
        {score ?? '–'}
      </span>
      <BandChip band={band} />
    </p>
  );
}

/** "Sam Okafor changed Likelihood and Impact." (who, when exactly one other person has the item open). */
function changeAnnouncement(change: ChangeByOthers, editingPeers: PresencePeer[]): string {
  const people = new Map(editingPeers.map((peer) => [peer.user.id, peer.user.name]));
  const who = people.size === 1 ? [...people.values()][0]! : 'Someone else';
  const labels = change.fields.map((field) => raidFieldLabels[field]);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0];
  return `${who} changed ${list}.`;
}
