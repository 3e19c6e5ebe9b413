// Who reads an update: a public one is drafted only from public risks and milestones, and a risk or
// plan item that is not public never reaches the public page, its feed, calendar, badge or webhooks
// (checked with seeded private strings); an internal one is for members only; a public update that
// names a private item is published only once its author confirms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateContentOf } from '@/server/domain/status';
import { StatusSite } from '@/server/status/publicSite';
import { eventually } from '../support/eventually';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from '../routers/harness';
import { addPlanItems, addRisks, updateContent } from './support';

const deps = useRouterDeps();
let people: People;

const secret = uniqueSuffix();
const privateRisk = `Private risk ${secret}`;
const privatePlanItem = `Private workstream ${secret}`;
const publicRisk = `Public risk ${secret}`;

/** Every public URL of the project, by name. */
async function publicBodies(slug: string) {
  const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
  try {
    const files = { page: '', feed: '/feed.atom', ics: '/milestones.ics', badge: '/badge.svg' };
    const bodies: Record<string, string> = {};
    for (const [name, file] of Object.entries(files)) {
      const response = await site.respond(`/status/${slug}${file}`, undefined);
      expect(response.status, name).toBe(200);
      bodies[name] = response.body;
    }
    return bodies;
  } finally {
    site.close();
  }
}

