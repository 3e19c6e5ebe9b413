// Comments, the inbox and search (issue 18) through the routers, on a real database: targets must
// be of the caller's project, viewers comment only when allowed, mentions reach members' inboxes,
// and neither the inbox nor search ever shows a project the caller is not a member of.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { comment, inboxEntry, projectMember, user } from '@/db/schema';
import { tellMentioned } from '@/server/data/comments';
import { addPlanItems, addRisks, publishUpdate, updateContent } from '../status/support';
import { addToProject, callerFor, createUser, uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

type Caller = Awaited<ReturnType<Team['as']>>;

const deps = useRouterDeps();
let people: People;
let team: Team;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let stranger: Caller;
/** Another team's project (other people, another workspace), with items of its own. */
let other: Team;
const riskId = 'R-conv';
let milestoneId: string;
/** A word only this file's items contain, so searches see nothing of other files. */
const word = `zephyr${uniqueSuffix()}`;

beforeAll(async () => {
  people = await createPeople(deps);
  const otherPeople = await createPeople(deps);
  [team, other] = await Promise.all([projectFor(deps, people, 'Talk'), projectFor(deps, otherPeople, 'Elsewhere')]);
  [owner, editor, viewer, stranger] = await Promise.all((['owner', 'editor', 'viewer', 'stranger'] as const).map((p) => team.as(p)));
  await addRisks(deps, team, [{ id: riskId, fields: { title: `Vendor ${word} slips`, description: 'The chip vendor is late', likelihood: 3, impact: 4 } }]);
  [milestoneId] = (await addPlanItems(deps, team, [{ kind: 'milestone', title: `Launch ${word}`, start: '2027-02-01', end: '2027-02-01' }])) as [string];
  await addRisks(deps, other, [{ id: riskId, fields: { title: `Their ${word} risk`, likelihood: 2, impact: 2 } }]);
}, 120_000);

const riskTarget = { kind: 'risk' as const, id: riskId };

describe('comments', () => {
  it('a member comments on a risk; everyone in the project reads it, oldest first, with its author', async () => {
    const first = await owner.comment.add({ projectId: team.project.id, target: riskTarget, body: '  First look: **late** again  ' });
    const second = await editor.comment.add({ projectId: team.project.id, target: riskTarget, body: 'Agreed' });
    const list = await viewer.comment.list({ projectId: team.project.id, target: riskTarget });
    const ours = list.filter((c) => c.id === first.id || c.id === second.id);
    expect(ours.map((c) => [c.body, c.authorId, c.editedAt, c.mine])).toEqual([
      ['First look: **late** again', people.owner.id, null, false],
      ['Agreed', people.editor.id, null, false],
    ]);
  });

  it('comments on a plan item, a status update, an action and a decision', async () => {
    const projectId = team.project.id;
    const update = await publishUpdate(team, 'owner', updateContent({ summary: 'Weekly' }));
    const meeting = await owner.meeting.create({ projectId, title: 'Sync', startsAt: new Date('2027-03-01T09:00:00Z') });
    const action = await owner.meeting.addAction({ meetingId: meeting.id, title: 'Chase vendor' });
    const decision = await owner.meeting.addDecision({ meetingId: meeting.id, text: 'Go with plan B' });
    await deps.live.flushProjections();
    for (const target of [
      { kind: 'planItem' as const, id: milestoneId },
      { kind: 'update' as const, id: update.id },
      { kind: 'action' as const, id: action.id },
      { kind: 'decision' as const, id: decision.id },
    ]) {
      const { id } = await editor.comment.add({ projectId, target, body: `On the ${target.kind}` });
      expect((await viewer.comment.list({ projectId, target })).map((c) => c.id)).toEqual([id]);
    }
  });

  it("another project's item (same id) is NOT_FOUND and nothing is written", async () => {
    const before = await deps.db.select().from(comment).where(eq(comment.projectId, other.project.id));
    // Their milestone from our project; and their project with our risk's id (they have one too, but
    // we are not members there, so it is NOT_FOUND before any item is looked at).
    const [theirMilestone] = (await addPlanItems(deps, other, [{ kind: 'milestone', title: 'Theirs', start: '2027-02-01', end: '2027-02-01' }])) as [string];
    await rejection(owner.comment.add({ projectId: team.project.id, target: { kind: 'planItem', id: theirMilestone }, body: 'Sneaky' }), 'NOT_FOUND');
    await rejection(owner.comment.list({ projectId: team.project.id, target: { kind: 'planItem', id: theirMilestone } }), 'NOT_FOUND');
    await rejection(owner.comment.add({ projectId: other.project.id, target: riskTarget, body: 'Sneaky' }), 'NOT_FOUND');
    await rejection(owner.comment.add({ projectId: team.project.id, target: { kind: 'update', id: 'not-a-uuid' }, body: 'x' }), 'NOT_FOUND');
    const ownMade = await deps.db.select().from(comment).where(eq(comment.body, 'Sneaky'));
    expect(ownMade).toEqual([]);
    expect(await deps.db.select().from(comment).where(eq(comment.projectId, other.project.id))).toEqual(before);
  });

  it('a viewer reads comments but writes only once the owner allows it; only the owner can allow it', async () => {
    const projectId = team.project.id;
    expect((await owner.project.get({ projectId })).viewersMayComment).toBe(false);
    await rejection(viewer.comment.add({ projectId, target: riskTarget, body: 'May I?' }), 'FORBIDDEN');
    await rejection(editor.project.setViewersMayComment({ projectId, allowed: true }), 'FORBIDDEN');
    expect(await owner.project.setViewersMayComment({ projectId, allowed: true })).toEqual({ projectId, viewersMayComment: true });
    const { id } = await viewer.comment.add({ projectId, target: riskTarget, body: 'Now I may' });
    expect((await viewer.comment.list({ projectId, target: riskTarget })).find((c) => c.id === id)?.mine).toBe(true);
    await owner.project.setViewersMayComment({ projectId, allowed: false });
    await rejection(viewer.comment.edit({ projectId, commentId: id, body: 'Changed' }), 'FORBIDDEN');
    await rejection(stranger.comment.list({ projectId, target: riskTarget }), 'NOT_FOUND');
  });

  it('viewers never see a draft update, nor comment on it; writers do', async () => {
    const projectId = team.project.id;
    const draft = await owner.status.createDraft({ projectId });
    const target = { kind: 'update' as const, id: draft.id };
    await editor.comment.add({ projectId, target, body: `Draft note ${word}` });
    await rejection(viewer.comment.list({ projectId, target }), 'NOT_FOUND');
    expect(await editor.comment.list({ projectId, target })).toHaveLength(1);
  });

  it('a 1 MB comment and an empty one get a clear BAD_REQUEST', async () => {
    const error = await rejection(owner.comment.add({ projectId: team.project.id, target: riskTarget, body: 'x'.repeat(1_000_000) }), 'BAD_REQUEST');
    expect(error.message).toBe('body: body must be at most 20,000 characters');
    await rejection(owner.comment.add({ projectId: team.project.id, target: riskTarget, body: '   ' }), 'BAD_REQUEST');
  });

  it('only the author edits or removes a comment; an edit shows as edited', async () => {
    const projectId = team.project.id;
    const { id } = await editor.comment.add({ projectId, target: riskTarget, body: 'Typo hree' });
    await rejection(owner.comment.edit({ projectId, commentId: id, body: 'Not yours' }), 'FORBIDDEN');
    await rejection(owner.comment.remove({ projectId, commentId: id }), 'FORBIDDEN');
    const edited = await editor.comment.edit({ projectId, commentId: id, body: 'Typo here' });
    expect(edited.editedAt).toBeInstanceOf(Date);
    const listed = (await owner.comment.list({ projectId, target: riskTarget })).find((c) => c.id === id)!;
    expect([listed.body, listed.editedAt]).toEqual(['Typo here', edited.editedAt]);
    await editor.comment.remove({ projectId, commentId: id });
    expect((await owner.comment.list({ projectId, target: riskTarget })).some((c) => c.id === id)).toBe(false);
    await rejection(editor.comment.remove({ projectId, commentId: id }), 'NOT_FOUND');
  });
});

describe('inbox', () => {
  it('a mention reaches the mentioned member (once), not a non-member, not the author', async () => {
    const projectId = team.project.id;
    // The stranger is in no project; the other team's editor is a member, but of their project only.
    const outsider = other.users.editor.email;
    const body = `@${people.editor.email.toUpperCase()} and @${people.viewer.email} see this; @${people.stranger.email} @${outsider} too; @${people.owner.email} @${people.editor.email}`;
    const { id } = await owner.comment.add({ projectId, target: riskTarget, body });
    const entriesOf = async (caller: Caller) => (await caller.inbox.list()).filter((e) => e.target.commentId === id);
    const [forEditor] = await entriesOf(editor);
    expect(forEditor).toMatchObject({ kind: 'mention', projectId, target: { kind: 'risk', id: riskId, commentId: id }, read: false, actorName: people.owner.name });
    expect(await entriesOf(editor)).toHaveLength(1);
    expect(await entriesOf(viewer)).toHaveLength(1);
    expect(await entriesOf(owner)).toEqual([]);
    expect(await entriesOf(stranger)).toEqual([]);
    const rows = await deps.db.select().from(inboxEntry).where(eq(inboxEntry.commentId, id));
    expect(rows.map((r) => r.userId).sort()).toEqual([people.editor.id, people.viewer.id].sort());
  });

  it('mark read, unread only, and mark all read', async () => {
    const projectId = team.project.id;
    const { id } = await owner.comment.add({ projectId, target: riskTarget, body: `@${people.editor.email} one` });
    await owner.comment.add({ projectId, target: riskTarget, body: `@${people.editor.email} two` });
    const entry = (await editor.inbox.list({ unreadOnly: true })).find((e) => e.target.commentId === id)!;
    expect(await editor.inbox.markRead({ ids: [entry.id] })).toEqual({ marked: 1 });
    expect((await editor.inbox.list({ unreadOnly: true })).some((e) => e.id === entry.id)).toBe(false);
    expect((await editor.inbox.list()).find((e) => e.id === entry.id)?.read).toBe(true);
    // Someone else's entry id marks nothing.
    const viewerEntry = (await viewer.inbox.list({ unreadOnly: true }))[0]!;
    expect(await editor.inbox.markRead({ ids: [viewerEntry.id] })).toEqual({ marked: 0 });
    expect((await viewer.inbox.list()).find((e) => e.id === viewerEntry.id)?.read).toBe(false);
    await editor.inbox.markAllRead();
    expect(await editor.inbox.list({ unreadOnly: true })).toEqual([]);
  });

  it('an edit tells only newly mentioned members; removing the comment removes its entries', async () => {
    const projectId = team.project.id;
    const { id } = await owner.comment.add({ projectId, target: riskTarget, body: `@${people.editor.email}` });
    await owner.comment.edit({ projectId, commentId: id, body: `@${people.editor.email} @${people.viewer.email}` });
    const rows = await deps.db.select().from(inboxEntry).where(eq(inboxEntry.commentId, id));
    expect(rows.map((r) => r.userId).sort()).toEqual([people.editor.id, people.viewer.id].sort());
    await owner.comment.remove({ projectId, commentId: id });
    expect(await deps.db.select().from(inboxEntry).where(eq(inboxEntry.commentId, id))).toEqual([]);
  });

  it('a comment mentioning 50 members writes 50 entries, in one statement', async () => {
    // Fifty members written straight into the tables: signing fifty people up is slow and not the point.
    const fan = await projectFor(deps, people, 'Fan-out');
    const crowd = Array.from({ length: 50 }, () => {
      const suffix = uniqueSuffix();
      return { id: `crowd-${suffix}`, name: `Crowd ${suffix}`, email: `crowd-${suffix}@example.test` };
    });
    await deps.db.insert(user).values(crowd);
    await deps.db.insert(projectMember).values(crowd.map((m) => ({ projectId: fan.project.id, userId: m.id, role: 'viewer' as const })));
    await addRisks(deps, fan, [{ id: 'R-fan', fields: { title: 'Fan risk' } }]);
    const body = crowd.map((m) => `@${m.email}`).join(' ');
    const { id } = await (await fan.as('owner')).comment.add({ projectId: fan.project.id, target: { kind: 'risk', id: 'R-fan' }, body });
    const rows = await deps.db.select().from(inboxEntry).where(eq(inboxEntry.commentId, id));
    expect(rows.map((r) => r.userId).sort()).toEqual(crowd.map((m) => m.id).sort());
    // The write itself, counted: one insert for all fifty.
    const [written] = await deps.db.select().from(comment).where(eq(comment.id, id));
    await deps.db.delete(inboxEntry).where(eq(inboxEntry.commentId, id));
    let inserts = 0;
    const counting = new Proxy(deps.db, {
      get(target, key, receiver) {
        if (key === 'insert') inserts++;
        return Reflect.get(target, key, receiver);
      },
    });
    await tellMentioned(counting, written!, crowd.map((m) => m.id));
    expect(inserts).toBe(1);
    expect(await deps.db.select().from(inboxEntry).where(eq(inboxEntry.commentId, id))).toHaveLength(50);
  });

  it('my overdue and soon-due actions, and actions others gave me, are derived; done ones go away', async () => {
    const projectId = team.project.id;
    const meeting = await owner.meeting.create({ projectId, title: 'Due sync', startsAt: new Date('2027-03-01T09:00:00Z') });
    const past = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const late = await owner.meeting.addAction({ meetingId: meeting.id, title: 'Late one', ownerEmail: people.editor.email, due: past });
    const next = await owner.meeting.addAction({ meetingId: meeting.id, title: 'Soon one', ownerEmail: people.editor.email, due: soon });
    await deps.live.flushProjections();
    const mine = (await editor.inbox.list()).filter((e) => e.target.meetingId === meeting.id);
    expect(mine.map((e) => [e.kind, e.target.id]).sort()).toEqual(
      [
        ['assigned', late.id],
        ['assigned', next.id],
        ['due', next.id],
        ['overdue', late.id],
      ].sort(),
    );
    const overdue = mine.find((e) => e.kind === 'overdue')!;
    expect(await editor.inbox.markRead({ ids: [overdue.id] })).toEqual({ marked: 1 });
    expect((await editor.inbox.list()).find((e) => e.id === overdue.id)?.read).toBe(true);
    await editor.action.setDone({ meetingId: meeting.id, actionId: late.id, done: true });
    await deps.live.flushProjections();
    expect((await editor.inbox.list()).some((e) => e.target.id === late.id)).toBe(false);
    // Not the owner's: they own none of these.
    expect((await owner.inbox.list()).some((e) => e.target.meetingId === meeting.id)).toBe(false);
  });

  it('a risk past its due date is overdue for its owner; risks and plan items given to me are assignments; a role change is an entry', async () => {
    const projectId = team.project.id;
    await addRisks(deps, team, [{ id: 'R-due', fields: { title: 'Past due risk', ownerId: people.editor.id, dueDate: '2026-01-05', likelihood: 2, impact: 2 } }]);
    const entries = (await editor.inbox.list()).filter((e) => e.target.id === 'R-due');
    expect(entries.map((e) => e.kind).sort()).toEqual(['assigned', 'overdue']);
    const [given] = await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Given to the editor', start: '2027-02-01', end: '2027-03-01', ownerId: people.editor.id }]);
    const [taken] = await addPlanItems(deps, team, [{ kind: 'workstream', title: "The owner's own", start: '2027-02-01', end: '2027-03-01', ownerId: people.owner.id }]);
    expect((await editor.inbox.list()).filter((e) => e.target.id === given).map((e) => [e.kind, e.target.kind, e.title])).toEqual([['assigned', 'planItem', 'Given to the editor']]);
    // Neither to its owner (who made it theirs) nor to anyone it is not given to.
    expect((await owner.inbox.list()).some((e) => e.target.id === taken)).toBe(false);
    expect((await editor.inbox.list()).some((e) => e.target.id === taken)).toBe(false);
    await owner.project.setRole({ projectId, userId: people.viewer.id, role: 'editor' });
    await owner.project.setRole({ projectId, userId: people.viewer.id, role: 'viewer' });
    const roles = (await viewer.inbox.list()).filter((e) => e.kind === 'role_changed' && e.projectId === projectId);
    expect(roles.map((e) => e.title)).toEqual([`Your role in ${team.project.name} is now viewer (was editor)`, `Your role in ${team.project.name} is now editor (was viewer)`]);
  });

  it('an owner owes an update once the cadence is overdue', async () => {
    const owed = await projectFor(deps, people, 'Owed');
    const ownerOfOwed = await owed.as('owner');
    await ownerOfOwed.status.setCadence({ projectId: owed.project.id, cadence: { everyDays: 7, weekday: null } });
    // The cadence was set long ago with no update since (the settings row's time is when it was set).
    await deps.db.execute(`update status_settings set updated_at = now() - interval '30 days' where project_id = '${owed.project.id}'`);
    expect((await ownerOfOwed.inbox.list()).filter((e) => e.projectId === owed.project.id).map((e) => e.kind)).toEqual(['update_owed']);
    expect((await (await owed.as('editor')).inbox.list()).filter((e) => e.projectId === owed.project.id)).toEqual([]);
  });

  it('a member removed from a project stops seeing (and marking) its entries; a stranger never sees any', async () => {
    const leaving = await createUser(deps.auth, 'Leaving');
    const project = await projectFor(deps, people, 'Leave');
    await addToProject(deps, people.owner, project.project.id, leaving, 'editor');
    await addRisks(deps, project, [{ id: 'R-l', fields: { title: 'Leave risk' } }]);
    // They stay in another project, so they still have an inbox to read.
    const staying = await projectFor(deps, people, 'Stay');
    await addToProject(deps, people.owner, staying.project.id, leaving, 'viewer');
    await addRisks(deps, staying, [{ id: 'R-s', fields: { title: 'Stay risk' } }]);
    await (await staying.as('owner')).comment.add({ projectId: staying.project.id, target: { kind: 'risk', id: 'R-s' }, body: `@${leaving.email}` });
    const leaver = await callerFor(deps, leaving);
    await (await project.as('owner')).comment.add({ projectId: project.project.id, target: { kind: 'risk', id: 'R-l' }, body: `@${leaving.email}` });
    expect((await leaver.inbox.list()).map((e) => e.projectId).sort()).toEqual([project.project.id, staying.project.id].sort());
    await (await project.as('owner')).project.removeMember({ projectId: project.project.id, userId: leaving.id });
    expect((await leaver.inbox.list()).map((e) => e.projectId)).toEqual([staying.project.id]);
    // Marking everything read reaches only the project they are still in.
    expect(await leaver.inbox.markAllRead()).toEqual({ marked: 1 });
    const [left] = await deps.db.select().from(inboxEntry).where(and(eq(inboxEntry.userId, leaving.id), eq(inboxEntry.projectId, project.project.id)));
    expect(left?.readAt).toBeNull();
    expect(await stranger.inbox.list()).toEqual([]);
  });
});

describe('search', () => {
  it('finds risks, plan items and comments of my projects, ranked, with the project shown', async () => {
    await owner.comment.add({ projectId: team.project.id, target: riskTarget, body: `The ${word} vendor called` });
    const results = await viewer.search.query({ q: word });
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(new Set(results.map((r) => r.projectId))).toEqual(new Set([team.project.id]));
    expect(results.every((r) => r.projectName === team.project.name)).toBe(true);
    expect(results.map((r) => r.kind)).toEqual(expect.arrayContaining(['risk', 'planItem', 'comment']));
    const risk = results.find((r) => r.kind === 'risk')!;
    expect(risk).toMatchObject({ id: riskId, title: `Vendor ${word} slips` });
    expect(risk.snippet).toContain(`**${word}**`);
    // Stemmed: "vendors" finds "vendor".
    expect((await viewer.search.query({ q: `${word} vendors` })).some((r) => r.kind === 'risk')).toBe(true);
  });

  it('never shows another project: a stranger finds nothing, the other team only theirs', async () => {
    expect(await stranger.search.query({ q: word })).toEqual([]);
    const theirs = await (await other.as('viewer')).search.query({ q: word });
    expect(theirs.map((r) => [r.projectId, r.kind, r.title])).toEqual([[other.project.id, 'risk', `Their ${word} risk`]]);
  });

  it('drafts (and comments on them) only for writers', async () => {
    const projectId = team.project.id;
    const draftWord = `draftword${uniqueSuffix()}`;
    const draft = await owner.status.createDraft({ projectId });
    await owner.status.saveDraft({ projectId, updateId: draft.id, content: updateContent({ summary: `Secret ${draftWord}` }), baseRevision: draft.revision });
    await owner.comment.add({ projectId, target: { kind: 'update', id: draft.id }, body: `About ${draftWord}` });
    expect(await viewer.search.query({ q: draftWord })).toEqual([]);
    expect((await editor.search.query({ q: draftWord })).map((r) => r.kind).sort()).toEqual(['comment', 'update']);
    await publishUpdate(team, 'owner', updateContent({ summary: `Public ${draftWord}` }));
    expect((await viewer.search.query({ q: draftWord })).map((r) => r.kind)).toEqual(['update']);
  });

  it('tsquery syntax is searched safely; an empty q finds nothing; a 10,000-character q is a clear BAD_REQUEST', async () => {
    for (const q of ['!!', '&|', "'", 'a:* & !(b <-> c)', '"unclosed', '-', 'OR', ':*', '\\', `${word} & | ! ( ) : *`]) {
      await expect(viewer.search.query({ q })).resolves.toBeInstanceOf(Array);
    }
    expect(await viewer.search.query({ q: '   ' })).toEqual([]);
    const error = await rejection(viewer.search.query({ q: 'x'.repeat(10_000) }), 'BAD_REQUEST');
    expect(error.message).toBe('q: q must be at most 500 characters');
    await rejection(viewer.search.query({ q: word, limit: 1000 }), 'BAD_REQUEST');
    expect(await viewer.search.query({ q: word, limit: 1 })).toHaveLength(1);
  });
});

