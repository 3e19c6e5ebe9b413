// A meeting's minutes as Markdown (title, date, attendees, agenda, notes, decisions, actions), for
// the project's members; the logic is in server/http/meetingMinutes.ts.
import { meetingMinutesResponse } from '@/server/http/meetingMinutes';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string; meetingId: string }> }) {
  const { db, live, auth } = services();
  return meetingMinutesResponse({ db, live, auth }, req, await params);
}
