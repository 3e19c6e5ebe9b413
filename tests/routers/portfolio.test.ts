// portfolio.get: who sees a workspace's portfolio and which projects are in it (only those the caller
// is a member of, never archived ones), and what each row says: health, last update and overdue
// flag, top risks, next milestone, open actions and over-allocated people.
import { format } from 'date-fns';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusSettings } from '@/db/schema';
import { addToProject, callerFor, uniqueSuffix } from '../support/factories';
import { addPlanItems, addRisks, publishUpdate, updateContent } from '../status/support';
import { createPeople, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
let people: People;
let workspaceId: string;
let apollo: Team;
let borealis: Team;

const isoDaysFromToday = (days: number) => format(new Date(Date.now() + days * 86_400_000), 'yyyy-MM-dd');

/** A project in the shared workspace; the owner's, with `viewer` added only when asked. */
async function sharedProject(name: string, withViewer: boolean): Promise<Team> {
  const owner = await callerFor(deps, people.owner);
  const project = await owner.project.create({ workspaceId, name: `${name} ${uniqueSuffix()}` });
  await addToProject(deps, people.owner, project.id, people.editor, 'editor');
  if (withViewer) await addToProject(deps, people.owner, project.id, people.viewer, 'viewer');
  return { project, users: people, as: (persona) => callerFor(deps, persona === 'anonymous' ? null : people[persona]) };
}

/** A delivery CSV of 30 items of `milestone`, created ten weeks ago, 16 resolved two a week over the last eight complete weeks. */
function deliveryCsv(milestone: string): string {
  const lines = ['key,created,resolved,milestone'];
  for (let i = 1; i <= 30; i++) lines.push(`D-${i},${isoDaysFromToday(-70)},${i <= 16 ? isoDaysFromToday(-7 * Math.ceil(i / 2) - 1) : ''},${milestone}`);
  return lines.join('\n');
}
const deliveryMapping = { key: 'key', created: 'created', resolved: 'resolved', planItem: 'milestone' };

beforeAll(async () => {
  people = await createPeople(deps);
  const owner = await callerFor(deps, people.owner);
  workspaceId = (await owner.workspace.create({ name: `Portfolio ${uniqueSuffix()}` })).id;
  apollo = await sharedProject('Apollo', true);
  borealis = await sharedProject('Borealis', false);
});

describe('portfolio.get', () => {
  it('a stranger is told the workspace does not exist; a signed-out caller is asked to sign in', async () => {
    await rejection((await callerFor(deps, people.stranger)).portfolio.get({ workspaceId }), 'NOT_FOUND');
    await rejection((await callerFor(deps, null)).portfolio.get({ workspaceId }), 'UNAUTHORIZED');
  });

  it('lists only the projects the caller is a member of: the viewer of one project sees that one, the owner both', async () => {
    const asViewer = await (await callerFor(deps, people.viewer)).portfolio.get({ workspaceId });
    expect(asViewer.projects.map((p) => p.id)).toEqual([apollo.project.id]);
    const asOwner = await (await callerFor(deps, people.owner)).portfolio.get({ workspaceId });
    expect(asOwner.projects.map((p) => p.id)).toEqual([apollo.project.id, borealis.project.id]);
    expect(asOwner.workspace.id).toBe(workspaceId);
  });

  it('leaves archived projects out', async () => {
    const doomed = await sharedProject('Archived', true);
    const owner = await callerFor(deps, people.owner);
    expect((await owner.portfolio.get({ workspaceId })).projects.map((p) => p.id)).toContain(doomed.project.id);
    await owner.project.archive({ projectId: doomed.project.id });
    expect((await owner.portfolio.get({ workspaceId })).projects.map((p) => p.id)).not.toContain(doomed.project.id);
  });

  it('a project without updates, risks or milestones reads as nothing known yet, not as healthy', async () => {
    const row = (await (await callerFor(deps, people.owner)).portfolio.get({ workspaceId })).projects.find((p) => p.id === borealis.project.id)!;
    expect(row).toMatchObject({ health: null, lastUpdateAt: null, updateOverdue: false, topRisks: [], nextMilestone: null, openActions: 0, overAllocatedPeople: [] });
  });

  it('each row says the latest health and when, whether an update is overdue, the three highest active risks and the next open milestone', async () => {
    const owner = await apollo.as('owner');
    await addRisks(deps, apollo, [
      { id: 'R-1', fields: { kind: 'risk', title: 'Vendor slips', likelihood: 4, impact: 5, status: 'open' } },
      { id: 'R-2', fields: { kind: 'risk', title: 'Key engineer leaves', likelihood: 3, impact: 4, status: 'mitigating' } },
      { id: 'R-3', fields: { kind: 'risk', title: 'Closed one', likelihood: 5, impact: 5, status: 'closed' } },
      { id: 'R-4', fields: { kind: 'risk', title: 'Licence audit', likelihood: 2, impact: 3, status: 'open' } },
      { id: 'R-5', fields: { kind: 'risk', title: 'Low one', likelihood: 1, impact: 2, status: 'open' } },
      { id: 'I-1', fields: { kind: 'issue', title: 'An issue, not a risk', likelihood: 5, impact: 4, status: 'open' } },
    ]);
    await addPlanItems(deps, apollo, [
      { kind: 'milestone', title: 'Done already', start: isoDaysFromToday(5), end: isoDaysFromToday(5), status: 'done' },
      { kind: 'milestone', title: 'Past and missed', start: isoDaysFromToday(-10), end: isoDaysFromToday(-10), status: 'missed' },
      { kind: 'milestone', title: 'Beta', start: isoDaysFromToday(20), end: isoDaysFromToday(20), status: 'planned' },
      { kind: 'milestone', title: 'GA', start: isoDaysFromToday(60), end: isoDaysFromToday(60), status: 'planned' },
    ]);
    const published = await publishUpdate(apollo, 'owner', updateContent({ health: 'at_risk', healthReason: 'Vendor is late' }));
    // A newer draft with another health is not said yet: the row keeps the published one.
    const draft = await owner.status.createDraft({ projectId: apollo.project.id, audience: 'internal' });
    await owner.status.saveDraft({ projectId: apollo.project.id, updateId: draft.id, baseRevision: draft.revision, content: updateContent({ health: 'off_track', healthReason: 'Draft: not said yet' }) });
    const row = (await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === apollo.project.id)!;
    expect(row.health).toBe('at_risk');
    expect(row.healthReason).toBe('Vendor is late');
    expect(row.lastUpdateAt).toEqual(published.publishedAt);
    expect(row.updateOverdue).toBe(false);
    expect(row.topRisks).toEqual([
      { id: 'R-1', title: 'Vendor slips', score: 20, band: 'critical' },
      { id: 'R-2', title: 'Key engineer leaves', score: 12, band: 'high' },
      { id: 'R-4', title: 'Licence audit', score: 6, band: 'medium' },
    ]);
    expect(row.nextMilestone).toMatchObject({ title: 'Beta', date: isoDaysFromToday(20) });
    // Each row is its own project's: Borealis has none of Apollo's risks or milestones.
    const other = (await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === borealis.project.id)!;
    expect(other).toMatchObject({ health: null, topRisks: [], nextMilestone: null });
  });

  it('a project whose cadence passed with no update is flagged overdue, with how many days', async () => {
    const team = await sharedProject('Cadence', false);
    const owner = await team.as('owner');
    await owner.status.setCadence({ projectId: team.project.id, cadence: { everyDays: 7, weekday: null } });
    const before = (await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === team.project.id)!;
    expect(before.updateOverdue).toBe(false);
    // The cadence was set three weeks ago and nothing was published since.
    await deps.db.update(statusSettings).set({ updatedAt: new Date(Date.now() - 21 * 86_400_000) }).where(eq(statusSettings.projectId, team.project.id));
    const after = (await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === team.project.id)!;
    expect(after.updateOverdue).toBe(true);
    expect(after.daysOverdue).toBeGreaterThanOrEqual(13);
  });

  it('counts open actions and names people over-allocated this week on the project', async () => {
    const owner = await apollo.as('owner');
    const name = `Busy ${uniqueSuffix()}`;
    const person = await owner.people.add({ workspaceId, name, weeklyHours: 40 });
    await owner.allocation.upsert({ personId: person.id, projectId: apollo.project.id, from: isoDaysFromToday(-14), to: isoDaysFromToday(14), hoursPerWeek: 30 });
    await owner.allocation.upsert({ personId: person.id, projectId: borealis.project.id, from: isoDaysFromToday(-14), to: isoDaysFromToday(14), hoursPerWeek: 30 });
    const meeting = await owner.meeting.create({ projectId: apollo.project.id, title: `Sync ${uniqueSuffix()}`, startsAt: new Date() });
    await owner.meeting.addAction({ meetingId: meeting.id, title: 'Send the plan' });
    await deps.live.flushProjections();
    const portfolio = await owner.portfolio.get({ workspaceId });
    const row = portfolio.projects.find((p) => p.id === apollo.project.id)!;
    expect(row.overAllocatedPeople).toEqual([{ personId: person.id, name, percent: 150 }]);
    expect(row.openActions).toBe(1);
    // The viewer sees Apollo's row, but not Borealis (where the same person is over too).
    const asViewer = await (await callerFor(deps, people.viewer)).portfolio.get({ workspaceId });
    expect(asViewer.projects.map((p) => p.id)).toEqual([apollo.project.id]);
  });

  it("gives the next milestone its delivery forecast: how sure it is of the date, and likely late", async () => {
    const team = await sharedProject('Forecast', false);
    const owner = await team.as('owner');
    await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Launch', start: isoDaysFromToday(14), end: isoDaysFromToday(14), status: 'planned' }]);
    const imported = await owner.delivery.importCsv({ projectId: team.project.id, csv: deliveryCsv('Launch'), mapping: deliveryMapping });
    expect(imported).toMatchObject({ created: 30, errors: [] });
    const row = (await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === team.project.id)!;
    expect(row.nextMilestone?.forecast).toMatchObject({ likelyLate: true, confidence: 'under 50%' });
    expect(row.nextMilestone!.forecast!.p85 > isoDaysFromToday(14)).toBe(true);
    // Without delivery data, no forecast.
    expect((await owner.portfolio.get({ workspaceId })).projects.find((p) => p.id === apollo.project.id)!.nextMilestone?.forecast).toBeNull();
  });
});
