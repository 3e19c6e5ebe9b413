// Another project's records: every procedure that takes a record id (an update, a webhook, a risk or
// plan item, an invite, a member, and whatever later issues add) is called by the owner of one
// project, with that project's id and a record id of another project. Each answers NOT_FOUND (or,
// for a filter, nothing of the other project's), and the other project, read back by its own owner,
// is exactly as it was. The table is checked against the router: a procedure with an id in its
// input and no row here fails this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/routers/_app';
import { callerFor } from '../support/factories';
import { eventually } from '../collab/harness';
import { addPlanItems, addRisks, movePlanItems, publishUpdate, updateContent } from '../status/support';
import { insertDecisionRow, insertMeetingRow, insertRiskReviewRow } from '../support/meetingRows';
import { createPeople, projectFor, rejection, useRouterDeps, type Team } from './harness';

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The other project's records, by kind: what the rows pass as ids. */
interface Theirs {
  projectId: string;
  publishedUpdateId: string;
  draftId: string;
  draftRevision: number;
  webhookId: string;
  inviteId: string;
  riskId: string;
  milestoneId: string;
  /** A member of their project who is not one of ours. */
  memberId: string;
  meetingId: string;
  actionId: string;
  /** Their workspace's resources. */
  personId: string;
  timeOffId: string;
  allocationId: string;
  needId: string;
  scenarioId: string;
  /** An item of their tech inventory (with a ring change). */
  techItemId: string;
  /** Their workspace's standards checklist, applied to their milestone, and one of its checks there. */
  checklistId: string;
  milestoneCheckId: string;
  /** Their comment on their risk, which mentions their owner, and that mention's inbox entry. */
  commentId: string;
  inboxEntryId: string;
}

interface Row {
  /**
   * `notFound`: the call must fail with NOT_FOUND. `nothing`: a filter, which answers with what the
   * caller's own project has under that id; `check` says that none of theirs is in the answer.
   */
  expect: 'notFound' | 'nothing';
  call: (me: Caller, mine: string, theirs: Theirs) => Promise<unknown>;
  check?: (result: unknown) => void;
}

const noneOfTheirs = (result: unknown) => expect(result).toEqual([]);

const content = () => updateContent({ healthReason: 'Written into the wrong project' });

