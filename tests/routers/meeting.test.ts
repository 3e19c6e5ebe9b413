// Meetings, actions and decisions through their procedures against a real database and real live
// boards: the carry-over into the next meeting of a series, bad input refused with nothing written,
// an ended meeting's board refusing new minutes while its actions can still be closed, the rights
// on closing an action, and the decision log's search and link filter.
import { beforeAll, describe, expect, it } from 'vitest';
import { readMeetingBoard } from '@/server/collab/boards/meetingDocument';
import { UpdateLog } from '@/server/collab/updateLog';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type RouterDeps } from './harness';

const deps = useRouterDeps();
let people: People;

beforeAll(async () => {
  people = await createPeople(deps);
});

/** The meeting's board as the server holds it now. */
async function board(d: RouterDeps, meetingId: string) {
  const document = await d.live.open('meeting', meetingId);
  try {
    return readMeetingBoard(document.doc);
  } finally {
    document.release();
  }
}

const monday = new Date('2027-02-01T09:00:00Z');

describe('meeting.create and the next meeting of a series', () => {
  it('lists a new meeting with its series, state and the series default duration', async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const { id } = await owner.meeting.create({ projectId: team.project.id, title: 'Risk review', startsAt: monday, series: 'risk-review' });
    const adHoc = await owner.meeting.create({ projectId: team.project.id, title: 'Vendor call', startsAt: '2027-02-03T15:00:00+01:00' as unknown as Date });
    const list = await owner.meeting.list({ projectId: team.project.id });
    expect(list.map((m) => [m.id, m.series, m.state, m.durationMinutes])).toEqual([
      [adHoc.id, 'ad-hoc', 'open', 30],
      [id, 'risk-review', 'open', 45],
    ]);
    expect(list[0]!.startsAt).toEqual(new Date('2027-02-03T14:00:00Z'));
  });

  it("carries the previous meeting's open actions into the next one's agenda, with its attendees and duration", async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const projectId = team.project.id;
    const first = await owner.meeting.create({
      projectId,
      title: 'Apollo weekly sync',
      startsAt: monday,
      series: 'weekly-sync',
      durationMinutes: 25,
      attendees: [{ userId: team.users.editor.id }],
    });
    const open = await owner.meeting.addAction({ meetingId: first.id, title: 'Chase the vendor', ownerEmail: team.users.editor.email });
    const done = await owner.meeting.addAction({ meetingId: first.id, title: 'Book the room' });
    await owner.action.setDone({ meetingId: first.id, actionId: done.id, done: true });

    const prefill = await owner.meeting.nextInSeries({ projectId, series: 'weekly-sync' });
    expect(prefill).toMatchObject({ title: 'Apollo weekly sync', durationMinutes: 25, attendees: [{ userId: team.users.editor.id, name: team.users.editor.name }], previousMeetingId: first.id });
    expect(prefill.startsAt!.getUTCDay()).toBe(1);

    const second = await owner.meeting.create({ projectId, title: 'Apollo weekly sync', startsAt: new Date('2027-02-08T09:00:00Z'), series: 'weekly-sync' });
    const agenda = (await board(deps, second.id)).agenda;
    expect(agenda.map((item) => [item.fields.title, item.fields.carriedActionIds])).toEqual([['Open actions', [open.id]]]);
    const created = await owner.meeting.get({ meetingId: second.id });
    expect(created).toMatchObject({ durationMinutes: 25, attendees: [{ userId: team.users.editor.id }], previousMeetingId: first.id });
    // An ad hoc meeting is no series: nothing carried.
    const adHoc = await owner.meeting.create({ projectId, title: 'Ad hoc', startsAt: new Date('2027-02-09T09:00:00Z') });
    expect((await board(deps, adHoc.id)).agenda).toEqual([]);
  });

  it('refuses attendees who are not members or stakeholders of the project, writing nothing', async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const refusal = await rejection(
      owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday, attendees: [{ userId: team.users.stranger.id }] }),
      'BAD_REQUEST',
    );
    expect(refusal.message).toContain('is not a member of this project');
    await rejection(owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday, attendees: [{ stakeholderId: 'S-nobody' }] }), 'BAD_REQUEST');
    expect(await owner.meeting.list({ projectId: team.project.id })).toEqual([]);
  });
});

