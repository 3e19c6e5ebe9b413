// itemMeetings.forItem against a real database, with meeting rows written straight into the
// projection's tables: the decisions linking an item (by kind and id, newest first, with their
// meeting), the risk's latest review, and nothing of another project that links the same item id.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPeople, projectFor, useRouterDeps, type People, type Team } from './harness';
import { insertDecisionRow, insertMeetingRow, insertRiskReviewRow } from '../support/meetingRows';

const deps = useRouterDeps();
let people: People;
let mine: Team;
let theirs: Team;

beforeAll(async () => {
  const [ours, others] = await Promise.all([createPeople(deps), createPeople(deps)]);
  people = ours;
  [mine, theirs] = await Promise.all([projectFor(deps, ours, 'Mine'), projectFor(deps, others, 'Theirs')]);
}, 120_000);

describe('itemMeetings.forItem', () => {
  it('lists the decisions linking a risk, newest first, with their meeting, and none linking other items', async () => {
    const projectId = mine.project.id;
    const march = await insertMeetingRow(deps.db, projectId, 'Risk review, March');
    const april = await insertMeetingRow(deps.db, projectId, 'Steering, April', new Date('2027-04-02T09:00:00Z'));
    const older = await insertDecisionRow(deps.db, { projectId, meetingId: march.id, text: 'Ask the vendor for a second site', decidedAt: '2027-03-01', links: [{ kind: 'raid', id: 'R-1' }] });
    const newer = await insertDecisionRow(deps.db, {
      projectId,
      meetingId: april.id,
      text: 'Move the cut-over a week',
      decidedAt: '2027-04-02',
      decidedBy: 'Steering committee',
      links: [{ kind: 'milestone', id: 'M-9' }, { kind: 'raid', id: 'R-1' }],
    });
    // Another risk, and a plan item that happens to share the risk's id: neither is R-1 the risk.
    await insertDecisionRow(deps.db, { projectId, meetingId: march.id, text: 'Accept the staffing risk', decidedAt: '2027-03-01', links: [{ kind: 'raid', id: 'R-2' }] });
    const sameIdOtherKind = await insertDecisionRow(deps.db, { projectId, meetingId: march.id, text: 'Keep the launch date', decidedAt: '2027-03-01', links: [{ kind: 'milestone', id: 'R-1' }] });

    const viewer = await mine.as('viewer');
    const { decisions } = await viewer.itemMeetings.forItem({ projectId, kind: 'raid', itemId: 'R-1' });
    expect(decisions).toEqual([
      { id: newer, meetingId: april.id, meetingTitle: 'Steering, April', text: 'Move the cut-over a week', decidedBy: 'Steering committee', decidedAt: '2027-04-02' },
      { id: older, meetingId: march.id, meetingTitle: 'Risk review, March', text: 'Ask the vendor for a second site', decidedBy: '', decidedAt: '2027-03-01' },
    ]);
    const milestone = await viewer.itemMeetings.forItem({ projectId, kind: 'milestone', itemId: 'R-1' });
    expect(milestone.decisions.map((d) => d.id)).toEqual([sameIdOtherKind]);
    expect((await viewer.itemMeetings.forItem({ projectId, kind: 'milestone', itemId: 'M-9' })).decisions.map((d) => d.id)).toEqual([newer]);
    expect(await viewer.itemMeetings.forItem({ projectId, kind: 'goal', itemId: 'R-1' })).toEqual({ decisions: [], lastReview: null });
  });

  it("shows the risk's latest review with its meeting and reviewer; a plan item has none", async () => {
    const projectId = mine.project.id;
    const first = await insertMeetingRow(deps.db, projectId, 'Risk review 1');
    const second = await insertMeetingRow(deps.db, projectId, 'Risk review 2', new Date('2027-03-15T09:00:00Z'));
    await insertRiskReviewRow(deps.db, { projectId, meetingId: second.id, riskId: 'R-7', reviewedAt: new Date('2027-03-15T09:20:00Z'), reviewedBy: people.editor.id });
    await insertRiskReviewRow(deps.db, { projectId, meetingId: first.id, riskId: 'R-7', reviewedAt: new Date('2027-03-01T09:10:00Z'), reviewedBy: people.owner.id });
    // A plan item with the same id as the risk: plan items are never reviewed.
    await insertRiskReviewRow(deps.db, { projectId, meetingId: first.id, riskId: 'W-3', reviewedAt: new Date('2027-03-01T09:11:00Z'), reviewedBy: people.owner.id });

    const viewer = await mine.as('viewer');
    expect((await viewer.itemMeetings.forItem({ projectId, kind: 'raid', itemId: 'R-7' })).lastReview).toEqual({
      meetingId: second.id,
      meetingTitle: 'Risk review 2',
      reviewedAt: new Date('2027-03-15T09:20:00Z'),
      reviewedBy: people.editor.id,
      reviewerName: people.editor.name,
    });
    expect((await viewer.itemMeetings.forItem({ projectId, kind: 'workstream', itemId: 'W-3' })).lastReview).toBeNull();
    expect((await viewer.itemMeetings.forItem({ projectId, kind: 'raid', itemId: 'R-never-reviewed' })).lastReview).toBeNull();
  });

  it("never shows another project's decisions or reviews of an item with the same id", async () => {
    const projectId = mine.project.id;
    const ours = await insertMeetingRow(deps.db, projectId, 'Our review');
    const ourDecision = await insertDecisionRow(deps.db, { projectId, meetingId: ours.id, text: 'Our call on R-shared', decidedAt: '2027-03-01', links: [{ kind: 'raid', id: 'R-shared' }] });
    await insertRiskReviewRow(deps.db, { projectId, meetingId: ours.id, riskId: 'R-shared', reviewedAt: new Date('2027-03-01T09:00:00Z'), reviewedBy: people.owner.id });

    // Theirs: newer in every way, so a leak would come first.
    const theirMeeting = await insertMeetingRow(deps.db, theirs.project.id, 'Their review', new Date('2027-05-01T09:00:00Z'));
    const theirDecision = await insertDecisionRow(deps.db, {
      projectId: theirs.project.id,
      meetingId: theirMeeting.id,
      text: 'Their call on R-shared',
      decidedAt: '2027-05-01',
      links: [{ kind: 'raid', id: 'R-shared' }],
    });
    await insertRiskReviewRow(deps.db, { projectId: theirs.project.id, meetingId: theirMeeting.id, riskId: 'R-shared', reviewedAt: new Date('2027-05-01T09:00:00Z'), reviewedBy: theirs.users.owner.id });

    const result = await (await mine.as('owner')).itemMeetings.forItem({ projectId, kind: 'raid', itemId: 'R-shared' });
    expect(result.decisions.map((d) => d.id)).toEqual([ourDecision]);
    expect(result.lastReview?.meetingId).toBe(ours.id);
    // Their owner sees theirs (the rows are real).
    const theirView = await (await theirs.as('owner')).itemMeetings.forItem({ projectId: theirs.project.id, kind: 'raid', itemId: 'R-shared' });
    expect(theirView.decisions.map((d) => d.id)).toEqual([theirDecision]);
    expect(theirView.lastReview?.meetingId).toBe(theirMeeting.id);
  });

  it('refuses an item id that is empty or longer than 64 characters, and an unknown kind', async () => {
    const owner = await mine.as('owner');
    const projectId = mine.project.id;
    await expect(owner.itemMeetings.forItem({ projectId, kind: 'raid', itemId: '' })).rejects.toThrow('itemId: is required');
    await expect(owner.itemMeetings.forItem({ projectId, kind: 'raid', itemId: 'x'.repeat(65) })).rejects.toThrow('itemId: must be at most 64 characters');
    await expect(owner.itemMeetings.forItem({ projectId, kind: 'agenda' as 'raid', itemId: 'R-1' })).rejects.toThrow(/kind/);
  });
});
