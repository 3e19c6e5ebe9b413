'use client';
// Risk review mode of a meeting board: walks the project's active risks one at a time, highest score
// first ("3 of 12", Previous / Next, keys N / P and the arrow keys), rating, owning, mitigating and
// closing each right there. The edits go through the risk board's own live document
// (`risks:<projectId>`, opened by the risk board's connector), so everyone on the risk board sees
// them as they happen; "Mark reviewed" records the walk in the meeting's document (`reviews`), which
// the projection turns into "Reviewed on <date>" on the risk. Imports Yjs: load it with
// next/dynamic({ ssr: false }), as the meeting page's live board is.
import { format } from 'date-fns';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { markRiskReviewed, meetingMap, readMeta, readReviews, type RiskReview as RiskReviewEntry } from '@/server/collab/boards/meetingDocument';
import { raidStatuses, riskScore, severityBand, type RaidFields, type RaidItem } from '@/server/domain/risk';
import { LiveSelect } from '@/components/live/LiveSelect';
import { SaveIndicator } from '@/components/live/SaveIndicator';
import { SharedTextInput } from '@/components/live/SharedTextInput';
import LiveRiskBoardConnector from '@/components/risks/LiveRiskBoardConnector';
import { RatingSelect, ScoreLine } from '@/components/risks/RiskEditor';
import type { MemberOption } from '@/components/risks/RiskTable';
import { statusLabels, type LiveBoardState, type PresenceUser, type RiskBoardActions } from '@/components/risks/model';
import { BandChip } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { reviewOrder } from './riskReviewOrder';

export interface RiskReviewProps {
  projectId: string;
  /** The meeting's live document (`meeting:<meetingId>`), as the meeting page opened it. */
  meetingDoc: Y.Doc;
  /** Who is reviewing: shown on the risk board as editing the risk in front of them. */
  user: PresenceUser;
  /** The project's members, for the owner. */
  members: MemberOption[];
  /** An editor or owner of the project. Viewers walk the risks read-only; an ended meeting is read-only for everyone. */
  canEdit: boolean;
}

const notConnected: LiveBoardState = { items: null, actions: null, presence: [], status: 'connecting', refusal: null, changedByOthers: null };

/** Risk review mode: connects to the project's risk board and walks its active risks. */
export function RiskReview({ projectId, meetingDoc, user, members, canEdit }: RiskReviewProps) {
  const [riskBoard, setRiskBoard] = useState<LiveBoardState>(notConnected);
  return (
    <>
      <LiveRiskBoardConnector projectId={projectId} user={user} onChange={setRiskBoard} />
      <RiskReviewWalk riskBoard={riskBoard} meetingDoc={meetingDoc} userId={user.id} members={members} canEdit={canEdit} />
    </>
  );
}

export default RiskReview;

