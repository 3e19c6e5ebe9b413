// A meeting board's "Since last meeting" read from the project's real history, a status update
// started from its minutes, and the Markdown minutes served to members only. Meetings and their
// boards are written directly (rows and a stored update): the meeting.* procedures are another router's.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardUpdate, meeting, meetingAction } from '@/db/schema';
import { insertAction, insertAgendaItem, insertDecision, notesFragment } from '@/server/collab/boards/meetingDocument';
import { meetingMinutesResponse } from '@/server/http/meetingMinutes';
import { addPlanItems, addRisks, movePlanItems, publishUpdate, updateContent } from '../status/support';
import { projectWithTeam } from '../support/factories';
import { rejection, useRouterDeps, type Team } from './harness';

const deps = useRouterDeps();
let team: Team;

async function addMeeting(fields: { title: string; series?: string; startsAt: Date; endedAt?: Date | null }) {
  const [row] = await deps.db
    .insert(meeting)
    .values({ projectId: team.project.id, series: 'weekly-sync', durationMinutes: 30, state: fields.endedAt ? 'ended' : 'open', ...fields })
    .returning();
  return row!;
}

/** Stores a meeting board as the collaboration server would have (one update in the log). */
async function storeBoard(meetingId: string, write: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  write(doc);
  await deps.db.insert(boardUpdate).values({ board: `meeting:${meetingId}`, data: Y.encodeStateAsUpdate(doc), userId: team.users.owner.id });
}

const hour = 3_600_000;

beforeAll(async () => {
  team = await projectWithTeam(deps, 'Meetings');
}, 60_000);

