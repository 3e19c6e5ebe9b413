// The demo's technical standards: the standard set in the demo workspace, applied to the demo
// project's milestones with a mix a TPM would recognise (passes with evidence, one failed load test,
// waivers with their reasons), read back through standards.forProject as the plan page reads them,
// and named in the next members-only status draft.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { milestoneCheck, project } from '@/db/schema';
import { demoUsers } from '@/db/seed';
import { seedDemoStandards } from '@/db/seedDemoStandards';
import { isEvidenceUrl } from '@/server/domain/standards';
import { useSeededDemo } from '../support/seededDemo';

const demo = useSeededDemo('demo_standards');
let projectId: string;
let workspaceId: string;
beforeAll(() => {
  ({ projectId, workspaceId } = demo);
});

describe('demo standards', () => {
  it('the workspace holds the standard set', async () => {
    const viewer = await demo.caller('viewer');
    const { checklists, canEdit } = await viewer.standards.listChecklists({ workspaceId });
    expect(canEdit).toBe(false);
    expect(checklists.map((c) => [c.name, c.checks.length, c.milestoneCount])).toEqual([
      ['Launch readiness', 4, 2],
      ['Security and privacy', 2, 2],
    ]);
  });

  it('milestones show a realistic mix: the rehearsal 3/4 with its load test failed, payments met with a waiver, the cut-over 2/6', async () => {
    const owner = await demo.caller('owner');
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
    const owner = await demo.caller('owner');
    const draft = await owner.status.createDraft({ projectId });
    expect(draft.lowlights).toMatch(/- \*\*Rehearsal on a production-size copy\*\* \(due \d{4}-\d{2}-\d{2}\): 1 of 4 standards not met \(failed: Load test passed\)/);
    const publicDraft = await owner.status.createDraft({ projectId, audience: 'public' });
    expect(publicDraft.lowlights).not.toContain('standards not met');
  });

  it('seeding again adds nothing', async () => {
    const before = await demo.db.select().from(milestoneCheck).where(eq(milestoneCheck.projectId, projectId));
    const [row] = await demo.db.select().from(project).where(eq(project.id, projectId));
    await seedDemoStandards(demo.db, { workspaceId, projectId, ids: { owner: row!.createdBy!, editor: row!.createdBy!, viewer: row!.createdBy! }, plan: {} as never, today: new Date() });
    expect(await demo.db.select().from(milestoneCheck).where(eq(milestoneCheck.projectId, projectId))).toHaveLength(before.length);
  });
});
