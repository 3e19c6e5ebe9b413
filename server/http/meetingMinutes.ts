// `GET /p/<projectId>/meetings/<meetingId>/minutes.md`: a meeting's minutes as a Markdown download,
// for members of the project (viewers and up, by their session). Strangers, signed-out callers and
// wrong ids all get the same 404, so a meeting's existence is never revealed.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { meeting } from '@/db/schema';
import type { Auth } from '../auth';
import type { LiveBoards } from '../collab/liveBoards';
import { findMembership } from '../data/membership';
import { readMeetingMinutes } from '../data/meetingMinutes';
import { meetingMinutesMarkdown, minutesFileName } from '../domain/meetingMinutes';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
const ids = z.object({ projectId: z.uuid(), meetingId: z.uuid() });

export async function meetingMinutesResponse(deps: { db: Database; live: LiveBoards; auth: Pick<Auth, 'api'> }, req: Request, params: { projectId: string; meetingId: string }): Promise<Response> {
  const parsed = ids.safeParse(params);
  if (!parsed.success) return notFound();
  const { projectId, meetingId } = parsed.data;
  const session = await deps.auth.api.getSession({ headers: req.headers });
  if (!session || !(await findMembership(deps.db, projectId, session.user.id))) return notFound();
  const [row] = await deps.db
    .select()
    .from(meeting)
    .where(and(eq(meeting.projectId, projectId), eq(meeting.id, meetingId)));
  if (!row) return notFound();
  const minutes = await readMeetingMinutes(deps.db, deps.live, row, session.user.id);
  const body = meetingMinutesMarkdown(minutes.meeting, minutes.board, minutes.notesMarkdown, minutes.context);
  const fileName = minutesFileName(row);
  return new Response(body, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
