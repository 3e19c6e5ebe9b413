// Two people moving the same milestone with real y-websocket clients: both screens agree on one
// date, and the slippage history keeps both moves with their authors even when they land
// before the projection runs; a date with a year outside 1900-2999 is refused and never projected.
import { and, asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDateChange, planItem } from '@/db/schema';
import { insertPlanItem, planItemsMap, readPlanItems, updatePlanItem } from '@/server/collab/boards/planDocument';
import { connectClient, eventually, startCollabServer, type Harness } from './harness';
import { projectWithTeam } from '../support/factories';

let h: Harness;
beforeAll(async () => {
  // A projection that waits, as in production, so both moves land in one run.
  h = await startCollabServer({ projectionDebounceMs: 60_000 });
});
afterAll(async () => {
  await h?.close();
});

const dateOf = (doc: Y.Doc, id: string) => readPlanItems(doc).find((i) => i.id === id)?.end;

async function endHistory(projectId: string, itemId: string) {
  return h.db
    .select({ field: planDateChange.field, from: planDateChange.fromValue, to: planDateChange.toValue, actorId: planDateChange.actorId })
    .from(planDateChange)
    .where(and(eq(planDateChange.projectId, projectId), eq(planDateChange.itemId, itemId)))
    .orderBy(asc(planDateChange.id));
}

describe('plan: two people moving one milestone', () => {
  it('plan: two moves of one milestone before the projection runs are both in the date history, each with its author', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `plan:${team.project.id}`;
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([owner.synced, editor.synced]);
    const launch = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Launch', end: '2026-12-15' }, team.users.owner.id);
    await eventually(() => expect(dateOf(editor.doc, launch)).toBe('2026-12-15'));
    await h.documents.flushProjections();

    updatePlanItem(owner.doc, launch, { start: '2026-12-25', end: '2026-12-25' });
    await eventually(() => expect(dateOf(editor.doc, launch)).toBe('2026-12-25'));
    updatePlanItem(editor.doc, launch, { start: '2026-12-11', end: '2026-12-11' });
    await eventually(() => expect(dateOf(owner.doc, launch)).toBe('2026-12-11'));

    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(planItem).where(eq(planItem.id, launch));
      expect(row?.endDate).toBe('2026-12-11');
    });
    const history = (await endHistory(team.project.id, launch)).filter((r) => r.field === 'end');
    expect(history).toEqual([
      { field: 'end', from: '2026-12-15', to: '2026-12-25', actorId: team.users.owner.id },
      { field: 'end', from: '2026-12-25', to: '2026-12-11', actorId: team.users.editor.id },
    ]);
    owner.destroy();
    editor.destroy();
  });

  it('plan: two drops on the same milestone at the same moment converge on one date on both screens', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `plan:${team.project.id}`;
    const owner = connectClient(h.url, room, team.users.owner.cookie);
    const editor = connectClient(h.url, room, team.users.editor.cookie);
    await Promise.all([owner.synced, editor.synced]);
    const launch = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Launch', end: '2026-12-15' }, team.users.owner.id);
    await eventually(() => expect(dateOf(editor.doc, launch)).toBe('2026-12-15'));

    // Both drop in the same turn, before either has seen the other's move.
    updatePlanItem(owner.doc, launch, { start: '2026-12-25', end: '2026-12-25' });
    updatePlanItem(editor.doc, launch, { start: '2026-12-11', end: '2026-12-11' });
    await eventually(() => {
      const seen = dateOf(owner.doc, launch);
      expect(['2026-12-25', '2026-12-11']).toContain(seen);
      expect(dateOf(editor.doc, launch)).toBe(seen);
      expect(planItemsMap(owner.doc).toJSON()).toEqual(planItemsMap(editor.doc).toJSON());
    });
    owner.destroy();
    editor.destroy();
  });

  it('plan: a milestone date in year 0006 or 3500 is refused and the projection keeps a sane date', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const owner = connectClient(h.url, `plan:${team.project.id}`, team.users.owner.cookie);
    await owner.synced;
    const launch = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Launch', end: '2026-12-15' }, team.users.owner.id);
    expect(updatePlanItem(owner.doc, launch, { start: '0006-12-15', end: '0006-12-15' })).toBe(false);
    expect(updatePlanItem(owner.doc, launch, { start: '3500-01-01', end: '3500-01-01' })).toBe(false);
    expect(dateOf(owner.doc, launch)).toBe('2026-12-15');
    // Another program writing the year straight into the document: read (and projected) as missing, never stored.
    (planItemsMap(owner.doc).get(launch) as Y.Map<unknown>).set('end', '0006-12-15');
    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(planItem).where(eq(planItem.id, launch));
      expect(row?.endDate).toBeDefined();
      expect(Number(row!.endDate.slice(0, 4))).toBeGreaterThanOrEqual(1900);
    });
    owner.destroy();
  });
});
