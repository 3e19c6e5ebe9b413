// The meeting board (`meeting:<meetingId>`) with real clients: its room is found by meeting id,
// a viewer's notes keystrokes are neither applied nor stored, two people typing in one paragraph
// of the notes converge, an action written on the board reaches action.list within a second, the
// projection comes back after a restart, and an ended meeting refuses every client's edit while
// closing an action (a server command) still goes through.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingAction, riskReview } from '@/db/schema';
import { insertAction, insertDecision, markRiskReviewed, notesFragment, readActions, readMeta } from '@/server/collab/boards/meetingDocument';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { readProjectionIssues } from '@/server/collab/projections/issues';
import { silentLogger } from '@/server/collab/logger';
import { closeCodes } from '@/server/collab/protocol';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, handledSoFar, rawSocket, serverBoard, startCollabServer, storedBoard, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // The server's own projection delay (PROJECTION_DEBOUNCE_MS default), for the "within a second" check.
  h = await startCollabServer({ projectionDebounceMs: 300 });
});
afterAll(async () => {
  await h?.close();
});

type Team = Awaited<ReturnType<typeof projectWithTeam>>;

async function meetingOf(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.meeting.create({ projectId: team.project.id, title: 'Weekly sync', startsAt: new Date('2027-02-01T09:00:00Z'), series: 'weekly-sync' });
  return id;
}

/** Types `text` at `index` of the notes' first paragraph, making the paragraph if there is none. */
function typeInNotes(doc: Y.Doc, index: number, text: string): void {
  const notes = notesFragment(doc);
  doc.transact(() => {
    if (notes.length === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText()]);
      notes.insert(0, [paragraph]);
    }
    const paragraph = notes.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(index, text);
  });
}

