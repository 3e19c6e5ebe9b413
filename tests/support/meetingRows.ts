// Meeting rows written straight into the tables the meeting projection fills (db/schema/meeting.ts),
// for tests of what reads them (the decisions and reviews on an item's detail) without a live board.
import type { Database } from '@/db';
import { meeting, meetingDecision, riskReview, type MeetingLink } from '@/db/schema';
import { uniqueSuffix } from './factories';

export async function insertMeetingRow(db: Database, projectId: string, title = `Risk review ${uniqueSuffix()}`, startsAt = new Date('2027-03-01T09:00:00Z')) {
  const [row] = await db.insert(meeting).values({ projectId, title, series: 'risk-review', startsAt, durationMinutes: 45 }).returning();
  return row!;
}

export async function insertDecisionRow(
  db: Database,
  row: { projectId: string; meetingId: string; text: string; decidedAt: string; links: MeetingLink[]; decidedBy?: string },
) {
  const id = `D-${uniqueSuffix()}`;
  await db.insert(meetingDecision).values({ ...row, id, decidedBy: row.decidedBy ?? '', createdAt: new Date(`${row.decidedAt}T10:00:00Z`) });
  return id;
}

export async function insertRiskReviewRow(db: Database, row: { projectId: string; meetingId: string; riskId: string; reviewedAt: Date; reviewedBy: string | null }) {
  await db.insert(riskReview).values(row);
}
