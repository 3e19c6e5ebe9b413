// The public status page's Technology section: only items marked public, and of them only the name,
// the plain-language note and the end of life. A private item's name, and a public item's private
// fields, never reach the page, the feed, the calendar, the badge or a webhook; a tech change a page
// shows reaches it with the next request, in this process and on another instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusSite, type PublicKind } from '@/server/status/publicSite';
import { eventually } from '../collab/harness';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, useRouterDeps, type Team } from '../routers/harness';
import { receiver, type Receiver } from './receiver';
import { publishUpdate, updateContent } from './support';

const deps = useRouterDeps();
const files: Record<PublicKind, string> = { page: '', feed: '/feed.atom', ics: '/milestones.ics', badge: '/badge.svg' };
const secret = uniqueSuffix();
const privateStrings = {
  privateName: `PRIVATE-TECH-NAME-${secret}`,
  privateNote: `PRIVATE-TECH-NOTE-${secret}`,
  version: `9.9.9-private-${secret}`,
  licence: `PRIVATE-LICENCE-${secret}`,
  fitNotes: `PRIVATE-FIT-${secret}`,
  ownerName: `PRIVATE-OWNER-${secret}`,
};
const publicName = `Payments gateway ${secret}`;
const publicNote = `Card payments run through this; renewal is in hand ${secret}`;

let team: Team;
let slug: string;
let hook: Receiver;
/** Trusts a checked key for a minute: only this process's change events make it look again. */
let notified: StatusSite;
/** Reads the key on every request, as another instance does. */
let otherInstance: StatusSite;
let publicItem: { id: string; revision: number };

beforeAll(async () => {
  const people = await createPeople(deps);
  team = await projectFor(deps, people, 'Public tech');
  slug = `tech-${uniqueSuffix()}`;
  const owner = await team.as('owner');
  await owner.status.setPublicPage({ projectId: team.project.id, enabled: true, slug });
  hook = await receiver();
  await owner.status.addWebhook({ projectId: team.project.id, url: hook.url });
  publicItem = await owner.tech.upsert({
    projectId: team.project.id,
    name: publicName,
    kind: 'service',
    version: privateStrings.version,
    licence: privateStrings.licence,
    fitNotes: privateStrings.fitNotes,
    ownerName: privateStrings.ownerName,
    ownerId: team.users.editor.id,
    stakeholderNote: publicNote,
    eolDate: '2027-09-30',
    isPublic: true,
  });
  await owner.tech.upsert({ projectId: team.project.id, name: privateStrings.privateName, kind: 'software', stakeholderNote: privateStrings.privateNote, eolDate: '2020-01-01' });
  notified = new StatusSite({ db: deps.db, appUrl: 'http://localhost:3000', revalidateAfterMs: 60_000 });
  otherInstance = new StatusSite({ db: deps.db, appUrl: 'http://localhost:3000', revalidateAfterMs: 0 });
});

afterAll(async () => {
  notified?.close();
  otherInstance?.close();
  await hook?.close();
});

async function everything(site: StatusSite): Promise<Record<PublicKind, string>> {
  const entries = await Promise.all(
    (Object.keys(files) as PublicKind[]).map(async (kind) => {
      const response = await site.respond(`/status/${slug}${files[kind]}`, undefined);
      expect(response.status, kind).toBe(200);
      return [kind, response.body] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PublicKind, string>;
}

describe('public status page: technology', () => {
  it('shows a public item’s name, note and end of life; never a private item or a public item’s private fields, on any surface or webhook', async () => {
    await publishUpdate(team, 'editor', updateContent({ healthReason: 'Steady' }));
    await eventually(() => expect(hook.received.length).toBeGreaterThan(0));
    const bodies = await everything(notified);
    expect(bodies.page).toContain('<h2 id="technology">Technology</h2>');
    expect(bodies.page).toContain(publicName);
    expect(bodies.page).toContain(publicNote);
    expect(bodies.page).toContain('<time datetime="2027-09-30">30 September 2027</time>');
    const forbidden = [...Object.values(privateStrings), team.users.editor.name, team.users.editor.email];
    for (const [kind, body] of Object.entries(bodies)) {
      for (const text of forbidden) expect(body, `${kind} must not contain ${text}`).not.toContain(text);
    }
    for (const delivery of hook.received) for (const text of forbidden) expect(delivery.body).not.toContain(text);
    // The feed, calendar and badge carry no technology at all.
    for (const kind of ['feed', 'ics', 'badge'] as const) expect(bodies[kind]).not.toContain(publicName);
  });

  it('a page without public tech items has no Technology section', async () => {
    const other = await projectFor(deps, team.users, 'No public tech');
    const otherSlug = `tech-${uniqueSuffix()}`;
    const otherOwner = await other.as('owner');
    await otherOwner.status.setPublicPage({ projectId: other.project.id, enabled: true, slug: otherSlug });
    await otherOwner.tech.upsert({ projectId: other.project.id, name: privateStrings.privateName, kind: 'tool', stakeholderNote: privateStrings.privateNote });
    const page = (await otherInstance.respond(`/status/${otherSlug}`, undefined)).body;
    expect(page).not.toContain('id="technology"');
    expect(page).not.toContain(privateStrings.privateName);
  });

  it('a changed note, an item made private and a removed item reach the page with the next request, here and on another instance', async () => {
    const owner = await team.as('owner');
    const projectId = team.project.id;
    await everything(notified);
    const newNote = `Moving to the new provider in June ${secret}`;
    publicItem = await owner.tech.upsert({ projectId, id: publicItem.id, revision: publicItem.revision, stakeholderNote: newNote });
    for (const site of [notified, otherInstance]) {
      const page = (await site.respond(`/status/${slug}`, undefined)).body;
      expect(page).toContain(newNote);
      expect(page).not.toContain(publicNote);
    }
    // Made private: gone at once.
    publicItem = await owner.tech.upsert({ projectId, id: publicItem.id, revision: publicItem.revision, isPublic: false });
    for (const site of [notified, otherInstance]) expect((await site.respond(`/status/${slug}`, undefined)).body).not.toContain(publicName);
    // Public again, then removed: gone at once.
    publicItem = await owner.tech.upsert({ projectId, id: publicItem.id, revision: publicItem.revision, isPublic: true });
    for (const site of [notified, otherInstance]) expect((await site.respond(`/status/${slug}`, undefined)).body).toContain(publicName);
    await owner.tech.remove({ projectId, id: publicItem.id });
    for (const site of [notified, otherInstance]) expect((await site.respond(`/status/${slug}`, undefined)).body).not.toContain(publicName);
    // A new item added as public: there at once.
    const arrival = `Arrival ${secret}`;
    await owner.tech.upsert({ projectId, name: arrival, kind: 'service', isPublic: true, stakeholderNote: 'Our new mail provider' });
    for (const site of [notified, otherInstance]) expect((await site.respond(`/status/${slug}`, undefined)).body).toContain(arrival);
  });

  it('a change to a private item does not bump the public revision (the cached page stays valid)', async () => {
    const owner = await team.as('owner');
    const before = await owner.status.pageRevision({ projectId: team.project.id });
    await owner.tech.upsert({ projectId: team.project.id, name: `Private tool ${uniqueSuffix()}`, kind: 'tool' });
    await owner.tech.importManifest({ projectId: team.project.id, fileName: 'package.json', content: '{"dependencies":{"left-pad":"1.3.0"}}' });
    expect(await owner.status.pageRevision({ projectId: team.project.id })).toEqual(before);
  });
});