describe('meeting.update attendees', () => {
  it('an editor sets the attendees; a viewer is refused and an unknown person is refused, changing nothing', async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday });
    const editor = await team.as('editor');
    const updated = await editor.meeting.update({ meetingId, attendees: [{ userId: team.users.viewer.id }, { userId: team.users.editor.id }, { userId: team.users.viewer.id }] });
    const chosen = [
      { userId: team.users.viewer.id, name: team.users.viewer.name },
      { userId: team.users.editor.id, name: team.users.editor.name },
    ];
    expect(updated.attendees).toEqual(chosen);

    const viewer = await team.as('viewer');
    await rejection(viewer.meeting.update({ meetingId, attendees: [] }), 'FORBIDDEN');
    await rejection(editor.meeting.update({ meetingId, attendees: [{ userId: team.users.stranger.id }] }), 'BAD_REQUEST');
    expect((await owner.meeting.get({ meetingId })).attendees).toEqual(chosen);
  });
});

describe('bad input: a clear error, nothing written', () => {
  it('an action owner who is not a member, a due date that is not a date, a 1 MB title', async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday });

    const notMember = await rejection(owner.meeting.addAction({ meetingId, title: 'Call them', ownerEmail: team.users.stranger.email }), 'BAD_REQUEST');
    expect(notMember.message).toBe(`ownerEmail: ${team.users.stranger.email} is not a member of this project. Actions are owned by members.`);
    const notADate = await rejection(owner.meeting.addAction({ meetingId, title: 'Call them', due: 'next tuesday' }), 'BAD_REQUEST');
    expect(notADate.message).toMatch(/^due: /);
    const huge = 'x'.repeat(1024 * 1024);
    expect((await rejection(owner.meeting.addAction({ meetingId, title: huge }), 'BAD_REQUEST')).message).toBe('title: must be at most 200 characters');
    expect((await rejection(owner.meeting.addDecision({ meetingId, text: huge }), 'BAD_REQUEST')).message).toBe('text: must be at most 2000 characters');
    expect((await rejection(owner.meeting.create({ projectId: team.project.id, title: huge, startsAt: monday }), 'BAD_REQUEST')).message).toBe(
      'title: must be at most 200 characters',
    );
    await rejection(owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: 'tomorrow' as unknown as Date }), 'BAD_REQUEST');

    await deps.live.flushProjections();
    const written = await board(deps, meetingId);
    expect([written.actions, written.decisions, written.agenda]).toEqual([[], [], []]);
    expect(await owner.action.list({ projectId: team.project.id })).toEqual([]);
    expect((await owner.meeting.list({ projectId: team.project.id })).map((m) => m.id)).toEqual([meetingId]);
  });
});

describe('ending a meeting', () => {
  it('refuses new actions and decisions once ended, still closes actions, and only an owner reopens', async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const editor = await team.as('editor');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday });
    const action = await editor.meeting.addAction({ meetingId, title: 'Send minutes', ownerEmail: team.users.viewer.email, due: '2027-02-05' });
    await editor.meeting.end({ meetingId });

    expect((await rejection(editor.meeting.addAction({ meetingId, title: 'Too late' }), 'PRECONDITION_FAILED')).message).toContain('has ended');
    await rejection(editor.meeting.addDecision({ meetingId, text: 'Too late' }), 'PRECONDITION_FAILED');
    // The action's owner (a viewer) closes it after the meeting.
    await (await team.as('viewer')).action.setDone({ meetingId, actionId: action.id, done: true });
    await deps.live.flushProjections();
    const ended = await board(deps, meetingId);
    expect(ended.meta.state).toBe('ended');
    expect(ended.actions.map((a) => [a.fields.title, a.fields.status])).toEqual([['Send minutes', 'done']]);
    expect(ended.decisions).toEqual([]);
    expect(await owner.meeting.get({ meetingId })).toMatchObject({ state: 'ended', actionCount: 1, openActionCount: 0 });

    await rejection(editor.meeting.reopen({ meetingId }), 'FORBIDDEN');
    await owner.meeting.reopen({ meetingId });
    await editor.meeting.addDecision({ meetingId, text: 'Minutes corrected' });
    await deps.live.flushProjections();
    expect(await owner.meeting.get({ meetingId })).toMatchObject({ state: 'open', endedAt: null, decisionCount: 1 });
  });
});

