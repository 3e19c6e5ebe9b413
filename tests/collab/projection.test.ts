// The risk board projection: idempotent, and rebuildable from the update log alone.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raidItem, raidItemChange } from '@/db/schema';
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
  });
});
