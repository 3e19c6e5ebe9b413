// The public face of a project, for people without an account: /status/<slug> (HTML, no client
// JavaScript: health, updates, the plan's milestones, public risks, public tech items), feed.atom, milestones.ics and
// badge.svg. Served by the custom server ahead of Next so
// each response carries its own caching headers and ETag. Responses are cached in memory per slug
// and kept while the page's key (the project's public revision and today's date) is unchanged.
// The key is read again at most every `revalidateAfterMs` (1 s), and at once after a publish or a
// projection write in this process (statusEvents), so the database is not queried per request, a
// change shows on the next request, and the last good response is served if the database cannot be reached.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Feed } from 'feed';
import type { Database } from '@/db';
import { publicPageData, publicPageKey, type PublicPageData } from '../data/status';
import { milestonesCalendar } from '../domain/planCalendar';
import { describeReference } from '../domain/milestoneSchedule';
import { bandLabels } from '../domain/risk';
import { healthColours, healthLabels, healthStrip, updateFieldLabels, updateTextFields, type Health } from '../domain/status';
import { renderMarkdown } from './markdown';
import { onStatusChanged } from './statusEvents';

export const publicKinds = ['page', 'feed', 'ics', 'badge'] as const;
export type PublicKind = (typeof publicKinds)[number];

const files: Record<string, PublicKind> = { '': 'page', 'feed.atom': 'feed', 'milestones.ics': 'ics', 'badge.svg': 'badge' };

const contentTypes: Record<PublicKind, string> = {
  page: 'text/html; charset=utf-8',
  feed: 'application/atom+xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  badge: 'image/svg+xml; charset=utf-8',
};

/**
 * The page and badge are revalidated on every view (cheap with the ETag) so a publish shows at once;
 * feed readers and calendars poll, a minute of staleness is fine there. All may be served stale
 * for a day by caches when Waymark is down.
 */
const cacheControl: Record<PublicKind, string> = {
  page: 'public, no-cache, stale-if-error=86400',
  badge: 'public, no-cache, stale-if-error=86400',
  feed: 'public, max-age=60, stale-if-error=86400',
  ics: 'public, max-age=60, stale-if-error=86400',
};

export interface PublicResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  gzipped?: Buffer;
}

interface Rendered {
  body: string;
  /** The body gzipped once, when rendered, for clients that accept it. */
  gzipped: Buffer;
  etag: string;
}

export interface StatusSiteOptions {
  db: Database;
  appUrl: string;
  now?: () => Date;
  log?: (message: string) => void;
  /** How long a checked key is trusted without asking the database again (default 1000 ms). */
  revalidateAfterMs?: number;
}

/** Parses `/status/<slug>[/<file>]`; undefined for any other path. */
export function parsePublicPath(pathname: string): { slug: string; kind: PublicKind } | undefined {
  const match = /^\/status\/([a-z0-9][a-z0-9-]{1,48}[a-z0-9])(?:\/([a-z.]+))?\/?$/.exec(pathname);
  if (!match) return undefined;
  const kind = files[match[2] ?? ''];
  return kind ? { slug: match[1]!, kind } : undefined;
}

export class StatusSite {
  private readonly cache = new Map<string, { key: string; projectId: string; checkedAt: number; rendered: Map<PublicKind, Rendered> }>();
  private readonly revalidateAfterMs: number;
  /** Stops listening for publishes (tests that make many sites). */
  readonly close: () => void;
  /** The last response rendered for each slug and kind, whatever its key: served when the database is down. */
  private readonly lastGood = new Map<string, Rendered>();
  private readonly now: () => Date;

  constructor(private readonly options: StatusSiteOptions) {
    this.now = options.now ?? (() => new Date());
    this.revalidateAfterMs = options.revalidateAfterMs ?? 1_000;
    this.close = onStatusChanged((projectId) => {
      for (const entry of this.cache.values()) if (entry.projectId === projectId) entry.checkedAt = -Infinity;
    });
  }

