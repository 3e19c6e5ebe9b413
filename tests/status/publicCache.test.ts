// The public page's cache never outlives what it shows: a public risk deleted on the live board, a
// milestone deleted or renamed, a corrected update and a renamed project reach the page, its feed
// and its calendar with the next request, not at the next publish or the next UTC day.
// Edits go through real y-websocket clients against a real collaboration server. The clock is held
// still, as on an instance whose clock lags another's: the cache key must not hang on change times.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planItem, raidItem } from '@/db/schema';
import { insertPlanItem, deletePlanItem, updatePlanItem } from '@/server/collab/boards/planDocument';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { StatusSite, type PublicKind } from '@/server/status/publicSite';
import { connectClient, startCollabServer, type Client, type Harness } from '../collab/harness';
import { addToProject, callerFor, createUser, uniqueSuffix, type TestUser } from '../support/factories';
import { updateContent } from './support';

const files: Record<PublicKind, string> = { page: '', feed: '/feed.atom', ics: '/milestones.ics', badge: '/badge.svg' };
const surfaces = ['page', 'feed', 'ics'] as const;

let h: Harness;
/** An owner and an editor: all these tests need (each sign-up is slow, the machine is shared). */
let team: {
  project: { id: string; name: string };
  users: { owner: TestUser; editor: TestUser };
  as: (persona: 'owner' | 'editor') => ReturnType<typeof callerFor>;
};
let slug: string;
let risks: Client;
let plan: Client;
/** Trusts a checked key for a minute: only this process's change events make it look again. */
let notified: StatusSite;
/** Reads the key on every request, as another instance does once its second is up. */
let otherInstance: StatusSite;

/**
 * Waits until the projection has written what the board says (a condition on the database, with a
 * deadline on the monotonic clock since Date stands still), then until its run has finished.
 */
