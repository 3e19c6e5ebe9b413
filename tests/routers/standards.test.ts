// standards.*: the workspace's checklists (who manages them, the standard set, edits that keep or
// drop checks), checklists applied to milestones, a check's state with owner, evidence and waiver,
// readiness read back per milestone, the stale-version conflict, and bad input writing nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readOnlyStandardsMessage } from '@/server/routers/standards';
import { waiveNeedsReason } from '@/server/domain/standards';
import { addPlanItems, deletePlanItems } from '../status/support';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
type Caller = Awaited<ReturnType<Team['as']>>;

let people: People;
let team: Team;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let stranger: Caller;
let workspaceId: string;
let projectId: string;
let launchId: string;
let betaId: string;

beforeAll(async () => {
  people = await createPeople(deps);
  team = await projectFor(deps, people, 'Standards');
  [owner, editor, viewer, stranger] = await Promise.all([team.as('owner'), team.as('editor'), team.as('viewer'), team.as('stranger')]);
  workspaceId = team.project.workspaceId;
  projectId = team.project.id;
  [betaId, launchId] = await addPlanItems(deps, team, [
    { kind: 'milestone', title: 'Beta launch', start: '2027-03-01', end: '2027-03-01' },
    { kind: 'milestone', title: 'General availability', start: '2027-05-01', end: '2027-05-01' },
    { kind: 'workstream', title: 'Build the API', start: '2027-01-04', end: '2027-02-26' },
  ]) as [string, string];
}, 60_000);

/** A fresh checklist of two checks, made by the owner. */
async function twoCheckList(name = `Checks ${uniqueSuffix()}`) {
  const saved = await owner.standards.saveChecklist({
    workspaceId,
    name,
    checks: [
      { title: 'Load test passed', description: 'At the expected peak', appliesTo: 'Services' },
      { title: 'Runbook written' },
    ],
  });
  const list = (await owner.standards.listChecklists({ workspaceId })).checklists.find((c) => c.id === saved.id)!;
  return { ...saved, list };
}

async function milestoneOf(milestoneId: string, as: Caller = owner) {
  return (await as.standards.forProject({ projectId })).milestones.find((m) => m.milestoneId === milestoneId)!;
}

