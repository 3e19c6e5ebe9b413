'use client';
// On a risk's or a plan item's detail: the decisions meetings took about it (text, day, the meeting
// linked) and, on a risk, when a risk review last walked it. Read through itemMeetings.forItem from
// the meeting projection, so a decision recorded on a board shows a moment after.
import { useQuery } from '@tanstack/react-query';
import { format, parseISO } from 'date-fns';
import Link from 'next/link';
import { useId } from 'react';
import type { LinkKind } from '@/server/domain/meeting';
import { useTRPC } from '@/components/trpc/client';

const day = (iso: string) => format(parseISO(iso), 'd MMM yyyy');

export function meetingHref(projectId: string, meetingId: string): string {
  return `/p/${projectId}/meetings/${meetingId}`;
}

export function ItemDecisions({
  projectId,
  kind,
  itemId,
  className,
}: {
  projectId: string;
  /** What the item is, as a meeting links it: `raid` for a risk board item. */
  kind: LinkKind;
  itemId: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const found = useQuery(trpc.itemMeetings.forItem.queryOptions({ projectId, kind, itemId }));
  const review = found.data?.lastReview ?? null;

  return (
    <div className={className} data-testid="item-decisions">
      {review ? (
        <p className="mb-3 text-[13px] text-muted" data-testid="last-review">
          Reviewed on{' '}
          <time dateTime={review.reviewedAt.toISOString()} title={format(review.reviewedAt, 'd MMM yyyy, HH:mm')}>
            {format(review.reviewedAt, 'd MMM yyyy')}
          </time>{' '}
          in{' '}
          <Link href={meetingHref(projectId, review.meetingId)} className="font-medium text-accent hover:underline">
            {review.meetingTitle}
          </Link>
          {review.reviewerName ? ` by ${review.reviewerName}` : ''}
        </p>
      ) : null}
      <section aria-labelledby={headingId}>
        <h3 id={headingId} className="text-sm font-semibold">
          Decisions
        </h3>
        {found.isPending ? (
          <p className="mt-2 text-sm text-muted">Loading decisions…</p>
        ) : found.isError ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            Could not load the decisions: {found.error.message}
          </p>
        ) : found.data.decisions.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No meeting has recorded a decision about this yet.</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2.5" aria-label="Decisions, newest first">
            {found.data.decisions.map((decision) => (
              <li key={`${decision.meetingId}:${decision.id}`} className="text-[13px] leading-snug">
                <p className="break-words text-ink">{decision.text}</p>
                <p className="mt-0.5 text-xs text-muted">
                  <time dateTime={decision.decidedAt}>{day(decision.decidedAt)}</time>
                  {decision.decidedBy ? `, ${decision.decidedBy}` : ''}, in{' '}
                  <Link href={meetingHref(projectId, decision.meetingId)} className="font-medium text-accent hover:underline">
                    {decision.meetingTitle}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
