// The risk board projection: idempotent, and rebuildable from the update log alone (restoring its
// items without recording them as created again).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { raidItem, raidItemChange } from '@/db/schema';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
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

const rowsOf = (projectId: string) => h.db.select().from(raidItem).where(eq(raidItem.projectId, projectId));
const changesOf = (projectId: string) => h.db.select().from(raidItemChange).where(eq(raidItemChange.projectId, projectId));

describe('risk board projection', () => {
  it('running it again without edits changes nothing and records no history', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    await h.documents.apply(
      'risks',
      team.project.id,
      { type: 'raid.import', rows: [{ id: 'p-1', fields: { title: 'Projected once', likelihood: 3, impact: 3 } }] },
      team.users.owner.id,
    );
    await h.documents.flushProjections();
    const rows = await rowsOf(team.project.id);
    const changes = await changesOf(team.project.id);
    const doc = await h.documents.open('risks', team.project.id);
    doc.scheduleProjection(0);
    await doc.settle();
    doc.release();
    expect(await rowsOf(team.project.id)).toEqual(rows);
    expect(await changesOf(team.project.id)).toEqual(changes);
  });

  it('rebuilds the rows from the update log after they were lost', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    await h.documents.apply(
      'risks',
      team.project.id,
      {
        type: 'raid.import',
        rows: [
          { id: 'r-1', fields: { title: 'Critical one', likelihood: 5, impact: 4 } },
          { id: 'r-2', fields: { title: 'Low one', likelihood: 1, impact: 2, status: 'closed' } },
        ],
      },
      team.users.editor.id,
    );
    await h.documents.flushProjections();
    const before = await rowsOf(team.project.id);
    const historyBefore = await changesOf(team.project.id);
    expect(before).toHaveLength(2);
    await h.db.delete(raidItem).where(and(eq(raidItem.projectId, team.project.id)));

    // A fresh set of live boards (as after a restart) loads the log and catches the projection up.
    const restarted = new LiveDocuments({ db: h.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    const doc = await restarted.open('risks', team.project.id);
    await doc.settle();
    doc.release();
    await restarted.close();
    const after = await rowsOf(team.project.id);
    const comparable = (rows: typeof before) =>
      rows.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.find((r) => r.id === 'r-1')).toMatchObject({ score: 20, band: 'critical' });
    // The items are restored, not created a second time: the history is unchanged.
    expect(await changesOf(team.project.id)).toEqual(historyBefore);
  });

  it('an item deleted and then added again is recorded as created again', async () => {
    const team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const edit = async (change: (doc: Y.Doc) => void) => {
      const document = await h.documents.open('risks', team.project.id);
      try {
        const scratch = new Y.Doc();
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
        const before = Y.encodeStateVector(scratch);
        change(scratch);
        await document.submit(Y.encodeStateAsUpdate(scratch, before), team.users.editor.id);
      } finally {
        document.release();
      }
      await h.documents.flushProjections();
    };
    await edit((doc) => insertRaidItem(doc, { title: 'Vendor lock-in' }, team.users.editor.id, 'again-1'));
    await edit((doc) => raidItemsMap(doc).delete('again-1'));
    await edit((doc) => insertRaidItem(doc, { title: 'Vendor lock-in' }, team.users.editor.id, 'again-1'));
    const fields = (await changesOf(team.project.id)).sort((a, b) => a.id - b.id).map((c) => c.field);
    expect(fields).toEqual(['created', 'deleted', 'created']);
    expect(await rowsOf(team.project.id)).toHaveLength(1);
  });
});