describe('action.setDone rights and action lists', () => {
  it("a viewer closes their own action but not someone else's; an unknown action is NOT_FOUND", async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const viewer = await team.as('viewer');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Sync', startsAt: monday });
    const theirs = await owner.meeting.addAction({ meetingId, title: 'Editor task', ownerEmail: team.users.editor.email });
    const own = await owner.meeting.addAction({ meetingId, title: 'Viewer task', ownerEmail: team.users.viewer.email.toUpperCase() });
    await deps.live.flushProjections();
    await rejection(viewer.action.setDone({ meetingId, actionId: theirs.id, done: true }), 'FORBIDDEN');
    await viewer.action.setDone({ meetingId, actionId: own.id, done: true });
    await rejection(owner.action.setDone({ meetingId, actionId: 'no-such-action', done: true }), 'NOT_FOUND');
    // A viewer naming an action that is not there is refused like any action not theirs (not a server error).
    await rejection(viewer.action.setDone({ meetingId, actionId: 'no-such-action', done: true }), 'FORBIDDEN');
    expect(await owner.action.setDone({ meetingId, actionId: theirs.id, done: true })).toEqual({ meetingId, actionId: theirs.id, status: 'done' });
    expect(await owner.action.setDone({ meetingId, actionId: theirs.id, done: false })).toEqual({ meetingId, actionId: theirs.id, status: 'open' });
    await deps.live.flushProjections();
    const list = await owner.action.list({ projectId: team.project.id });
    expect(list.map((a) => [a.title, a.status, a.ownerId, a.meetingTitle])).toEqual([
      ['Editor task', 'open', team.users.editor.id, 'Sync'],
      ['Viewer task', 'done', team.users.viewer.id, 'Sync'],
    ]);
  });

  it('flags overdue actions, and action.mine lists the caller\'s actions across their projects', async () => {
    const [one, two] = [await projectFor(deps, people, 'One'), await projectFor(deps, people, 'Two')];
    const ownerOne = await one.as('owner');
    const ownerTwo = await two.as('owner');
    const a = await ownerOne.meeting.create({ projectId: one.project.id, title: 'One sync', startsAt: monday });
    const b = await ownerTwo.meeting.create({ projectId: two.project.id, title: 'Two sync', startsAt: monday });
    const late = await ownerOne.meeting.addAction({ meetingId: a.id, title: 'Late one', ownerEmail: people.editor.email, due: '2020-01-01' });
    const later = await ownerTwo.meeting.addAction({ meetingId: b.id, title: 'Far off', ownerEmail: people.editor.email, due: '2999-01-01' });
    // Due today (UTC) is not overdue yet.
    const dueToday = await ownerOne.meeting.addAction({ meetingId: a.id, title: 'Due today', ownerEmail: people.editor.email, due: new Date().toISOString().slice(0, 10) });
    await ownerTwo.meeting.addAction({ meetingId: b.id, title: 'Not theirs', ownerEmail: people.owner.email });
    await deps.live.flushProjections();
    const mine = await (await one.as('editor')).action.mine();
    const ours = mine.filter((m) => m.projectId === one.project.id || m.projectId === two.project.id);
    expect(ours.map((m) => [m.id, m.overdue, m.meetingTitle, m.projectName])).toEqual([
      [late.id, true, 'One sync', one.project.name],
      [dueToday.id, false, 'One sync', one.project.name],
      [later.id, false, 'Two sync', two.project.name],
    ]);
    // Removed from a project, its actions leave their list.
    await ownerTwo.project.removeMember({ projectId: two.project.id, userId: people.editor.id });
    expect((await (await one.as('editor')).action.mine()).some((m) => m.id === later.id)).toBe(false);
  });

  it("our meeting with another project's action id finds nothing and changes nothing", async () => {
    const [ours, theirs] = [await projectFor(deps, people, 'Ours'), await projectFor(deps, people, 'Theirs')];
    const owner = await ours.as('owner');
    const mine = await owner.meeting.create({ projectId: ours.project.id, title: 'Ours', startsAt: monday });
    const other = await (await theirs.as('owner')).meeting.create({ projectId: theirs.project.id, title: 'Theirs', startsAt: monday });
    const action = await (await theirs.as('owner')).meeting.addAction({ meetingId: other.id, title: 'Theirs' });
    await rejection(owner.action.setDone({ meetingId: mine.id, actionId: action.id, done: true }), 'NOT_FOUND');
    expect((await board(deps, other.id)).actions[0]!.fields.status).toBe('open');
  });
});

