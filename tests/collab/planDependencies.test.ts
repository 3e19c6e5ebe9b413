// Two editors add opposite dependencies (A -> B and B -> A) at the same moment, each before seeing
// the other's: each client's own loop check passes, and the merged plan holds a loop. The plan
// must stay readable: both screens converge, the plan's read procedures answer, the critical path
// and flagged dependents are computed, the projection keeps projecting, and a further dependency
// can still be added.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDependency, planItem } from '@/db/schema';
import { addDependency, insertPlanItem, planItemsMap, readDependencies, readPlanItems, updatePlanItem } from '@/server/collab/boards/planDocument';
import { criticalPath, violatedDependencies } from '@/server/domain/plan';
import { callerFor, projectWithTeam } from '../support/factories';
import { connectClient, eventually, startCollabServer, type Harness } from './harness';

let h: Harness;
/** The plan's dependencies as sorted "from>to" strings (map order differs between replicas). */
const edges = (dependencies: readonly { fromId: string; toId: string }[]) => dependencies.map((d) => `${d.fromId}>${d.toId}`).sort();
beforeAll(async () => {
  h = await startCollabServer();
});
afterAll(async () => {
  await h?.close();
});

describe('plan: opposite dependencies added at once', () => {
  it('plan: A -> B and B -> A added by two editors in the same turn leave a plan that reads, projects and can still be edited', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const projectId = team.project.id;
    const room = `plan:${projectId}`;
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    try {
      await Promise.all([owner.synced, editor.synced]);
      const design = insertPlanItem(owner.doc, { kind: 'workstream', title: 'Design', start: '2026-09-01', end: '2026-10-10' }, team.users.owner.id);
      const build = insertPlanItem(owner.doc, { kind: 'workstream', title: 'Build', start: '2026-09-10', end: '2026-10-10' }, team.users.owner.id);
      const launch = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Launch', end: '2026-10-20' }, team.users.owner.id);
      await eventually(() => expect(planItemsMap(editor.doc).size).toBe(3));

      // Both in the same turn: neither has seen the other's dependency, so neither check refuses it.
      expect(addDependency(owner.doc, design, build, team.users.owner.id)).toMatchObject({ ok: true });
      expect(addDependency(editor.doc, build, design, team.users.editor.id)).toMatchObject({ ok: true });

      await eventually(() => {
        expect(readDependencies(owner.doc)).toHaveLength(2);
        expect(edges(readDependencies(editor.doc))).toEqual(edges(readDependencies(owner.doc)));
      });
      const dependencies = readDependencies(owner.doc);
      const items = readPlanItems(owner.doc);
      expect(edges(dependencies)).toEqual([`${build}>${design}`, `${design}>${build}`].sort());

      // What the plan board computes from them terminates with sane answers.
      for (const target of [design, build]) {
        const path = criticalPath(items, dependencies, target);
        expect(path.at(-1)).toBe(target);
        expect(new Set(path).size).toBe(path.length);
        expect(path.length).toBeLessThanOrEqual(2);
      }
      expect(violatedDependencies(items, dependencies).map((d) => d.fromId).sort()).toEqual([build, design].sort());

      // Further dependencies are still checked and added; another loop through the same items is still refused.
      expect(addDependency(owner.doc, build, launch, team.users.owner.id)).toMatchObject({ ok: true });
      expect(addDependency(owner.doc, design, launch, team.users.owner.id)).toMatchObject({ ok: true });
      expect(addDependency(owner.doc, launch, design, team.users.owner.id)).toMatchObject({ ok: false, cycle: expect.any(Array) });
      updatePlanItem(editor.doc, launch, { title: 'Public launch' });
      // Launch's two predecessors end on the same day: the tie is broken by the chains behind them, which run into the loop.
      const toLaunch = criticalPath(readPlanItems(owner.doc), readDependencies(owner.doc), launch);
      expect(toLaunch.at(-1)).toBe(launch);
      expect([...toLaunch].sort()).toEqual([design, build, launch].sort());

      // The projection has every row, and the read procedures answer.
      await eventually(async () => {
        await h.documents.flushProjections();
        const rows = await h.db.select({ fromId: planDependency.fromId, toId: planDependency.toId }).from(planDependency).where(eq(planDependency.projectId, projectId));
        expect(edges(rows)).toEqual([`${build}>${design}`, `${design}>${build}`, `${build}>${launch}`, `${design}>${launch}`].sort());
        const [projected] = await h.db.select({ title: planItem.title }).from(planItem).where(eq(planItem.id, launch));
        expect(projected?.title).toBe('Public launch');
      });
      const caller = await callerFor({ db: h.db, auth: h.auth, live: h.documents }, team.users.editor);
      const plan = await caller.plan.get({ projectId });
      expect(plan.items).toHaveLength(3);
      expect(plan.dependencies).toHaveLength(4);
      expect([...criticalPath(plan.items, plan.dependencies, launch)].sort()).toEqual([design, build, launch].sort());
      expect(await caller.plan.projectionIssues({ projectId })).toEqual([]);
      await caller.plan.risks({ projectId });
      await caller.plan.dateHistory({ projectId, itemId: launch });
    } finally {
      owner.destroy();
      editor.destroy();
    }
  });
});