describe('meetingSince.get', () => {
  it('meetingSince.get: counts what happened since the previous meeting of the series, not before', async () => {
    await addRisks(deps, team, [{ id: 'R-before', fields: { title: 'Seen last week', likelihood: 2, impact: 2 } }]);
    const [milestoneId] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Cut-over', start: '2027-02-01', end: '2027-02-01' }]);
    const previous = await addMeeting({ title: 'Sync 1', startsAt: new Date(Date.now() - 2 * hour), endedAt: new Date() });
    await addRisks(deps, team, [{ id: 'R-new', fields: { title: 'Vendor insolvency', likelihood: 4, impact: 5 } }]);
    await publishUpdate(team, 'owner', updateContent(), 'internal');
    await movePlanItems(deps, team, { [milestoneId!]: { start: '2027-02-15', end: '2027-02-15' } });
    await deps.db.insert(meetingAction).values({
      projectId: team.project.id,
      meetingId: previous.id,
      id: 'A-late',
      title: 'Sign the SOW',
      ownerId: team.users.editor.id,
      due: '2020-01-06',
      status: 'open',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const upcoming = await addMeeting({ title: 'Sync 2', startsAt: new Date(Date.now() + 24 * hour) });

    const since = await (await team.as('viewer')).meetingSince.get({ meetingId: upcoming.id });
    expect(since).toMatchObject({ basis: 'series', previous: { id: previous.id, title: 'Sync 1' }, projectId: team.project.id, meetingId: upcoming.id });
    expect(since.risks.added.map((r) => [r.id, r.title, r.band])).toEqual([['R-new', 'Vendor insolvency', 'critical']]);
    expect(since.updates).toHaveLength(1);
    expect(since.milestones.slipped).toEqual([{ id: milestoneId, title: 'Cut-over', from: '2027-02-01', to: '2027-02-15', days: 14 }]);
    expect(since.actions.overdue.map((a) => a.id)).toEqual(['A-late']);
    expect(since.ownerNames[team.users.editor.id]).toBe(team.users.editor.name);
  });
});

describe('meetingSince.statusDraft', () => {
  it('meetingSince.statusDraft: an internal draft with the items discussed, decisions and actions, by the editor', async () => {
    const row = await addMeeting({ title: 'Steering December', series: 'steering-committee', startsAt: new Date(Date.now() - hour), endedAt: new Date() });
    await storeBoard(row.id, (doc) => {
      insertAgendaItem(doc, { title: 'Budget for Q1' }, team.users.owner.id);
      insertDecision(doc, { text: 'Fund the second vendor' }, team.users.owner.id);
      insertAction(doc, { title: 'Draft the contract', ownerId: team.users.editor.id, due: '2027-01-08' }, team.users.owner.id);
    });
    const editor = await team.as('editor');
    const { updateId, href } = await editor.meetingSince.statusDraft({ meetingId: row.id });
    expect(href).toBe(`/p/${team.project.id}/updates#update-${updateId}`);
    const draft = await editor.status.get({ projectId: team.project.id, updateId });
    expect(draft).toMatchObject({ audience: 'internal', publishedAt: null, authorId: team.users.editor.id });
    expect(draft.summary).toContain('- Budget for Q1');
    expect(draft.highlights).toContain('- Fund the second vendor');
    expect(draft.nextSteps).toContain(`- Draft the contract (owner: ${team.users.editor.name}, due: 8 Jan 2027)`);
  });

  it("meetingSince.statusDraft: the draft carries the last published update's health, or on track when none was published", async () => {
    const fresh = await projectWithTeam(deps, 'Fresh meetings');
    const [first] = await deps.db
      .insert(meeting)
      .values({ projectId: fresh.project.id, series: 'weekly-sync', durationMinutes: 30, state: 'ended', title: 'First sync', startsAt: new Date(Date.now() - hour), endedAt: new Date() })
      .returning();
    const editor = await fresh.as('editor');
    const none = await editor.meetingSince.statusDraft({ meetingId: first!.id });
    expect(await editor.status.get({ projectId: fresh.project.id, updateId: none.updateId })).toMatchObject({ health: 'on_track', healthReason: '' });

    await publishUpdate(fresh, 'owner', updateContent({ health: 'at_risk', healthReason: 'Vendor contract unsigned' }), 'internal');
    const after = await editor.meetingSince.statusDraft({ meetingId: first!.id });
    expect(await editor.status.get({ projectId: fresh.project.id, updateId: after.updateId })).toMatchObject({
      health: 'at_risk',
      healthReason: 'Vendor contract unsigned',
    });
  });

  it('meetingSince.statusDraft: a viewer is refused and no draft is made', async () => {
    const row = await addMeeting({ title: 'Sync', startsAt: new Date() });
    const owner = await team.as('owner');
    const before = (await owner.status.list({ projectId: team.project.id })).drafts.length;
    await rejection((await team.as('viewer')).meetingSince.statusDraft({ meetingId: row.id }), 'FORBIDDEN');
    expect((await owner.status.list({ projectId: team.project.id })).drafts).toHaveLength(before);
  });
});

describe('GET /p/<projectId>/meetings/<meetingId>/minutes.md', () => {
  const get = (headers: Headers, projectId: string, meetingId: string) =>
    meetingMinutesResponse(deps, new Request(`http://localhost/p/${projectId}/meetings/${meetingId}/minutes.md`, { headers }), { projectId, meetingId });

  it('minutes.md: a viewer downloads the minutes as Markdown, decisions and notes included', async () => {
    const row = await addMeeting({ title: 'Risk review 3', series: 'risk-review', startsAt: new Date('2026-11-30T10:00:00Z'), endedAt: new Date('2026-11-30T10:45:00Z') });
    await storeBoard(row.id, (doc) => {
      insertDecision(doc, { text: 'Accept the staging risk' }, team.users.owner.id);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Staging is shared until March.')]);
      notesFragment(doc).insert(0, [paragraph]);
    });
    const response = await get(team.users.viewer.headers, team.project.id, row.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="2026-11-30-risk-review-3-minutes.md"');
    const body = await response.text();
    expect(body).toContain('# Risk review 3');
    expect(body).toContain('- Accept the staging risk');
    expect(body).toContain('Staging is shared until March.');
  });

  it('minutes.md: a decision and an action written through meeting.addDecision / addAction are in the export', async () => {
    const owner = await team.as('owner');
    const { id } = await owner.meeting.create({ projectId: team.project.id, title: 'Sync with the live board', startsAt: new Date('2026-12-01T09:00:00Z') });
    await owner.meeting.addDecision({ meetingId: id, text: 'Freeze the scope for Q1' });
    await owner.meeting.addAction({ meetingId: id, title: 'Tell the vendor', ownerEmail: team.users.editor.email, due: '2026-12-08' });
    const body = await (await get(team.users.viewer.headers, team.project.id, id)).text();
    expect(body).toContain('- Freeze the scope for Q1');
    expect(body).toContain(`- [ ] Tell the vendor (owner: ${team.users.editor.name}, due: 8 Dec 2026)`);
  });

  it('minutes.md: a stranger, a signed-out caller and a wrong project all get the same 404', async () => {
    const row = await addMeeting({ title: 'Private sync', startsAt: new Date() });
    await storeBoard(row.id, (doc) => insertDecision(doc, { text: 'Secret decision' }, team.users.owner.id));
    const other = await (await team.as('stranger')).project.create({ name: 'Stranger project' });
    for (const [headers, projectId] of [
      [team.users.stranger.headers, team.project.id],
      [new Headers(), team.project.id],
      [team.users.stranger.headers, other.id],
      [team.users.owner.headers, 'not-a-uuid'],
    ] as const) {
      const response = await get(headers, projectId, row.id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('Secret');
    }
  });
});