const notesText = (doc: Y.Doc) => notesFragment(doc).toString();
/** The first paragraph's text, without markup. */
const paragraphText = (doc: Y.Doc) => ((notesFragment(doc).get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined)?.toString() ?? '';

describe('meeting board', () => {
  it('is refused (4404) for a meeting that does not exist, and for someone outside its project', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const unknown = rawSocket(`${h.url}/meeting:${globalThis.crypto.randomUUID()}`, { cookie: team.users.owner.cookie });
    expect((await unknown.closed).code).toBe(closeCodes.boardNotFound);
    const meetingId = await meetingOf(team);
    const stranger = rawSocket(`${h.url}/meeting:${meetingId}`, { cookie: team.users.stranger.cookie });
    expect((await stranger.closed).code).toBe(closeCodes.boardNotFound);
    expect(stranger.frames).toHaveLength(0);
  });

  it("a viewer's keystrokes in the notes are neither applied nor stored", async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `meeting:${await meetingOf(team)}`;
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const viewer = connectClient(h.url, room, team.users.viewer.cookie);
    await Promise.all([owner.synced, viewer.synced]);
    for (const [index, char] of [...'Cancel the launch'].entries()) typeInNotes(viewer.doc, index, char);
    await handledSoFar(viewer, owner);
    await h.documents.flushProjections();
    expect(notesText(await serverBoard(h, room))).toBe('');
    expect(notesText(await storedBoard(h.db, room))).toBe('');
    expect(notesText(owner.doc)).toBe('');
    owner.destroy();
    viewer.destroy();
  });

  it('two people typing in the same notes paragraph converge, and the server stores the same', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `meeting:${await meetingOf(team)}`;
    const a = connectClient(h.url, room, team.users.owner.cookie);
    const b = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([a.synced, b.synced]);
    typeInNotes(a.doc, 0, 'Decisions: ');
    await eventually(() => expect(notesText(b.doc)).toContain('Decisions: '));
    // Both type at once into the one paragraph, each at their own caret.
    for (let i = 0; i < 20; i++) {
      typeInNotes(a.doc, 'Decisions: '.length, 'a');
      typeInNotes(b.doc, paragraphText(b.doc).length, 'b');
    }
    await eventually(() => {
      expect(notesText(a.doc)).toBe(notesText(b.doc));
      const text = paragraphText(a.doc);
      expect(text.split('a').length - 1).toBe(20);
      expect(text.split('b').length - 1).toBe(20);
      expect(text.startsWith('Decisions: ')).toBe(true);
    });
    await h.documents.flushProjections();
    expect(notesText(await storedBoard(h.db, room))).toBe(notesText(a.doc));
    a.destroy();
    b.destroy();
  });

  it('an action written on the board reaches action.list within a second', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const editor = connectClient(h.url, `meeting:${meetingId}`, team.users.editor.cookie);
    await editor.synced;
    const owner = await team.as('owner');
    const actionId = insertAction(editor.doc, { title: 'Send the vendor the contract', ownerId: team.users.editor.id, due: '2027-02-05' }, team.users.editor.id);
    await eventually(async () => {
      const actions = await owner.action.list({ projectId: team.project.id });
      expect(actions.map((a) => [a.id, a.title, a.status, a.ownerId, a.due, a.meetingId])).toEqual([
        [actionId, 'Send the vendor the contract', 'open', team.users.editor.id, '2027-02-05', meetingId],
      ]);
    }, 1_000);
    editor.destroy();
  });

  it('one bad entry is left out of the projection and reported; the others, and bad values read as empty, are projected', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const editor = connectClient(h.url, `meeting:${meetingId}`, team.users.editor.cookie);
    await editor.synced;
    const badId = 'a'.repeat(201);
    insertAction(editor.doc, { title: 'Id too long to store' }, team.users.editor.id, badId);
    const goodId = insertAction(editor.doc, { title: 'Fine' }, team.users.editor.id);
    // A value of the wrong type (a client bug): read as empty, never blocking the entry.
    (editor.doc.getMap('actions').get(goodId) as Y.Map<unknown>).set('due', 'next tuesday');
    const owner = await team.as('owner');
    await eventually(async () => {
      expect((await owner.action.list({ projectId: team.project.id })).map((a) => [a.id, a.due])).toEqual([[goodId, null]]);
      const issues = await readProjectionIssues(h.db, team.project.id, `meeting:${meetingId}`);
      // Recorded under its id's first 200 characters (projection_issue keeps no more).
      expect(issues.map((i) => [i.itemId, i.title])).toEqual([[badId.slice(0, 200), 'Id too long to store']]);
    });
    editor.destroy();
  });

  it('a risk walked in review mode lands in risk_review, the decision with its links in the decision log', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const editor = connectClient(h.url, `meeting:${meetingId}`, team.users.editor.cookie);
    await editor.synced;
    markRiskReviewed(editor.doc, 'R-3', team.users.editor.id, new Date('2027-02-01T09:20:00Z'));
    insertDecision(editor.doc, { text: 'Accept the risk', links: [{ kind: 'raid', id: 'R-3' }] }, team.users.editor.id);
    const owner = await team.as('owner');
    await eventually(async () => {
      const reviews = await h.db.select().from(riskReview).where(eq(riskReview.meetingId, meetingId));
      expect(reviews.map((r) => [r.riskId, r.reviewedAt.toISOString(), r.reviewedBy])).toEqual([['R-3', '2027-02-01T09:20:00.000Z', team.users.editor.id]]);
      const decisions = await owner.decision.list({ projectId: team.project.id, link: { kind: 'raid', id: 'R-3' } });
      expect(decisions.map((d) => [d.text, d.decidedAt])).toEqual([['Accept the risk', '2027-02-01']]);
    });
    editor.destroy();
  });

  it('the projection comes back from the update log after a restart', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const owner = await team.as('owner');
    const { id: actionId } = await owner.meeting.addAction({ meetingId, title: 'Survives', ownerEmail: team.users.editor.email });
    await owner.meeting.addDecision({ meetingId, text: 'Also survives' });
    await owner.meeting.end({ meetingId });
    await h.documents.flushProjections();
    const actionsBefore = await owner.action.list({ projectId: team.project.id });
    const decisionsBefore = await owner.decision.list({ projectId: team.project.id });
    expect(actionsBefore.map((a) => a.id)).toEqual([actionId]);
    await h.db.delete(meetingAction).where(eq(meetingAction.meetingId, meetingId));
    expect(await owner.action.list({ projectId: team.project.id })).toEqual([]);

    const restarted = new LiveDocuments({ db: h.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    const document = await restarted.open('meeting', meetingId);
    await document.settle();
    // Run again: nothing changes the second time.
    document.scheduleProjection(0);
    await document.settle();
    document.release();
    await restarted.close();
    expect(await owner.action.list({ projectId: team.project.id })).toEqual(actionsBefore);
    expect(await owner.decision.list({ projectId: team.project.id })).toEqual(decisionsBefore);
    expect(await owner.meeting.get({ meetingId })).toMatchObject({ state: 'ended' });
  });

  it("an ended meeting refuses every client's edit, but an action can still be closed and everyone sees it", async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const room = `meeting:${meetingId}`;
    const owner = await team.as('owner');
    const { id: actionId } = await owner.meeting.addAction({ meetingId, title: 'Close me later', ownerEmail: team.users.editor.email });
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    const watcher = connectClient(h.url, room, team.users.owner.cookie);
    await Promise.all([editor.synced, watcher.synced]);
    typeInNotes(editor.doc, 0, 'Before the end. ');
    await eventually(() => expect(notesText(watcher.doc)).toContain('Before the end.'));

    await owner.meeting.end({ meetingId });
    await eventually(() => expect(readMeta(editor.doc).state).toBe('ended'));
    typeInNotes(editor.doc, 0, 'After the end. ');
    insertAction(editor.doc, { title: 'Sneaked in' }, team.users.editor.id);
    editor.doc.getMap('meta').set('state', 'open');
    await handledSoFar(editor, watcher);
    await h.documents.flushProjections();
    for (const doc of [await serverBoard(h, room), await storedBoard(h.db, room), watcher.doc]) {
      expect(notesText(doc)).not.toContain('After the end.');
      expect(readActions(doc).map((a) => a.fields.title)).toEqual(['Close me later']);
      expect(readMeta(doc).state).toBe('ended');
    }

    // The action's owner closes it from their action list: a server command, applied and broadcast.
    await (await team.as('editor')).action.setDone({ meetingId, actionId, done: true });
    await eventually(() => expect(readActions(watcher.doc).find((a) => a.id === actionId)?.fields.status).toBe('done'));
    await h.documents.flushProjections();
    expect((await owner.action.list({ projectId: team.project.id })).map((a) => a.status)).toEqual(['done']);

    // Reopened by the owner, the board takes edits again.
    await owner.meeting.reopen({ meetingId });
    await eventually(() => expect(readMeta(watcher.doc).state).toBe('open'));
    const reconnected = connectClient(h.url, room, team.users.editor.cookie);
    await reconnected.synced;
    typeInNotes(reconnected.doc, 0, 'Reopened. ');
    await eventually(() => expect(notesText(watcher.doc)).toContain('Reopened.'));
    editor.destroy();
    watcher.destroy();
    reconnected.destroy();
  });

  it("deleting the project closes its meeting boards' sockets", async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const meetingId = await meetingOf(team);
    const socket = rawSocket(`${h.url}/meeting:${meetingId}`, { cookie: team.users.editor.cookie });
    await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
    await (await team.as('owner')).project.delete({ projectId: team.project.id, confirmName: team.project.name });
    expect((await socket.closed).code).toBe(closeCodes.accessChanged);
    expect((await storedBoard(h.db, `meeting:${meetingId}`)).getMap('meta').size).toBe(0);
  });
});
