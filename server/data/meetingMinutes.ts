// Reads a meeting's minutes for the Markdown export and the status draft: the live board as it is now
// (agenda, decisions, actions, notes as Markdown; asked of the collaboration server as plain data, so
// no Yjs runs in Next's module graph), the names it refers to and its linked items' titles.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { meeting, planGoal, planItem, projectMember, raidItem, user } from '@/db/schema';
import type { MeetingBoard } from '../collab/boards/meetingDocument';
import type { LiveBoards } from '../collab/liveBoards';
import type { ItemLink } from '../domain/meeting';
import { linkKey, type MinutesContext, type MinutesMeeting } from '../domain/meetingMinutes';

export interface MeetingMinutesData {
  meeting: MinutesMeeting & { id: string; projectId: string };
  board: MeetingBoard;
  notesMarkdown: string;
  context: MinutesContext;
}

/** `readerId`: the member asking (the read goes through the board like their client's would). */
export async function readMeetingMinutes(db: Database, live: LiveBoards, row: typeof meeting.$inferSelect, readerId: string): Promise<MeetingMinutesData> {
  const { board, notesMarkdown } = await live.apply('meeting', row.id, { type: 'meeting.readMinutes' }, readerId);
  const userIds = new Set<string>();
  const links: ItemLink[] = [];
  for (const item of board.agenda) {
    if (item.fields.presenterId) userIds.add(item.fields.presenterId);
    if (item.fields.link) links.push(item.fields.link);
  }
  for (const d of board.decisions) links.push(...d.fields.links);
  for (const a of board.actions) {
    if (a.fields.ownerId) userIds.add(a.fields.ownerId);
    if (a.fields.link) links.push(a.fields.link);
  }
  const ids = (kinds: ItemLink['kind'][]) => [...new Set(links.filter((l) => kinds.includes(l.kind)).map((l) => l.id))];
  const [people, risks, planItems, goals] = await Promise.all([
    userIds.size
      ? db
          .select({ id: user.id, name: user.name })
          .from(user)
          .innerJoin(projectMember, and(eq(projectMember.userId, user.id), eq(projectMember.projectId, row.projectId)))
          .where(inArray(user.id, [...userIds]))
      : [],
    ids(['raid']).length ? db.select({ id: raidItem.id, title: raidItem.title }).from(raidItem).where(and(eq(raidItem.projectId, row.projectId), inArray(raidItem.id, ids(['raid'])))) : [],
    ids(['milestone', 'workstream']).length
      ? db
          .select({ id: planItem.id, title: planItem.title, kind: planItem.kind })
          .from(planItem)
          .where(and(eq(planItem.projectId, row.projectId), inArray(planItem.id, ids(['milestone', 'workstream']))))
      : [],
    ids(['goal']).length ? db.select({ id: planGoal.id, title: planGoal.title }).from(planGoal).where(and(eq(planGoal.projectId, row.projectId), inArray(planGoal.id, ids(['goal'])))) : [],
  ]);
  const linkTitles = new Map<string, string>([
    ...risks.map((r) => [linkKey({ kind: 'raid', id: r.id }), r.title] as const),
    ...planItems.map((p) => [linkKey({ kind: p.kind === 'workstream' ? 'workstream' : 'milestone', id: p.id }), p.title] as const),
    ...goals.map((g) => [linkKey({ kind: 'goal', id: g.id }), g.title] as const),
  ]);
  return {
    meeting: { ...row, attendees: row.attendees },
    board,
    notesMarkdown,
    context: { names: new Map(people.map((p) => [p.id, p.name])), linkTitles },
  };
}