describe('workspace checklists', () => {
  it('standards: the owner adds the standard set once; adding it again adds nothing; a viewer reads it', async () => {
    const first = await owner.standards.addStandardSet({ workspaceId });
    expect(first.added).toEqual(['Security and privacy', 'Launch readiness']);
    expect((await owner.standards.addStandardSet({ workspaceId })).added).toEqual([]);
    const read = await viewer.standards.listChecklists({ workspaceId });
    expect(read.canEdit).toBe(false);
    const launch = read.checklists.find((c) => c.name === 'Launch readiness')!;
    expect(launch.checks.map((c) => c.title)).toEqual(['Performance budget met', 'Accessibility audit', 'Runbook written', 'Load test passed']);
    expect(read.checklists.find((c) => c.name === 'Security and privacy')!.checks.map((c) => c.title)).toEqual(['Security review', 'Data protection review']);
  });

  it('standards: an editor of a project manages checklists; a viewer and a stranger cannot, and write nothing', async () => {
    const name = `Release ${uniqueSuffix()}`;
    const { id } = await editor.standards.saveChecklist({ workspaceId, name: `  ${name}  `, checks: [{ title: ' Smoke test ' }] });
    expect((await editor.standards.listChecklists({ workspaceId })).canEdit).toBe(true);
    const before = await owner.standards.listChecklists({ workspaceId });
    expect(before.checklists.find((c) => c.id === id)).toMatchObject({ name, checks: [{ title: 'Smoke test', description: '', appliesTo: '' }], version: 1 });
    const refused = await rejection(viewer.standards.saveChecklist({ workspaceId, name: 'Sneaky', checks: [{ title: 'x' }] }), 'FORBIDDEN');
    expect(refused.message).toBe(readOnlyStandardsMessage);
    await rejection(viewer.standards.removeChecklist({ workspaceId, checklistId: id }), 'FORBIDDEN');
    await rejection(viewer.standards.addStandardSet({ workspaceId }), 'FORBIDDEN');
    await rejection(stranger.standards.listChecklists({ workspaceId }), 'NOT_FOUND');
    await rejection(stranger.standards.saveChecklist({ workspaceId, name: 'Sneaky', checks: [{ title: 'x' }] }), 'NOT_FOUND');
    await rejection(stranger.standards.removeChecklist({ workspaceId, checklistId: id }), 'NOT_FOUND');
    expect(await owner.standards.listChecklists({ workspaceId })).toEqual(before);
  });

  it('standards: bad checklists are refused with a clear message and write nothing', async () => {
    const before = await owner.standards.listChecklists({ workspaceId });
    const taken = before.checklists[0]!.name;
    expect((await rejection(owner.standards.saveChecklist({ workspaceId, name: taken.toUpperCase(), checks: [{ title: 'x' }] }), 'CONFLICT')).message).toContain('already has a checklist');
    expect((await rejection(owner.standards.saveChecklist({ workspaceId, name: '   ', checks: [{ title: 'x' }] }), 'BAD_REQUEST')).message).toContain('name: is required');
    expect((await rejection(owner.standards.saveChecklist({ workspaceId, name: 'No checks', checks: [] }), 'BAD_REQUEST')).message).toContain('at least one check');
    expect((await rejection(owner.standards.saveChecklist({ workspaceId, name: 'Twice', checks: [{ title: 'Same' }, { title: 'same' }] }), 'BAD_REQUEST')).message).toContain('two checks are called');
    await rejection(owner.standards.saveChecklist({ workspaceId, name: 'Long', checks: [{ title: 'x'.repeat(201) }] }), 'BAD_REQUEST');
    await rejection(owner.standards.saveChecklist({ workspaceId, name: 'Lines', checks: [{ title: 'two\nlines' }] }), 'BAD_REQUEST');
    await rejection(owner.standards.saveChecklist({ workspaceId, name: 'Many', checks: Array.from({ length: 51 }, (_, i) => ({ title: `Check ${i}` })) }), 'BAD_REQUEST');
    expect(await owner.standards.listChecklists({ workspaceId })).toEqual(before);
  });

  it('standards: editing a checklist keeps the checks sent with their id (and their states), drops the others, and starts new ones pending where it is applied', async () => {
    const { id, version, list } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: launchId, checklistId: id });
    const applied = (await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!;
    const load = applied.checks.find((c) => c.title === 'Load test passed')!;
    await owner.standards.updateCheck({ projectId, checkId: load.id, state: 'passed', evidenceUrl: 'https://ci.example.com/load/1', version: load.version });
    const [loadCheck] = list.checks;
    const saved = await owner.standards.saveChecklist({
      workspaceId,
      id,
      version,
      name: list.name,
      checks: [{ id: loadCheck!.id, title: 'Load test passed at peak' }, { title: 'Security review' }],
    });
    expect(saved.version).toBe(version + 1);
    const after = (await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!;
    expect(after.checks.map((c) => [c.title, c.state, c.evidenceUrl])).toEqual([
      ['Load test passed at peak', 'passed', 'https://ci.example.com/load/1'],
      ['Security review', 'pending', ''],
    ]);
    // The version read is used up: a second save from the same stale screen is refused.
    await rejection(owner.standards.saveChecklist({ workspaceId, id, version, name: list.name, checks: [{ title: 'Lost update' }] }), 'CONFLICT');
    expect((await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!.checks).toHaveLength(2);
  });

  it("standards: saving my checklist with a check id of another workspace's checklist is NOT_FOUND and leaves their check alone", async () => {
    const elsewhere = await stranger.workspace.create({ name: `Theirs ${uniqueSuffix()}` });
    const theirs = await stranger.standards.saveChecklist({ workspaceId: elsewhere.id, name: 'Their checks', checks: [{ title: 'Their pen test' }] });
    const [theirCheck] = (await stranger.standards.listChecklists({ workspaceId: elsewhere.id })).checklists.find((c) => c.id === theirs.id)!.checks;
    const { id, version, list } = await twoCheckList();
    const refused = await rejection(
      owner.standards.saveChecklist({ workspaceId, id, version, name: list.name, checks: [{ id: theirCheck!.id, title: 'Taken over' }] }),
      'NOT_FOUND',
    );
    expect(refused.message).toBe('Check “Taken over” is not in this checklist (was it removed meanwhile?).');
    expect((await stranger.standards.listChecklists({ workspaceId: elsewhere.id })).checklists.find((c) => c.id === theirs.id)!.checks.map((c) => c.title)).toEqual(['Their pen test']);
    expect((await owner.standards.listChecklists({ workspaceId })).checklists.find((c) => c.id === id)!.checks.map((c) => c.title)).toEqual(['Load test passed', 'Runbook written']);
  });

  it('standards: removing a checklist takes it off every milestone', async () => {
    const { id } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id });
    expect(await owner.standards.removeChecklist({ workspaceId, checklistId: id })).toEqual({ id, milestonesAffected: 1 });
    expect((await milestoneOf(betaId)).checklists.map((c) => c.checklistId)).not.toContain(id);
    await rejection(owner.standards.removeChecklist({ workspaceId, checklistId: id }), 'NOT_FOUND');
  });
});

