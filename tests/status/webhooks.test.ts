// Webhooks: a receiver on 127.0.0.1 checks the HMAC-SHA256 signature of each publish; a failing
// receiver is retried with back-off (also across a restart) and the owner's delivery log shows every attempt; only http(s)
// URLs, and private addresses only when the setting allows them: refused when saved and again on the
// address each delivery connects to (DNS rebinding, IPv6 forms that reach IPv4).
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusWebhook, webhookDelivery } from '@/db/schema';
import { isPrivateAddress, newWebhookSecret, WebhookSender, type ResolveHost } from '@/server/status/webhooks';
import { eventually } from '../support/eventually';
import { callerFor } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People } from '../routers/harness';
import { receiver, verify, type Receiver } from './receiver';
import { publishUpdate, updateContent } from './support';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

describe('status webhooks', () => {
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('webhooks: a publish reaches a receiver on 127.0.0.1 with a valid HMAC-SHA256 signature', async () => {
    const team = await projectFor(deps, people, 'Hooks');
    const owner = await team.as('owner');
    const r = await receiver();
    receivers.push(r);
    const hook = await owner.status.addWebhook({ projectId: team.project.id, url: r.url });
    expect(hook.secret).toMatch(/^whsec_/);
    const content = updateContent({ health: 'at_risk', healthReason: 'Vendor late', summary: 'Cut-over **moved** a week' });
    const published = await publishUpdate(team, 'editor', content);

    await eventually(() => expect(r.received).toHaveLength(1));
    const [delivery] = r.received;
    expect(verify(hook.secret, delivery!.signature, delivery!.body)).toBe(true);
    expect(verify('whsec_wrong', delivery!.signature, delivery!.body)).toBe(false);
    expect(verify(hook.secret, delivery!.signature, delivery!.body.replace('Vendor late', 'All fine'))).toBe(false);
    expect(delivery!.event).toBe('status_update.published');
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'status_update.published',
      projectId: team.project.id,
      updateId: published.id,
      update: { health: 'at_risk', healthLabel: 'At risk', healthReason: 'Vendor late' },
    });
    // The whole update as the stakeholders' systems get it: plain text beside the Markdown, when it was published.
    expect(JSON.parse(delivery!.body).project).toEqual({ id: team.project.id, name: team.project.name });
    expect(JSON.parse(delivery!.body).update).toEqual({
      ...content,
      id: published.id,
      healthLabel: 'At risk',
      summaryText: 'Cut-over moved a week',
      publishedAt: published.publishedAt!.toISOString(),
      editedAt: null,
      version: 1,
    });
    await eventually(async () => {
      expect(await owner.status.deliveries({ projectId: team.project.id })).toMatchObject([{ outcome: 'succeeded', attempt: 1, responseStatus: 200 }]);
    });
    expect(await owner.status.webhooks({ projectId: team.project.id })).toEqual([{ id: hook.id, url: r.url, createdAt: expect.any(Date) }]);
  });

  it("webhooks: the delivery log asked for one webhook lists that webhook's attempts only", async () => {
    const team = await projectFor(deps, people, 'Two hooks');
    const owner = await team.as('owner');
    const [first, second] = [await receiver(), await receiver()];
    receivers.push(first, second);
    const hookA = await owner.status.addWebhook({ projectId: team.project.id, url: first.url });
    const hookB = await owner.status.addWebhook({ projectId: team.project.id, url: second.url });
    await publishUpdate(team, 'owner', updateContent());
    await eventually(async () => expect(await owner.status.deliveries({ projectId: team.project.id })).toHaveLength(2));
    expect(await owner.status.deliveries({ projectId: team.project.id, webhookId: hookA.id })).toEqual([expect.objectContaining({ webhookId: hookA.id, url: first.url })]);
    expect(await owner.status.deliveries({ projectId: team.project.id, webhookId: hookB.id })).toEqual([expect.objectContaining({ webhookId: hookB.id, url: second.url })]);
  });

  it('webhooks: a failing receiver is retried with back-off and the delivery log shows each attempt', async () => {
    const team = await projectFor(deps, people, 'Retry');
    const owner = await team.as('owner');
    const r = await receiver([500, 503]);
    receivers.push(r);
    await owner.status.addWebhook({ projectId: team.project.id, url: r.url });
    await publishUpdate(team, 'owner', updateContent());

    await eventually(() => expect(r.received).toHaveLength(3));
    expect(new Set(r.received.map((d) => d.body)).size).toBe(1);
    await eventually(async () => {
      const log = await owner.status.deliveries({ projectId: team.project.id });
      expect(log.map((d) => [d.attempt, d.outcome, d.responseStatus])).toEqual([
        [3, 'succeeded', 200],
        [2, 'failed', 503],
        [1, 'failed', 500],
      ]);
    });
  });

  it('webhooks: a retry still owed when the server stops is made by the next run', async () => {
    const team = await projectFor(deps, people, 'Resume');
    const projectId = team.project.id;
    const r = await receiver([500]);
    receivers.push(r);
    // The retry is owed an hour after the failure: it cannot fire before the first run stops, however
    // slow the machine. The hour passing while the server is down is written into the log below.
    const options = { allowPrivateAddresses: true, maxAttempts: 3, retryBaseMs: 60 * 60_000, timeoutMs: 5_000 };
    const firstRun = new WebhookSender(deps.db, options);
    const owner = await callerFor({ ...deps, webhooks: firstRun }, team.users.owner);
    await owner.status.addWebhook({ projectId, url: r.url });
    const draft = await owner.status.createDraft({ projectId, audience: 'public' });
    const published = await owner.status.publish({ projectId, updateId: draft.id, content: updateContent(), baseRevision: draft.revision });
    await eventually(async () => {
      expect(await owner.status.deliveries({ projectId })).toMatchObject([{ attempt: 1, outcome: 'failed', responseStatus: 500 }]);
    });
    await firstRun.close(); // the server stops while the retry waits
    expect(r.received).toHaveLength(1);
    const owed = () => deps.db.select().from(webhookDelivery).where(and(eq(webhookDelivery.projectId, projectId), isNotNull(webhookDelivery.retryAt)));
    const owedRows = await owed();
    expect(owedRows).toHaveLength(1);
    const [waiting] = owedRows;
    expect(waiting!.retryAt!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // The hour passes while no server runs: the retry is now due.
    await deps.db.update(webhookDelivery).set({ retryAt: new Date() }).where(eq(webhookDelivery.id, waiting!.id));

    const nextRun = new WebhookSender(deps.db, options);
    expect(await nextRun.resume()).toBeGreaterThanOrEqual(1);
    await eventually(() => expect(r.received).toHaveLength(2));
    expect(r.received[1]).toMatchObject({ attempt: '2', event: 'status_update.published', body: r.received[0]!.body });
    expect(JSON.parse(r.received[1]!.body)).toMatchObject({ updateId: published.id });
    await eventually(async () => {
      const log = await owner.status.deliveries({ projectId });
      expect(log.map((d) => [d.attempt, d.outcome])).toEqual([
        [2, 'succeeded'],
        [1, 'failed'],
      ]);
    });
    expect(await owed()).toHaveLength(0);
    await nextRun.close();
  });

  it('webhooks: a receiver that never recovers is given up on after the last attempt', async () => {
    const team = await projectFor(deps, people, 'GiveUp');
    const owner = await team.as('owner');
    const r = await receiver([500, 500, 500, 500]);
    receivers.push(r);
    await owner.status.addWebhook({ projectId: team.project.id, url: r.url });
    await publishUpdate(team, 'owner', updateContent());
    await eventually(async () => {
      const log = await owner.status.deliveries({ projectId: team.project.id });
      expect(log.map((d) => d.outcome)).toEqual(['gave_up', 'failed', 'failed']);
    });
  });

  it('webhooks: only http(s) URLs, and loopback or private addresses are refused unless the setting allows them', async () => {
    const team = await projectFor(deps, people, 'Strict');
    const strict = new WebhookSender(deps.db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 1_000 });
    const owner = await callerFor({ ...deps, webhooks: strict }, team.users.owner);
    const projectId = team.project.id;
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://192.168.1.1/', 'http://[::1]/', 'http://169.254.169.254/latest']) {
      const error = await rejection(owner.status.addWebhook({ projectId, url }), 'BAD_REQUEST');
      expect(error.message).toMatch(/loopback or private/);
    }
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      await rejection(owner.status.addWebhook({ projectId, url }), 'BAD_REQUEST');
    }
    expect(await owner.status.webhooks({ projectId })).toEqual([]);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    await strict.close();
  });

  // Each of these reaches 127.0.0.1 (or another host's loopback) one way or another.
  const disguisedLoopback = [
    'http://[::127.0.0.1]/x', // IPv4-compatible
    'http://[::ffff:7f00:1]/x', // IPv4-mapped, as WHATWG URL writes it
    'http://[::ffff:0:7f00:1]/x', // SIIT (RFC 6145)
    'http://[64:ff9b::127.0.0.1]/x', // NAT64
    'http://[64:ff9b:1::7f00:1]/x', // local-use NAT64
    'http://[2002:7f00:1::]/x', // 6to4 of 127.0.0.1
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x', // Teredo
    'http://[::]/x',
    'http://0.0.0.0/x',
    'http://0x7f.1/x', // 127.0.0.1 as WHATWG URL reads it
    'http://2130706433/x', // 127.0.0.1 as one number
  ];

  it('webhooks: IPv6 forms that reach IPv4 loopback, and odd spellings of 127.0.0.1, are refused when saved', async () => {
    const team = await projectFor(deps, people, 'Disguised');
    const strict = new WebhookSender(deps.db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 1_000 });
    const owner = await callerFor({ ...deps, webhooks: strict }, team.users.owner);
    const projectId = team.project.id;
    for (const url of disguisedLoopback) {
      const error = await rejection(owner.status.addWebhook({ projectId, url }), 'BAD_REQUEST');
      expect(error.message, url).toMatch(/loopback or private/);
    }
    // Parsers disagree on these (WHATWG reads the backslash as a slash, others as part of the user name).
    for (const url of ['http://1.1.1.1\\@127.0.0.1/', 'http://93.184.216.34\\@localhost/', 'http://93.184.216.34/\tx', 'http://93.184.216.34 @127.0.0.1/']) {
      const error = await rejection(owner.status.addWebhook({ projectId, url }), 'BAD_REQUEST');
      expect(error.message, url).toMatch(/backslashes, spaces or control characters/);
    }
    expect(await owner.status.webhooks({ projectId })).toEqual([]);
    await strict.close();
  });

  /** A webhook row written as it was saved earlier (the save-time check passed then). */
  async function savedEarlier(projectId: string, url: string) {
    await deps.db.insert(statusWebhook).values({ projectId, url, secret: newWebhookSecret() });
  }

  it('webhooks: delivery refuses a loopback address at connect time, whatever form the saved URL has', async () => {
    const team = await projectFor(deps, people, 'ConnectCheck');
    const projectId = team.project.id;
    const r = await receiver();
    receivers.push(r);
    const port = new URL(r.url).port;
    // Saved while the setting allowed them, or before this check existed: delivery must still refuse.
    const urls = ['http://localhost:PORT/hook', 'http://127.0.0.1:PORT/hook', 'http://[::1]:PORT/hook', ...disguisedLoopback].map((u) =>
      u.replace(/^(http:\/\/[^/]+?)(:PORT)?\//, (_m, origin: string) => `${origin}:${port}/`),
    );
    for (const url of urls) await savedEarlier(projectId, url);
    const strict = new WebhookSender(deps.db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 2_000 });
    const owner = await callerFor({ ...deps, webhooks: strict }, team.users.owner);
    const draft = await owner.status.createDraft({ projectId, audience: 'public' });
    await owner.status.publish({ projectId, updateId: draft.id, content: updateContent(), baseRevision: draft.revision });
    await eventually(async () => {
      const log = await owner.status.deliveries({ projectId });
      expect(log).toHaveLength(urls.length);
      for (const attempt of log) expect(attempt).toMatchObject({ outcome: 'gave_up', responseStatus: null, error: expect.stringMatching(/loopback or private/) });
    });
    expect(r.received).toEqual([]);
    await strict.close();
  });

  it('webhooks: a host that resolved to a public address when saved and to 127.0.0.1 at delivery (DNS rebinding) is refused', async () => {
    const team = await projectFor(deps, people, 'Rebind');
    const projectId = team.project.id;
    const r = await receiver();
    receivers.push(r);
    const asked: string[] = [];
    // The first answer is public; every later one is the receiver's loopback address.
    const rebinding: ResolveHost = async (hostname) => {
      asked.push(hostname);
      return [{ address: asked.length === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    };
    const strict = new WebhookSender(deps.db, { allowPrivateAddresses: false, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 2_000, resolveHost: rebinding });
    const owner = await callerFor({ ...deps, webhooks: strict }, team.users.owner);
    const url = `http://hooks.rebind.test:${new URL(r.url).port}/hook`;
    await owner.status.addWebhook({ projectId, url });
    const draft = await owner.status.createDraft({ projectId, audience: 'public' });
    await owner.status.publish({ projectId, updateId: draft.id, content: updateContent(), baseRevision: draft.revision });
    await eventually(async () => {
      expect(await owner.status.deliveries({ projectId })).toMatchObject([
        { outcome: 'gave_up', responseStatus: null, error: 'hooks.rebind.test is a loopback or private address; webhooks go to public addresses only.' },
      ]);
    });
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(r.received).toEqual([]);
    await strict.close();
  });

  it('webhooks: delivery connects to the address the sender resolved at connect time', async () => {
    const team = await projectFor(deps, people, 'Connected');
    const projectId = team.project.id;
    const r = await receiver();
    receivers.push(r);
    // Resolution goes through the sender's resolver at connect time: this name exists nowhere else.
    const resolveHost: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
    const sender = new WebhookSender(deps.db, { allowPrivateAddresses: true, maxAttempts: 1, retryBaseMs: 10, timeoutMs: 2_000, resolveHost });
    const owner = await callerFor({ ...deps, webhooks: sender }, team.users.owner);
    await owner.status.addWebhook({ projectId, url: `http://receiver.waymark.test:${new URL(r.url).port}/hook` });
    const draft = await owner.status.createDraft({ projectId, audience: 'public' });
    await owner.status.publish({ projectId, updateId: draft.id, content: updateContent(), baseRevision: draft.revision });
    await eventually(() => expect(r.received).toHaveLength(1));
    await sender.close();
  });

  it('webhooks: the address check knows the IPv6 forms that reach IPv4', () => {
    for (const address of ['::7f00:1', '::ffff:7f00:1', '::ffff:127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::808:808', '2002:7f00:1::', '2002:808:808::1', '2001::1', 'fe80::1', 'fd00::1', '::1', '::', '100.64.0.1', '192.0.2.1', '255.255.255.255', 'localhost', '']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
