// The plan's procedures against a real database and real live boards: what the projection shows
// after edits of the live document, baselines and slippage history with their authors, linked
// open risks, and the calendar feed token and file.
import ICAL from 'ical.js';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertRaidItem } from '@/server/collab/boards/riskDocument';
import {
  addDependency,
  charterMap,
  goalsMap,
  insertEntry,
  insertPlanItem,
  nonGoalsArray,
  scopeArray,
  setRaci,
  stakeholdersMap,
  updatePlanItem,
} from '@/server/collab/boards/planDocument';
import type { BoardKind } from '@/server/collab/liveBoards';
import { milestonesCalendar } from '@/server/domain/planCalendar';
import { milestoneSlippage } from '@/server/domain/plan';
import { createPeople, projectFor, useRouterDeps, type People, type RouterDeps } from './harness';

const deps = useRouterDeps();
let people: People;

beforeAll(async () => {
  people = await createPeople(deps);
});

/** Edits a live board as `actorId`, the way a connected client would, and waits for the projection. */
async function editBoard(d: RouterDeps, kind: BoardKind, projectId: string, actorId: string, edit: (doc: Y.Doc) => void) {
  const document = await d.live.open(kind, projectId);
  try {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
    const updates: Uint8Array[] = [];
    scratch.on('update', (u: Uint8Array) => updates.push(u));
    edit(scratch);
    if (updates.length) await document.submit(Y.mergeUpdates(updates), actorId);
  } finally {
    document.release();
  }
  await d.live.flushProjections();
}

