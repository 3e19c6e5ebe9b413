// The demo project's meetings, so a new user sees meeting boards at work: the weekly sync two weeks
// and one week ago (ended: agenda with presenters and time boxes, notes, decisions linked to the
// risks and milestones they settle, actions, one of them overdue, and a walk of the top risks),
// the steering committee in between, and the next sync (tomorrow, a week after the last), open,
// its agenda prefilled with the actions still open. The boards are written with the meeting
// document's helpers, like any edit.
import { addDays, addMinutes, formatISO } from 'date-fns';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { Database } from './index';
import { meeting, type MeetingAttendee } from './schema';
import {
  endMeeting,
  insertAction,
  insertAgendaItem,
  insertDecision,
  markRiskReviewed,
  meetingMap,
  readActions,
  setActionDone,
  writeMeta,
} from '@/server/collab/boards/meetingDocument';
import { seriesDefaults, type MeetingSeries } from '@/server/domain/meeting';
import { carryOverOpenActions } from '@/server/domain/meetingSeries';
import type { LiveBoards } from '@/server/collab/liveBoards';
import type { DemoPlan } from './seedDemoPlan';

type Who = 'owner' | 'editor' | 'viewer';
/** The RAID items the meetings discuss (db/seed.ts gives these keys to its items). */
export type DemoRaidKey = 'sunset' | 'migrationWindow' | 'staging' | 'partnerSso' | 'reconciliation';

export interface DemoMeetingsInput {
  projectId: string;
  ids: Record<Who, string>;
  names: Record<Who, string>;
  raid: Record<DemoRaidKey, string>;
  plan: DemoPlan;
  today: Date;
}

/** A meeting of the demo: its row, and its board as the document the seed builds. */
export interface DemoMeeting {
  id: string;
  series: MeetingSeries;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  attendees: MeetingAttendee[];
  createdAt: Date;
  board: Y.Doc;
}

/** ProseMirror JSON in the notes' schema (server/collab/boards/meetingNotes.ts). */
const notes = {
  doc: (...content: JSONContent[]): JSONContent => ({ type: 'doc', content }),
  heading: (level: 2 | 3, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] }),
  paragraph: (...content: (JSONContent | string)[]): JSONContent => ({ type: 'paragraph', content: content.map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c)) }),
  link: (text: string, href: string): JSONContent => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }),
  mention: (id: string, label: string): JSONContent => ({ type: 'mention', attrs: { id, label } }),
  bullets: (...items: (JSONContent | string)[][]): JSONContent => ({
    type: 'bulletList',
    content: items.map((item) => ({ type: 'listItem', content: [notes.paragraph(...item)] })),
  }),
  tasks: (...items: [checked: boolean, ...(JSONContent | string)[]][]): JSONContent => ({
    type: 'taskList',
    content: items.map(([checked, ...item]) => ({ type: 'taskItem', attrs: { checked }, content: [notes.paragraph(...item)] })),
  }),
};

/**
 * Builds the demo's meeting boards in memory (seedDemoMeetings stores them). Dates are relative to
 * `today`; one action of the last sync is past its due date and still open.
 */
