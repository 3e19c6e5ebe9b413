// Projection of a meeting's board: its actions into meeting_action, its decisions into
// meeting_decision (decided on the board's day, else the meeting's), the risks walked in review mode
// into risk_review, and its state into meeting.state / ended_at, so the action lists, the decision
// log and the risk detail read them without opening the board. Idempotent: a second run on the same
// document writes nothing. One bad entry never blocks the others: text is made storable on read, an
// entry whose id cannot be stored is skipped, and when a write still fails the run is redone with one
// savepoint per entry, skipping (and reporting) only the entries the database refuses.
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { meeting, meetingAction, meetingDecision, riskReview } from '@/db/schema';
import { storableValue } from '../../domain/storableText';
import type { ProjectionInput } from '../boards/types';
import { meetingMap, readEntry, readMeta, readReviews, type MeetingEntry } from '../boards/meetingDocument';
import { normalizeActionFields, normalizeDecisionFields, type ActionFields, type DecisionFields } from '../../domain/meeting';
import { eachInSlices } from '../turns';
import { issueReason, unstorableId, type ProjectionIssue, type ProjectionReport } from './issues';

type ActionRow = typeof meetingAction.$inferInsert;
type DecisionRow = typeof meetingDecision.$inferInsert;
type ReviewRow = typeof riskReview.$inferInsert;

export async function projectMeetingBoard(input: ProjectionInput): Promise<ProjectionReport> {
  try {
    return await projectMeeting(input, false);
  } catch {
    // Some row was refused: redo the run entry by entry, so only that entry is left out.
    return projectMeeting(input, true);
  }
}