describe('decision.list', () => {
  it("searches text and who decided, filters by linked item, and dates a decision on the meeting's day", async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Steering', startsAt: new Date('2027-02-01T23:30:00Z'), series: 'steering-committee' });
    await owner.meeting.addDecision({ meetingId, text: 'Ship in March', decidedBy: 'Steering committee', links: [{ kind: 'raid', id: 'R-7' }] });
    await owner.meeting.addDecision({ meetingId, text: 'Hire a second QA (100% sure)', decidedOn: '2027-01-28' });
    await deps.live.flushProjections();
    const projectId = team.project.id;
    const all = await owner.decision.list({ projectId });
    expect(all.map((d) => [d.text, d.decidedAt, d.meetingTitle])).toEqual([
      ['Ship in March', '2027-02-01', 'Steering'],
      ['Hire a second QA (100% sure)', '2027-01-28', 'Steering'],
    ]);
    expect((await owner.decision.list({ projectId, query: 'steering' })).map((d) => d.text)).toEqual(['Ship in March']);
    expect((await owner.decision.list({ projectId, query: '100%' })).map((d) => d.text)).toEqual(['Hire a second QA (100% sure)']);
    expect((await owner.decision.list({ projectId, query: '%' })).map((d) => d.text)).toEqual(['Hire a second QA (100% sure)']);
    expect((await owner.decision.list({ projectId, link: { kind: 'raid', id: 'R-7' } })).map((d) => d.text)).toEqual(['Ship in March']);
    expect(await owner.decision.list({ projectId, link: { kind: 'milestone', id: 'R-7' } })).toEqual([]);
  });
});

describe('meeting.delete', () => {
  it("removes the meeting, its projected rows and its board's history", async () => {
    const team = await projectFor(deps, people);
    const owner = await team.as('owner');
    const { id: meetingId } = await owner.meeting.create({ projectId: team.project.id, title: 'Doomed', startsAt: monday });
    await owner.meeting.addDecision({ meetingId, text: 'Gone soon' });
    await deps.live.flushProjections();
    await owner.meeting.delete({ meetingId });
    expect(await owner.meeting.list({ projectId: team.project.id })).toEqual([]);
    expect(await owner.decision.list({ projectId: team.project.id })).toEqual([]);
    expect((await new UpdateLog(deps.db).load(`meeting:${meetingId}`)).updates).toEqual([]);
    await rejection(owner.meeting.get({ meetingId }), 'NOT_FOUND');
  });
});
