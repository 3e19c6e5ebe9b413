// Correcting a published public update: the public status page shows the corrected text on the
// next request (within its trust window, the correction is announced like a publish; in another
// process, the page's cache key changes) and webhooks are told with a signed
// `status_update.corrected` delivery carrying the new text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusSite } from '@/server/status/publicSite';
import { eventually } from '../support/eventually';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, useRouterDeps, type People } from '../routers/harness';
import { receiver, verify, type Receiver } from './receiver';
import { publishUpdate, updateContent } from './support';

const deps = useRouterDeps();
let people: People;
let hooks: Receiver;
beforeAll(async () => {
  people = await createPeople(deps);
  hooks = await receiver();
});
afterAll(() => hooks.close());

describe('status corrections', () => {
  it('status.correct: a correction of a public update changes the public page and sends a signed `corrected` webhook', async () => {
    const team = await projectFor(deps, people, 'Corrected');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    const slug = `corr-${uniqueSuffix()}`;
    await owner.status.setPublicPage({ projectId, enabled: true, slug });
    const hook = await owner.status.addWebhook({ projectId, url: hooks.url });
    const wrong = `Cut-over on 3 March ${uniqueSuffix()}`;
    const right = `Cut-over on 10 March ${uniqueSuffix()}`;
    const published = await publishUpdate(team, 'editor', updateContent({ summary: wrong, healthReason: 'Rehearsal went well' }));
    const ofThisUpdate = () => hooks.received.filter((d) => JSON.parse(d.body).updateId === published.id);
    await eventually(() => expect(ofThisUpdate().map((d) => d.event)).toEqual(['status_update.published']));

    // A long trust window: only the correction's announcement can make the page fresh.
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test', revalidateAfterMs: 60 * 60_000 });
    // Another server process: it does not hear this one's announcements and relies on the page's cache key.
    const elsewhere = new StatusSite({ db: deps.db, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    elsewhere.close();
    try {
      const before = await site.respond(`/status/${slug}`, undefined);
      expect(before.status).toBe(200);
      expect(before.body).toContain(wrong);
      const beforeElsewhere = await elsewhere.respond(`/status/${slug}`, undefined);
      expect(beforeElsewhere.body).toContain(wrong);

      const editor = await team.as('editor');
      await editor.status.correct({ projectId, updateId: published.id, content: updateContent({ summary: right, healthReason: 'Rehearsal went well' }), baseRevision: published.revision });

      const after = await site.respond(`/status/${slug}`, before.headers.etag);
      expect(after.status).toBe(200);
      expect(after.body).toContain(right);
      expect(after.body).not.toContain(wrong);
      expect((await site.respond(`/status/${slug}/feed.atom`, undefined)).body).toContain(right);
      const afterElsewhere = await elsewhere.respond(`/status/${slug}`, beforeElsewhere.headers.etag);
      expect(afterElsewhere.status).toBe(200);
      expect(afterElsewhere.body).toContain(right);
    } finally {
      site.close();
    }

    await eventually(() => expect(ofThisUpdate().map((d) => d.event)).toEqual(['status_update.published', 'status_update.corrected']));
    const corrected = ofThisUpdate()[1]!;
    expect(verify(hook.secret, corrected.signature, corrected.body)).toBe(true);
    expect(JSON.parse(corrected.body)).toMatchObject({ event: 'status_update.corrected', projectId, updateId: published.id, update: { summary: right } });
  });
});
