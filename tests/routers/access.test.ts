// Who may call what: every procedure of the app router, for each of the five personas. The table
// is checked against the router itself, so a new procedure without a row fails this file.
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/routers/_app';
import type { ProjectRole } from '@/server/domain/roles';
import { addToProject, createUser, inviteTokenOf, personas, projectWithTeam, uniqueSuffix, type Persona } from '../support/factories';
import { addPlanItems } from '../status/support';
import { rejection, useRouterDeps } from './harness';

type Caller = Awaited<ReturnType<Awaited<ReturnType<typeof projectWithTeam>>['as']>>;
type Team = Awaited<ReturnType<typeof projectWithTeam>>;

/** `public`: anyone; `signedIn`: any signed-in user; a role: members with at least that role (others by rule below). */
type Access = 'public' | 'signedIn' | ProjectRole;

interface Row {
  access: Access;
  /** Calls the procedure as `as`; `team` may be used to prepare what the call needs. */
  call: (as: Caller, team: Team) => Promise<unknown>;
}

const deps = useRouterDeps();

const access: Record<string, Row> = {
  'workspace.list': { access: 'signedIn', call: (as) => as.workspace.list() },
  'workspace.create': { access: 'signedIn', call: (as) => as.workspace.create({ name: `Shared ${uniqueSuffix()}` }) },
  'project.create': { access: 'signedIn', call: (as) => as.project.create({ name: `Side project ${uniqueSuffix()}` }) },
  'project.list': { access: 'signedIn', call: (as) => as.project.list() },
  'project.get': { access: 'viewer', call: (as, team) => as.project.get({ projectId: team.project.id }) },
  'project.rename': {
    access: 'owner',
    call: (as, team) => as.project.rename({ projectId: team.project.id, name: `Renamed ${uniqueSuffix()}` }),
  },
  'project.addMember': {
    access: 'owner',
    call: async (as, team) => {
      const newcomer = await createUser(deps.auth, 'Newcomer');
      return as.project.addMember({ projectId: team.project.id, email: newcomer.email, role: 'viewer' });
    },
  },
  'project.archive': {
    access: 'owner',
    // Unarchived again at once: the rest of the table needs the project writable.
    call: async (as, team) => {
      const archived = await as.project.archive({ projectId: team.project.id });
      await as.project.unarchive({ projectId: team.project.id });
      return archived;
    },
  },
  'project.unarchive': { access: 'owner', call: (as, team) => as.project.unarchive({ projectId: team.project.id }) },
  'project.delete': {
    access: 'owner',
    // A project of its own (with the team in their roles), so the table's project survives.
    call: async (as, team) => {
      const doomed = await (await team.as('owner')).project.create({ name: `Doomed ${uniqueSuffix()}` });
      await addToProject(deps, team.users.owner, doomed.id, team.users.editor, 'editor');
      await addToProject(deps, team.users.owner, doomed.id, team.users.viewer, 'viewer');
      return as.project.delete({ projectId: doomed.id, confirmName: doomed.name });
    },
  },
  'project.createInvite': { access: 'owner', call: (as, team) => as.project.createInvite({ projectId: team.project.id, role: 'viewer' }) },
  'project.listInvites': { access: 'owner', call: (as, team) => as.project.listInvites({ projectId: team.project.id }) },
  'project.revokeInvite': {
    access: 'owner',
    call: async (as, team) => {
      const invite = await (await team.as('owner')).project.createInvite({ projectId: team.project.id, role: 'viewer' });
      return as.project.revokeInvite({ projectId: team.project.id, inviteId: invite.id });
    },
  },
  'project.inviteDetails': {
    access: 'public',
    call: async (as, team) => {
      const invite = await (await team.as('owner')).project.createInvite({ projectId: team.project.id, role: 'viewer' });
      return as.project.inviteDetails({ token: inviteTokenOf(invite.link!) });
    },
  },
  'project.acceptInvite': {
    access: 'signedIn',
    // Into a project of its own, in a workspace of its own: the stranger must stay a stranger to the
    // table's project and to its workspace (whose members read its resources).
    call: async (as, team) => {
      const owner = await team.as('owner');
      const elsewhere = await owner.workspace.create({ name: `Welcoming ${uniqueSuffix()}` });
      const other = await owner.project.create({ workspaceId: elsewhere.id, name: `Welcoming ${uniqueSuffix()}` });
      const invite = await owner.project.createInvite({ projectId: other.id, role: 'viewer' });
      return as.project.acceptInvite({ token: inviteTokenOf(invite.link!) });
    },
  },
  'project.createPasswordResetLink': {
    access: 'owner',
    call: async (as, team) => {
      const member = await createUser(deps.auth, 'Forgetful');
      await addToProject(deps, team.users.owner, team.project.id, member, 'viewer');
      return as.project.createPasswordResetLink({ projectId: team.project.id, userId: member.id });
    },
  },
  'project.setRole': {
    access: 'owner',
    call: (as, team) => as.project.setRole({ projectId: team.project.id, userId: team.users.editor.id, role: 'editor' }),
  },
  // Removing someone else; leaving a project yourself is covered in project.test.ts.
  'project.removeMember': {
    access: 'owner',
    call: async (as, team) => {
      const owner = await team.as('owner');
      const extra = await createUser(deps.auth, 'Extra');
      await addToProject(deps, team.users.owner, team.project.id, extra, 'viewer');
      return as.project.removeMember({ projectId: team.project.id, userId: extra.id });
    },
  },
  'raid.list': { access: 'viewer', call: (as, team) => as.raid.list({ projectId: team.project.id }) },
  'raid.history': { access: 'viewer', call: (as, team) => as.raid.history({ projectId: team.project.id, itemId: 'R-1' }) },
  'raid.importCsv': {
    access: 'editor',
    call: (as, team) => as.raid.importCsv({ projectId: team.project.id, csv: `id,title\nR-1,Vendor late ${uniqueSuffix()}\n` }),
  },
  'raid.exportCsv': { access: 'viewer', call: (as, team) => as.raid.exportCsv({ projectId: team.project.id }) },
  'raid.projectionIssues': { access: 'editor', call: (as, team) => as.raid.projectionIssues({ projectId: team.project.id }) },
  'status.list': { access: 'viewer', call: (as, team) => as.status.list({ projectId: team.project.id }) },
  'status.get': {
    access: 'viewer',
    call: async (as, team) => as.status.get({ projectId: team.project.id, updateId: (await publishedUpdate(team)).id }),
  },
  'status.versions': {
    access: 'viewer',
    call: async (as, team) => as.status.versions({ projectId: team.project.id, updateId: (await publishedUpdate(team)).id }),
  },
  'status.pageRevision': { access: 'viewer', call: (as, team) => as.status.pageRevision({ projectId: team.project.id }) },
  'status.checkPrivateMentions': { access: 'editor', call: (as, team) => as.status.checkPrivateMentions({ projectId: team.project.id, content: content() }) },
  'status.createDraft': { access: 'editor', call: (as, team) => as.status.createDraft({ projectId: team.project.id }) },
  'status.saveDraft': {
    access: 'editor',
    call: async (as, team) => {
      const draft = await ownerDraft(team);
      return as.status.saveDraft({ projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision });
    },
  },
  'status.discardDraft': {
    access: 'editor',
    call: async (as, team) => as.status.discardDraft({ projectId: team.project.id, updateId: (await ownerDraft(team)).id }),
  },
  'status.publish': {
    access: 'editor',
    call: async (as, team) => {
      const draft = await ownerDraft(team);
      return as.status.publish({ projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision });
    },
  },
  'status.correct': {
    access: 'editor',
    call: async (as, team) => {
      const published = await publishedUpdate(team);
      return as.status.correct({ projectId: team.project.id, updateId: published.id, content: content(`Corrected ${uniqueSuffix()}`), baseRevision: published.revision });
    },
  },
  'status.settings': { access: 'viewer', call: (as, team) => as.status.settings({ projectId: team.project.id }) },
  'status.setCadence': {
    access: 'owner',
    call: (as, team) => as.status.setCadence({ projectId: team.project.id, cadence: { everyDays: 7, weekday: 5 } }),
  },
  'status.setPublicPage': {
    access: 'owner',
    call: (as, team) => as.status.setPublicPage({ projectId: team.project.id, enabled: true, slug: `access-${team.project.id.slice(0, 8)}` }),
  },
  'status.webhooks': { access: 'owner', call: (as, team) => as.status.webhooks({ projectId: team.project.id }) },
  'status.addWebhook': {
    access: 'owner',
    call: (as, team) => as.status.addWebhook({ projectId: team.project.id, url: 'http://127.0.0.1:9/waymark' }),
  },
  'status.removeWebhook': {
    access: 'owner',
    call: async (as, team) => {
      const owner = await team.as('owner');
      const hook = await owner.status.addWebhook({ projectId: team.project.id, url: 'http://127.0.0.1:9/removed' });
      return as.status.removeWebhook({ projectId: team.project.id, webhookId: hook.id });
    },
  },
  'status.deliveries': { access: 'owner', call: (as, team) => as.status.deliveries({ projectId: team.project.id }) },
  'plan.get': { access: 'viewer', call: (as, team) => as.plan.get({ projectId: team.project.id }) },
  'plan.risks': { access: 'viewer', call: (as, team) => as.plan.risks({ projectId: team.project.id }) },
  'plan.dateHistory': { access: 'viewer', call: (as, team) => as.plan.dateHistory({ projectId: team.project.id }) },
  'plan.projectionIssues': { access: 'editor', call: (as, team) => as.plan.projectionIssues({ projectId: team.project.id }) },
  'plan.saveBaseline': {
    access: 'editor',
    call: (as, team) => as.plan.saveBaseline({ projectId: team.project.id, name: `Baseline ${uniqueSuffix()}` }),
  },
  'meetingSince.get': { access: 'viewer', call: async (as, team) => as.meetingSince.get({ meetingId: await ownerMeeting(team) }) },
  'meetingSince.statusDraft': { access: 'editor', call: async (as, team) => as.meetingSince.statusDraft({ meetingId: await ownerMeeting(team) }) },
  'plan.calendarFeed': { access: 'owner', call: (as, team) => as.plan.calendarFeed({ projectId: team.project.id }) },
  'plan.rotateCalendarToken': { access: 'owner', call: (as, team) => as.plan.rotateCalendarToken({ projectId: team.project.id }) },
  'meeting.create': {
    access: 'editor',
    call: (as, team) => as.meeting.create({ projectId: team.project.id, title: `Sync ${uniqueSuffix()}`, startsAt: new Date('2027-03-01T09:00:00Z'), series: 'weekly-sync' }),
  },
  'meeting.nextInSeries': { access: 'viewer', call: (as, team) => as.meeting.nextInSeries({ projectId: team.project.id, series: 'weekly-sync' }) },
  'meeting.list': { access: 'viewer', call: (as, team) => as.meeting.list({ projectId: team.project.id }) },
  'meeting.get': { access: 'viewer', call: async (as, team) => as.meeting.get({ meetingId: await ownerMeeting(team) }) },
  'meeting.update': { access: 'editor', call: async (as, team) => as.meeting.update({ meetingId: await ownerMeeting(team), title: `Renamed ${uniqueSuffix()}` }) },
  'meeting.delete': { access: 'owner', call: async (as, team) => as.meeting.delete({ meetingId: await ownerMeeting(team) }) },
  'meeting.end': { access: 'editor', call: async (as, team) => as.meeting.end({ meetingId: await ownerMeeting(team) }) },
  'meeting.reopen': {
    access: 'owner',
    call: async (as, team) => {
      const meetingId = await ownerMeeting(team);
      await (await team.as('owner')).meeting.end({ meetingId });
      return as.meeting.reopen({ meetingId });
    },
  },
  'meeting.addAction': {
    access: 'editor',
    call: async (as, team) => as.meeting.addAction({ meetingId: await ownerMeeting(team), title: 'Send the vendor contract', ownerEmail: team.users.editor.email, due: '2027-03-08' }),
  },
  'meeting.addDecision': { access: 'editor', call: async (as, team) => as.meeting.addDecision({ meetingId: await ownerMeeting(team), text: 'Ship in March' }) },
  'action.list': { access: 'viewer', call: (as, team) => as.action.list({ projectId: team.project.id }) },
  'action.mine': { access: 'signedIn', call: (as) => as.action.mine() },
  // An action the owner owns: closing it needs the editor role (or being its owner, action.test.ts).
  'action.setDone': {
    access: 'editor',
    call: async (as, team) => {
      const meetingId = await ownerMeeting(team);
      const owner = await team.as('owner');
      const action = await owner.meeting.addAction({ meetingId, title: 'Book the room', ownerEmail: team.users.owner.email });
      await deps.live.flushProjections();
      return as.action.setDone({ meetingId, actionId: action.id, done: true });
    },
  },
  'decision.list': { access: 'viewer', call: (as, team) => as.decision.list({ projectId: team.project.id, query: 'ship' }) },
  'itemMeetings.forItem': { access: 'viewer', call: (as, team) => as.itemMeetings.forItem({ projectId: team.project.id, kind: 'raid', itemId: 'R-1' }) },
  'resources.forPlan': { access: 'viewer', call: (as, team) => as.resources.forPlan({ projectId: team.project.id }) },
  'resources.problems': { access: 'viewer', call: (as, team) => as.resources.problems({ projectId: team.project.id }) },
  // Resources: the workspace owner (the project's owner here) and project editors change them, project viewers read them.
  'people.add': { access: 'editor', call: (as, team) => as.people.add({ workspaceId: team.project.workspaceId, name: `Person ${uniqueSuffix()}`, weeklyHours: 40 }) },
  'people.list': { access: 'viewer', call: (as, team) => as.people.list({ workspaceId: team.project.workspaceId }) },
  'people.update': { access: 'editor', call: async (as, team) => as.people.update({ personId: await ownerPerson(team), version: 1, name: `Renamed ${uniqueSuffix()}` }) },
  'people.remove': { access: 'editor', call: async (as, team) => as.people.remove({ personId: await ownerPerson(team) }) },
  'people.addTimeOff': { access: 'editor', call: async (as, team) => as.people.addTimeOff({ personId: await ownerPerson(team), from: '2027-02-01', to: '2027-02-05' }) },
  'people.removeTimeOff': {
    access: 'editor',
    call: async (as, team) => {
      const owner = await team.as('owner');
      const timeOff = await owner.people.addTimeOff({ personId: await ownerPerson(team), from: '2027-02-01', to: '2027-02-05' });
      return as.people.removeTimeOff({ timeOffId: timeOff.id });
    },
  },
  'allocation.upsert': {
    access: 'editor',
    call: async (as, team) => as.allocation.upsert({ personId: await ownerPerson(team), projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 20 }),
  },
  'allocation.remove': { access: 'editor', call: async (as, team) => as.allocation.remove({ allocationId: await ownerAllocation(team) }) },
  'allocation.list': { access: 'viewer', call: (as, team) => as.allocation.list({ workspaceId: team.project.workspaceId }) },
  'resources.utilisation': { access: 'viewer', call: (as, team) => as.resources.utilisation({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }) },
  'resources.grid': { access: 'viewer', call: (as, team) => as.resources.grid({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }) },
  'resources.settings': { access: 'viewer', call: (as, team) => as.resources.settings({ workspaceId: team.project.workspaceId }) },
  'resources.updateSettings': { access: 'editor', call: (as, team) => as.resources.updateSettings({ workspaceId: team.project.workspaceId, underMaxPercent: 80, healthyMaxPercent: 100 }) },
  'tech.list': { access: 'viewer', call: (as, team) => as.tech.list({ projectId: team.project.id }) },
  'tech.review': { access: 'viewer', call: (as, team) => as.tech.review({ projectId: team.project.id }) },
  'tech.alerts': { access: 'viewer', call: (as, team) => as.tech.alerts({ projectId: team.project.id }) },
  'tech.upsert': { access: 'editor', call: (as, team) => as.tech.upsert({ projectId: team.project.id, name: `Tool ${uniqueSuffix()}`, kind: 'tool' }) },
  'tech.remove': { access: 'editor', call: async (as, team) => as.tech.remove({ projectId: team.project.id, id: await ownerTechItem(team) }) },
  'tech.history': { access: 'viewer', call: async (as, team) => as.tech.history({ projectId: team.project.id, id: await ownerTechItem(team) }) },
  'tech.markReviewed': { access: 'editor', call: (as, team) => as.tech.markReviewed({ projectId: team.project.id }) },
  'tech.importManifest': {
    access: 'editor',
    call: (as, team) => as.tech.importManifest({ projectId: team.project.id, fileName: 'package.json', content: JSON.stringify({ dependencies: { [`pkg-${uniqueSuffix()}`]: '1.0.0' } }) }),
  },
  'tech.checkVersions': { access: 'editor', call: (as, team) => as.tech.checkVersions({ projectId: team.project.id }) },
  'tech.radar': { access: 'viewer', call: (as, team) => as.tech.radar({ workspaceId: team.project.workspaceId }) },
  'tech.denyList': { access: 'viewer', call: (as, team) => as.tech.denyList({ workspaceId: team.project.workspaceId }) },
  'tech.setDenyList': { access: 'editor', call: (as, team) => as.tech.setDenyList({ workspaceId: team.project.workspaceId, licences: ['AGPL-3.0'] }) },
  'portfolio.get': { access: 'viewer', call: (as, team) => as.portfolio.get({ workspaceId: team.project.workspaceId }) },
  'insights.charts': { access: 'viewer', call: (as, team) => as.insights.charts({ projectId: team.project.id }) },
  // Delivery data and forecasts: viewers read the series and forecasts, editors import.
  'delivery.preview': { access: 'editor', call: (as, team) => as.delivery.preview({ projectId: team.project.id, csv: 'key,created,resolved\nA-1,2026-11-02,\n' }) },
  'delivery.importCsv': {
    access: 'editor',
    call: (as, team) =>
      as.delivery.importCsv({ projectId: team.project.id, csv: `key,created,resolved\nA-${uniqueSuffix()},2026-11-02,2026-11-04\n`, mapping: { key: 'key', created: 'created', resolved: 'resolved' } }),
  },
  'delivery.list': { access: 'viewer', call: (as, team) => as.delivery.list({ projectId: team.project.id }) },
  'delivery.summary': { access: 'viewer', call: (as, team) => as.delivery.summary({ projectId: team.project.id }) },
  // No history in the table's project: members get the reason (PRECONDITION_FAILED), not a refusal of access.
  'forecast.whenDone': { access: 'viewer', call: (as, team) => answeredOrUnforecastable(as.forecast.whenDone({ projectId: team.project.id, remaining: 10 })) },
  'forecast.howMany': { access: 'viewer', call: (as, team) => answeredOrUnforecastable(as.forecast.howMany({ projectId: team.project.id, by: '2027-06-01' })) },
  'forecast.milestones': { access: 'viewer', call: (as, team) => as.forecast.milestones({ projectId: team.project.id }) },
  'project.setViewersMayComment': { access: 'owner', call: (as, team) => as.project.setViewersMayComment({ projectId: team.project.id, allowed: false }) },
  // Comments on the table's milestone. Viewers may not comment while the project does not allow it (the default).
  'comment.add': { access: 'editor', call: async (as, team) => as.comment.add({ projectId: team.project.id, target: await milestoneTarget(team), body: 'Looks late' }) },
  'comment.list': { access: 'viewer', call: async (as, team) => as.comment.list({ projectId: team.project.id, target: await milestoneTarget(team) }) },
  // Your own comment when you may write one; otherwise the editor's (which is not yours either way).
  'comment.edit': {
    access: 'editor',
    call: async (as, team) => as.comment.edit({ projectId: team.project.id, commentId: await ownOrEditorsComment(as, team), body: 'Looks later' }),
  },
  'comment.remove': {
    access: 'editor',
    call: async (as, team) => as.comment.remove({ projectId: team.project.id, commentId: await ownOrEditorsComment(as, team) }),
  },
  'inbox.list': { access: 'signedIn', call: (as) => as.inbox.list({ unreadOnly: true }) },
  'inbox.markRead': { access: 'signedIn', call: (as) => as.inbox.markRead({ ids: [globalThis.crypto.randomUUID()] }) },
  'inbox.markAllRead': { access: 'signedIn', call: (as) => as.inbox.markAllRead() },
  'search.query': { access: 'signedIn', call: (as) => as.search.query({ q: 'launch' }) },
  'staffing.addNeed': { access: 'editor', call: (as, team) => as.staffing.addNeed({ projectId: team.project.id, skill: 'Backend', count: 1, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' }) },
  'staffing.removeNeed': {
    access: 'editor',
    call: async (as, team) => {
      const owner = await team.as('owner');
      const need = await owner.staffing.addNeed({ projectId: team.project.id, skill: 'Backend', count: 1, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' });
      return as.staffing.removeNeed({ needId: need.id });
    },
  },
  'staffing.forProject': { access: 'viewer', call: (as, team) => as.staffing.forProject({ projectId: team.project.id }) },
  'staffing.forWorkspace': { access: 'viewer', call: (as, team) => as.staffing.forWorkspace({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }) },
  'scenario.create': { access: 'editor', call: (as, team) => as.scenario.create({ workspaceId: team.project.workspaceId, name: `What if ${uniqueSuffix()}` }) },
  'scenario.list': { access: 'viewer', call: (as, team) => as.scenario.list({ workspaceId: team.project.workspaceId }) },
  'scenario.discard': { access: 'editor', call: async (as, team) => as.scenario.discard({ scenarioId: await ownerScenario(team) }) },
  'scenario.addChange': {
    access: 'editor',
    call: async (as, team) => as.scenario.addChange({ scenarioId: await ownerScenario(team), change: { kind: 'remove', allocationId: await ownerAllocation(team) } }),
  },
  'scenario.removeChange': {
    access: 'editor',
    call: async (as, team) => {
      const scenarioId = await ownerScenario(team);
      await (await team.as('owner')).scenario.addChange({ scenarioId, change: { kind: 'remove', allocationId: await ownerAllocation(team) } });
      return as.scenario.removeChange({ scenarioId, index: 0 });
    },
  },
  'scenario.compare': { access: 'viewer', call: async (as, team) => as.scenario.compare({ scenarioId: await ownerScenario(team), from: '2027-02-01', weeks: 4 }) },
  'scenario.applyChanges': {
    access: 'editor',
    call: async (as, team) => {
      const scenarioId = await ownerScenario(team);
      await (await team.as('owner')).scenario.addChange({ scenarioId, change: { kind: 'remove', allocationId: await ownerAllocation(team) } });
      return as.scenario.applyChanges({ scenarioId });
    },
  },
  // Standards: workspace checklists follow the resources rule; milestone checks the project's roles.
  'standards.listChecklists': { access: 'viewer', call: (as, team) => as.standards.listChecklists({ workspaceId: team.project.workspaceId }) },
  'standards.saveChecklist': {
    access: 'editor',
    call: (as, team) => as.standards.saveChecklist({ workspaceId: team.project.workspaceId, name: `Checklist ${uniqueSuffix()}`, checks: [{ title: 'Security review' }] }),
  },
  'standards.removeChecklist': {
    access: 'editor',
    call: async (as, team) => as.standards.removeChecklist({ workspaceId: team.project.workspaceId, checklistId: await ownerChecklist(team) }),
  },
  'standards.addStandardSet': { access: 'editor', call: (as, team) => as.standards.addStandardSet({ workspaceId: team.project.workspaceId }) },
  'standards.forProject': { access: 'viewer', call: (as, team) => as.standards.forProject({ projectId: team.project.id }) },
  'standards.applyToMilestone': {
    access: 'editor',
    call: async (as, team) => as.standards.applyToMilestone({ projectId: team.project.id, milestoneId: await ownerMilestone(team), checklistId: await ownerChecklist(team) }),
  },
  'standards.unapply': {
    access: 'editor',
    call: async (as, team) => {
      const applied = { projectId: team.project.id, milestoneId: await ownerMilestone(team), checklistId: await ownerChecklist(team) };
      await (await team.as('owner')).standards.applyToMilestone(applied);
      return as.standards.unapply(applied);
    },
  },
  'standards.updateCheck': {
    access: 'editor',
    call: async (as, team) => {
      const check = await ownerMilestoneCheck(team);
      return as.standards.updateCheck({ projectId: team.project.id, checkId: check.id, state: 'passed', version: check.version });
    },
  },
};

/** A checklist of the project's workspace made by the owner. */
async function ownerChecklist(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.standards.saveChecklist({ workspaceId: team.project.workspaceId, name: `Checklist ${uniqueSuffix()}`, checks: [{ title: 'Load test passed' }] });
  return id;
}

async function milestoneTarget(team: Team) {
  return { kind: 'planItem' as const, id: await ownerMilestone(team) };
}

async function ownOrEditorsComment(as: Caller, team: Team): Promise<string> {
  const add = async (by: Caller) => (await by.comment.add({ projectId: team.project.id, target: await milestoneTarget(team), body: 'A comment' })).id;
  return add(as).catch(async () => add(await team.as('editor')));
}

/** A milestone of the project's plan, added once. */
let tableMilestone: string | undefined;
async function ownerMilestone(team: Team): Promise<string> {
  tableMilestone ??= (await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Access launch', start: '2027-03-01', end: '2027-03-01' }]))[0]!;
  return tableMilestone;
}

/** A check at the milestone, with its current version, from a checklist the owner applied. */
async function ownerMilestoneCheck(team: Team) {
  const owner = await team.as('owner');
  const checklistId = await ownerChecklist(team);
  const milestoneId = await ownerMilestone(team);
  await owner.standards.applyToMilestone({ projectId: team.project.id, milestoneId, checklistId });
  const standards = await owner.standards.forProject({ projectId: team.project.id });
  return standards.milestones.find((m) => m.milestoneId === milestoneId)!.checklists.find((c) => c.checklistId === checklistId)!.checks[0]!;
}

/** A person of the project's workspace added by the owner, for calls that act on one. */
async function ownerPerson(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.people.add({ workspaceId: team.project.workspaceId, name: `Person ${uniqueSuffix()}`, weeklyHours: 40 });
  return id;
}

/** A tech item the owner added to the project. */
async function ownerTechItem(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.tech.upsert({ projectId: team.project.id, name: `Item ${uniqueSuffix()}`, kind: 'service' });
  return id;
}

/**
 * A forecast's answer, or the reason a member is given when the project has no history yet (the
 * access rows run in any order, so the import row may not have run): either way access was granted.
 */
async function answeredOrUnforecastable(call: Promise<unknown>): Promise<unknown> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'PRECONDITION_FAILED') return error.message;
    throw error;
  }
}

/** An allocation made by the owner on the project. */
async function ownerAllocation(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.allocation.upsert({ personId: await ownerPerson(team), projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 20 });
  return id;
}

/** A what-if scenario drafted by the owner. */
async function ownerScenario(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.scenario.create({ workspaceId: team.project.workspaceId, name: `What if ${uniqueSuffix()}` });
  return id;
}

/** A meeting made by the owner, for calls that act on one. */
async function ownerMeeting(team: Team): Promise<string> {
  const owner = await team.as('owner');
  const { id } = await owner.meeting.create({ projectId: team.project.id, title: `Sync ${uniqueSuffix()}`, startsAt: new Date('2027-03-01T09:00:00Z') });
  return id;
}

function content(summary = `Summary ${uniqueSuffix()}`) {
  return { health: 'at_risk' as const, healthReason: 'Vendor is late', summary, highlights: '', lowlights: '', asks: '', nextSteps: '' };
}

/** A draft made by the owner, for calls that act on one. */
async function ownerDraft(team: Team) {
  const owner = await team.as('owner');
  return owner.status.createDraft({ projectId: team.project.id });
}

async function publishedUpdate(team: Team) {
  const owner = await team.as('owner');
  const draft = await ownerDraft(team);
  return owner.status.publish({ projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision });
}

type Outcome = 'ok' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN';

const rank: Record<ProjectRole, number> = { viewer: 0, editor: 1, owner: 2 };

/** The rule: sign in first; strangers are not told a project exists; members need the role. */
function expectedOutcome(rule: Access, persona: Persona): Outcome {
  if (rule === 'public') return 'ok';
  if (persona === 'anonymous') return 'UNAUTHORIZED';
  if (rule === 'signedIn') return 'ok';
  if (persona === 'stranger') return 'NOT_FOUND';
  return rank[persona] >= rank[rule] ? 'ok' : 'FORBIDDEN';
}

const article = (persona: Persona) => (persona === 'anonymous' || persona === 'editor' || persona === 'owner' ? 'an' : 'a');
const who = (persona: Persona) => `${article(persona)} ${persona === 'anonymous' ? 'anonymous caller' : persona}`;

const procedures = Object.keys(appRouter._def.procedures);

describe('access matrix', () => {
  let team: Team;
  const callers = {} as Record<Persona, Caller>;

  beforeAll(async () => {
    team = await projectWithTeam(deps, 'Access');
    for (const persona of personas) callers[persona] = await team.as(persona);
  });

  it('has a row for every procedure of the app router, and none for procedures that do not exist', () => {
    expect(Object.keys(access).sort()).toEqual([...procedures].sort());
  });

  for (const path of procedures) {
    const row = access[path];
    if (!row) {
      it(`${path}: has a row in the access table`, () => {
        expect.fail(`add a row for ${path} to the access table in tests/routers/access.test.ts`);
      });
      continue;
    }
    describe(path, () => {
      for (const persona of personas) {
        const outcome = expectedOutcome(row.access, persona);
        const name = outcome === 'ok' ? `${who(persona)} may call it` : `${who(persona)} is refused with ${outcome}`;
        it(`${path}: ${name}`, async () => {
          const call = row.call(callers[persona], team);
          if (outcome === 'ok') await expect(call).resolves.toBeDefined();
          else await rejection(call, outcome);
        });
      }
    });
  }

  it('raid.importCsv: refused imports by a viewer and a stranger change nothing', async () => {
    await deps.live.flushProjections();
    const before = await callers.owner.raid.list({ projectId: team.project.id });
    const csv = 'id,title\nR-refused,Should not appear\n';
    await rejection(callers.viewer.raid.importCsv({ projectId: team.project.id, csv }), 'FORBIDDEN');
    await rejection(callers.stranger.raid.importCsv({ projectId: team.project.id, csv }), 'NOT_FOUND');
    await deps.live.flushProjections();
    expect(await callers.owner.raid.list({ projectId: team.project.id })).toEqual(before);
  });

  it('status: refused writes by viewers and strangers change nothing', async () => {
    const projectId = team.project.id;
    const draft = await ownerDraft(team);
    const before = await callers.owner.status.list({ projectId });
    const settingsBefore = await callers.owner.status.settings({ projectId });
    await rejection(callers.viewer.status.publish({ projectId, updateId: draft.id, content: content(), baseRevision: draft.revision }), 'FORBIDDEN');
    await rejection(callers.viewer.status.saveDraft({ projectId, updateId: draft.id, content: content(), baseRevision: draft.revision }), 'FORBIDDEN');
    await rejection(callers.stranger.status.publish({ projectId, updateId: draft.id, content: content(), baseRevision: draft.revision }), 'NOT_FOUND');
    await rejection(callers.editor.status.setPublicPage({ projectId, enabled: false }), 'FORBIDDEN');
    await rejection(callers.viewer.status.setCadence({ projectId, cadence: null }), 'FORBIDDEN');
    expect(await callers.owner.status.list({ projectId })).toEqual(before);
    expect(await callers.owner.status.settings({ projectId })).toEqual(settingsBefore);
  });

  it('status: viewers never see drafts', async () => {
    const draft = await ownerDraft(team);
    expect((await callers.viewer.status.list({ projectId: team.project.id })).drafts).toEqual([]);
    await rejection(callers.viewer.status.get({ projectId: team.project.id, updateId: draft.id }), 'NOT_FOUND');
    await rejection(callers.viewer.status.versions({ projectId: team.project.id, updateId: draft.id }), 'NOT_FOUND');
    // Writers do see them.
    expect(await callers.editor.status.get({ projectId: team.project.id, updateId: draft.id })).toMatchObject({ id: draft.id });
    expect(await callers.editor.status.versions({ projectId: team.project.id, updateId: draft.id })).toEqual([]);
  });

  it('plan: refused baselines and feed rotations change nothing', async () => {
    const projectId = team.project.id;
    await deps.live.flushProjections();
    const before = await callers.owner.plan.get({ projectId });
    const feed = await callers.owner.plan.calendarFeed({ projectId });
    await rejection(callers.viewer.plan.saveBaseline({ projectId, name: 'Sneaky' }), 'FORBIDDEN');
    await rejection(callers.stranger.plan.saveBaseline({ projectId, name: 'Sneaky' }), 'NOT_FOUND');
    await rejection(callers.editor.plan.rotateCalendarToken({ projectId }), 'FORBIDDEN');
    await rejection(callers.editor.plan.calendarFeed({ projectId }), 'FORBIDDEN');
    await deps.live.flushProjections();
    expect(await callers.owner.plan.get({ projectId })).toEqual(before);
    expect((await callers.owner.plan.calendarFeed({ projectId })).path).toBe(feed.path);
  });

  it('comments: refused writes by viewers, strangers and other members change nothing', async () => {
    const projectId = team.project.id;
    const target = await milestoneTarget(team);
    const { id } = await callers.editor.comment.add({ projectId, target, body: "The editor's words" });
    const before = await callers.owner.comment.list({ projectId, target });
    await rejection(callers.viewer.comment.add({ projectId, target, body: 'Not allowed yet' }), 'FORBIDDEN');
    await rejection(callers.stranger.comment.add({ projectId, target, body: 'Not a member' }), 'NOT_FOUND');
    await rejection(callers.owner.comment.edit({ projectId, commentId: id, body: 'Not mine' }), 'FORBIDDEN');
    await rejection(callers.owner.comment.remove({ projectId, commentId: id }), 'FORBIDDEN');
    await rejection(callers.stranger.comment.remove({ projectId, commentId: id }), 'NOT_FOUND');
    await rejection(callers.editor.project.setViewersMayComment({ projectId, allowed: true }), 'FORBIDDEN');
    expect(await callers.owner.comment.list({ projectId, target })).toEqual(before);
    expect((await callers.owner.project.get({ projectId })).viewersMayComment).toBe(false);
  });

  it('project: refused renames and member changes change nothing', async () => {
    const before = await callers.owner.project.get({ projectId: team.project.id });
    const projectId = team.project.id;
    await rejection(callers.editor.project.rename({ projectId, name: 'Taken over' }), 'FORBIDDEN');
    await rejection(callers.editor.project.setRole({ projectId, userId: team.users.editor.id, role: 'owner' }), 'FORBIDDEN');
    await rejection(callers.editor.project.removeMember({ projectId, userId: team.users.viewer.id }), 'FORBIDDEN');
    await rejection(callers.stranger.project.addMember({ projectId, email: team.users.stranger.email, role: 'viewer' }), 'NOT_FOUND');
    expect(await callers.owner.project.get({ projectId })).toEqual(before);
  });
});