async function projected(condition: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('the projection did not write the edit within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await h.documents.flushProjections();
}

async function bodies(site: StatusSite): Promise<Record<(typeof surfaces)[number], string>> {
  const entries = await Promise.all(
    surfaces.map(async (kind) => {
      const response = await site.respond(`/status/${slug}${files[kind]}`, undefined);
      expect(response.status, kind).toBe(200);
      return [kind, response.body] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<(typeof surfaces)[number], string>;
}

/** Both sites, asked right after the change: none may still show `gone`; each shows `shown` where given. */
async function expectAtOnce(gone: string, shown: Partial<Record<(typeof surfaces)[number], string>> = {}) {
  for (const [name, site] of [['same process', notified], ['other instance', otherInstance]] as const) {
    const now = await bodies(site);
    for (const kind of surfaces) {
      expect(now[kind], `${name} ${kind} still shows ${gone}`).not.toContain(gone);
      if (shown[kind]) expect(now[kind], `${name} ${kind} does not show ${shown[kind]} yet`).toContain(shown[kind]);
    }
  }
}

const rowExists = async (table: typeof raidItem | typeof planItem, id: string) =>
  (await h.db.select({ id: table.id }).from(table).where(and(eq(table.projectId, team.project.id), eq(table.id, id)))).length > 0;

beforeAll(async () => {
  // Held still before anything is written, so every row's change time is the same instant.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
  h = await startCollabServer();
  const deps = { db: h.db, auth: h.auth, live: h.documents };
  const [owner, editor] = await Promise.all([createUser(h.auth, 'Owner'), createUser(h.auth, 'Editor')]);
  const project = await (await callerFor(deps, owner)).project.create({ name: `Cache ${uniqueSuffix()}` });
  await addToProject(deps, owner, project.id, editor, 'editor');
  const users = { owner, editor };
  team = { project, users, as: (persona) => callerFor(deps, users[persona]) };
  slug = `cache-${uniqueSuffix()}`;
  await (await team.as('owner')).status.setPublicPage({ projectId: team.project.id, enabled: true, slug });
  notified = new StatusSite({ db: h.db, appUrl: 'http://status.test', revalidateAfterMs: 60_000 });
  otherInstance = new StatusSite({ db: h.db, appUrl: 'http://status.test', revalidateAfterMs: 0 });
  risks = connectClient(h.url, `risks:${team.project.id}`, team.users.owner.cookie);
  plan = connectClient(h.url, `plan:${team.project.id}`, team.users.editor.cookie);
  await Promise.all([risks.synced, plan.synced]);
  // Starting the in-memory database takes most of this, and far longer on a busy machine.
}, 180_000);

afterAll(async () => {
  risks?.destroy();
  plan?.destroy();
  notified?.close();
  otherInstance?.close();
  await h?.close();
  vi.useRealTimers();
});

describe('public page cache', () => {
  it('public page cache: a public risk deleted on the live board is gone from the page, feed and calendar at once', async () => {
    const title = `PRIVATE-WITHDRAWN-RISK-${uniqueSuffix()}`;
    const id = insertRaidItem(risks.doc, { title, likelihood: 4, impact: 4, isPublic: true }, team.users.owner.id);
    await projected(() => rowExists(raidItem, id));
    for (const site of [notified, otherInstance]) expect((await bodies(site)).page).toContain(title);

    // Deleted, and a private risk added in the same edit: the count of risks stays as it was.
    risks.doc.transact(() => {
      raidItemsMap(risks.doc).delete(id);
      insertRaidItem(risks.doc, { title: `Private ${uniqueSuffix()}`, isPublic: false }, team.users.owner.id);
    });
    await projected(async () => !(await rowExists(raidItem, id)));
    await expectAtOnce(title);
  });

  it('public page cache: a milestone deleted on the live plan leaves the page, feed and calendar at once', async () => {
    const title = `PRIVATE-CANCELLED-MILESTONE-${uniqueSuffix()}`;
    const id = insertPlanItem(plan.doc, { kind: 'milestone', title, start: '2027-05-03', end: '2027-05-03' }, team.users.editor.id);
    await projected(() => rowExists(planItem, id));
    for (const site of [notified, otherInstance]) {
      const before = await bodies(site);
      expect(before.page).toContain(title);
      expect(before.ics).toContain(title);
    }

    plan.doc.transact(() => {
      deletePlanItem(plan.doc, id);
      insertPlanItem(plan.doc, { kind: 'workstream', title: `Private ${uniqueSuffix()}`, start: '2027-05-01', end: '2027-05-09' }, team.users.editor.id);
    });
    await projected(async () => !(await rowExists(planItem, id)));
    await expectAtOnce(title);
  });

  it('public page cache: a milestone renamed on the live plan shows its new name at once, the old one nowhere', async () => {
    const oldTitle = `PRIVATE-CODENAME-${uniqueSuffix()}`;
    const newTitle = `Public launch ${uniqueSuffix()}`;
    const id = insertPlanItem(plan.doc, { kind: 'milestone', title: oldTitle, start: '2027-06-01', end: '2027-06-01' }, team.users.editor.id);
    await projected(() => rowExists(planItem, id));
    for (const site of [notified, otherInstance]) expect((await bodies(site)).ics).toContain(oldTitle);

    updatePlanItem(plan.doc, id, { title: newTitle });
    const titleOf = async () => (await h.db.select({ title: planItem.title }).from(planItem).where(and(eq(planItem.projectId, team.project.id), eq(planItem.id, id))))[0]?.title;
    await projected(async () => (await titleOf()) === newTitle);
    await expectAtOnce(oldTitle, { page: newTitle, ics: newTitle });
  });

  it("public page cache: a correction's new text replaces the old on the page and in the feed at once", async () => {
    const oldReason = `PRIVATE-WRONG-REASON-${uniqueSuffix()}`;
    const newReason = `Corrected reason ${uniqueSuffix()}`;
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId: team.project.id, audience: 'public' });
    const published = await editor.status.publish({ projectId: team.project.id, updateId: draft.id, content: updateContent({ healthReason: oldReason }), baseRevision: draft.revision });
    for (const site of [notified, otherInstance]) {
      const before = await bodies(site);
      expect(before.page).toContain(oldReason);
      expect(before.feed).toContain(oldReason);
    }

    await editor.status.correct({
      projectId: team.project.id,
      updateId: published.id,
      content: updateContent({ healthReason: newReason, summary: published.summary }),
      baseRevision: published.revision,
    });
    await expectAtOnce(oldReason, { page: newReason, feed: newReason });
  });

  it('public page cache: a renamed project shows its new name on the page, feed and calendar at once', async () => {
    const oldName = team.project.name;
    const newName = `Renamed ${uniqueSuffix()}`;
    for (const site of [notified, otherInstance]) {
      const before = await bodies(site);
      for (const kind of surfaces) expect(before[kind], kind).toContain(oldName);
    }
    await (await team.as('owner')).project.rename({ projectId: team.project.id, name: newName });
    await expectAtOnce(oldName, { page: newName, feed: newName, ics: newName });
  });
});
