// The demo's technical standards: the standard set in the demo workspace, applied to the demo
// project's milestones with a mix a TPM would recognise (passes with evidence, one failed load test,
// waivers with their reasons), read back through standards.forProject as the plan page reads them,
// and named in the next members-only status draft.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { milestoneCheck, project } from '@/db/schema';
import { demoPassword, demoUsers, seedDemoIfEmpty } from '@/db/seed';
import { seedDemoStandards } from '@/db/seedDemoStandards';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { isEvidenceUrl } from '@/server/domain/standards';
import { emptyDatabase } from '../support/database';
import { callerFor, createTestAuth, type TestUser } from '../support/factories';

let handle: DatabaseHandle;
let drop = async () => {};
let projectId: string;
let workspaceId: string;
let documents: LiveDocuments;
let auth: ReturnType<typeof createTestAuth>;

/** The seed needs an empty database. */
beforeAll(async () => {
  ({ handle, drop } = await emptyDatabase('demo_standards'));
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

async function signIn(who: keyof typeof demoUsers) {
  const email = demoUsers[who].email;
  const response = await auth.api.signInEmail({ body: { email, password: demoPassword }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const user: TestUser = { id: '', name: '', email, password: demoPassword, headers: new Headers({ cookie }), cookie };
  return callerFor({ db: handle.db, auth, live: documents }, user);
}

describe('demo standards', () => {
  it('the workspace holds the standard set', async () => {
    const viewer = await signIn('viewer');
    const { checklists, canEdit } = await viewer.standards.listChecklists({ workspaceId });
    expect(canEdit).toBe(false);
    expect(checklists.map((c) => [c.name, c.checks.length, c.milestoneCount])).toEqual([
      ['Launch readiness', 4, 2],
      ['Security and privacy', 2, 2],
    ]);
  });

  it('milestones show a realistic mix: the rehearsal 3/4 with its load test failed, payments met with a waiver, the cut-over 2/6', async () => {
    const owner = await signIn('owner');
    const standards = await owner.standards.forProject({ projectId });
    expect(standards.canEdit).toBe(true);
    const byTitle = new Map(standards.milestones.map((m) => [m.title, m]));
    const rehearsal = byTitle.get('Rehearsal on a production-size copy')!;
    expect(rehearsal.readiness).toEqual({ total: 4, passed: 2, waived: 1, failed: 1, pending: 0, met: 3 });
    const load = rehearsal.checklists[0]!.checks.find((c) => c.title === 'Load test passed')!;
    expect(load).toMatchObject({ state: 'failed', owner: { name: demoUsers.editor.name }, updatedBy: demoUsers.editor.name });
    expect(byTitle.get('All payments on API v3')!.readiness).toMatchObject({ total: 2, met: 2, waived: 1 });
    expect(byTitle.get('Cut-over weekend')!.readiness).toMatchObject({ total: 6, met: 2, failed: 0, pending: 4 });
    expect(byTitle.get('Design signed off')!.readiness.total).toBe(0);

    const checks = standards.milestones.flatMap((m) => m.checklists.flatMap((l) => l.checks));
    // Every waiver says why, every link is one the app would accept, and passes carry evidence.
    for (const c of checks.filter((x) => x.state === 'waived')) expect(c.waiveReason.length).toBeGreaterThan(20);
    for (const c of checks.filter((x) => x.evidenceUrl)) expect(isEvidenceUrl(c.evidenceUrl)).toBe(true);
    for (const c of checks.filter((x) => x.state === 'passed')) expect(c.evidenceUrl).not.toBe('');
  });

  it('the next members-only draft names the rehearsal and its failed load test; a public one does not', async () => {
    const owner = await signIn('owner');
    const draft = await owner.status.createDraft({ projectId });
    expect(draft.lowlights).toMatch(/- \*\*Rehearsal on a production-size copy\*\* \(due \d{4}-\d{2}-\d{2}\): 1 of 4 standards not met \(failed: Load test passed\)/);
    const publicDraft = await owner.status.createDraft({ projectId, audience: 'public' });
    expect(publicDraft.lowlights).not.toContain('standards not met');
  });

  it('seeding again adds nothing', async () => {
    const before = await handle.db.select().from(milestoneCheck).where(eq(milestoneCheck.projectId, projectId));
    const [demo] = await handle.db.select().from(project).where(eq(project.id, projectId));
    await seedDemoStandards(handle.db, { workspaceId, projectId, ids: { owner: demo!.createdBy!, editor: demo!.createdBy!, viewer: demo!.createdBy! }, plan: {} as never, today: new Date() });
    expect(await handle.db.select().from(milestoneCheck).where(eq(milestoneCheck.projectId, projectId))).toHaveLength(before.length);
  });
});