describe('plan', () => {
  it('plan.get: shows the roadmap, charter, goal progress, stakeholder quadrants and RACI from the live document', async () => {
    const team = await projectFor(deps, people, 'Plan');
    const projectId = team.project.id;
    let launch = '';
    let build = '';
    let goal = '';
    let sponsor = '';
    await editBoard(deps, 'plan', projectId, people.editor.id, (doc) => {
      launch = insertPlanItem(doc, { kind: 'milestone', title: 'Public launch', end: '2026-09-01' }, people.editor.id);
      build = insertPlanItem(doc, { kind: 'workstream', title: 'Build checkout', start: '2026-06-01', end: '2026-08-15', milestoneId: launch }, people.editor.id);
      expect(addDependency(doc, build, launch, people.editor.id).ok).toBe(true);
      charterMap(doc).set('vision', 'Checkout anyone can finish in a minute.');
      scopeArray(doc).push(['Card payments']);
      goal = insertEntry(goalsMap(doc), { title: 'Conversion', metric: '% of carts paid', baseline: 40, target: 60, current: 45, dueDate: '2026-12-31' });
      sponsor = insertEntry(stakeholdersMap(doc), { name: 'Dana', organisation: 'Finance', memberId: null, influence: 5, interest: 2, channel: 'email', frequency: 'monthly' });
      setRaci(doc, launch, sponsor, 'A');
    });
    const plan = await (await team.as('viewer')).plan.get({ projectId });
    expect(plan.items.map((i) => [i.title, i.kind, i.start, i.end])).toEqual([
      ['Build checkout', 'workstream', '2026-06-01', '2026-08-15'],
      ['Public launch', 'milestone', '2026-09-01', '2026-09-01'],
    ]);
    expect(plan.dependencies).toEqual([expect.objectContaining({ fromId: build, toId: launch })]);
    expect(plan.charter).toEqual({ vision: 'Checkout anyone can finish in a minute.', scope: ['Card payments'], nonGoals: [] });
    expect(plan.goals).toEqual([expect.objectContaining({ id: goal, progress: 25 })]);
    expect(plan.stakeholders).toEqual([expect.objectContaining({ id: sponsor, quadrant: 'keep_satisfied' })]);
    expect(plan.raci).toEqual([{ subjectId: launch, stakeholderId: sponsor, role: 'A' }]);
  });

  it('plan.get: an empty charter reads as empty lists; non-goals are read back as written', async () => {
    const team = await projectFor(deps, people, 'Charter');
    const projectId = team.project.id;
    const viewer = await team.as('viewer');
    expect((await viewer.plan.get({ projectId })).charter).toEqual({ vision: '', scope: [], nonGoals: [] });
    await editBoard(deps, 'plan', projectId, people.editor.id, (doc) => {
      charterMap(doc).set('vision', 'One bill for every customer.');
      nonGoalsArray(doc).push(['Rewrite the ledger', 'New pricing']);
    });
    expect((await viewer.plan.get({ projectId })).charter).toEqual({ vision: 'One bill for every customer.', scope: [], nonGoals: ['Rewrite the ledger', 'New pricing'] });
  });

  it("plan.dateHistory: one item's changes with itemId, every item's without", async () => {
    const team = await projectFor(deps, people, 'History');
    const projectId = team.project.id;
    let alpha = '';
    let beta = '';
    await editBoard(deps, 'plan', projectId, people.owner.id, (doc) => {
      alpha = insertPlanItem(doc, { kind: 'milestone', title: 'Alpha', end: '2026-04-01' }, people.owner.id);
      beta = insertPlanItem(doc, { kind: 'milestone', title: 'Beta', end: '2026-06-01' }, people.owner.id);
    });
    const viewer = await team.as('viewer');
    expect((await viewer.plan.dateHistory({ projectId, itemId: alpha })).map((h) => h.itemId)).toEqual([alpha]);
    expect(new Set((await viewer.plan.dateHistory({ projectId })).map((h) => h.itemId))).toEqual(new Set([alpha, beta]));
  });

  it('plan.saveBaseline: freezes the dates; moving a milestone later shows as slippage with who moved it', async () => {
    const team = await projectFor(deps, people, 'Baseline');
    const projectId = team.project.id;
    let launch = '';
    await editBoard(deps, 'plan', projectId, people.owner.id, (doc) => {
      launch = insertPlanItem(doc, { kind: 'milestone', title: 'Beta', end: '2026-05-01' }, people.owner.id);
    });
    const saved = await (await team.as('editor')).plan.saveBaseline({ projectId, name: 'Kick-off' });
    expect(saved.itemCount).toBe(1);
    await editBoard(deps, 'plan', projectId, people.editor.id, (doc) => updatePlanItem(doc, launch, { start: '2026-05-11', end: '2026-05-11' }));

    const viewer = await team.as('viewer');
    const plan = await viewer.plan.get({ projectId });
    expect(plan.baselines).toEqual([expect.objectContaining({ id: saved.baselineId, name: 'Kick-off', savedBy: people.editor.id })]);
    expect(plan.baselines[0]!.dates[launch]).toEqual({ start: '2026-05-01', end: '2026-05-01' });
    expect(milestoneSlippage(plan.items, plan.baselines[0]!.dates).get(launch)).toBe(10);

    const history = await viewer.plan.dateHistory({ projectId, itemId: launch });
    expect(history.map((h) => [h.field, h.from, h.to, h.actorName])).toEqual([
      ['end', '2026-05-01', '2026-05-11', people.editor.name],
      ['start', '2026-05-01', '2026-05-11', people.editor.name],
      ['created', null, '2026-05-01', people.owner.name],
    ]);
  });

  it('plan.saveBaseline: a blank name is refused with a readable message', async () => {
    const team = await projectFor(deps, people, 'Blank');
    await expect((await team.as('owner')).plan.saveBaseline({ projectId: team.project.id, name: '  ' })).rejects.toThrow('name: name is required');
  });

  it('plan.get: shows open risks that threaten a plan item, not closed ones', async () => {
    const team = await projectFor(deps, people, 'Linked');
    const projectId = team.project.id;
    let launch = '';
    await editBoard(deps, 'plan', projectId, people.editor.id, (doc) => {
      launch = insertPlanItem(doc, { kind: 'milestone', title: 'GA', end: '2026-10-01' }, people.editor.id);
    });
    await editBoard(deps, 'risks', projectId, people.editor.id, (doc) => {
      insertRaidItem(doc, { title: 'Vendor late', likelihood: 4, impact: 5, threatens: [launch] }, people.editor.id);
      insertRaidItem(doc, { title: 'Old worry', status: 'closed', threatens: [launch] }, people.editor.id);
      insertRaidItem(doc, { title: 'Unrelated' }, people.editor.id);
    });
    const viewer = await team.as('viewer');
    const plan = await viewer.plan.get({ projectId });
    expect(plan.risks).toEqual([expect.objectContaining({ title: 'Vendor late', band: 'critical', threatens: [launch] })]);
    // plan.risks, which the open plan page reads again, follows the risk board.
    expect(await viewer.plan.risks({ projectId })).toEqual(plan.risks);
    await editBoard(deps, 'risks', projectId, people.editor.id, (doc) => {
      insertRaidItem(doc, { title: 'Capacity short', likelihood: 2, impact: 2, threatens: [launch] }, people.editor.id);
    });
    expect((await viewer.plan.risks({ projectId })).map((r) => r.title)).toEqual(['Vendor late', 'Capacity short']);
  });

  it('plan.rotateCalendarToken: gives a new secret address; the feed address stays until rotated', async () => {
    const team = await projectFor(deps, people, 'Calendar');
    const owner = await team.as('owner');
    const first = await owner.plan.calendarFeed({ projectId: team.project.id });
    expect(first.path).toMatch(new RegExp(`^/p/${team.project.id}/milestones\\.ics\\?token=[\\w-]{32}$`));
    expect((await owner.plan.calendarFeed({ projectId: team.project.id })).path).toBe(first.path);
    const rotated = await owner.plan.rotateCalendarToken({ projectId: team.project.id });
    expect(rotated.path).not.toBe(first.path);
    expect((await owner.plan.calendarFeed({ projectId: team.project.id })).path).toBe(rotated.path);
  });

  it('plan calendar: the ICS file parses and holds each milestone as an all-day event', () => {
    const ics = milestonesCalendar(
      'Apollo',
      '00000000-0000-4000-8000-000000000000',
      [
        { id: 'm1', kind: 'milestone', title: 'Public launch', description: 'Go live', ownerId: null, status: 'planned', start: '2026-09-01', end: '2026-09-01', progress: 0, milestoneId: null },
        { id: 'w1', kind: 'workstream', title: 'Build', description: '', ownerId: null, status: 'planned', start: '2026-06-01', end: '2026-08-01', progress: 0, milestoneId: null },
      ],
      'https://waymark.test',
    );
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([['Public launch', '2026-09-01', true]]);
    expect(events[0]!.uid).toBe('m1@waymark-plan-00000000-0000-4000-8000-000000000000');
    // Each event opens its own milestone on the plan (docs/api.md, "Links to items").
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('url')).toBe('https://waymark.test/p/00000000-0000-4000-8000-000000000000/plan?item=m1');
  });
});