describe('standards at milestones', () => {
  it('standards: applying a checklist lists its checks pending under the milestone; readiness counts passed and waived, failed apart', async () => {
    const { id } = await twoCheckList();
    const second = await twoCheckList();
    await editor.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id });
    // Applying again changes nothing.
    await editor.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id });
    await editor.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: second.id });
    const beta = await milestoneOf(betaId, viewer);
    expect(beta).toMatchObject({ title: 'Beta launch', date: '2027-03-01' });
    const mine = [...beta.checklists.find((c) => c.checklistId === id)!.checks, ...beta.checklists.find((c) => c.checklistId === second.id)!.checks];
    expect(mine.map((c) => c.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const [a, b, c, d] = mine as [(typeof mine)[0], (typeof mine)[0], (typeof mine)[0], (typeof mine)[0]];
    await editor.standards.updateCheck({ projectId, checkId: a.id, state: 'passed', evidenceUrl: 'https://ci.example.com/runs/42', ownerUserId: people.editor.id, version: a.version });
    await editor.standards.updateCheck({ projectId, checkId: b.id, state: 'waived', reason: '  Internal beta only  ', ownerName: 'Security team', version: b.version });
    await editor.standards.updateCheck({ projectId, checkId: c.id, state: 'failed', version: c.version });
    const after = await milestoneOf(betaId, viewer);
    const others = after.checklists.filter((l) => l.checklistId !== id && l.checklistId !== second.id).flatMap((l) => l.checks);
    const count = (state: string) => others.filter((x) => x.state === state).length;
    expect(after.readiness).toMatchObject({ passed: 1 + count('passed'), waived: 1 + count('waived'), failed: 1 + count('failed'), pending: 1 + count('pending'), met: 2 + count('passed') + count('waived') });
    const read = after.checklists.flatMap((l) => l.checks);
    expect(read.find((x) => x.id === a.id)).toMatchObject({ state: 'passed', evidenceUrl: 'https://ci.example.com/runs/42', owner: { userId: people.editor.id, name: people.editor.name }, updatedBy: people.editor.name, version: 2 });
    expect(read.find((x) => x.id === b.id)).toMatchObject({ state: 'waived', waiveReason: 'Internal beta only', owner: { userId: null, name: 'Security team' } });
    expect(read.find((x) => x.id === d.id)).toMatchObject({ state: 'pending', owner: null, updatedBy: null });
    // Leaving waived drops the reason.
    const waived = read.find((x) => x.id === b.id)!;
    await editor.standards.updateCheck({ projectId, checkId: b.id, state: 'passed', reason: 'ignored', version: waived.version });
    expect((await milestoneOf(betaId)).checklists.flatMap((l) => l.checks).find((x) => x.id === b.id)).toMatchObject({ state: 'passed', waiveReason: '' });
  });

  it('standards: milestones without checklists are listed with 0 of 0, workstreams are not', async () => {
    const standards = await viewer.standards.forProject({ projectId });
    expect(standards.canEdit).toBe(false);
    expect((await editor.standards.forProject({ projectId })).canEdit).toBe(true);
    expect(standards.milestones.map((m) => m.title)).toEqual(['Beta launch', 'General availability']);
    expect(standards.checklists.length).toBeGreaterThan(0);
  });

  it('standards: a stale version is refused with CONFLICT and the newer change stays', async () => {
    const { id } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: launchId, checklistId: id });
    const check = (await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!.checks[0]!;
    await editor.standards.updateCheck({ projectId, checkId: check.id, state: 'failed', version: check.version });
    const refused = await rejection(owner.standards.updateCheck({ projectId, checkId: check.id, state: 'passed', version: check.version }), 'CONFLICT');
    expect(refused.message).toContain('Someone changed this check');
    expect((await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!.checks[0]).toMatchObject({ state: 'failed', version: check.version + 1 });
  });

  it('standards: bad check updates (a bad link, a waiver without a reason, two owners, a non-member) are refused and write nothing', async () => {
    const { id } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: launchId, checklistId: id });
    const check = (await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!.checks[0]!;
    const base = { projectId, checkId: check.id, version: check.version };
    const before = await owner.standards.forProject({ projectId });
    for (const evidenceUrl of ['javascript:alert(1)', 'ftp://example.com/x', 'see the wiki', 'https://exa mple.com']) {
      expect((await rejection(owner.standards.updateCheck({ ...base, state: 'passed', evidenceUrl }), 'BAD_REQUEST')).message).toContain('evidenceUrl: must be a link');
    }
    expect((await rejection(owner.standards.updateCheck({ ...base, state: 'waived' }), 'BAD_REQUEST')).message).toBe(`reason: ${waiveNeedsReason}`);
    await rejection(owner.standards.updateCheck({ ...base, state: 'waived', reason: '   ' }), 'BAD_REQUEST');
    await rejection(owner.standards.updateCheck({ ...base, state: 'passed', ownerUserId: people.editor.id, ownerName: 'Someone' }), 'BAD_REQUEST');
    expect((await rejection(owner.standards.updateCheck({ ...base, state: 'passed', ownerUserId: people.stranger.id }), 'BAD_REQUEST')).message).toContain('member of this project');
    await rejection(owner.standards.updateCheck({ ...base, state: 'done' as 'passed' }), 'BAD_REQUEST');
    await rejection(owner.standards.updateCheck({ ...base, checkId: globalThis.crypto.randomUUID(), state: 'passed' }), 'NOT_FOUND');
    expect(await owner.standards.forProject({ projectId })).toEqual(before);
  });

  it('standards: viewers and strangers cannot apply, take off or update checks, and write nothing', async () => {
    const { id } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: launchId, checklistId: id });
    const check = (await milestoneOf(launchId)).checklists.find((c) => c.checklistId === id)!.checks[0]!;
    const before = await owner.standards.forProject({ projectId });
    await rejection(viewer.standards.updateCheck({ projectId, checkId: check.id, state: 'passed', version: check.version }), 'FORBIDDEN');
    await rejection(stranger.standards.updateCheck({ projectId, checkId: check.id, state: 'passed', version: check.version }), 'NOT_FOUND');
    await rejection(viewer.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id }), 'FORBIDDEN');
    await rejection(viewer.standards.unapply({ projectId, milestoneId: launchId, checklistId: id }), 'FORBIDDEN');
    await rejection(stranger.standards.unapply({ projectId, milestoneId: launchId, checklistId: id }), 'NOT_FOUND');
    await rejection(stranger.standards.forProject({ projectId }), 'NOT_FOUND');
    expect(await owner.standards.forProject({ projectId })).toEqual(before);
  });

  it('standards: a checklist applies only to a milestone of the plan, and unapply takes it off', async () => {
    const { id } = await twoCheckList();
    const [workstreamId] = (await owner.plan.get({ projectId })).items.filter((i) => i.kind === 'workstream').map((i) => i.id);
    expect((await rejection(owner.standards.applyToMilestone({ projectId, milestoneId: workstreamId!, checklistId: id }), 'NOT_FOUND')).message).toBe('Milestone not found in this plan.');
    await rejection(owner.standards.applyToMilestone({ projectId, milestoneId: 'no-such-milestone', checklistId: id }), 'NOT_FOUND');
    await owner.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id });
    await owner.standards.unapply({ projectId, milestoneId: betaId, checklistId: id });
    expect((await milestoneOf(betaId)).checklists.map((c) => c.checklistId)).not.toContain(id);
    await rejection(owner.standards.unapply({ projectId, milestoneId: betaId, checklistId: id }), 'NOT_FOUND');
  });

  it("standards: another workspace's checklist cannot be applied", async () => {
    const elsewhere = await owner.workspace.create({ name: `Elsewhere ${uniqueSuffix()}` });
    const { id } = await owner.standards.saveChecklist({ workspaceId: elsewhere.id, name: 'Theirs', checks: [{ title: 'x' }] });
    await rejection(owner.standards.applyToMilestone({ projectId, milestoneId: betaId, checklistId: id }), 'NOT_FOUND');
    expect((await milestoneOf(betaId)).checklists.map((c) => c.checklistId)).not.toContain(id);
  });
});

