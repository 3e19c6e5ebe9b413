// tech.checkVersions against a fake npm-style registry on 127.0.0.1 (port 0): answers, a registry
// that is down, one that never answers (the time budget ends the check), and garbage. None of them
// breaks the check or the import; "latest" stays as last known unless a sane answer came.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestFromAnswer, latestVersions } from '@/server/tech/registryCheck';
import { callerFor } from '../support/factories';
import { createPeople, projectFor, useRouterDeps, type People } from './harness';

const deps = useRouterDeps();
let people: People;

/** What the fake registry answers, by package path (as requested, still encoded). */
type Answer = { status?: number; body: string } | 'hang';
const answers = new Map<string, Answer>();
const asked: string[] = [];
let server: Server;
let registryUrl: string;

beforeAll(async () => {
  people = await createPeople(deps);
  server = createServer((req, res) => {
    const path = (req.url ?? '/').slice(1);
    asked.push(path);
    const answer = answers.get(path);
    if (answer === 'hang') return; // never answers: the check's time budget must end it
    if (!answer) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const distTags = (latest: unknown) => JSON.stringify({ name: 'x', 'dist-tags': { latest, next: '99.0.0-rc.1' }, versions: {} });

/** A project with npm items imported, and an owner calling with the given registry. */
async function projectWith(dependencies: Record<string, string>, registry: { url: string; timeoutMs: number } | null) {
  const team = await projectFor(deps, people, 'Registry');
  const owner = await callerFor({ ...deps, techRegistry: registry }, people.owner);
  await owner.tech.importManifest({ projectId: team.project.id, fileName: 'package.json', content: JSON.stringify({ dependencies }) });
  return { projectId: team.project.id, owner };
}

describe('tech.checkVersions with a registry', () => {
  it('sets each npm item’s latest version from dist-tags.latest (scoped names encoded) and says what changed; a second check changes nothing', async () => {
    answers.set('react', { body: distTags('19.3.1') });
    answers.set('@tanstack%2Freact-query', { body: distTags('5.110.0') });
    const { projectId, owner } = await projectWith({ react: '18.2.0', '@tanstack/react-query': '5.108.0', 'left-pad': '1.3.0' }, { url: `${registryUrl}/`, timeoutMs: 5_000 });
    // A hand-entered item is never asked about.
    await owner.tech.upsert({ projectId, name: 'PostgreSQL', kind: 'software', version: '12' });
    const result = await owner.tech.checkVersions({ projectId });
    expect(result.configured).toBe(true);
    expect(result.checked).toBe(3);
    expect(result.answered).toBe(2);
    expect(result.changed.map((c) => [c.name, c.from, c.to]).sort()).toEqual([
      ['@tanstack/react-query', null, '5.110.0'],
      ['react', null, '19.3.1'],
    ]);
    const items = await owner.tech.list({ projectId });
    expect(items.find((i) => i.name === 'react')).toMatchObject({ latestVersion: '19.3.1', latestCheckedAt: expect.any(Date) });
    expect(items.find((i) => i.name === 'left-pad')).toMatchObject({ latestVersion: null, latestCheckedAt: null });
    expect(asked).not.toContain('PostgreSQL');
    // react 18 in use, 19 known: the alert follows.
    expect((await owner.tech.alerts({ projectId })).map((a) => `${a.itemName}:${a.kind}`)).toEqual(['react:major_behind']);
    expect((await owner.tech.checkVersions({ projectId })).changed).toEqual([]);
  });

  it('a registry that is down: the check answers at once with nothing changed, and "latest" stays as last known', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { projectId, owner } = await projectWith({ express: '4.18.2' }, { url: downUrl, timeoutMs: 5_000 });
    const [express] = await owner.tech.list({ projectId });
    await owner.tech.upsert({ projectId, id: express!.id, revision: express!.revision, latestVersion: '4.19.2' });
    expect(await owner.tech.checkVersions({ projectId })).toEqual({ configured: true, checked: 1, answered: 0, changed: [] });
    expect((await owner.tech.list({ projectId }))[0]).toMatchObject({ latestVersion: '4.19.2', latestCheckedAt: null });
  });

  it('a registry that never answers: the time budget ends the whole check, and an import meanwhile is not held up', async () => {
    answers.set('slow-package', 'hang');
    answers.set('other-slow', 'hang');
    const { projectId, owner } = await projectWith({ 'slow-package': '1.0.0', 'other-slow': '2.0.0' }, { url: registryUrl, timeoutMs: 300 });
    const started = Date.now();
    const [result] = await Promise.all([
      owner.tech.checkVersions({ projectId }),
      owner.tech.importManifest({ projectId, fileName: 'package.json', content: JSON.stringify({ dependencies: { 'slow-package': '1.0.1', 'other-slow': '2.0.0' } }) }),
    ]);
    expect(result).toEqual({ configured: true, checked: 2, answered: 0, changed: [] });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await owner.tech.list({ projectId })).map((i) => [i.name, i.version, i.latestVersion])).toEqual([
      ['other-slow', '2.0.0', null],
      ['slow-package', '1.0.1', null],
    ]);
  });

  it('garbage answers (not JSON, no dist-tags, a latest that is no version, an error status, a huge body) leave "latest" alone', async () => {
    answers.set('not-json', { body: '<html>Service Unavailable</html>' });
    answers.set('no-tags', { body: JSON.stringify({ name: 'no-tags' }) });
    answers.set('bad-latest', { body: distTags('<script>alert(1)</script>') });
    answers.set('number-latest', { body: distTags(42) });
    answers.set('server-error', { status: 500, body: distTags('9.9.9') });
    answers.set('huge', { body: `{"dist-tags":{"latest":"1.0.0"},"padding":"${'x'.repeat(5 * 1024 * 1024)}"}` });
    const names = ['not-json', 'no-tags', 'bad-latest', 'number-latest', 'server-error', 'huge'];
    const { projectId, owner } = await projectWith(Object.fromEntries(names.map((n) => [n, '1.0.0'])), { url: registryUrl, timeoutMs: 5_000 });
    expect(await owner.tech.checkVersions({ projectId })).toEqual({ configured: true, checked: 6, answered: 0, changed: [] });
    expect((await owner.tech.list({ projectId })).every((i) => i.latestVersion === null)).toBe(true);
  });
});

describe('registry answers', () => {
  it('latestFromAnswer takes a semver dist-tags.latest only', () => {
    expect(latestFromAnswer(distTags('2.1.0'))).toBe('2.1.0');
    expect(latestFromAnswer(distTags('latest'))).toBeNull();
    expect(latestFromAnswer('null')).toBeNull();
    expect(latestFromAnswer('')).toBeNull();
  });

  it('latestVersions asks each name once and never throws', async () => {
    answers.set('dup', { body: distTags('3.0.0') });
    const before = asked.filter((p) => p === 'dup').length;
    expect(await latestVersions({ url: registryUrl, timeoutMs: 2_000 }, ['dup', 'dup', 'missing-entirely'])).toEqual(new Map([['dup', '3.0.0']]));
    expect(asked.filter((p) => p === 'dup').length - before).toBe(1);
    expect(await latestVersions({ url: 'http://127.0.0.1:1', timeoutMs: 500 }, ['anything'])).toEqual(new Map());
  });
});