const rows: Record<string, Row> = {
  'project.revokeInvite': { expect: 'notFound', call: (me, mine, t) => me.project.revokeInvite({ projectId: mine, inviteId: t.inviteId }) },
  'project.createPasswordResetLink': {
    expect: 'notFound',
    call: (me, mine, t) => me.project.createPasswordResetLink({ projectId: mine, userId: t.memberId }),
  },
  'project.setRole': { expect: 'notFound', call: (me, mine, t) => me.project.setRole({ projectId: mine, userId: t.memberId, role: 'owner' }) },
  'project.removeMember': { expect: 'notFound', call: (me, mine, t) => me.project.removeMember({ projectId: mine, userId: t.memberId }) },
  'raid.list': { expect: 'nothing', call: (me, mine, t) => me.raid.list({ projectId: mine, ownerId: t.memberId }), check: noneOfTheirs },
  'raid.history': { expect: 'nothing', call: (me, mine, t) => me.raid.history({ projectId: mine, itemId: t.riskId }), check: noneOfTheirs },
  'status.get': { expect: 'notFound', call: (me, mine, t) => me.status.get({ projectId: mine, updateId: t.publishedUpdateId }) },
  'status.versions': { expect: 'notFound', call: (me, mine, t) => me.status.versions({ projectId: mine, updateId: t.publishedUpdateId }) },
  'status.saveDraft': {
    expect: 'notFound',
    call: (me, mine, t) => me.status.saveDraft({ projectId: mine, updateId: t.draftId, content: content(), baseRevision: t.draftRevision }),
  },
  'status.discardDraft': { expect: 'notFound', call: (me, mine, t) => me.status.discardDraft({ projectId: mine, updateId: t.draftId }) },
  'status.publish': {
    expect: 'notFound',
    call: (me, mine, t) => me.status.publish({ projectId: mine, updateId: t.draftId, content: content(), baseRevision: t.draftRevision }),
  },
  'status.correct': {
    expect: 'notFound',
    // Any revision: the update must not be found, whatever the caller claims to have read.
    call: (me, mine, t) => me.status.correct({ projectId: mine, updateId: t.publishedUpdateId, content: content(), baseRevision: 2 }),
  },
  'status.removeWebhook': { expect: 'notFound', call: (me, mine, t) => me.status.removeWebhook({ projectId: mine, webhookId: t.webhookId }) },
  'status.deliveries': { expect: 'nothing', call: (me, mine, t) => me.status.deliveries({ projectId: mine, webhookId: t.webhookId }), check: noneOfTheirs },
  'meeting.get': { expect: 'notFound', call: (me, _mine, t) => me.meeting.get({ meetingId: t.meetingId }) },
  'meeting.update': { expect: 'notFound', call: (me, _mine, t) => me.meeting.update({ meetingId: t.meetingId, title: 'Taken over' }) },
  'meeting.delete': { expect: 'notFound', call: (me, _mine, t) => me.meeting.delete({ meetingId: t.meetingId }) },
  'meeting.end': { expect: 'notFound', call: (me, _mine, t) => me.meeting.end({ meetingId: t.meetingId }) },
  'meeting.reopen': { expect: 'notFound', call: (me, _mine, t) => me.meeting.reopen({ meetingId: t.meetingId }) },
  'meeting.addAction': { expect: 'notFound', call: (me, _mine, t) => me.meeting.addAction({ meetingId: t.meetingId, title: 'Written into the wrong project' }) },
  'meeting.addDecision': { expect: 'notFound', call: (me, _mine, t) => me.meeting.addDecision({ meetingId: t.meetingId, text: 'Written into the wrong project' }) },
  'action.setDone': { expect: 'notFound', call: (me, _mine, t) => me.action.setDone({ meetingId: t.meetingId, actionId: t.actionId, done: true }) },
  'plan.dateHistory': { expect: 'nothing', call: (me, mine, t) => me.plan.dateHistory({ projectId: mine, itemId: t.milestoneId }), check: noneOfTheirs },
  'meetingSince.get': { expect: 'notFound', call: (me, _mine, t) => me.meetingSince.get({ meetingId: t.meetingId }) },
  'meetingSince.statusDraft': { expect: 'notFound', call: (me, _mine, t) => me.meetingSince.statusDraft({ meetingId: t.meetingId }) },
  // Resources: their workspace's records through our workspace's (or no) scope.
  'people.add': { expect: 'notFound', call: (me, _mine, t) => me.people.add({ workspaceId: mine.project.workspaceId, name: 'Linked to their member', weeklyHours: 40, userId: t.memberId }) },
  'people.update': { expect: 'notFound', call: (me, _mine, t) => me.people.update({ personId: t.personId, version: 1, name: 'Taken over' }) },
  'people.remove': { expect: 'notFound', call: (me, _mine, t) => me.people.remove({ personId: t.personId }) },
  'people.addTimeOff': { expect: 'notFound', call: (me, _mine, t) => me.people.addTimeOff({ personId: t.personId, from: '2027-02-01', to: '2027-02-05' }) },
  'people.removeTimeOff': { expect: 'notFound', call: (me, _mine, t) => me.people.removeTimeOff({ timeOffId: t.timeOffId }) },
  'allocation.upsert': {
    expect: 'notFound',
    call: (me, mine, t) => me.allocation.upsert({ id: t.allocationId, personId: myPersonId, projectId: mine, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 40 }),
  },
  'allocation.remove': { expect: 'notFound', call: (me, _mine, t) => me.allocation.remove({ allocationId: t.allocationId }) },
  'staffing.removeNeed': { expect: 'notFound', call: (me, _mine, t) => me.staffing.removeNeed({ needId: t.needId }) },
  'scenario.discard': { expect: 'notFound', call: (me, _mine, t) => me.scenario.discard({ scenarioId: t.scenarioId }) },
  'scenario.addChange': { expect: 'notFound', call: (me, _mine, t) => me.scenario.addChange({ scenarioId: t.scenarioId, change: { kind: 'remove', allocationId: t.allocationId } }) },
  'scenario.removeChange': { expect: 'notFound', call: (me, _mine, t) => me.scenario.removeChange({ scenarioId: t.scenarioId, index: 0 }) },
  'scenario.compare': { expect: 'notFound', call: (me, _mine, t) => me.scenario.compare({ scenarioId: t.scenarioId, from: '2027-02-01', weeks: 4 }) },
  'scenario.applyChanges': { expect: 'notFound', call: (me, _mine, t) => me.scenario.applyChanges({ scenarioId: t.scenarioId }) },
  // Tech inventory: their item through our project.
  'tech.upsert': { expect: 'notFound', call: (me, mine, t) => me.tech.upsert({ projectId: mine, id: t.techItemId, revision: 1, name: 'Taken over', ring: 'hold' }) },
  'tech.remove': { expect: 'notFound', call: (me, mine, t) => me.tech.remove({ projectId: mine, id: t.techItemId }) },
  'tech.history': { expect: 'notFound', call: (me, mine, t) => me.tech.history({ projectId: mine, id: t.techItemId }) },
  // Standards: their checklist through our workspace, their milestone's checks through our project.
  'standards.saveChecklist': {
    expect: 'notFound',
    call: (me, _mine, t) => me.standards.saveChecklist({ workspaceId: mine.project.workspaceId, id: t.checklistId, version: 1, name: 'Taken over', checks: [{ title: 'Taken over' }] }),
  },
  'standards.removeChecklist': { expect: 'notFound', call: (me, _mine, t) => me.standards.removeChecklist({ workspaceId: mine.project.workspaceId, checklistId: t.checklistId }) },
  'standards.applyToMilestone': { expect: 'notFound', call: (me, mine, t) => me.standards.applyToMilestone({ projectId: mine, milestoneId: t.milestoneId, checklistId: t.checklistId }) },
  'standards.unapply': { expect: 'notFound', call: (me, mine, t) => me.standards.unapply({ projectId: mine, milestoneId: t.milestoneId, checklistId: t.checklistId }) },
  'standards.updateCheck': {
    expect: 'notFound',
    call: (me, mine, t) => me.standards.updateCheck({ projectId: mine, checkId: t.milestoneCheckId, state: 'waived', reason: 'Taken over', ownerUserId: t.memberId, version: 1 }),
  },
  // Delivery data: their milestone as our list's filter.
  'delivery.list': {
    expect: 'nothing',
    call: (me, mine, t) => me.delivery.list({ projectId: mine, planItemId: t.milestoneId }),
    check: (result) => expect(result).toEqual({ items: [], total: 0, nextAfter: null }),
  },
  'comment.add': {
    expect: 'notFound',
    call: (me, mine, t) => me.comment.add({ projectId: mine, target: { kind: 'risk', id: t.riskId }, body: 'Written into the wrong project' }),
  },
  'comment.list': { expect: 'notFound', call: (me, mine, t) => me.comment.list({ projectId: mine, target: { kind: 'planItem', id: t.milestoneId } }) },
  'comment.edit': { expect: 'notFound', call: (me, mine, t) => me.comment.edit({ projectId: mine, commentId: t.commentId, body: 'Taken over' }) },
  'comment.remove': { expect: 'notFound', call: (me, mine, t) => me.comment.remove({ projectId: mine, commentId: t.commentId }) },
  // Their inbox entry's id marks nothing of theirs read.
  'inbox.markRead': { expect: 'nothing', call: (me, _mine, t) => me.inbox.markRead({ ids: [t.inboxEntryId] }), check: (result) => expect(result).toEqual({ marked: 0 }) },
  'itemMeetings.forItem': {
    expect: 'nothing',
    call: (me, mine, t) => me.itemMeetings.forItem({ projectId: mine, kind: 'raid', itemId: t.riskId }),
    check: (result) => expect(result).toEqual({ decisions: [], lastReview: null }),
  },
};

