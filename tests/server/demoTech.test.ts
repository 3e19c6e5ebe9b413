// The demo's technology, read back through the tech procedures as the demo's people see it: an
// inventory with an item past its end of life, one reaching it soon, a "hold" item in use, a major
// version behind and a licence the workspace denies; moves since the last review marked; one public
// item (and only that one) on the public status page; the workspace radar merging both projects.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { project } from '@/db/schema';
import { demoPassword, demoUsers, seedDemoIfEmpty } from '@/db/seed';
import { demoDeniedLicences, seedDemoTech } from '@/db/seedDemoTech';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { publicPageData } from '@/server/data/status';
import { emptyDatabase } from '../support/database';
import { callerFor, createTestAuth, type TestUser } from '../support/factories';

let handle: DatabaseHandle;
let drop = async () => {};
let projectId: string;
let workspaceId: string;
let documents: LiveDocuments;
let auth: ReturnType<typeof createTestAuth>;

beforeAll(async () => {
  ({ handle, drop } = await emptyDatabase('demo_tech'));
  documents = new LiveDocuments({ db: handle.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
  auth = createTestAuth(handle.db);
  const seeded = await seedDemoIfEmpty(handle.db, auth, documents);
  await documents.flushProjections();
  projectId = seeded!.projectId;
  const [demo] = await handle.db.select().from(project).where(eq(project.id, projectId));
  workspaceId = demo!.workspaceId;
}, 120_000);
afterAll(async () => {
  await documents.close();
  await drop();
});

/** A caller signed in as one of the demo's people. */
async function demoCaller(who: keyof typeof demoUsers) {
  const { email } = demoUsers[who];
  const response = await auth.api.signInEmail({ body: { email, password: demoPassword }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const person: TestUser = { id: '', name: '', email, password: demoPassword, headers: new Headers({ cookie }), cookie };
  return callerFor({ db: handle.db, auth, live: documents }, person);
}

describe('demo technology', () => {
  it('the demo project has an inventory with every kind of alert, each naming its item', async () => {
    const viewer = await demoCaller('viewer');
    const items = await viewer.tech.list({ projectId });
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['software', 'library', 'service', 'hardware', 'tool']));
    expect(new Set(items.map((i) => i.quadrant))).toEqual(new Set(['techniques', 'platforms', 'tools', 'languages-frameworks']));
    const byName = new Map(items.map((i) => [i.name, i]));
    const alerts = await viewer.tech.alerts({ projectId });
    const alertsOf = (name: string) => alerts.filter((a) => a.itemId === byName.get(name)!.id).map((a) => a.kind);
    expect(alertsOf('PostgreSQL')).toEqual(['eol_past', 'major_behind']);
    expect(alertsOf('Node.js')).toEqual(['eol_past', 'major_behind']);
    expect(alertsOf('Payment provider API v2')).toEqual(['eol_soon', 'hold_in_use', 'major_behind']);
    expect(alertsOf('moment')).toEqual(['hold_in_use']);
    expect(alertsOf('next')).toEqual(['major_behind']);
    expect(alertsOf('MinIO')).toEqual(['licence_denied']);
    expect(alertsOf('Redis')).toEqual([]);
    expect((await viewer.tech.denyList({ workspaceId })).licences).toEqual(demoDeniedLicences);
  });

  it('ring history with who and why; moves since the last review (two weeks ago) are marked, and the new item', async () => {
    const owner = await demoCaller('owner');
    const items = await owner.tech.list({ projectId });
    const moment = items.find((i) => i.name === 'moment')!;
    expect(await owner.tech.history({ projectId, id: moment.id })).toMatchObject([
      { fromRing: 'adopt', toRing: 'hold', reason: 'In maintenance mode upstream; new code uses date-fns', changedByName: demoUsers.editor.name },
      { fromRing: null, toRing: 'adopt', changedByName: demoUsers.editor.name },
    ]);
    expect(items.filter((i) => i.movedSinceReview).map((i) => i.name).sort()).toEqual(['Payment provider API v2', 'date-fns', 'moment']);
    expect(items.filter((i) => i.addedSinceReview).map((i) => i.name)).toEqual(['MinIO']);
    expect(await owner.tech.review({ projectId })).toMatchObject({ lastReviewedByName: demoUsers.owner.name, movedSinceReview: 3, addedSinceReview: 1 });
  });

  it('only PostgreSQL is public: the status page shows its plain note, no other item', async () => {
    const owner = await demoCaller('owner');
    const items = await owner.tech.list({ projectId });
    expect(items.filter((i) => i.isPublic).map((i) => i.name)).toEqual(['PostgreSQL']);
    const page = await publicPageData(handle.db, projectId);
    expect(page.technology).toEqual([{ name: 'PostgreSQL', note: expect.stringContaining('no longer gets security fixes'), eolDate: '2024-11-14' }]);
  });

  it('the workspace radar merges both projects: moment is on hold in a live project, PostgreSQL is used by both', async () => {
    const owner = await demoCaller('owner');
    const radar = await owner.tech.radar({ workspaceId });
    const moment = radar.blips.find((b) => b.key === 'npm:moment')!;
    expect(moment).toMatchObject({ ring: 'hold', rings: ['hold', 'adopt'], holdInActiveProject: true, movedSinceReview: true });
    expect(moment.usedBy.map((u) => u.projectName)).toEqual(['Atlas platform migration', 'Search service relaunch']);
    expect(radar.blips.find((b) => b.key === 'manual:postgresql')!.usedBy).toHaveLength(2);
    expect(radar.blips[0]!.holdInActiveProject).toBe(true);
  });

  it('seeding again adds nothing', async () => {
    const owner = await demoCaller('owner');
    const before = await owner.tech.list({ projectId });
    await seedDemoTech(handle.db, { workspaceId, projectId, searchProjectId: null, ids: { owner: '', editor: '', viewer: '' }, today: new Date() });
    expect(await owner.tech.list({ projectId })).toEqual(before);
  });
});