/** The meeting document's reviews (by risk id) and whether the meeting has ended, kept current. */
function useMeetingReviews(meetingDoc: Y.Doc) {
  const read = useCallback(() => ({ reviews: new Map(readReviews(meetingDoc).map((r) => [r.riskId, r])), ended: readMeta(meetingDoc).state === 'ended' }), [meetingDoc]);
  const [state, setState] = useState(read);
  useEffect(() => {
    const reviews = meetingMap(meetingDoc, 'reviews');
    const meta = meetingMap(meetingDoc, 'meta');
    const update = () => setState(read());
    reviews.observeDeep(update);
    meta.observe(update);
    update();
    return () => {
      reviews.unobserveDeep(update);
      meta.unobserve(update);
    };
  }, [meetingDoc, read]);
  return state;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function RiskReviewWalk({
  riskBoard,
  meetingDoc,
  userId,
  members,
  canEdit: mayEdit,
}: {
  riskBoard: LiveBoardState;
  meetingDoc: Y.Doc;
  userId: string;
  members: MemberOption[];
  canEdit: boolean;
}) {
  const headingId = useId();
  const { items, actions, status, refusal } = riskBoard;
  const { reviews, ended } = useMeetingReviews(meetingDoc);
  const canEdit = mayEdit && !ended && !refusal && actions !== null;

  const [order, setOrder] = useState<string[]>([]);
  useEffect(() => {
    if (!items) return;
    setOrder((walked) => {
      const next = reviewOrder(walked, items);
      return next.length === walked.length && next.every((id, i) => id === walked[i]) ? walked : next;
    });
  }, [items]);

  const byId = useMemo(() => new Map((items ?? []).map((item) => [item.id, item])), [items]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const found = currentId === null ? -1 : order.indexOf(currentId);
  // The risk in front of us was deleted (or none chosen yet): the one now at its place.
  const index = found !== -1 ? found : order.length ? Math.min(lastIndex.current, order.length - 1) : -1;
  const current = index === -1 ? null : (byId.get(order[index]!) ?? null);

  useEffect(() => {
    if (index !== -1) lastIndex.current = index;
  }, [index]);

  useEffect(() => {
    if (currentId !== null && found === -1 && items && !byId.has(currentId)) {
      setNotice('The risk you were on was deleted from the risk board.');
      setCurrentId(current?.id ?? null);
    }
  }, [currentId, found, items, byId, current]);

  // The risk board shows the reviewer as editing the risk in front of them.
  useEffect(() => {
    actions?.setEditing(canEdit ? (current?.id ?? null) : null);
  }, [actions, canEdit, current?.id]);
  useEffect(() => () => actions?.setEditing(null), [actions]);

  const cardHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) {
      moved.current = false;
      cardHeading.current?.focus();
    }
  }, [current?.id]);

  const goTo = useCallback(
    (next: number) => {
      if (next < 0 || next >= order.length || next === index) return;
      moved.current = true;
      setNotice(null);
      setCurrentId(order[next]!);
    },
    [order, index],
  );

  const markReviewed = useCallback(() => {
    if (!current || !canEdit) return;
    markRiskReviewed(meetingDoc, current.id, userId);
    goTo(index + 1);
  }, [current, canEdit, meetingDoc, userId, goTo, index]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'n' || event.key === 'ArrowRight') goTo(index + 1);
    else if (key === 'p' || event.key === 'ArrowLeft') goTo(index - 1);
    else if (key === 'r' && canEdit) markReviewed();
    else return;
    event.preventDefault();
  }

  const reviewedCount = order.filter((id) => reviews.has(id)).length;

  return (
    <section aria-labelledby={headingId} onKeyDown={onKeyDown} className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4" data-testid="risk-review">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id={headingId} className="text-base font-semibold">
          Risk review
        </h2>
        <SaveIndicator status={status} />
        {order.length ? (
          <p className="text-xs text-muted sm:ml-auto" data-testid="reviewed-count">
            {reviewedCount} of {order.length} reviewed in this meeting
          </p>
        ) : null}
      </div>

      {refusal ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {refusal}
        </p>
      ) : null}
      {ended ? <p className="text-sm text-muted">This meeting has ended: the review is read-only.</p> : !mayEdit ? <p className="text-sm text-muted">You can follow the review but not change the risks.</p> : null}
      {notice ? (
        <p role="status" className="rounded-md border border-line bg-sunken px-3 py-2 text-sm text-muted">
          {notice}
        </p>
      ) : null}

      {items === null ? (
        <p className="text-sm text-muted">Connecting to the risk board…</p>
      ) : !current ? (
        <p className="text-sm text-muted">No open or mitigating risks on the risk board: nothing to review.</p>
      ) : (
        <>
          <nav aria-label="Risks to review" className="flex items-center justify-between gap-2">
            <Button size="sm" variant="secondary" onClick={() => goTo(index - 1)} disabled={index <= 0} aria-keyshortcuts="P ArrowLeft" title="Previous risk (P)">
              Previous
            </Button>
            <p className="text-sm font-medium tabular-nums" aria-live="polite" data-testid="review-position">
              Risk {index + 1} of {order.length}
            </p>
            <Button size="sm" variant="secondary" onClick={() => goTo(index + 1)} disabled={index >= order.length - 1} aria-keyshortcuts="N ArrowRight" title="Next risk (N)">
              Next
            </Button>
          </nav>
          <ReviewCard
            key={current.id}
            item={current}
            headingRef={cardHeading}
            review={reviews.get(current.id) ?? null}
            members={members}
            actions={canEdit ? actions : null}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="primary" size="sm" onClick={markReviewed} disabled={!canEdit} aria-keyshortcuts="R" title={canEdit ? 'Mark reviewed and go to the next risk (R)' : undefined}>
              {index < order.length - 1 ? 'Mark reviewed, next risk' : 'Mark reviewed'}
            </Button>
            <p className="text-xs text-faint">Keys: N next, P previous, R mark reviewed (when not typing in a field).</p>
          </div>
        </>
      )}
    </section>
  );
}

