// The live plan with real y-websocket clients: two editors edit the same milestone at the same
// time and converge; the projection's rows and the slippage history (with authors) match; a
// viewer's edits are not applied.
import { and, asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDateChange, planItem } from '@/db/schema';
import { addDependency, insertPlanItem, planItemsMap, readPlanItems, updatePlanItem } from '@/server/collab/boards/planDocument';
import { connectClient, eventually, handledSoFar, serverBoard, startCollabServer, storedBoard, type Harness } from './harness';
import { projectWithTeam } from '../support/factories';
import { plainValue } from '@/server/domain/risk';

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  h = await startCollabServer();
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `plan:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
});

const field = (doc: Y.Doc, id: string, name: string) => plainValue((planItemsMap(doc).get(id) as Y.Map<unknown> | undefined)?.get(name));

describe('plan board collaboration', () => {
  it('plan: one editor moves a milestone while another renames it; both converge and the projection and slippage history match', async () => {
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([owner.synced, editor.synced]);
    const launch = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Launch', end: '2026-09-01' }, team.users.owner.id);
    await eventually(() => expect(field(editor.doc, launch, 'title')).toBe('Launch'));
    await eventually(async () => {
      await h.documents.flushProjections();
      expect(await h.db.select({ id: planItem.id }).from(planItem).where(eq(planItem.projectId, team.project.id))).toHaveLength(1);
    });

    // In the same turn, before either update reaches the other side.
    updatePlanItem(owner.doc, launch, { start: '2026-09-15', end: '2026-09-15' });
    updatePlanItem(editor.doc, launch, { title: 'Public launch' });

    await eventually(() => {
      expect(planItemsMap(owner.doc).toJSON()).toEqual(planItemsMap(editor.doc).toJSON());
      expect(readPlanItems(owner.doc)).toEqual([expect.objectContaining({ id: launch, title: 'Public launch', start: '2026-09-15', end: '2026-09-15' })]);
    });

    await eventually(async () => {
      await h.documents.flushProjections();
      const rows = await h.db.select().from(planItem).where(eq(planItem.projectId, team.project.id));
      expect(rows.map((r) => [r.id, r.title, r.startDate, r.endDate])).toEqual([[launch, 'Public launch', '2026-09-15', '2026-09-15']]);
    });
    const history = await h.db
      .select({ field: planDateChange.field, from: planDateChange.fromValue, to: planDateChange.toValue, actorId: planDateChange.actorId })
      .from(planDateChange)
      .where(and(eq(planDateChange.projectId, team.project.id), eq(planDateChange.itemId, launch)))
      .orderBy(asc(planDateChange.id));
    // The move is credited to the one who moved it; the rename is not a date change.
    expect(history).toEqual([
      { field: 'created', from: null, to: '2026-09-01', actorId: team.users.owner.id },
      { field: 'start', from: '2026-09-01', to: '2026-09-15', actorId: team.users.owner.id },
      { field: 'end', from: '2026-09-01', to: '2026-09-15', actorId: team.users.owner.id },
    ]);
    owner.destroy();
    editor.destroy();
  });

  it('plan: a dependency added by one editor appears for the other; the loop it would close is refused locally', async () => {
    const a = connectClient(h.url, room, team.users.owner.cookie);
    const b = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([a.synced, b.synced]);
    const design = insertPlanItem(a.doc, { kind: 'workstream', title: 'Design', start: '2026-01-05', end: '2026-01-30' }, team.users.owner.id);
    const build = insertPlanItem(a.doc, { kind: 'workstream', title: 'Build', start: '2026-02-02', end: '2026-03-30' }, team.users.owner.id);
    expect(addDependency(a.doc, design, build, team.users.owner.id).ok).toBe(true);
    await eventually(() => expect(b.doc.getMap('dependencies').size).toBeGreaterThanOrEqual(1));
    expect(addDependency(b.doc, build, design, team.users.editor.id)).toEqual({ ok: false, cycle: [build, design, build] });
    a.destroy();
    b.destroy();
  });

  it("plan: a viewer's edit is not applied, while the viewer follows the plan live", async () => {
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    const viewer = connectClient(h.url, room, team.users.viewer.cookie);
    await Promise.all([editor.synced, viewer.synced]);
    const sneaky = insertPlanItem(viewer.doc, { kind: 'milestone', title: 'Viewer milestone', end: '2026-01-01' }, team.users.viewer.id);
    // Presence sent after the write on the viewer's own socket: once relayed, the write was handled.
    await handledSoFar(viewer, editor);
    await h.documents.flushProjections();
    expect(field(await serverBoard(h, room), sneaky, 'title')).toBeUndefined();
    expect(field(await storedBoard(h.db, room), sneaky, 'title')).toBeUndefined();
    const rows = await h.db.select({ id: planItem.id }).from(planItem).where(and(eq(planItem.projectId, team.project.id), eq(planItem.id, sneaky)));
    expect(rows).toEqual([]);

    const visible = insertPlanItem(editor.doc, { kind: 'milestone', title: 'Editor milestone', end: '2026-02-01' }, team.users.editor.id);
    await eventually(() => expect(field(viewer.doc, visible, 'title')).toBe('Editor milestone'));
    expect(field(editor.doc, sneaky, 'title')).toBeUndefined();
    editor.destroy();
    viewer.destroy();
  });
});
