// The demo's meetings: a new user finds a weekly sync with two ended meetings (notes, decisions
// linked to the demo's risks and milestones, actions of its members, one overdue), a steering
// committee, and the next sync, open, its agenda carrying the actions still open. The boards are
// read back from the update log, as the collaboration server loads them, and their projection from
// the tables the pages read; the notes must be what Tiptap's editor itself would store.
import { eq } from 'drizzle-orm';
import { formatISO } from 'date-fns';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '@/db';
import { meeting, meetingAction, meetingDecision, planGoal, planItem, projectMember, raidItem, riskReview } from '@/db/schema';
import { seedDemoIfEmpty } from '@/db/seed';
import { notesFragment, readMeetingBoard, type MeetingBoard } from '@/server/collab/boards/meetingDocument';
import { meetingNotesSchema } from '@/server/collab/boards/meetingNotes';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { UpdateLog } from '@/server/collab/updateLog';
import { isOverdue, type ItemLink } from '@/server/domain/meeting';
import { openActionsItemTitle } from '@/server/domain/meetingSeries';
import { emptyDatabase } from '../support/database';
import { createTestAuth } from '../support/factories';

let handle: DatabaseHandle;
let drop = async () => {};
let projectId: string;
let meetings: (typeof meeting.$inferSelect & { doc: Y.Doc; board: MeetingBoard })[];

