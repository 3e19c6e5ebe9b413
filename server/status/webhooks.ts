// Webhooks told about every publish: a JSON POST signed with HMAC-SHA256 (docs/api.md#webhooks),
// retried with exponential back-off, each attempt written to the delivery log the owner reads.
// Only http(s) URLs whose host resolves to public addresses, unless the setting allows private ones.
import { createHmac, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { statusWebhook, webhookDelivery } from '@/db/schema';

export const signatureHeader = 'Waymark-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp guards against replays. */
export function signWebhookBody(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) privateRanges.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateRanges.addSubnet(net, prefix, 'ipv6');

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return privateRanges.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
    return privateRanges.check(address, 'ipv6');
  }
  return true;
}

export class WebhookUrlError extends Error {}

/** Throws WebhookUrlError with a reason a person understands when the URL may not be called. */
export async function checkWebhookUrl(raw: string, allowPrivateAddresses: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('The webhook URL is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookUrlError('Webhook URLs must start with http:// or https://.');
  if (url.username || url.password) throw new WebhookUrlError('Webhook URLs may not contain a user name or password.');
  if (allowPrivateAddresses) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new WebhookUrlError(`The host ${host} could not be found.`);
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) {
    throw new WebhookUrlError(`${host} is a loopback or private address; webhooks go to public addresses only.`);
  }
  return url;
}

export interface WebhookSenderOptions {
  allowPrivateAddresses: boolean;
  /** Attempts in all (the first plus retries). */
  maxAttempts: number;
  /** Wait before the first retry; doubled for each further one. */
  retryBaseMs: number;
  timeoutMs: number;
}

export interface StatusEvent {
  event: 'status_update.published' | 'status_update.corrected';
  projectId: string;
  updateId: string;
  payload: Record<string, unknown>;
}

/**
 * Sends each publish to every webhook of the project, in the background. Attempts are kept in
 * webhook_delivery; retries wait retryBaseMs, 2x, 4x… A restart drops retries still waiting.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    readonly options: WebhookSenderOptions,
  ) {}

  /** Starts delivery to every webhook of the project; returns at once. */
  dispatch(event: StatusEvent): void {
    this.track(
      (async () => {
        const hooks = await this.db.select().from(statusWebhook).where(eq(statusWebhook.projectId, event.projectId));
        const body = JSON.stringify({ event: event.event, projectId: event.projectId, updateId: event.updateId, sentAt: new Date().toISOString(), ...event.payload });
        for (const hook of hooks) this.track(this.attempt(hook, event, body, 1));
      })().catch((error) => console.error('Webhook dispatch failed:', error)),
    );
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async attempt(hook: typeof statusWebhook.$inferSelect, event: StatusEvent, body: string, attempt: number): Promise<void> {
    const started = Date.now();
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      await checkWebhookUrl(hook.url, this.options.allowPrivateAddresses);
      const response = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Waymark-Webhooks/1',
          [signatureHeader]: signWebhookBody(hook.secret, body, Math.floor(Date.now() / 1000)),
          'Waymark-Event': event.event,
          'Waymark-Delivery-Attempt': String(attempt),
        },
        body,
      });
      responseStatus = response.status;
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const last = attempt >= this.options.maxAttempts;
    const outcome = !error ? 'succeeded' : last ? 'gave_up' : 'failed';
    await this.db.insert(webhookDelivery).values({
      webhookId: hook.id,
      projectId: hook.projectId,
      updateId: event.updateId,
      event: event.event,
      attempt,
      outcome,
      responseStatus,
      error: error?.slice(0, 500) ?? null,
      durationMs: Date.now() - started,
    }).catch((e) => console.error('Could not record a webhook delivery:', e));
    if (outcome !== 'failed') return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(hook, event, body, attempt + 1));
    }, this.options.retryBaseMs * 2 ** (attempt - 1));
    timer.unref();
    this.timers.add(timer);
  }

  /** Cancels waiting retries and waits for attempts in flight (shutdown, tests). */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
