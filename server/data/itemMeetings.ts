// What meetings said about one item of a project: the decisions that link it (a RAID item, or a
// milestone, workstream or goal of the plan) and, for a risk, the last time a risk review walked it.
// Read from the meeting projection (meeting_decision, risk_review), for the item's detail.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { meeting, meetingDecision, riskReview, user } from '@/db/schema';
import type { ItemLink } from '../domain/meeting';

/** At most this many decisions are shown on an item, newest first. */
export const itemDecisionsLimit = 100;

export interface ItemDecision {
  id: string;
  meetingId: string;
  meetingTitle: string;
  text: string;
  decidedBy: string;
  /** `yyyy-MM-dd`: the day it was decided. */
  decidedAt: string;
}

export interface ItemReview {
  meetingId: string;
  meetingTitle: string;
  reviewedAt: Date;
  reviewedBy: string | null;
  reviewerName: string | null;
}

export interface ItemMeetings {
  decisions: ItemDecision[];
  /** The latest risk review of the item; always null for plan items (only risks are reviewed). */
  lastReview: ItemReview | null;
}

/** Decisions of `projectId` whose links hold `link`, newest first. */
export async function decisionsLinking(db: Executor, projectId: string, link: ItemLink): Promise<ItemDecision[]> {
  // `@>` with a one-element array: the links array holds an element with this kind and id.
  const linkFilter = JSON.stringify([{ kind: link.kind, id: link.id }]);
  return db
    .select({
      id: meetingDecision.id,
      meetingId: meetingDecision.meetingId,
      meetingTitle: meeting.title,
      text: meetingDecision.text,
      decidedBy: meetingDecision.decidedBy,
      decidedAt: meetingDecision.decidedAt,
    })
    .from(meetingDecision)
    // The meeting's project too: a decision row is only ever shown within its meeting's project.
    .innerJoin(meeting, and(eq(meeting.id, meetingDecision.meetingId), eq(meeting.projectId, projectId)))
    .where(and(eq(meetingDecision.projectId, projectId), sql`${meetingDecision.links} @> ${linkFilter}::jsonb`))
    .orderBy(desc(meetingDecision.decidedAt), desc(meetingDecision.createdAt), desc(meetingDecision.id))
    .limit(itemDecisionsLimit);
}

/** The latest risk review of a RAID item of `projectId`, with the meeting it happened in. */
export async function lastRiskReview(db: Executor, projectId: string, riskId: string): Promise<ItemReview | null> {
  const [row] = await db
    .select({
      meetingId: riskReview.meetingId,
      meetingTitle: meeting.title,
      reviewedAt: riskReview.reviewedAt,
      reviewedBy: riskReview.reviewedBy,
      reviewerName: user.name,
    })
    .from(riskReview)
    .innerJoin(meeting, and(eq(meeting.id, riskReview.meetingId), eq(meeting.projectId, projectId)))
    .leftJoin(user, eq(user.id, riskReview.reviewedBy))
    .where(and(eq(riskReview.projectId, projectId), eq(riskReview.riskId, riskId)))
    .orderBy(desc(riskReview.reviewedAt))
    .limit(1);
  return row ?? null;
}

export async function meetingsAboutItem(db: Executor, projectId: string, link: ItemLink): Promise<ItemMeetings> {
  const [decisions, lastReview] = await Promise.all([
    decisionsLinking(db, projectId, link),
    link.kind === 'raid' ? lastRiskReview(db, projectId, link.id) : Promise.resolve(null),
  ]);
  return { decisions, lastReview };
}