async function buildDemoMeetings(input: DemoMeetingsInput): Promise<DemoMeeting[]> {
  // Tiptap is loaded only when there is a demo to seed, not at every start.
  const { writeMeetingNotes } = await import('@/server/collab/boards/meetingNotes');
  const { ids, names, raid, plan, today, projectId } = input;
  const day = (offset: number) => formatISO(addDays(today, offset), { representation: 'date' });
  /** A time on the day `offset` days from today, in UTC. */
  const at = (offset: number, hours: number, minutes = 0) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset, hours, minutes));
  const person = (who: Who) => notes.mention(ids[who], names[who]);
  const risks = `/p/${projectId}/risks`;
  const planPage = `/p/${projectId}/plan`;
  const updates = `/p/${projectId}/updates`;
  const member = (who: Who): MeetingAttendee => ({ userId: ids[who], name: names[who] });
  const paymentsLeads: MeetingAttendee = { stakeholderId: plan.stakeholders.payments, name: 'Payments leadership' };
  const supportLeads: MeetingAttendee = { stakeholderId: plan.stakeholders.support, name: 'Customer support leads' };

  const meetings: DemoMeeting[] = [];
  /** `createdAt`: by default a week ahead; a meeting that carries actions is made once the one before has ended. */
  function newMeeting(series: MeetingSeries, title: string, startsAt: Date, attendees: MeetingAttendee[], createdAt = addDays(startsAt, -7)): { board: Y.Doc; during: (minutes: number) => Date } {
    const board = new Y.Doc();
    const durationMinutes = seriesDefaults[series].durationMinutes;
    meetings.push({ id: globalThis.crypto.randomUUID(), series, title, startsAt, durationMinutes, attendees, createdAt, board });
    writeMeta(board, { facilitatorId: ids.owner });
    return { board, during: (minutes) => addMinutes(startsAt, minutes) };
  }
  /** Entries get the time they were written in the meeting, not the seed's. */
  function writtenAt(board: Y.Doc, map: 'agenda' | 'decisions' | 'actions', id: string, when: Date): string {
    (meetingMap(board, map).get(id) as Y.Map<unknown>).set('createdAt', when.toISOString());
    return id;
  }

  /**
   * The agenda item a new meeting of a series starts with: the previous meeting's actions still
   * open when it is made, by the rule meeting.create applies (server/domain/meetingSeries.ts).
   */
  function carryOpenActions(previous: Y.Doc, next: Y.Doc, when: Date): void {
    const actions = readActions(previous).map((action) => ({ id: action.id, status: action.fields.status }));
    for (const item of carryOverOpenActions(actions)) {
      writtenAt(next, 'agenda', insertAgendaItem(next, { ...item, presenterId: ids.owner, timeBoxMinutes: 5 }, ids.owner), when);
    }
  }

  // Weekly sync, two weeks ago: the provider's new date and the plan to move payments first.
  const first = newMeeting('weekly-sync', 'Atlas weekly sync', at(-13, 15), [member('owner'), member('editor'), paymentsLeads]);
  const firstActions: Record<'sendPlan' | 'dualWrite' | 'splitBatch', string> = { sendPlan: '', dualWrite: '', splitBatch: '' };
  {
    const { board, during } = first;
    const before = addDays(during(0), -1);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Payment provider: the confirmed sunset date', presenterId: ids.owner, timeBoxMinutes: 10, link: { kind: 'raid', id: raid.sunset } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Dual-write to API v3 in staging', presenterId: ids.editor, timeBoxMinutes: 10, link: { kind: 'workstream', id: plan.refunds } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Rehearsal on a production-size copy', presenterId: ids.editor, timeBoxMinutes: 10, link: { kind: 'milestone', id: plan.rehearsal } }, ids.editor), before);
    writeMeetingNotes(
      board,
      notes.doc(
        notes.heading(2, 'Payment provider'),
        notes.paragraph('The provider confirmed 1 March in writing after the escalation call. ', person('owner'), ' shared the email; it is linked from the ', notes.link('risk board', risks), '.'),
        notes.bullets(['Refunds and payouts still call API v2'], ['v3 changes the webhook signatures: both must be accepted during the switch'], ['Payments leadership prefers no big-bang switch']),
        notes.heading(2, 'Dual-write'),
        notes.paragraph(person('editor'), ' has dual-write behind a flag in staging; no mismatches in two days of synthetic refunds.'),
        notes.heading(2, 'Rehearsal'),
        notes.paragraph('The 60% rehearsal took 3h10 of the 4-hour window and left out the largest tenants (see the ', notes.link('roadmap', planPage), ').'),
        notes.tasks([true, 'Rollback script reviewed'], [false, 'Largest tenants split into their own batch'], [false, 'Production-size copy booked']),
      ),
    );
    writtenAt(board, 'decisions', insertDecision(board, { text: 'Move refunds and payouts to API v3 with dual-write behind a flag, tenant by tenant; no big-bang switch.', decidedBy: `${names.owner} with Payments leadership`, decidedOn: day(-13), links: [{ kind: 'raid', id: raid.sunset }, { kind: 'milestone', id: plan.paymentsOnV3 }] }, ids.owner), during(14));
    writtenAt(board, 'decisions', insertDecision(board, { text: 'Rehearse the largest tenants in a batch of their own, on a production-size copy.', decidedBy: names.editor, decidedOn: day(-13), links: [{ kind: 'raid', id: raid.migrationWindow }, { kind: 'milestone', id: plan.rehearsal }] }, ids.editor), during(27));
    firstActions.sendPlan = writtenAt(board, 'actions', insertAction(board, { title: 'Send the provider our v3 cut-over plan', ownerId: ids.owner, due: day(-11), link: { kind: 'raid', id: raid.sunset } }, ids.owner), during(9));
    firstActions.dualWrite = writtenAt(board, 'actions', insertAction(board, { title: 'Turn on dual-write for 5% of refunds', ownerId: ids.editor, due: day(-8), link: { kind: 'workstream', id: plan.refunds } }, ids.owner), during(18));
    firstActions.splitBatch = writtenAt(board, 'actions', insertAction(board, { title: 'Split the largest tenants into their own rehearsal batch', ownerId: ids.editor, due: day(-7), link: { kind: 'milestone', id: plan.rehearsal } }, ids.editor), during(28));
    endMeeting(board, during(31));
  }
  setActionDone(first.board, firstActions.sendPlan, true, ids.owner, at(-12, 10));

  // Steering committee, between the syncs: the sponsor holds the date and funds staging.
  const steering = newMeeting('steering-committee', 'Atlas steering committee', at(-9, 16), [member('viewer'), member('owner'), paymentsLeads, supportLeads]);
  {
    const { board, during } = steering;
    const before = addDays(during(0), -2);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Programme health and the tenants goal', presenterId: ids.owner, timeBoxMinutes: 15, link: { kind: 'goal', id: plan.goals.tenants } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'API v2 sunset: options and cost', presenterId: ids.owner, timeBoxMinutes: 20, link: { kind: 'raid', id: raid.sunset } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Staging capacity for load tests', presenterId: ids.owner, timeBoxMinutes: 15, link: { kind: 'raid', id: raid.staging } }, ids.owner), before);
    writeMeetingNotes(
      board,
      notes.doc(
        notes.heading(2, 'Health'),
        notes.paragraph('At risk since the provider moved the sunset; 35% of tenants on Atlas. Weekly notes are in the ', notes.link('status updates', updates), '.'),
        notes.heading(2, 'Sunset options'),
        notes.bullets(['Ask the provider for an extension: refused on the escalation call'], ['Move payments first, then cut over: chosen']),
        notes.paragraph(person('viewer'), ' asked for the revised timeline to reach partner success this week.'),
      ),
    );
    writtenAt(board, 'decisions', insertDecision(board, { text: 'Hold the cut-over weekend; all payments move to API v3 before it.', decidedBy: 'Steering committee', decidedOn: day(-9), links: [{ kind: 'milestone', id: plan.cutOver }, { kind: 'milestone', id: plan.paymentsOnV3 }] }, ids.owner), during(35));
    writtenAt(board, 'decisions', insertDecision(board, { text: 'Fund a temporary staging node pool until the quota increase lands.', decidedBy: names.viewer, decidedOn: day(-9), links: [{ kind: 'raid', id: raid.staging }] }, ids.owner), during(50));
    const timeline = writtenAt(board, 'actions', insertAction(board, { title: 'Share the revised timeline with partner success', ownerId: ids.owner, due: day(-6), link: { kind: 'milestone', id: plan.cutOver } }, ids.owner), during(40));
    endMeeting(board, during(58));
    setActionDone(board, timeline, true, ids.owner, at(-7, 11));
  }
  setActionDone(first.board, firstActions.dualWrite, true, ids.editor, at(-8, 16));

  // Weekly sync, last week: made the day before (the tenant split still open, so carried), a walk
  // of the top risks, staging and SSO.
  const second = newMeeting('weekly-sync', 'Atlas weekly sync', at(-6, 15), [member('owner'), member('editor'), member('viewer'), paymentsLeads], at(-7, 9));
  let quotaApproval = '';
  {
    const { board, during } = second;
    const before = addDays(during(0), -1);
    carryOpenActions(first.board, board, before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Top risks, by score', presenterId: ids.owner, timeBoxMinutes: 10, link: { kind: 'raid', id: raid.sunset } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Staging capacity and the search load tests', presenterId: ids.editor, timeBoxMinutes: 10, link: { kind: 'raid', id: raid.staging } }, ids.editor), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Partner SSO with the identity team', presenterId: ids.owner, timeBoxMinutes: 5, link: { kind: 'workstream', id: plan.sso } }, ids.owner), before);
    setActionDone(first.board, firstActions.splitBatch, true, ids.editor, during(3));
    markRiskReviewed(board, raid.sunset, ids.owner, during(7));
    markRiskReviewed(board, raid.migrationWindow, ids.owner, during(10));
    markRiskReviewed(board, raid.reconciliation, ids.owner, during(13));
    writeMeetingNotes(
      board,
      notes.doc(
        notes.heading(2, 'Open actions'),
        notes.paragraph('The largest tenants have their own rehearsal batch. The production-size copy is not booked yet: infrastructure has a slot next week. ', person('editor'), ' books it.'),
        notes.heading(2, 'Top risks'),
        notes.bullets(
          [notes.link('API v2 sunset', risks), ': dual-write runs for 5% of refunds with no mismatches; stays critical until refunds are on v3'],
          ['Maintenance window: unchanged until the rehearsal on the full copy'],
          ['Reconciliation job: still one person; ', person('owner'), ' pairs with ', person('editor'), ' on it'],
        ),
        notes.heading(2, 'Staging'),
        notes.paragraph('Load tests of the new search service wait for two staging nodes. The node pool is funded; the quota request needs approval.'),
        notes.heading(3, 'Before next week'),
        notes.tasks([true, 'Node pool funded'], [false, 'Load tests run on the new pool'], [false, 'Identity team gives a date for partner SAML']),
      ),
    );
    writtenAt(board, 'decisions', insertDecision(board, { text: 'Keep the cut-over date; revisit if partner SSO slips past the identity team’s sprint 14.', decidedBy: names.owner, decidedOn: day(-6), links: [{ kind: 'raid', id: raid.partnerSso }, { kind: 'milestone', id: plan.cutOver }] }, ids.owner), during(29));
    writtenAt(board, 'actions', insertAction(board, { title: 'Book the production-size copy for the rehearsal', ownerId: ids.editor, due: day(-2), link: { kind: 'milestone', id: plan.rehearsal } }, ids.editor), during(4));
    quotaApproval = writtenAt(board, 'actions', insertAction(board, { title: 'Approve the quota increase for the staging cluster', ownerId: ids.viewer, due: day(-3), link: { kind: 'raid', id: raid.staging } }, ids.owner), during(20));
    writtenAt(board, 'actions', insertAction(board, { title: 'Run the search load tests on the new node pool', ownerId: ids.editor, due: day(4), link: { kind: 'raid', id: raid.staging } }, ids.editor), during(21));
    writtenAt(board, 'actions', insertAction(board, { title: 'Ask the identity team for a date for partner SAML support', ownerId: ids.owner, due: day(2), link: { kind: 'raid', id: raid.partnerSso } }, ids.owner), during(27));
    writtenAt(board, 'actions', insertAction(board, { title: 'Draft the reconciliation job runbook together', ownerId: ids.owner, due: day(8), link: { kind: 'raid', id: raid.reconciliation } }, ids.owner), during(28));
    endMeeting(board, during(30));
  }

  // Weekly sync, tomorrow (a week after the last): made right after it, so every action of last
  // week's sync is carried; since then the quota was approved and the copy is still not booked.
  const upcoming = newMeeting('weekly-sync', 'Atlas weekly sync', at(1, 15), [member('owner'), member('editor'), member('viewer'), paymentsLeads], at(-6, 16));
  {
    const { board } = upcoming;
    const before = at(-6, 16);
    carryOpenActions(second.board, board, before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Rehearsal readiness', presenterId: ids.editor, timeBoxMinutes: 10, link: { kind: 'milestone', id: plan.rehearsal } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Refunds on API v3: dual-write to 25%', presenterId: ids.owner, timeBoxMinutes: 10, link: { kind: 'workstream', id: plan.refunds } }, ids.owner), before);
    writtenAt(board, 'agenda', insertAgendaItem(board, { title: 'Goal check: checkout off API v2', presenterId: ids.owner, timeBoxMinutes: 5, link: { kind: 'goal', id: plan.goals.checkout } }, ids.owner), before);
  }
  setActionDone(second.board, quotaApproval, true, ids.viewer, at(-4, 9, 30));
  return meetings;
}

/**
 * Seeds the demo's meetings: their rows, then each board through its live document as one edit
 * (`meeting.import`), so the projection fills the action lists, the decision log and the reviews.
 */
export async function seedDemoMeetings(db: Database, live: LiveBoards, input: DemoMeetingsInput): Promise<DemoMeeting[]> {
  const meetings = await buildDemoMeetings(input);
  await db.insert(meeting).values(
    meetings.map((m) => ({
      id: m.id,
      projectId: input.projectId,
      title: m.title,
      series: m.series,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      attendees: m.attendees,
      createdBy: input.ids.owner,
      createdAt: m.createdAt,
    })),
  );
  for (const m of meetings) await live.apply('meeting', m.id, { type: 'meeting.import', update: Y.encodeStateAsUpdate(m.board) }, input.ids.owner);
  return meetings;
}