/** One risk: its rating, owner, status and mitigation, written to the risk board as they change. */
function ReviewCard({
  item,
  headingRef,
  review,
  members,
  actions,
}: {
  item: RaidItem;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  review: RiskReviewEntry | null;
  members: MemberOption[];
  /** Null: read-only. */
  actions: RiskBoardActions | null;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const disabled = actions === null;
  const update = (patch: Partial<RaidFields>) => actions?.updateItem(item.id, patch);
  const score = riskScore(item.likelihood, item.impact);
  const memberIds = new Set(members.map((m) => m.userId));

  return (
    <article aria-labelledby={id('title')} className="flex flex-col gap-4" data-testid="review-card">
      <div className="flex flex-col gap-1">
        <h3 ref={headingRef} id={id('title')} tabIndex={-1} className="text-lg font-semibold break-words outline-none" data-testid="review-risk-title">
          {item.title}
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <BandChip band={item.band} />
          <span>{statusLabels[item.status]}</span>
          <span aria-hidden="true">·</span>
          <span data-testid="review-state">
            {review ? (
              <>
                Reviewed in this meeting at <time dateTime={review.reviewedAt}>{format(new Date(review.reviewedAt), 'HH:mm')}</time>
              </>
            ) : (
              'Not reviewed in this meeting yet'
            )}
          </span>
        </p>
        {item.description ? <p className="text-sm break-words text-muted">{item.description}</p> : null}
      </div>

      <fieldset className="rounded-md border border-line p-3">
        <legend className="px-1 text-xs font-semibold text-muted">Rating</legend>
        <div className="grid grid-cols-2 gap-3">
          <RatingSelect id={id('likelihood')} label="Likelihood" value={item.likelihood} disabled={disabled} onChange={(v) => update({ likelihood: v })} />
          <RatingSelect id={id('impact')} label="Impact" value={item.impact} disabled={disabled} onChange={(v) => update({ impact: v })} />
        </div>
        <ScoreLine label="Score" score={score} band={severityBand(score)} />
      </fieldset>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Owner" htmlFor={id('owner')}>
          <LiveSelect id={id('owner')} value={item.ownerId ?? ''} disabled={disabled} onValueChange={(ownerId) => update({ ownerId: ownerId || null })}>
            <option value="">No owner</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
            {item.ownerId && !memberIds.has(item.ownerId) ? <option value={item.ownerId}>Former member</option> : null}
          </LiveSelect>
        </Field>
        <Field label="Status" htmlFor={id('status')}>
          <LiveSelect id={id('status')} value={item.status} disabled={disabled} onValueChange={(status) => update({ status: status as RaidFields['status'] })}>
            {raidStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </LiveSelect>
        </Field>
      </div>

      <Field label="Mitigation plan" htmlFor={id('mitigation')}>
        <SharedTextInput multiline id={id('mitigation')} text={actions?.textOf(item.id, 'mitigation') ?? null} fallback={item.mitigation} disabled={disabled} rows={3} maxLength={10_000} />
      </Field>
    </article>
  );
}