describe('a milestone deleted from the plan', () => {
  it('standards: deleting a milestone hides its checks from the project, the checklist\'s use count and the status draft', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const [dropId] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Dropped pilot', start: soon, end: soon }]);
    const { id } = await twoCheckList();
    await owner.standards.applyToMilestone({ projectId, milestoneId: dropId!, checklistId: id });
    const [load] = (await milestoneOf(dropId!)).checklists[0]!.checks;
    await owner.standards.updateCheck({ projectId, checkId: load!.id, state: 'failed', version: load!.version });
    const useCount = async () => (await owner.standards.listChecklists({ workspaceId })).checklists.find((c) => c.id === id)!.milestoneCount;
    expect(await useCount()).toBe(1);
    expect((await owner.status.createDraft({ projectId })).lowlights).toContain('**Dropped pilot**');

    await deletePlanItems(deps, team, [dropId!]);

    const standards = await viewer.standards.forProject({ projectId });
    expect(standards.milestones.map((m) => m.milestoneId)).not.toContain(dropId);
    expect(standards.milestones.flatMap((m) => m.checklists.flatMap((l) => l.checks)).map((c) => c.id)).not.toContain(load!.id);
    expect(await useCount()).toBe(0);
    expect((await owner.status.createDraft({ projectId })).lowlights).not.toContain('Dropped pilot');
  });
});

