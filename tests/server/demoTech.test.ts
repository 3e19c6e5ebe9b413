// The demo's technology, read back through the tech procedures as the demo's people see it: an
// inventory with an item past its end of life, one reaching it soon, a "hold" item in use, a major
// version behind and a licence the workspace denies; moves since the last review marked; one public
// item (and only that one) on the public status page; the workspace radar merging both projects.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '@/db/seed';
import { demoDeniedLicences, seedDemoTech } from '@/db/seedDemoTech';
import { publicPageData } from '@/server/data/status';
import { useSeededDemo } from '../support/seededDemo';

const demo = useSeededDemo('demo_tech');
let projectId: string;
let workspaceId: string;
beforeAll(() => {
  ({ projectId, workspaceId } = demo);
});

describe('demo technology', () => {
  it('the demo project has an inventory with every kind of alert, each naming its item', async () => {
    const viewer = await demo.caller('viewer');
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
    const owner = await demo.caller('owner');
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
    const owner = await demo.caller('owner');
    const items = await owner.tech.list({ projectId });
    expect(items.filter((i) => i.isPublic).map((i) => i.name)).toEqual(['PostgreSQL']);
    const page = await publicPageData(demo.db, projectId);
    expect(page.technology).toEqual([{ name: 'PostgreSQL', note: expect.stringContaining('no longer gets security fixes'), eolDate: '2024-11-14' }]);
  });

  it('the workspace radar merges both projects: moment is on hold in a live project, PostgreSQL is used by both', async () => {
    const owner = await demo.caller('owner');
    const radar = await owner.tech.radar({ workspaceId });
    const moment = radar.blips.find((b) => b.key === 'npm:moment')!;
    expect(moment).toMatchObject({ ring: 'hold', rings: ['hold', 'adopt'], holdInActiveProject: true, movedSinceReview: true });
    expect(moment.usedBy.map((u) => u.projectName)).toEqual(['Atlas platform migration', 'Search service relaunch']);
    expect(radar.blips.find((b) => b.key === 'manual:postgresql')!.usedBy).toHaveLength(2);
    expect(radar.blips[0]!.holdInActiveProject).toBe(true);
  });

  it('seeding again adds nothing', async () => {
    const owner = await demo.caller('owner');
    const before = await owner.tech.list({ projectId });
    await seedDemoTech(demo.db, { workspaceId, projectId, searchProjectId: null, ids: { owner: '', editor: '', viewer: '' }, today: new Date() });
    expect(await owner.tech.list({ projectId })).toEqual(before);
  });
});
