// The demo seeded on first start: three people, a project with a plan (a baseline it has slipped
// from) and a RAID log spanning every kind and band whose top risks threaten plan items, written
// through the live documents so the projections and history are filled; never twice.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { planDateChange, planDependency, planGoal, planItem, planRaci, planStakeholder, projectMember, raidItem, raidItemChange, user } from '@/db/schema';
import { demoStatusSlug, demoUsers, seedDemoIfEmpty } from '@/db/seed';
import { StatusSite } from '@/server/status/publicSite';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { emptyDatabase } from '../support/database';
import { createTestAuth } from '../support/factories';

let handle: DatabaseHandle;
let drop = async () => {};

/** The seed needs an empty database. */
beforeAll(async () => {
  ({ handle, drop } = await emptyDatabase('seed'));
}, 60_000);
afterAll(() => drop());

describe('demo seed', () => {
  it('seeds a realistic project once, through the live document', async () => {
    const auth = createTestAuth(handle.db);
    const documents = new LiveDocuments({ db: handle.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    const seeded = await seedDemoIfEmpty(handle.db, auth, documents);
    expect(seeded).toMatchObject({ email: demoUsers.owner.email, password: 'waymark-demo' });
    await documents.flushProjections();

    const members = await handle.db
      .select({ role: projectMember.role, email: user.email })
      .from(projectMember)
      .innerJoin(user, eq(user.id, projectMember.userId))
      .where(eq(projectMember.projectId, seeded!.projectId));
    expect(members.map((m) => m.role).sort()).toEqual(['editor', 'owner', 'viewer']);

    const items = await handle.db.select().from(raidItem).where(eq(raidItem.projectId, seeded!.projectId));
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.band))).toEqual(new Set(['critical', 'high', 'medium', 'low']));
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['risk', 'assumption', 'issue', 'dependency']));
    const created = await handle.db.select().from(raidItemChange).where(eq(raidItemChange.projectId, seeded!.projectId));
    expect(created.filter((c) => c.field === 'created')).toHaveLength(items.length);

    // A plan: milestones and workstreams with dependencies, goals and stakeholders; two items
    // slipped a week after the kick-off baseline, moved by the engineer.
    const plan = await handle.db.select().from(planItem).where(eq(planItem.projectId, seeded!.projectId));
    expect(new Set(plan.map((p) => p.kind))).toEqual(new Set(['milestone', 'workstream']));
    expect(plan.filter((p) => p.kind === 'workstream').every((w) => plan.some((m) => m.id === w.milestoneId))).toBe(true);
    const planRows = async (table: typeof planDependency | typeof planGoal | typeof planStakeholder) =>
      handle.db.select().from(table as typeof planGoal).where(eq((table as typeof planGoal).projectId, seeded!.projectId));
    expect((await planRows(planDependency)).length).toBeGreaterThanOrEqual(3);
    expect((await planRows(planGoal)).length).toBeGreaterThanOrEqual(2);
    expect((await planRows(planStakeholder)).length).toBeGreaterThanOrEqual(3);
    // Every milestone has exactly one Accountable and at least one Responsible.
    const raci = await handle.db.select().from(planRaci).where(eq(planRaci.projectId, seeded!.projectId));
    for (const milestone of plan.filter((p) => p.kind === 'milestone')) {
      const roles = raci.filter((r) => r.subjectId === milestone.id).map((r) => r.role);
      expect(roles.filter((r) => r === 'A')).toHaveLength(1);
      expect(roles).toContain('R');
    }
    const moves = (await handle.db.select().from(planDateChange).where(eq(planDateChange.projectId, seeded!.projectId))).filter((c) => c.field !== 'created');
    expect(moves.length).toBeGreaterThanOrEqual(2);
    const [engineer] = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, demoUsers.editor.email));
    expect(new Set(moves.map((m) => m.actorId))).toEqual(new Set([engineer!.id]));
    // The top risks threaten plan items that exist.
    const sunset = items.find((i) => i.title.startsWith('Payment provider API v2 sunset'))!;
    expect(sunset.threatens.length).toBe(2);
    expect(sunset.threatens.every((id) => plan.some((p) => p.id === id))).toBe(true);

    // The public status page is on, with weeks of published updates and a few public risks.
    expect(seeded!.statusPath).toBe(`/status/${demoStatusSlug}`);
    const page = await new StatusSite({ db: handle.db, appUrl: 'http://localhost' }).respond(seeded!.statusPath, undefined);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Payment provider API v2 sunset before cut-over');
    expect(page.body).not.toContain('Only one engineer knows the billing reconciliation job');
    const strip = new Set([...page.body.matchAll(/data-health="([a-z_]+)"/g)].map((m) => m[1]));
    expect(strip).toEqual(new Set(['none', 'on_track', 'at_risk', 'off_track']));

    // The sign-in printed on the console works.
    const session = await auth.api.signInEmail({ body: { email: seeded!.email, password: seeded!.password } });
    expect(session.user.email).toBe(demoUsers.owner.email);

    expect(await seedDemoIfEmpty(handle.db, auth, documents)).toBeNull();
    expect(await handle.db.select().from(raidItem).where(eq(raidItem.projectId, seeded!.projectId))).toHaveLength(items.length);
    await documents.close();
  });
});
