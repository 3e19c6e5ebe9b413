// The public status page, feed, calendar and badge: only what the owner chose to show, valid formats,
// caching with ETags, fresh right after a publish, gone at once when turned off, and the last good
// page served while the database is unreachable.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import ical from 'node-ical';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import { StatusSite, type PublicKind } from '@/server/status/publicSite';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, useRouterDeps, type People, type Team } from '../routers/harness';
import { addPlanItems, addRisks, movePlanItems, publishUpdate, updateContent } from './support';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

const files: Record<PublicKind, string> = { page: '', feed: '/feed.atom', ics: '/milestones.ics', badge: '/badge.svg' };

async function publicProject(name: string) {
  const team = await projectFor(deps, people, name);
  const slug = `st-${uniqueSuffix()}`;
  const owner = await team.as('owner');
  await owner.status.setPublicPage({ projectId: team.project.id, enabled: true, slug });
  return { team, slug, owner };
}

function fetchAll(site: StatusSite, slug: string) {
  return Promise.all(
    (Object.keys(files) as PublicKind[]).map(async (kind) => ({ kind, response: await site.respond(`/status/${slug}${files[kind]}`, undefined) })),
  );
}

/** A raw HTTP request (fetch would unzip the body and hide the encoding). */
function get(url: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('public status page', () => {
  let team: Team;
  let slug: string;
  const secret = uniqueSuffix();
  const privateStrings = {
    privateTitle: `PRIVATE-TITLE-${secret}`,
    publicDescription: `PRIVATE-DESCRIPTION-${secret}`,
    mitigation: `PRIVATE-MITIGATION-${secret}`,
    trigger: `PRIVATE-TRIGGER-${secret}`,
    category: `PRIVATE-CATEGORY-${secret}`,
    milestoneDescription: `PRIVATE-MILESTONE-NOTE-${secret}`,
    publicDraft: `PRIVATE-DRAFT-${secret}`,
  };
  let launchId: string;
  let betaId: string;
  const publicTitle = `PUBLIC-TITLE-${secret}`;

  beforeAll(async () => {
    ({ team, slug } = await publicProject('Public'));
    await addRisks(deps, team, [
      {
        id: 'R-public',
        fields: {
          title: publicTitle, description: privateStrings.publicDescription, mitigation: privateStrings.mitigation, trigger: privateStrings.trigger,
          category: privateStrings.category, ownerId: team.users.editor.id, likelihood: 4, impact: 4, status: 'open', isPublic: true,
        },
      },
      { id: 'R-private', fields: { title: privateStrings.privateTitle, description: 'x', ownerId: team.users.owner.id, likelihood: 5, impact: 5, isPublic: false } },
    ]);
    await publishUpdate(team, 'editor', updateContent({ health: 'at_risk', healthReason: 'Vendor API sunset is close' }));
    // A draft meant for the public page, saved but not published: nothing of it is public yet.
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId: team.project.id, audience: 'public' });
    await editor.status.saveDraft({
      projectId: team.project.id,
      updateId: draft.id,
      baseRevision: draft.revision,
      content: updateContent({ health: 'off_track', healthReason: privateStrings.publicDraft, summary: privateStrings.publicDraft }),
    });
    [betaId, launchId] = await addPlanItems(deps, team, [
      { kind: 'milestone', title: 'Beta shipped', start: '2026-10-01', end: '2026-10-01', status: 'done', ownerId: team.users.editor.id },
      { kind: 'milestone', title: 'Public launch', start: '2027-03-01', end: '2027-03-01', status: 'planned', description: privateStrings.milestoneDescription, ownerId: team.users.owner.id },
    ]);
    // Baseline, then the launch slips by 5 days.
    await deps.live.apply('plan', team.project.id, { type: 'plan.saveBaseline', name: 'Kick-off' }, team.users.owner.id);
    await deps.live.flushProjections();
    await movePlanItems(deps, team, { [launchId]: { start: '2027-03-06', end: '2027-03-06' } });
  });

  it('public status page: page, feed, calendar and badge never contain a private field, owner or private risk', async () => {
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    const responses = await fetchAll(site, slug);
    const forbidden = [...Object.values(privateStrings), team.users.owner.name, team.users.editor.name, team.users.owner.email, team.users.editor.email];
    for (const { kind, response } of responses) {
      expect(response.status, kind).toBe(200);
      for (const s of forbidden) expect(response.body, `${kind} must not contain ${s}`).not.toContain(s);
    }
    const page = responses.find((r) => r.kind === 'page')!.response.body;
    expect(page).toContain(publicTitle);
    expect(page).toContain('High');
    expect(page).toContain('Vendor API sunset is close');
    expect(page).not.toContain('<script');
  });

  it('public status page: milestones show with their date and state, slippage against the latest baseline', async () => {
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test', now: () => new Date('2026-11-25T12:00:00Z') });
    const page = (await site.respond(`/status/${slug}`, undefined)).body;
    const row = (id: string) => new RegExp(`<tr data-milestone="${id}">(.*?)</tr>`).exec(page)?.[1] ?? '';
    expect(row(betaId)).toContain('Beta shipped');
    expect(row(betaId)).toContain('Done');
    expect(row(launchId)).toContain('Public launch');
    expect(row(launchId)).toContain('6 March 2027');
    expect(row(launchId)).toContain('Slipped 5 days');
  });

  it('public status page: the feed is valid Atom with one entry per published update, newest first', async () => {
    await publishUpdate(team, 'owner', updateContent({ health: 'off_track', healthReason: 'Migration window missed' }));
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    const response = await site.respond(`/status/${slug}/feed.atom`, undefined);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed(response.body);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toMatch(/status updates$/);
    expect(feed.items.map((i) => i.title)).toEqual(['Off track: Migration window missed', 'At risk: Vendor API sunset is close']);
    expect(feed.items[0]!.url).toMatch(new RegExp(`^http://status\\.test/status/${slug}#update-`));
  });

  it('public status page: milestones.ics parses back with one all-day event per milestone, linking to the page', async () => {
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    const response = await site.respond(`/status/${slug}/milestones.ics`, undefined);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = ical.sync.parseICS(response.body);
    const events = Object.values(calendar).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events.map((e) => e.summary).sort()).toEqual(['Beta shipped', 'Public launch']);
    const launch = events.find((e) => e.summary === 'Public launch')!;
    expect(launch.start.toISOString().slice(0, 10)).toBe('2027-03-06');
    expect(String(launch.url)).toBe(`http://status.test/status/${slug}`);
    expect(response.body).toContain('X-WR-CALNAME:');
  });

  it('public status page: ETags give 304 and a publish changes the page, badge and strip at once', async () => {
    const { team: fresh, slug: freshSlug } = await publicProject('Fresh');
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    await publishUpdate(fresh, 'owner', updateContent({ health: 'on_track', healthReason: 'All good' }));
    const first = await site.respond(`/status/${freshSlug}`, undefined);
    expect(first.headers['cache-control']).toContain('no-cache');
    expect((await site.respond(`/status/${freshSlug}`, first.headers.etag)).status).toBe(304);
    expect((await site.respond(`/status/${freshSlug}/badge.svg`, undefined)).body).toContain('on track');

    await publishUpdate(fresh, 'editor', updateContent({ health: 'at_risk', healthReason: 'Staging is full' }));
    const after = await site.respond(`/status/${freshSlug}`, first.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body).toContain('Staging is full');
    expect(after.body).toMatch(/data-testid="current-health">At risk</);
    const cells = [...after.body.matchAll(/data-health="([a-z_]+)"/g)].map((m) => m[1]);
    expect(cells).toHaveLength(90);
    expect(cells.at(-1)).toBe('at_risk');
    expect((await site.respond(`/status/${freshSlug}/badge.svg`, undefined)).body).toContain('at risk');
  });

  it('public status page: turning it off makes every public URL 404 at once, and a risk marked public shows without a publish', async () => {
    const { team: t, slug: s, owner } = await publicProject('Off');
    // Risk changes are not announced like publishes: with no trust window they show on the next request.
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    expect((await site.respond(`/status/${s}`, undefined)).status).toBe(200);
    await addRisks(deps, t, [{ id: 'R-late', fields: { title: `Late public ${s}`, likelihood: 2, impact: 2, isPublic: true } }]);
    expect((await site.respond(`/status/${s}`, undefined)).body).toContain(`Late public ${s}`);
    await owner.status.setPublicPage({ projectId: t.project.id, enabled: false });
    for (const { response } of await fetchAll(site, s)) expect(response.status).toBe(404);
    expect((await site.respond('/status/never-made-this-one', undefined)).status).toBe(404);
  });

  it('public status page: within the trust window no query is made, and a publish is still visible on the next request', async () => {
    const { team: t, slug: s } = await publicProject('Window');
    let queries = 0;
    const counting: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (property === 'select') queries++;
        return Reflect.get(target, property, receiver);
      },
    });
    const site = new StatusSite({ db: counting, appUrl: 'http://status.test', revalidateAfterMs: 60_000 });
    await site.respond(`/status/${s}`, undefined);
    const before = queries;
    for (let i = 0; i < 5; i++) expect((await site.respond(`/status/${s}`, undefined)).status).toBe(200);
    expect(queries).toBe(before);
    await publishUpdate(t, 'editor', updateContent({ health: 'off_track', healthReason: 'Window test' }));
    expect((await site.respond(`/status/${s}`, undefined)).body).toContain('Window test');
    site.close();
  });

  it('public status page: while the database is unreachable the last good page is served', async () => {
    let down = false;
    const flaky: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (down && property === 'select') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return Reflect.get(target, property, receiver);
      },
    });
    const site = new StatusSite({ db: flaky, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    const good = await site.respond(`/status/${slug}`, undefined);
    expect(good.status).toBe(200);
    down = true;
    const stale = await site.respond(`/status/${slug}`, undefined);
    expect(stale.status).toBe(200);
    expect(stale.body).toBe(good.body);
    expect(stale.headers['x-waymark-stale']).toBe('1');
    const unavailable = await site.respond(`/status/${slug}/badge.svg`, undefined);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['cache-control']).toBe('no-store');
    expect(unavailable.headers['retry-after']).toBe('10');
    down = false;
    expect((await site.respond(`/status/${slug}/badge.svg`, undefined)).status).toBe(200);
  });

  it('public status page: a page turned off is not served from the last good copy when the database then fails', async () => {
    const { slug: s, owner, team: t } = await publicProject('OffThenDown');
    let down = false;
    const flaky: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (down && property === 'select') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return Reflect.get(target, property, receiver);
      },
    });
    const site = new StatusSite({ db: flaky, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    for (const { response } of await fetchAll(site, s)) expect(response.status).toBe(200);
    await owner.status.setPublicPage({ projectId: t.project.id, enabled: false });
    for (const { response } of await fetchAll(site, s)) expect(response.status).toBe(404);
    down = true;
    for (const { kind, response } of await fetchAll(site, s)) {
      expect(response.status, kind).toBe(503);
      expect(response.body, kind).not.toContain('OffThenDown');
    }
  });

  it('public status page: over HTTP only GET and HEAD are answered, gzip on request, and a failure tells nothing', async () => {
    // The page key is read, then reading the page fails, with nothing cached to fall back on.
    let selects = 0;
    const failing: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (property === 'select' && ++selects > 1) throw new Error(`SECRET-DETAIL-${secret}`);
        return Reflect.get(target, property, receiver);
      },
    });
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    const broken = new StatusSite({ db: failing, appUrl: 'http://status.test' });
    const servers = [site, broken].map((s) => createServer((req, res) => void s.handle(req, res)));
    try {
      const [base, brokenBase] = await Promise.all(servers.map((server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))));
      const post = await fetch(`${base}/status/${slug}`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');

      const page = await get(`${base}/status/${slug}?utm=x`, {});
      expect(page.status).toBe(200);
      expect(page.headers['content-encoding']).toBeUndefined();
      expect(page.body.toString()).toContain(publicTitle);
      expect(Number(page.headers['content-length'])).toBe(page.body.byteLength);

      const zipped = await get(`${base}/status/${slug}`, { 'accept-encoding': 'br, gzip' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
      expect(gunzipSync(zipped.body).toString()).toBe(page.body.toString());
      expect((await get(`${base}/status/${slug}`, { 'accept-encoding': 'gzipx' })).headers['content-encoding']).toBeUndefined();

      const head = await get(`${base}/status/${slug}`, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(page.headers['content-length']);
      expect(head.body.byteLength).toBe(0);

      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      const failed = await get(`${brokenBase}/status/${slug}`, { 'accept-encoding': 'gzip' });
      quiet.mockRestore();
      expect(failed.status).toBe(500);
      expect(failed.headers['cache-control']).toBe('no-store');
      expect(failed.body.toString()).toBe('Something went wrong.\n');
    } finally {
      for (const server of servers) server.close();
    }
  });

  it('public status page: a new day shows at once even within the trust window', async () => {
    let today = new Date('2026-11-25T23:59:00Z');
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test', now: () => today, revalidateAfterMs: 60_000 });
    const lastDay = (body: string) => [...body.matchAll(/<li class="cell [a-z_]+" data-health="[a-z_]+" title="([0-9-]+):/g)].at(-1)?.[1];
    expect(lastDay((await site.respond(`/status/${slug}`, undefined)).body)).toBe('2026-11-25');
    today = new Date('2026-11-26T00:01:00Z');
    expect(lastDay((await site.respond(`/status/${slug}`, undefined)).body)).toBe('2026-11-26');
    site.close();
  });

  it('public status page: an ETag sent back weak or in a list still gets 304; the page and badge forbid scripts', async () => {
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    const page = await site.respond(`/status/${slug}`, undefined);
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await site.respond(`/status/${slug}`, `W/${etag}`)).status).toBe(304);
    expect((await site.respond(`/status/${slug}`, `"other", ${etag}`)).status).toBe(304);
    expect((await site.respond(`/status/${slug}`, '"other"')).status).toBe(200);
    expect((await site.respond(`/status/${slug}/badge.svg`, etag)).status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const badge = await site.respond(`/status/${slug}/badge.svg`, undefined);
    expect(badge.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(badge.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const feed = await site.respond(`/status/${slug}/feed.atom`, undefined);
    expect(feed.headers['content-security-policy']).toBeUndefined();
    expect(feed.headers['cache-control']).toBe('public, max-age=60, stale-if-error=86400');
  });

  it('public status page: only /status/<slug>[/<file>] is served; anything else is a plain 404', async () => {
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    expect((await site.respond(`/status/${slug}/`, undefined)).status).toBe(200);
    for (const path of [`/x/status/${slug}`, `/status/${slug}/badge.svg/x`, `/status/${slug}/other.txt`, `/status/${slug}/feed.atom.x`, '/status/a', '/elsewhere', '/']) {
      const response = await site.respond(path, undefined);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toBe('No public status page here.\n');
    }
  });

  it('public status page: a checked page is trusted for the whole window, and a publish elsewhere does not end it', async () => {
    const { team: other } = await publicProject('Elsewhere');
    let selects = 0;
    const counting: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (property === 'select') selects++;
        return Reflect.get(target, property, receiver);
      },
    });
    const start = Date.now();
    let clock = start;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const site = new StatusSite({ db: counting, appUrl: 'http://status.test', revalidateAfterMs: 10_000 });
    const queriesFor = async (at: number) => {
      clock = start + at;
      const before = selects;
      expect((await site.respond(`/status/${slug}`, undefined)).status).toBe(200);
      return selects - before;
    };
    try {
      expect(await queriesFor(0)).toBeGreaterThan(1);
      expect(await queriesFor(5_000)).toBe(0);
      // The window is over: the key is read again, unchanged, so the page is not rebuilt.
      expect(await queriesFor(20_000)).toBe(1);
      expect(await queriesFor(25_000)).toBe(0);
      await publishUpdate(other, 'owner', updateContent({ healthReason: 'Another project' }));
      expect(await queriesFor(26_000)).toBe(0);
    } finally {
      now.mockRestore();
      site.close();
    }
  });

  it('public status page: a render that finishes after a newer one never becomes the copy served while the database is down', async () => {
    const { team: t, slug: s } = await publicProject('Race');
    const owner = await t.as('owner');
    // Holds the answer of every query started while `holding` (the query itself runs), until `release`.
    let holding = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const firstHeld = new Promise<void>((resolve) => (held = resolve));
    let down = false;
    const gated = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver);
          if (property === 'then' && typeof value === 'function') {
            return (ok: (v: unknown) => void, fail: (e: unknown) => void) => value.call(object, (v: unknown) => gate.then(() => ok(v)), fail);
          }
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const out = value.apply(object, args);
            return out && typeof out === 'object' ? gated(out) : out;
          };
        },
      });
    const db: Database = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (down && property === 'select') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        const value = Reflect.get(target, property, receiver);
        if (holding && typeof property === 'string' && property.startsWith('select') && typeof value === 'function') {
          held();
          return (...args: unknown[]) => gated(value.apply(target, args));
        }
        return value;
      },
    });
    const site = new StatusSite({ db, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    // The first request reads the key at once (synchronously), then the project's name, answered late.
    const slow = site.respond(`/status/${s}`, undefined);
    holding = true;
    await firstHeld;
    holding = false;
    await owner.project.rename({ projectId: t.project.id, name: `Renamed ${s}` });
    expect((await site.respond(`/status/${s}`, undefined)).body).toContain(`Renamed ${s}`);
    release();
    expect((await slow).body).not.toContain(`Renamed ${s}`);
    down = true;
    const stale = await site.respond(`/status/${s}`, undefined);
    expect(stale.headers['x-waymark-stale']).toBe('1');
    expect(stale.body).toContain(`Renamed ${s}`);
    site.close();
  });

  it('public status page: script and onerror payloads in updates and risk titles are shown as text', async () => {
    const { team: t, slug: s } = await publicProject('Xss');
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await addRisks(deps, t, [{ id: 'R-x', fields: { title: `Risk ${payload}`, likelihood: 3, impact: 3, isPublic: true } }]);
    await publishUpdate(t, 'owner', updateContent({
      healthReason: `Reason ${payload}`, summary: `Summary ${payload} [link](javascript:alert(3))`, highlights: payload, lowlights: payload, asks: payload, nextSteps: payload,
    }));
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    for (const kind of ['page', 'feed'] as const) {
      const body = (await site.respond(`/status/${s}${files[kind]}`, undefined)).body;
      expect(body).not.toMatch(/<img|<script|javascript:/i);
    }
    const page = (await site.respond(`/status/${s}`, undefined)).body;
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