describe('status update audience', () => {
  let team: Team;
  let slug: string;
  const received: string[] = [];
  let hookServer: Server;

  beforeAll(async () => {
    people = await createPeople(deps);
    team = await projectFor(deps, people, 'Audience');
    slug = `aud-${uniqueSuffix()}`;
    const owner = await team.as('owner');
    await owner.status.setPublicPage({ projectId: team.project.id, enabled: true, slug });
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    await owner.status.addWebhook({ projectId: team.project.id, url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook` });
    await addRisks(deps, team, [
      // The private risk scores highest, so an unfiltered draft would list it first.
      { id: 'R-private', fields: { title: privateRisk, likelihood: 5, impact: 5, isPublic: false } },
      { id: 'R-public', fields: { title: publicRisk, likelihood: 4, impact: 4, isPublic: true } },
    ]);
    await addPlanItems(deps, team, [
      { kind: 'workstream', title: privatePlanItem, start: '2027-01-04', end: '2027-02-26', status: 'planned' },
      { kind: 'milestone', title: `Launch ${secret}`, start: '2027-03-01', end: '2027-03-01', status: 'planned' },
    ]);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
  });

  it('status.createDraft: an internal draft names every risk; a public one only public risks', async () => {
    const editor = await team.as('editor');
    const internal = await editor.status.createDraft({ projectId: team.project.id });
    expect(internal.audience).toBe('internal');
    expect(internal.summary).toContain(privateRisk);
    const publicDraft = await editor.status.createDraft({ projectId: team.project.id, audience: 'public' });
    expect(publicDraft.audience).toBe('public');
    const text = JSON.stringify(publicDraft);
    expect(text).toContain(publicRisk);
    expect(text).not.toContain(privateRisk);
    expect(text).not.toContain(privatePlanItem);
    await editor.status.discardDraft({ projectId: team.project.id, updateId: internal.id });
    await editor.status.discardDraft({ projectId: team.project.id, updateId: publicDraft.id });
  });

  it('status: a public update drafted and published leaves no private risk or plan item on the page, feed, calendar, badge or webhooks', async () => {
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId: team.project.id, audience: 'public' });
    const published = await editor.status.publish({
      projectId: team.project.id,
      updateId: draft.id,
      content: updateContentOf(draft),
      baseRevision: draft.revision,
    });
    expect(published.audience).toBe('public');
    await eventually(() => expect(received.some((b) => b.includes(published.id))).toBe(true));
    const bodies = await publicBodies(slug);
    expect(bodies.page).toContain(publicRisk);
    for (const [name, body] of Object.entries({ ...bodies, webhooks: received.join('\n') })) {
      expect(body, `${name} must not contain the private risk`).not.toContain(privateRisk);
      expect(body, `${name} must not contain the private plan item`).not.toContain(privatePlanItem);
    }
  });

  it('status: an internal update is for members only: never on the public page, feed, badge or webhooks', async () => {
    const owner = await team.as('owner');
    const marker = `Internal only ${uniqueSuffix()}`;
    const draft = await owner.status.createDraft({ projectId: team.project.id });
    const published = await owner.status.publish({
      projectId: team.project.id,
      updateId: draft.id,
      content: updateContent({ health: 'off_track', healthReason: marker, summary: `${marker}: ${privateRisk} and ${privatePlanItem}` }),
      baseRevision: draft.revision,
    });
    expect(published.audience).toBe('internal');
    const bodies = await publicBodies(slug);
    for (const [name, body] of Object.entries(bodies)) expect(body, name).not.toContain(marker);
    // The badge shows the latest public health, not the internal "off track".
    expect(bodies.badge).not.toContain('off track');
    // Members see it; a stranger and someone signed out do not.
    const viewer = await team.as('viewer');
    expect((await viewer.status.list({ projectId: team.project.id })).published.map((u) => u.healthReason)).toContain(marker);
    expect(await viewer.status.get({ projectId: team.project.id, updateId: published.id })).toMatchObject({ audience: 'internal', healthReason: marker });
    await rejection((await team.as('stranger')).status.get({ projectId: team.project.id, updateId: published.id }), 'NOT_FOUND');
    await rejection((await team.as('anonymous')).status.list({ projectId: team.project.id }), 'UNAUTHORIZED');
    // A public publish after it is delivered; the internal one never was.
    const later = await (await team.as('editor')).status.createDraft({ projectId: team.project.id, audience: 'public' });
    await (await team.as('editor')).status.publish({ projectId: team.project.id, updateId: later.id, content: updateContent(), baseRevision: later.revision });
    await eventually(() => expect(received.some((b) => b.includes(later.id))).toBe(true));
    expect(received.join('\n')).not.toContain(marker);
  });

  it('status.correct: a correction of an internal update stays in Waymark; one of a public update reaches the webhooks', async () => {
    const editor = await team.as('editor');
    const projectId = team.project.id;
    const internalMarker = `Internal correction ${uniqueSuffix()}`;
    const publicMarker = `Public correction ${uniqueSuffix()}`;
    const internalDraft = await editor.status.createDraft({ projectId });
    const internal = await editor.status.publish({ projectId, updateId: internalDraft.id, content: updateContent(), baseRevision: internalDraft.revision });
    await editor.status.correct({ projectId, updateId: internal.id, content: updateContent({ summary: internalMarker }), baseRevision: internal.revision });
    const publicDraft = await editor.status.createDraft({ projectId, audience: 'public' });
    const published = await editor.status.publish({ projectId, updateId: publicDraft.id, content: updateContent(), baseRevision: publicDraft.revision });
    await editor.status.correct({ projectId, updateId: published.id, content: updateContent({ summary: publicMarker }), baseRevision: published.revision });
    // Deliveries go out in order: once the later public correction has arrived, the internal one would have too.
    await eventually(() => expect(received.some((b) => b.includes(publicMarker))).toBe(true));
    expect(received.join('\n')).not.toContain(internalMarker);
    for (const [name, body] of Object.entries(await publicBodies(slug))) expect(body, name).not.toContain(internalMarker);
  });

  it('status.publish: a public update that names a private risk or plan item asks for confirmation, listing them', async () => {
    const editor = await team.as('editor');
    const projectId = team.project.id;
    const draft = await editor.status.createDraft({ projectId });
    // The public risk and the milestone are on the public page already: naming them asks nothing.
    const content = updateContent({ summary: `The ${privateRisk.toLowerCase()} hit **${privatePlanItem}**, ahead of Launch ${secret}; ${publicRisk} holds.` });
    expect((await editor.status.checkPrivateMentions({ projectId, content })).privateMentions).toEqual([
      { kind: 'risk', title: privateRisk },
      { kind: 'plan item', title: privatePlanItem },
    ]);
    const error = await rejection(editor.status.publish({ projectId, updateId: draft.id, content, baseRevision: draft.revision, audience: 'public' }), 'PRECONDITION_FAILED');
    expect(error.message).toContain(`risk “${privateRisk}”`);
    expect(error.message).toContain(`plan item “${privatePlanItem}”`);
    expect((await editor.status.get({ projectId, updateId: draft.id })).publishedAt).toBeNull();
    // Publishing it internally needs no confirmation; publicly, the author confirms.
    const confirmed = await editor.status.publish({ projectId, updateId: draft.id, content, baseRevision: draft.revision, audience: 'public', confirmPrivateMentions: true });
    expect(confirmed).toMatchObject({ audience: 'public', publishedAt: expect.any(Date) });
  });

  it('status.publish: a draft made public when created or saved is checked for private items at publish, though publish does not repeat the audience', async () => {
    const editor = await team.as('editor');
    const projectId = team.project.id;
    const content = updateContent({ summary: `Waiting on ${privateRisk}.` });
    const createdPublic = await editor.status.createDraft({ projectId, audience: 'public' });
    await rejection(editor.status.publish({ projectId, updateId: createdPublic.id, content, baseRevision: createdPublic.revision }), 'PRECONDITION_FAILED');
    const savedPublic = await editor.status.createDraft({ projectId });
    const saved = await editor.status.saveDraft({ projectId, updateId: savedPublic.id, content, baseRevision: savedPublic.revision, audience: 'public' });
    expect(saved.audience).toBe('public');
    await rejection(editor.status.publish({ projectId, updateId: savedPublic.id, content, baseRevision: saved.revision }), 'PRECONDITION_FAILED');
    // A later save that does not name the audience keeps it.
    const again = await editor.status.saveDraft({ projectId, updateId: savedPublic.id, content, baseRevision: saved.revision });
    expect(again.audience).toBe('public');
    for (const id of [createdPublic.id, savedPublic.id]) {
      expect((await editor.status.get({ projectId, updateId: id })).publishedAt).toBeNull();
      await editor.status.discardDraft({ projectId, updateId: id });
    }
  });

  it('status.correct: a correction that names a private item in a public update, or makes such an update public, asks for confirmation and changes nothing until then', async () => {
    const editor = await team.as('editor');
    const projectId = team.project.id;
    const naming = { summary: `Blocked by ${privateRisk}.` };

    const publicDraft = await editor.status.createDraft({ projectId, audience: 'public' });
    const clean = updateContent();
    const publicUpdate = await editor.status.publish({ projectId, updateId: publicDraft.id, content: clean, baseRevision: publicDraft.revision });
    const edit = { projectId, updateId: publicUpdate.id, content: updateContent({ ...clean, ...naming }), baseRevision: publicUpdate.revision };
    expect((await rejection(editor.status.correct(edit), 'PRECONDITION_FAILED')).message).toContain(`risk “${privateRisk}”`);
    expect((await editor.status.get({ projectId, updateId: publicUpdate.id })).summary).toBe(clean.summary);

    const internalDraft = await editor.status.createDraft({ projectId });
    const internalContent = updateContent(naming);
    const internal = await editor.status.publish({ projectId, updateId: internalDraft.id, content: internalContent, baseRevision: internalDraft.revision });
    const goPublic = { projectId, updateId: internal.id, content: internalContent, baseRevision: internal.revision, audience: 'public' as const };
    await rejection(editor.status.correct(goPublic), 'PRECONDITION_FAILED');
    expect((await editor.status.get({ projectId, updateId: internal.id })).audience).toBe('internal');

    expect(await editor.status.correct({ ...goPublic, confirmPrivateMentions: true })).toMatchObject({ audience: 'public' });
  });
});