describe('the status draft', () => {
  it('standards: a members-only draft names a milestone due soon whose standards are not met; a public draft does not', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const [cutOverId] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Cut-over weekend', start: soon, end: soon }]);
    const { id } = await owner.standards.saveChecklist({ workspaceId, name: `Cut-over ${uniqueSuffix()}`, checks: [{ title: 'Load test passed' }, { title: 'Runbook written' }, { title: 'Rollback rehearsed' }] });
    await owner.standards.applyToMilestone({ projectId, milestoneId: cutOverId!, checklistId: id });
    const [load, runbook] = (await milestoneOf(cutOverId!)).checklists[0]!.checks;
    await owner.standards.updateCheck({ projectId, checkId: load!.id, state: 'failed', version: load!.version });
    await owner.standards.updateCheck({ projectId, checkId: runbook!.id, state: 'passed', version: runbook!.version });
    const draft = await owner.status.createDraft({ projectId });
    expect(draft.lowlights).toContain('Milestones due soon with standards not met:');
    expect(draft.lowlights).toContain(`- **Cut-over weekend** (due ${soon}): 2 of 3 standards not met (failed: Load test passed)`);
    const publicDraft = await owner.status.createDraft({ projectId, audience: 'public' });
    expect(publicDraft.lowlights).not.toContain('standards');
    expect(publicDraft.lowlights).not.toContain('Load test passed');
  });
});