/** Ids that name the caller's own scope, not a record: the project procedure checks membership of these. */
const scopeIds = new Set(['projectId', 'workspaceId']);

/** A zod schema's object keys, through defaults, optionals and the like; a nested object's as `target.id`. */
function inputKeys(schema: unknown): string[] {
  let current = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  while (current && !current.shape && current.def?.innerType) current = current.def.innerType as typeof current;
  if (!current?.shape) return [];
  return Object.entries(current.shape).flatMap(([key, inner]) => [key, ...nestedKeys(inner).map((nested) => `${key}.${nested}`)]);
}

/** The keys of a field that is itself an object (a comment's `target`), one level down. */
function nestedKeys(field: unknown): string[] {
  const shape = (field as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A record id by its name: `id`, `…Id`, a list of them (`ids`), or a nested one (`target.id`). */
const namesRecordId = (key: string) => {
  const last = key.split('.').pop()!;
  return last === 'id' || last.endsWith('Id') || last === 'ids' || last.endsWith('Ids');
};

/** Procedures whose input names a record by id (a key `id` or ending in `Id`, other than the scope). */
function proceduresTakingRecordIds(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    const inputs = (procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs;
    const ids = inputs.flatMap(inputKeys).filter((key) => namesRecordId(key) && !scopeIds.has(key));
    if (ids.length) found[path] = ids;
  }
  return found;
}

const deps = useRouterDeps();
let mine: Team;
let theirs: Team;
let records: Theirs;
let me: Caller;
let theirOwner: Caller;
/** A person of our workspace, for calls that need one of ours beside their record. */
let myPersonId: string;

/** Everything of theirs the rows could touch, read back by their owner. */
async function snapshotOfTheirs() {
  const projectId = theirs.project.id;
  const workspaceId = theirs.project.workspaceId;
  const [project, updates, published, draft, versions, settings, webhooks, deliveries, invites, risks, riskHistory, plan, dateHistory, meetings, meetingDetail, actions, decisions, riskMeetings, people, allocations, staffing, scenarios, tech, techHistory, checklists, standards, delivery, comments, inbox] = await Promise.all([
    theirOwner.project.get({ projectId }),
    theirOwner.status.list({ projectId }),
    theirOwner.status.get({ projectId, updateId: records.publishedUpdateId }),
    theirOwner.status.get({ projectId, updateId: records.draftId }),
    theirOwner.status.versions({ projectId, updateId: records.publishedUpdateId }),
    theirOwner.status.settings({ projectId }),
    theirOwner.status.webhooks({ projectId }),
    theirOwner.status.deliveries({ projectId }),
    theirOwner.project.listInvites({ projectId }),
    theirOwner.raid.list({ projectId }),
    theirOwner.raid.history({ projectId, itemId: records.riskId }),
    theirOwner.plan.get({ projectId }),
    theirOwner.plan.dateHistory({ projectId }),
    theirOwner.meeting.list({ projectId }),
    theirOwner.meeting.get({ meetingId: records.meetingId }),
    theirOwner.action.list({ projectId }),
    theirOwner.decision.list({ projectId }),
    theirOwner.itemMeetings.forItem({ projectId, kind: 'raid', itemId: records.riskId }),
    theirOwner.people.list({ workspaceId }),
    theirOwner.allocation.list({ workspaceId }),
    theirOwner.staffing.forProject({ projectId }),
    theirOwner.scenario.list({ workspaceId }),
    theirOwner.tech.list({ projectId }),
    theirOwner.tech.history({ projectId, id: records.techItemId }),
    theirOwner.standards.listChecklists({ workspaceId }),
    theirOwner.standards.forProject({ projectId }),
    theirOwner.delivery.list({ projectId }),
    theirOwner.comment.list({ projectId, target: { kind: 'risk', id: records.riskId } }),
    theirOwner.inbox.list(),
  ]);
  // Through the board too: a refused write must not reach their live document either.
  await deps.live.flushProjections();
  return { project, updates, published, draft, versions, settings, webhooks, deliveries, invites, risks, riskHistory, plan, dateHistory, meetings, meetingDetail, actions, decisions, riskMeetings, people, allocations, staffing, scenarios, tech, techHistory, checklists, standards, delivery, comments, inbox };
}

beforeAll(async () => {
  const [ours, others] = await Promise.all([createPeople(deps), createPeople(deps)]);
  [mine, theirs] = await Promise.all([projectFor(deps, ours, 'Mine'), projectFor(deps, others, 'Theirs')]);
  me = await mine.as('owner');
  theirOwner = await theirs.as('owner');
  const projectId = theirs.project.id;

  // Their records, one of each kind a row names, each with some history so a leak has something to show.
  const riskId = 'R-theirs';
  await addRisks(deps, theirs, [{ id: riskId, fields: { title: 'Their vendor risk', ownerId: theirs.users.editor.id, likelihood: 3, impact: 4, isPublic: true } }]);
  const [milestoneId] = await addPlanItems(deps, theirs, [{ kind: 'milestone', title: 'Their launch', start: '2027-02-01', end: '2027-02-01', ownerId: theirs.users.editor.id }]);
  await movePlanItems(deps, theirs, { [milestoneId!]: { start: '2027-02-08', end: '2027-02-08' } });
  const webhook = await theirOwner.status.addWebhook({ projectId, url: 'http://127.0.0.1:9/theirs' });
  const published = await publishUpdate(theirs, 'owner', updateContent());
  await theirOwner.status.correct({ projectId, updateId: published.id, content: updateContent({ summary: `${published.summary} (corrected)` }), baseRevision: published.revision });
  const draft = await theirOwner.status.createDraft({ projectId });
  const invite = await theirOwner.project.createInvite({ projectId, role: 'viewer' });
  const meeting = await theirOwner.meeting.create({ projectId, title: 'Their weekly sync', startsAt: new Date('2027-02-01T09:00:00Z'), series: 'weekly-sync' });
  const action = await theirOwner.meeting.addAction({ meetingId: meeting.id, title: 'Their action', ownerEmail: theirs.users.editor.email, due: '2027-02-05' });
  await theirOwner.meeting.addDecision({ meetingId: meeting.id, text: 'Their decision' });
  await deps.live.flushProjections();
  // A meeting of theirs that decided on their risk and reviewed it (rows as the meeting projection writes them).
  const theirMeeting = await insertMeetingRow(deps.db, projectId, 'Their risk review');
  await insertDecisionRow(deps.db, { projectId, meetingId: theirMeeting.id, text: 'Their decision on the vendor', decidedAt: '2027-03-01', links: [{ kind: 'raid', id: riskId }] });
  await insertRiskReviewRow(deps.db, { projectId, meetingId: theirMeeting.id, riskId, reviewedAt: new Date('2027-03-01T09:30:00Z'), reviewedBy: theirs.users.owner.id });
  // The publish and the correction each go to their webhook: wait until every attempt is logged.
  await eventually(async () => {
    const log = await theirOwner.status.deliveries({ projectId });
    expect(log).toHaveLength(6);
    expect(log.every((d) => d.retryAt === null)).toBe(true);
  }, 15_000);
  // Their workspace's resources: a person with time off and an allocation, a staffing need, a scenario with a change.
  const theirWorkspace = theirs.project.workspaceId;
  const person = await theirOwner.people.add({ workspaceId: theirWorkspace, name: 'Their engineer', weeklyHours: 40, skills: ['Backend'] });
  const timeOff = await theirOwner.people.addTimeOff({ personId: person.id, from: '2027-02-08', to: '2027-02-12', reason: 'Their holiday' });
  const allocation = await theirOwner.allocation.upsert({ personId: person.id, projectId, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 30 });
  const need = await theirOwner.staffing.addNeed({ projectId, skill: 'Backend', count: 2, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' });
  const scenario = await theirOwner.scenario.create({ workspaceId: theirWorkspace, name: 'Their what-if' });
  await theirOwner.scenario.addChange({ scenarioId: scenario.id, change: { kind: 'move', allocationId: allocation.id, from: '2027-03-01', to: '2027-03-31' } });
  const techItem = await theirOwner.tech.upsert({ projectId, name: 'Their database', kind: 'software', version: '15', ring: 'trial' });
  await theirOwner.tech.upsert({ projectId, id: techItem.id, revision: techItem.revision, ring: 'adopt', ringReason: 'Their load test passed' });
  // Their standards: a checklist of their workspace applied to their milestone.
  const checklist = await theirOwner.standards.saveChecklist({ workspaceId: theirWorkspace, name: 'Their launch readiness', checks: [{ title: 'Their load test' }] });
  await theirOwner.standards.applyToMilestone({ projectId, milestoneId: milestoneId!, checklistId: checklist.id });
  const theirStandards = await theirOwner.standards.forProject({ projectId });
  const milestoneCheckId = theirStandards.milestones.find((m) => m.milestoneId === milestoneId)!.checklists[0]!.checks[0]!.id;
  // Their delivery data: a work item of their milestone.
  await theirOwner.delivery.importCsv({ projectId, csv: `key,created,resolved,milestone\nTHEIR-1,2026-11-02,,${milestoneId}\n`, mapping: { key: 'key', created: 'created', resolved: 'resolved', planItem: 'milestone' } });
  // Their conversation: their editor's comment on their risk, mentioning their owner.
  const theirComment = await (await theirs.as('editor')).comment.add({ projectId, target: { kind: 'risk', id: riskId }, body: `Their note for @${theirs.users.owner.email}` });
  const theirMention = (await theirOwner.inbox.list()).find((entry) => entry.target.commentId === theirComment.id)!;
  myPersonId = (await me.people.add({ workspaceId: mine.project.workspaceId, name: 'Our engineer', weeklyHours: 40 })).id;
  records = {
    projectId,
    personId: person.id,
    timeOffId: timeOff.id,
    allocationId: allocation.id,
    needId: need.id,
    scenarioId: scenario.id,
    techItemId: techItem.id,
    checklistId: checklist.id,
    milestoneCheckId,
    publishedUpdateId: published.id,
    draftId: draft.id,
    draftRevision: draft.revision,
    webhookId: webhook.id,
    inviteId: invite.id,
    riskId,
    milestoneId: milestoneId!,
    memberId: theirs.users.editor.id,
    meetingId: meeting.id,
    actionId: action.id,
    commentId: theirComment.id,
    inboxEntryId: theirMention.id,
  };
  // Sign-ups, the boards' projections and the webhook's retries: slow on a busy machine.
}, 180_000);

describe("another project's records", () => {
  it('has a row for every procedure that takes a record id, and none for procedures that do not', () => {
    const taking = proceduresTakingRecordIds();
    expect(Object.keys(rows).sort()).toEqual(Object.keys(taking).sort());
  });

  it("their records are visible to their owner (the rows below test something real)", async () => {
    const before = await snapshotOfTheirs();
    expect(before.deliveries.length).toBeGreaterThan(0);
    expect(before.versions.length).toBeGreaterThan(0);
    expect(before.riskHistory.length).toBeGreaterThan(0);
    expect(before.dateHistory.some((c) => c.itemId === records.milestoneId)).toBe(true);
    expect(before.invites.some((i) => i.id === records.inviteId)).toBe(true);
    expect(before.risks.some((r) => r.ownerId === records.memberId)).toBe(true);
    expect(before.actions.some((a) => a.id === records.actionId && a.status === 'open')).toBe(true);
    expect(before.decisions).toHaveLength(2);
    expect(before.meetingDetail.state).toBe('open');
    expect(before.riskMeetings.decisions).toHaveLength(1);
    expect(before.riskMeetings.lastReview).not.toBeNull();
    expect(before.people.find((p) => p.id === records.personId)?.timeOff.map((range) => range.id)).toEqual([records.timeOffId]);
    expect(before.allocations.map((a) => a.id)).toEqual([records.allocationId]);
    expect(before.staffing.needs.map((n) => n.id)).toEqual([records.needId]);
    expect(before.scenarios.find((row) => row.id === records.scenarioId)?.changes).toHaveLength(1);
    expect(before.tech.map((item) => item.id)).toEqual([records.techItemId]);
    expect(before.delivery.items.map((item) => [item.key, item.planItemId])).toEqual([['THEIR-1', records.milestoneId]]);
    expect(before.techHistory.map((change) => change.toRing)).toEqual(['adopt', 'trial']);
    expect(before.comments.map((c) => c.id)).toEqual([records.commentId]);
    expect(before.inbox.find((entry) => entry.id === records.inboxEntryId)?.read).toBe(false);
    expect(before.checklists.checklists.map((c) => c.id)).toEqual([records.checklistId]);
    expect(before.standards.milestones.find((m) => m.milestoneId === records.milestoneId)?.checklists[0]?.checks.map((c) => c.id)).toEqual([records.milestoneCheckId]);
  });

  for (const [path, row] of Object.entries(rows)) {
    it(`${path}: with our project and their record's id, ${row.expect === 'notFound' ? 'NOT_FOUND' : 'nothing of theirs'}, and nothing of theirs changed`, async () => {
      const before = await snapshotOfTheirs();
      const call = row.call(me, mine.project.id, records);
      if (row.expect === 'notFound') await rejection(call, 'NOT_FOUND');
      else row.check!(await call);
      expect(await snapshotOfTheirs()).toEqual(before);
    });
  }
});