/** The seed needs an empty database. */
beforeAll(async () => {
  ({ handle, drop } = await emptyDatabase('demo_meetings'));
  const documents = new LiveDocuments({ db: handle.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
  const seeded = await seedDemoIfEmpty(handle.db, createTestAuth(handle.db), documents);
  await documents.flushProjections();
  await documents.close();
  projectId = seeded!.projectId;
  const log = new UpdateLog(handle.db);
  const rows = await handle.db.select().from(meeting).where(eq(meeting.projectId, projectId)).orderBy(meeting.startsAt);
  meetings = await Promise.all(
    rows.map(async (row) => {
      const doc = new Y.Doc();
      for (const update of (await log.load(`meeting:${row.id}`)).updates) Y.applyUpdate(doc, update.data);
      return { ...row, doc, board: readMeetingBoard(doc) };
    }),
  );
}, 120_000);
afterAll(() => drop());

const today = () => formatISO(new Date(), { representation: 'date' });
const dayMs = 24 * 60 * 60 * 1000;
const weeklySyncs = () => meetings.filter((m) => m.series === 'weekly-sync');

/** Every node of a ProseMirror document, depth first. */
function nodesOf(root: ProseMirrorNode): ProseMirrorNode[] {
  const nodes: ProseMirrorNode[] = [];
  root.descendants((node) => {
    nodes.push(node);
  });
  return nodes;
}

describe('demo meetings', () => {
  it('a weekly sync met two weeks and one week ago and meets again next, and a steering committee met', () => {
    const now = Date.now();
    const syncs = weeklySyncs();
    expect(syncs.map((m) => m.state)).toEqual(['ended', 'ended', 'open']);
    expect(syncs.slice(0, 2).every((m) => m.startsAt.getTime() < now && m.board.meta.state === 'ended')).toBe(true);
    expect(syncs[2]!.startsAt.getTime()).toBeGreaterThan(now);
    expect(syncs[2]!.board.meta.state).toBe('open');
    expect(syncs[2]!.board.agenda.length).toBeGreaterThanOrEqual(3);
    expect(meetings.filter((m) => m.series === 'steering-committee').map((m) => m.state)).toEqual(['ended']);
    for (const m of meetings.filter((m) => m.state === 'ended')) {
      expect(m.board.agenda.length, m.title).toBeGreaterThanOrEqual(3);
      expect(m.board.decisions.length, m.title).toBeGreaterThanOrEqual(1);
      expect(m.board.actions.length, m.title).toBeGreaterThanOrEqual(1);
      // Written during the meeting, days ago, not when the demo was seeded.
      for (const entry of [...m.board.decisions, ...m.board.actions]) expect(Date.parse(entry.createdAt!)).toBeLessThan(now - dayMs);
    }
  });

  it('its actions, in the action list, belong to members: some done, one overdue, the rest open', async () => {
    const members = new Set((await handle.db.select().from(projectMember).where(eq(projectMember.projectId, projectId))).map((m) => m.userId));
    const actions = await handle.db.select().from(meetingAction).where(eq(meetingAction.projectId, projectId));
    expect(actions).toHaveLength(meetings.flatMap((m) => m.board.actions).length);
    expect(actions.every((a) => a.ownerId !== null && members.has(a.ownerId))).toBe(true);
    expect(actions.filter((a) => a.status === 'done').length).toBeGreaterThanOrEqual(3);
    const overdue = actions.filter((a) => isOverdue({ status: a.status as 'open' | 'done', due: a.due }, today()));
    expect(overdue).toHaveLength(1);
    expect(actions.filter((a) => a.status === 'open' && !overdue.includes(a)).length).toBeGreaterThanOrEqual(2);
    // Written during the meetings, days ago, not when the demo was seeded.
    expect(actions.every((a) => a.createdAt.getTime() < Date.now() - dayMs)).toBe(true);
    const presenters = meetings.flatMap((m) => m.board.agenda.map((item) => item.fields.presenterId));
    expect(presenters.every((id) => id !== null && members.has(id))).toBe(true);
  });

  it('each sync carries the actions the one before left open into its "Open actions" item: the next one, the overdue action too', () => {
    const [first, second, upcoming] = weeklySyncs();
    const carried = (m: (typeof meetings)[number]) => m.board.agenda.find((item) => item.fields.title === openActionsItemTitle)?.fields.carriedActionIds ?? [];
    const ids = (m: (typeof meetings)[number]) => m.board.actions.map((a) => a.id);
    expect(carried(second!).length).toBeGreaterThanOrEqual(1);
    expect(ids(first!)).toEqual(expect.arrayContaining(carried(second!)));
    expect(ids(second!)).toEqual(expect.arrayContaining(carried(upcoming!)));
    // Every action of last week's sync still open is on the next agenda, the overdue one among them.
    const stillOpen = second!.board.actions.filter((a) => a.fields.status === 'open');
    expect(carried(upcoming!)).toEqual(expect.arrayContaining(stillOpen.map((a) => a.id)));
    expect(stillOpen.some((a) => isOverdue(a.fields, today()))).toBe(true);
    // And one carried there was done since, as the board shows.
    expect(second!.board.actions.some((a) => a.fields.status === 'done' && carried(upcoming!).includes(a.id))).toBe(true);
  });

  it('its decisions, agenda and actions link to risks, milestones, workstreams and goals of the demo', async () => {
    const raid = new Set((await handle.db.select().from(raidItem).where(eq(raidItem.projectId, projectId))).map((r) => r.id));
    const plan = await handle.db.select().from(planItem).where(eq(planItem.projectId, projectId));
    const goals = new Set((await handle.db.select().from(planGoal).where(eq(planGoal.projectId, projectId))).map((g) => g.id));
    const exists = (link: ItemLink) =>
      link.kind === 'raid' ? raid.has(link.id) : link.kind === 'goal' ? goals.has(link.id) : plan.some((p) => p.id === link.id && p.kind === link.kind);
    const decisions = await handle.db.select().from(meetingDecision).where(eq(meetingDecision.projectId, projectId));
    expect(decisions).toHaveLength(meetings.flatMap((m) => m.board.decisions).length);
    const links = [
      ...decisions.flatMap((d) => d.links),
      ...meetings.flatMap((m) => [...m.board.agenda, ...m.board.actions].map((e) => e.fields.link)).filter((l) => l !== null),
    ];
    expect(links.filter((l) => !exists(l))).toEqual([]);
    expect(decisions.some((d) => d.links.some((l) => l.kind === 'raid') && d.links.some((l) => l.kind === 'milestone'))).toBe(true);
    expect(new Set(links.map((l) => l.kind))).toEqual(new Set(['raid', 'milestone', 'workstream', 'goal']));
    const reviews = await handle.db.select().from(riskReview).where(eq(riskReview.projectId, projectId));
    expect(reviews.length).toBeGreaterThanOrEqual(2);
    expect(reviews.every((review) => raid.has(review.riskId))).toBe(true);
  });

  it('the notes of past meetings are rich text exactly as the Tiptap editor stores it: headings, lists, a task list, links and mentions', async () => {
    const members = new Set((await handle.db.select().from(projectMember).where(eq(projectMember.projectId, projectId))).map((m) => m.userId));
    const schema = meetingNotesSchema();
    for (const m of meetings.filter((m) => m.state === 'ended')) {
      const fragment = notesFragment(m.doc);
      const stored = fragment.toJSON();
      // The editor's binding reads it without dropping anything, and would write back the same shape.
      const root = yXmlFragmentToProseMirrorRootNode(fragment, schema);
      root.check();
      expect(fragment.toJSON()).toBe(stored);
      expect(prosemirrorJSONToYXmlFragment(schema, root.toJSON(), new Y.Doc().getXmlFragment('notes')).toJSON()).toBe(stored);

      const nodes = nodesOf(root);
      expect(nodes.some((n) => n.type.name === 'heading' && n.attrs.level === 2), m.title).toBe(true);
      expect(nodes.some((n) => n.type.name === 'bulletList'), m.title).toBe(true);
      const mentions = nodes.filter((n) => n.type.name === 'mention');
      expect(mentions.length, m.title).toBeGreaterThanOrEqual(1);
      expect(mentions.every((n) => members.has(n.attrs.id) && typeof n.attrs.label === 'string' && n.attrs.label.length > 0)).toBe(true);
      expect(nodes.some((n) => n.marks.some((mark) => mark.type.name === 'link' && String(mark.attrs.href).startsWith(`/p/${projectId}/`))), m.title).toBe(true);
    }
    const syncNotes = weeklySyncs()
      .filter((m) => m.state === 'ended')
      .map((m) => nodesOf(yXmlFragmentToProseMirrorRootNode(notesFragment(m.doc), schema)));
    for (const nodes of syncNotes) {
      const tasks = nodes.filter((n) => n.type.name === 'taskItem');
      expect(nodes.some((n) => n.type.name === 'taskList')).toBe(true);
      expect(new Set(tasks.map((n) => n.attrs.checked))).toEqual(new Set([true, false]));
    }
  });

  it('meeting.import fills only a new board: on one with content it throws and changes nothing', async () => {
    const documents = new LiveDocuments({ db: handle.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    const upcoming = weeklySyncs().at(-1)!;
    const other = new Y.Doc();
    other.getMap('meta').set('state', 'ended');
    await expect(documents.apply('meeting', upcoming.id, { type: 'meeting.import', update: Y.encodeStateAsUpdate(other) }, upcoming.createdBy!)).rejects.toThrow(/only a new, empty board/);
    await documents.close();
    const [row] = await handle.db.select().from(meeting).where(eq(meeting.id, upcoming.id));
    expect(row!.state).toBe('open');
    const log = await new UpdateLog(handle.db).load(`meeting:${upcoming.id}`);
    const doc = new Y.Doc();
    for (const update of log.updates) Y.applyUpdate(doc, update.data);
    expect(readMeetingBoard(doc).meta.state).toBe('open');
  });
});
