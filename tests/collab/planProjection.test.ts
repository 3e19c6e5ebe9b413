// The plan projection: idempotent (a second run changes no row and records no date change), and
// rebuildable from the update log alone.
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBaseline, planDateChange, planDependency, planGoal, planItem, planStakeholder } from '@/db/schema';
import { addDependency, goalsMap, insertEntry, insertPlanItem, planItemsMap, saveBaseline, stakeholdersMap } from '@/server/collab/boards/planDocument';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { projectWithTeam } from '../support/factories';
import { startCollabServer, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startCollabServer();
});
afterAll(async () => {
  await h?.close();
});

async function editPlan(projectId: string, actorId: string, edit: (doc: Y.Doc) => void) {
  const document = await h.documents.open('plan', projectId);
  try {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
    const updates: Uint8Array[] = [];
    scratch.on('update', (u: Uint8Array) => updates.push(u));
    edit(scratch);
    await document.submit(Y.mergeUpdates(updates), actorId);
  } finally {
    document.release();
  }
  await h.documents.flushProjections();
}

async function snapshot(projectId: string) {
  const of = <T extends typeof planItem | typeof planDependency | typeof planBaseline | typeof planGoal | typeof planStakeholder | typeof planDateChange>(table: T) =>
    h.db.select().from(table as typeof planItem).where(eq((table as typeof planItem).projectId, projectId));
  const [items, dependencies, baselines, goals, stakeholders, changes] = await Promise.all([
    of(planItem),
    of(planDependency),
    of(planBaseline),
    of(planGoal),
    of(planStakeholder),
    of(planDateChange),
  ]);
  return { items, dependencies, baselines, goals, stakeholders, changes };
}

describe('plan projection', () => {
  it('plan: running the projection again without edits changes nothing and records no date change', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    await editPlan(team.project.id, team.users.owner.id, (doc) => {
      const m = insertPlanItem(doc, { kind: 'milestone', title: 'Cut-over', end: '2026-08-01' }, team.users.owner.id);
      const w = insertPlanItem(doc, { kind: 'workstream', title: 'Migrate data', start: '2026-06-01', end: '2026-07-20' }, team.users.owner.id);
      addDependency(doc, w, m, team.users.owner.id);
      saveBaseline(doc, 'Approved', team.users.owner.id);
      insertEntry(goalsMap(doc), { title: 'Downtime', metric: 'minutes', baseline: 240, target: 30, current: 120, dueDate: null });
      insertEntry(stakeholdersMap(doc), { name: 'Ops', organisation: 'Infra', memberId: null, influence: 4, interest: 4, channel: 'chat', frequency: 'weekly' });
    });
    const before = await snapshot(team.project.id);
    expect(before.items).toHaveLength(2);
    expect(before.changes).toHaveLength(2);
    const doc = await h.documents.open('plan', team.project.id);
    doc.scheduleProjection(0);
    await doc.settle();
    doc.release();
    expect(await snapshot(team.project.id)).toEqual(before);
  });

  it('plan: rebuilds its rows from the update log after they were lost', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    await editPlan(team.project.id, team.users.editor.id, (doc) => {
      insertPlanItem(doc, { kind: 'milestone', title: 'Pilot', end: '2026-05-01' }, team.users.editor.id);
    });
    const before = await snapshot(team.project.id);
    await h.db.delete(planItem).where(eq(planItem.projectId, team.project.id));
    const restarted = new LiveDocuments({ db: h.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    const doc = await restarted.open('plan', team.project.id);
    await doc.settle();
    doc.release();
    await restarted.close();
    const after = await snapshot(team.project.id);
    const comparable = (rows: typeof before.items) => rows.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
    expect(comparable(after.items)).toEqual(comparable(before.items));
    // Restored, not created a second time: the date history is unchanged.
    expect(after.changes).toEqual(before.changes);
  });

  it('plan: an import refused halfway changes nothing on the board', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const items = [{ id: 'kick-off', fields: { kind: 'milestone' as const, title: 'Kick-off', end: '2027-01-04' } }];
    await expect(
      h.documents.apply('plan', team.project.id, { type: 'plan.import', items, dependencies: [{ fromId: 'kick-off', toId: 'missing' }] }, team.users.editor.id),
    ).rejects.toThrow(/unknown item/);
    const document = await h.documents.open('plan', team.project.id);
    expect(planItemsMap(document.doc).size).toBe(0);
    document.release();
    await h.documents.flushProjections();
    expect((await snapshot(team.project.id)).items).toEqual([]);
  });
});