  /** Answers one GET/HEAD of a public URL. */
  async respond(pathname: string, ifNoneMatch: string | undefined): Promise<PublicResponse> {
    const route = parsePublicPath(pathname);
    if (!route) return notFound();
    const { slug, kind } = route;
    const today = this.now().toISOString().slice(0, 10);
    const known = this.cache.get(slug);
    // Stryker disable next-line EqualityOperator: `<=` trusts the key for one millisecond more.
    const trusted = known && Date.now() - known.checkedAt < this.revalidateAfterMs && known.key.endsWith(`|${today}`);
    const ready = trusted ? known.rendered.get(kind) : undefined;
    if (ready) return this.ok(kind, ready, ifNoneMatch);
    let key: Awaited<ReturnType<typeof publicPageKey>>;
    try {
      key = await publicPageKey(this.options.db, slug);
    } catch (error) {
      // The database is unreachable: the last good response beats an error page.
      const last = this.lastGood.get(`${slug}/${kind}`);
      this.options.log?.(`Public status page ${slug}: database unavailable (${error instanceof Error ? error.message : error})`);
      if (last) return this.ok(kind, last, ifNoneMatch, { 'x-waymark-stale': '1' });
      return { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10', 'cache-control': 'no-store' }, body: 'The status page is briefly unavailable. Try again in a few seconds.\n' };
    }
    if (!key) {
      // Stryker disable next-line CallExpression: memory only; the kept entry's check is never refreshed here, so it is not trusted again.
      this.cache.delete(slug);
      for (const k of publicKinds) this.lastGood.delete(`${slug}/${k}`);
      return notFound();
    }
    const cacheKey = `${key.projectId}|${key.revision}|${today}`;
    let entry = this.cache.get(slug);
    if (!entry || entry.key !== cacheKey) {
      entry = { key: cacheKey, projectId: key.projectId, checkedAt: Date.now(), rendered: new Map() };
      this.cache.set(slug, entry);
    } else {
      entry.checkedAt = Date.now();
    }
    let rendered = entry.rendered.get(kind);
    if (!rendered) {
      let data: PublicPageData;
      try {
        data = await publicPageData(this.options.db, key.projectId);
      } catch (error) {
        const last = this.lastGood.get(`${slug}/${kind}`);
        if (last) return this.ok(kind, last, ifNoneMatch, { 'x-waymark-stale': '1' });
        throw error;
      }
      const body = this.render(kind, slug, data);
      rendered = { body, gzipped: gzipSync(body), etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      // A newer key may have replaced the entry meanwhile; only fill the one this was built for.
      if (this.cache.get(slug) === entry) {
        entry.rendered.set(kind, rendered);
        this.lastGood.set(`${slug}/${kind}`, rendered);
      }
    }
    return this.ok(kind, rendered, ifNoneMatch);
  }

  private ok(kind: PublicKind, rendered: Rendered, ifNoneMatch: string | undefined, extra: Record<string, string> = {}): PublicResponse {
    const headers = {
      'content-type': contentTypes[kind],
      'cache-control': cacheControl[kind],
      etag: rendered.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      ...(kind === 'page' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" } : {}),
      ...(kind === 'badge' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } : {}),
      ...extra,
    };
    // Stryker disable next-line Regex: an ETag is base64url in quotes, so `W/` can only come first.
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === rendered.etag)) {
      return { status: 304, headers, body: '' };
    }
    return { status: 200, headers, body: rendered.body, gzipped: rendered.gzipped };
  }

  private render(kind: PublicKind, slug: string, data: PublicPageData): string {
    const pageUrl = `${this.options.appUrl}/status/${slug}`;
    switch (kind) {
      case 'page':
        return renderStatusPage(data, slug, this.now());
      case 'feed':
        return renderFeed(data, pageUrl);
      case 'ics':
        return renderMilestonesCalendar(data, pageUrl);
      case 'badge':
        return renderBadge(data.updates[0]?.health ?? null);
    }
  }