/** The entries of one of the board's maps whose ids can be stored; the others reported. */
async function readStorable<F extends { title?: string; text?: string }>(
  map: ReturnType<typeof meetingMap>,
  normalize: (raw: Record<string, unknown>) => F,
  skipped: ProjectionIssue[],
): Promise<MeetingEntry<F>[]> {
  const entries: MeetingEntry<F>[] = [];
  await eachInSlices(map.entries(), ([id, value]) => {
    const entry = readEntry(id, value, normalize);
    if (!entry) return;
    const idProblem = unstorableId(entry.id);
    const title = entry.fields.title ?? entry.fields.text ?? '';
    if (idProblem) skipped.push({ itemId: entry.id, title, reason: `its id ${idProblem}` });
    else entries.push(storableValue(entry));
  });
  return entries;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function projectMeeting({ db, projectId, boardId: meetingId, doc, now }: ProjectionInput, oneByOne: boolean): Promise<ProjectionReport> {
  const skipped: ProjectionIssue[] = [];
  const actions = await readStorable<ActionFields>(meetingMap(doc, 'actions'), normalizeActionFields, skipped);
  const decisions = await readStorable<DecisionFields>(meetingMap(doc, 'decisions'), normalizeDecisionFields, skipped);
  const reviews = readReviews(doc).filter((review) => {
    const problem = unstorableId(review.riskId);
    if (problem) skipped.push({ itemId: review.riskId, title: 'Risk review', reason: `its risk id ${problem}` });
    return !problem;
  });
  const meta = readMeta(doc);

  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(meeting).where(and(eq(meeting.id, meetingId), eq(meeting.projectId, projectId))).limit(1).for('update');
    // Deleted meanwhile: its rows went with it.
    if (!row) return;
    const meetingDay = row.startsAt.toISOString().slice(0, 10);
    const endedAt = meta.state === 'ended' ? (meta.endedAt ? new Date(meta.endedAt) : (row.endedAt ?? now)) : null;
    if (row.state !== meta.state || row.endedAt?.getTime() !== endedAt?.getTime()) {
      await tx.update(meeting).set({ state: meta.state, endedAt }).where(eq(meeting.id, meetingId));
    }

    /** Writes one entry's row: at once, or in its own savepoint (skipped and reported if refused). */
    const write = async (entry: { id: string; title: string }, run: (writer: Executor) => Promise<unknown>) => {
      if (!oneByOne) return void (await run(tx));
      try {
        await tx.transaction(async (savepoint) => {
          await run(savepoint);
        });
      } catch (error) {
        skipped.push({ itemId: entry.id, title: entry.title, reason: issueReason(error) });
      }
    };

    // Actions.
    const actionsBefore = new Map((await tx.select().from(meetingAction).where(eq(meetingAction.meetingId, meetingId))).map((r) => [r.id, r]));
    for (const action of actions) {
      const previous = actionsBefore.get(action.id);
      actionsBefore.delete(action.id);
      const { fields } = action;
      const values = {
        title: fields.title,
        ownerId: fields.ownerId,
        due: fields.due,
        status: fields.status,
        link: fields.link,
        doneAt: fields.doneAt ? new Date(fields.doneAt) : null,
        doneBy: fields.doneBy,
      };
      if (
        previous &&
        previous.title === values.title &&
        previous.ownerId === values.ownerId &&
        previous.due === values.due &&
        previous.status === values.status &&
        sameJson(previous.link, values.link) &&
        previous.doneAt?.getTime() === values.doneAt?.getTime() &&
        previous.doneBy === values.doneBy
      ) {
        continue;
      }
      const insert: ActionRow = {
        ...values,
        projectId,
        meetingId,
        id: action.id,
        createdBy: action.createdBy,
        createdAt: previous?.createdAt ?? (action.createdAt ? new Date(action.createdAt) : now),
        updatedAt: now,
      };
      await write({ id: action.id, title: fields.title }, (writer) =>
        writer
          .insert(meetingAction)
          .values(insert)
          .onConflictDoUpdate({ target: [meetingAction.meetingId, meetingAction.id], set: { ...values, updatedAt: now } }),
      );
    }
    if (actionsBefore.size) {
      await tx.delete(meetingAction).where(and(eq(meetingAction.meetingId, meetingId), inArray(meetingAction.id, [...actionsBefore.keys()])));
    }

    // Decisions.
    const decisionsBefore = new Map((await tx.select().from(meetingDecision).where(eq(meetingDecision.meetingId, meetingId))).map((r) => [r.id, r]));
    for (const decision of decisions) {
      const previous = decisionsBefore.get(decision.id);
      decisionsBefore.delete(decision.id);
      const { fields } = decision;
      const values = { text: fields.text, decidedBy: fields.decidedBy, decidedAt: fields.decidedOn ?? meetingDay, links: fields.links };
      if (previous && previous.text === values.text && previous.decidedBy === values.decidedBy && previous.decidedAt === values.decidedAt && sameJson(previous.links, values.links)) {
        continue;
      }
      const insert: DecisionRow = {
        ...values,
        projectId,
        meetingId,
        id: decision.id,
        createdBy: decision.createdBy,
        createdAt: previous?.createdAt ?? (decision.createdAt ? new Date(decision.createdAt) : now),
      };
      await write({ id: decision.id, title: fields.text }, (writer) =>
        writer
          .insert(meetingDecision)
          .values(insert)
          .onConflictDoUpdate({ target: [meetingDecision.meetingId, meetingDecision.id], set: values }),
      );
    }
    if (decisionsBefore.size) {
      await tx.delete(meetingDecision).where(and(eq(meetingDecision.meetingId, meetingId), inArray(meetingDecision.id, [...decisionsBefore.keys()])));
    }

    // Risk reviews.
    const reviewsBefore = new Map((await tx.select().from(riskReview).where(eq(riskReview.meetingId, meetingId))).map((r) => [r.riskId, r]));
    for (const review of reviews) {
      const previous = reviewsBefore.get(review.riskId);
      reviewsBefore.delete(review.riskId);
      const reviewedAt = new Date(review.reviewedAt);
      if (previous && previous.reviewedAt.getTime() === reviewedAt.getTime() && previous.reviewedBy === review.reviewedBy) continue;
      const insert: ReviewRow = { projectId, meetingId, riskId: review.riskId, reviewedAt, reviewedBy: review.reviewedBy };
      await write({ id: review.riskId, title: 'Risk review' }, (writer) =>
        writer
          .insert(riskReview)
          .values(insert)
          .onConflictDoUpdate({ target: [riskReview.meetingId, riskReview.riskId], set: { reviewedAt, reviewedBy: review.reviewedBy } }),
      );
    }
    if (reviewsBefore.size) {
      await tx.delete(riskReview).where(and(eq(riskReview.meetingId, meetingId), inArray(riskReview.riskId, [...reviewsBefore.keys()])));
    }
  });
  return { skipped };
}