  /** Node adapter for the custom server. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    let response: PublicResponse;
    try {
      response = await this.respond(pathname, req.headers['if-none-match']);
    } catch (error) {
      console.error('Public status page failed:', error);
      response = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'Something went wrong.\n' };
    }
    const gzip = response.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const payload = gzip ? response.gzipped! : Buffer.from(response.body);
    res.writeHead(response.status, {
      ...response.headers,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      'content-length': String(payload.byteLength),
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: Node's server never sends a body in answer to HEAD, whatever is passed here.
    res.end(req.method === 'HEAD' ? undefined : payload);
  }
}

function notFound(): PublicResponse {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'No public status page here.\n' };
}

// ---- Rendering ----

/** Text escaped for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const statusLabels: Record<string, string> = { open: 'Open', mitigating: 'Mitigating', resolved: 'Resolved', accepted: 'Accepted', closed: 'Closed' };
const bandColours: Record<string, string> = { critical: '#b91c1c', high: '#c2410c', medium: '#a16207', low: '#15803d' };
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function renderStatusPage(data: PublicPageData, slug: string, now: Date): string {
  const e = escapeHtml;
  const latest = data.updates[0];
  const health: Health | null = latest?.health ?? null;
  const strip = healthStrip(data.updates, now);
  const stripCells = strip
    .map((c) => {
      const label = `${c.day}: ${c.health ? healthLabels[c.health] : 'No update yet'}`;
      return `<li class="cell ${c.health ?? 'none'}" data-health="${c.health ?? 'none'}" title="${e(label)}"><span class="sr">${e(label)}</span></li>`;
    })
    .join('');
  const updates = data.updates
    .map((u) => {
      const sections = updateTextFields
        .filter((f) => u[f].trim())
        .map((f) => `${f === 'summary' ? '' : `<h3>${e(updateFieldLabels[f])}</h3>`}<div class="md">${renderMarkdown(u[f])}</div>`)
        .join('');
      return `<article class="update" id="update-${e(u.id)}"><header><span class="pill ${u.health}">${e(healthLabels[u.health])}</span> <time datetime="${u.publishedAt.toISOString()}">${e(longDate(u.publishedAt))}</time>${u.editedAt ? ` <span class="edited" title="Corrected ${e(longDate(u.editedAt))}">edited</span>` : ''}</header><p class="reason">${e(u.healthReason)}</p>${sections}</article>`;
    })
    .join('');
  const risks = data.risks.length
    ? `<section aria-labelledby="risks"><h2 id="risks">Risks we are watching</h2><table><thead><tr><th scope="col">Risk</th><th scope="col">Severity</th><th scope="col">Status</th></tr></thead><tbody>${data.risks
        .map(
          (r) =>
            `<tr><td>${e(r.title)}</td><td><span class="band" style="color:${bandColours[r.band ?? ''] ?? '#57534e'}">${e(r.band ? bandLabels[r.band as keyof typeof bandLabels] : 'Unrated')}</span></td><td>${e(statusLabels[r.status] ?? r.status)}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const milestones = data.milestones.length
    ? `<section aria-labelledby="milestones"><h2 id="milestones">Milestones</h2><table><thead><tr><th scope="col">Milestone</th><th scope="col">Date</th><th scope="col">State</th></tr></thead><tbody>${data.milestones
        .map((m) => {
          const state = milestoneState(m, now);
          const against = m.reference && m.status !== 'done' && m.status !== 'missed' ? `<span class="against">against its ${e(describeReference(m.reference))}</span>` : '';
          return `<tr data-milestone="${e(m.id)}"><td>${e(m.title)}</td><td><time datetime="${e(m.date)}">${e(longDate(new Date(`${m.date}T00:00:00Z`)))}</time></td><td><span class="state ${state.tone}">${e(state.label)}</span>${against}</td></tr>`;
        })
        .join('')}</tbody></table></section>`
    : '';
  const technology = data.technology.length
    ? `<section aria-labelledby="technology"><h2 id="technology">Technology</h2><table><thead><tr><th scope="col">Technology</th><th scope="col">What it means for the project</th><th scope="col">End of life</th></tr></thead><tbody>${data.technology
        .map(
          (t) =>
            `<tr><td>${e(t.name)}</td><td>${e(t.note)}</td><td>${t.eolDate ? `<time datetime="${e(t.eolDate)}">${e(longDate(new Date(`${t.eolDate}T00:00:00Z`)))}</time>` : ''}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  // The icon is named so browsers do not ask for /favicon.ico, which is not there (a 404 on every visit).
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(data.name)} status</title>
<meta name="description" content="${e(`${data.name}: ${health ? healthLabels[health] : 'no update yet'}`)}">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="${e(data.name)} status updates" href="/status/${e(slug)}/feed.atom">
<style>
:root{color-scheme:light;--ink:#1c1917;--muted:#57534e;--line:#e7e5e4;--on_track:${healthColours.on_track};--at_risk:${healthColours.at_risk};--off_track:${healthColours.off_track}}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fafaf9;overflow-wrap:anywhere}
main{max-width:46rem;margin:0 auto;padding:2rem 1rem 4rem}h1{font-size:1.6rem;margin:0 0 .25rem;letter-spacing:-.01em}h2{font-size:1.05rem;margin:2.5rem 0 .75rem}h3{font-size:.9rem;margin:1rem 0 .25rem;color:var(--muted)}
.current{margin-top:1rem;padding:1rem 1.25rem;border-radius:.75rem;background:#fff;border:1px solid var(--line)}.current p{margin:.35rem 0 0;color:var(--muted)}
.pill{display:inline-block;padding:.1rem .6rem;border-radius:999px;color:#fff;font-weight:600;font-size:.8rem}.pill.on_track{background:var(--on_track)}.pill.at_risk{background:var(--at_risk)}.pill.off_track{background:var(--off_track)}.pill.none{background:#78716c}
.big{font-size:1rem;padding:.2rem .8rem}
.strip{display:flex;gap:2px;list-style:none;padding:0;margin:.5rem 0 .25rem;height:2.25rem}.cell{flex:1;border-radius:2px;background:#d6d3d1}.cell.on_track{background:var(--on_track)}.cell.at_risk{background:var(--at_risk)}.cell.off_track{background:var(--off_track)}
.legend{display:flex;justify-content:space-between;font-size:.75rem;color:var(--muted)}
.update{background:#fff;border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.25rem;margin-bottom:1rem}.update header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.85rem;color:var(--muted)}
.reason{font-weight:600;margin:.5rem 0}.edited{font-style:italic}.md p{margin:.35rem 0}.md ul,.md ol{margin:.35rem 0;padding-left:1.25rem}.md a{color:#1d4ed8}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:.75rem;font-size:.9rem}th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid var(--line)}th{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}.band{font-weight:600}.state{font-weight:600}.state.done{color:#15803d}.state.slipped,.state.missed{color:#b91c1c}.state.at_risk{color:#a16207}.state.planned{color:var(--muted)}.against{display:block;font-size:.75rem;color:var(--muted)}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}footer a{color:inherit}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style></head>
<body><main>
<h1>${e(data.name)}</h1>
<section class="current" aria-label="Current health"><span class="pill big ${health ?? 'none'}" data-testid="current-health">${e(health ? healthLabels[health] : 'No update yet')}</span>${latest ? `<p>${e(latest.healthReason)}</p><p>Last update ${e(longDate(latest.publishedAt))}</p>` : '<p>The team has not published an update yet.</p>'}</section>
<section aria-labelledby="history"><h2 id="history">Health over the last 90 days</h2><ol class="strip" aria-label="Health each day, oldest first">${stripCells}</ol><div class="legend" aria-hidden="true"><span>90 days ago</span><span>Today</span></div></section>
<section aria-labelledby="updates"><h2 id="updates">Updates</h2>${updates || '<p>No updates yet.</p>'}</section>
${milestones}
${risks}
${technology}
<footer><a href="/status/${e(slug)}/feed.atom">Atom feed</a> · <a href="/status/${e(slug)}/milestones.ics">Milestones calendar</a> · <a href="/status/${e(slug)}/badge.svg">Status badge</a> · Published with Waymark</footer>
</main></body></html>
`;
}

export function renderFeed(data: PublicPageData, pageUrl: string): string {
  const feed = new Feed({
    id: pageUrl,
    title: `${data.name} status updates`,
    link: pageUrl,
    updated: data.updates[0]?.editedAt ?? data.updates[0]?.publishedAt ?? new Date(0),
    generator: 'Waymark',
    feedLinks: { atom: `${pageUrl}/feed.atom` },
    copyright: '',
  });
  for (const u of data.updates) {
    const content = updateTextFields
      .filter((f) => u[f].trim())
      .map((f) => `<h3>${escapeHtml(updateFieldLabels[f])}</h3>${renderMarkdown(u[f])}`)
      .join('');
    feed.addItem({
      id: `${pageUrl}#update-${u.id}`,
      link: `${pageUrl}#update-${u.id}`,
      // The feed library declares title and summary as type="html": plain text must be escaped.
      title: escapeHtml(`${healthLabels[u.health]}: ${u.healthReason}`),
      date: u.editedAt ?? u.publishedAt,
      published: u.publishedAt,
      description: escapeHtml(`${healthLabels[u.health]}: ${u.healthReason}`),
      content,
    });
  }
  return feed.atom1();
}

/** The plan's milestones as a calendar: titles, dates and state only; events link to this page. */
export function renderMilestonesCalendar(data: PublicPageData, pageUrl: string): string {
  return milestonesCalendar(
    data.name,
    `status-${pageUrl.split('/').pop()}`,
    data.milestones.map((m) => ({ id: m.id, kind: 'milestone' as const, title: m.title, description: '', status: m.status, end: m.date })),
    pageUrl,
    () => pageUrl,
  );
}

/**
 * Done, missed, slipped (against the latest baseline, else the first planned date: the reference the
 * drafted update names too), at risk, or on schedule; past and not done is late.
 */
export function milestoneState(m: PublicPageData['milestones'][number], now: Date): { label: string; tone: string } {
  if (m.status === 'done') return { label: 'Done', tone: 'done' };
  if (m.status === 'missed') return { label: 'Missed', tone: 'missed' };
  if (m.slippedDays > 0) return { label: `Slipped ${m.slippedDays} day${m.slippedDays === 1 ? '' : 's'}`, tone: 'slipped' };
  if (m.date < now.toISOString().slice(0, 10)) return { label: 'Late', tone: 'slipped' };
  if (m.status === 'at_risk') return { label: 'At risk', tone: 'at_risk' };
  return { label: 'On schedule', tone: 'planned' };
}

/** A flat badge like a CI badge: "status" and the health. Text widths are approximated (Verdana 11px). */
export function renderBadge(health: Health | null): string {
  const label = 'status';
  const message = health ? healthLabels[health].toLowerCase() : 'no update';
  const colour = health ? healthColours[health] : '#9f9f9f';
  const width = (s: string) => Math.round(s.length * 6.6 + 12);
  const lw = width(label);
  const mw = width(message);
  const total = lw + mw;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${label}: ${message}"><title>${label}: ${message}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${colour}"/><rect width="${total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="14">${label}</text><text x="${lw + mw / 2}" y="14">${message}</text></g></svg>\n`;
}

