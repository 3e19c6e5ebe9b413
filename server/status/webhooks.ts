// Webhooks told about every publish: a JSON POST signed with HMAC-SHA256 (docs/api.md#webhooks),
// retried with exponential back-off, each attempt written to the delivery log the owner reads; a
// retry still owed is kept there too, so a restarted server resumes it.
// Only http(s) URLs whose host resolves to public addresses, unless the setting allows private ones.
import { createHmac, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { eq, isNotNull } from 'drizzle-orm';
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

/** One publish on its way to one webhook: the same body at every attempt. */
interface Delivery {
  hook: typeof statusWebhook.$inferSelect;
  event: string;
  updateId: string | null;
  body: string;
}

/**
 * Sends each publish to every webhook of the project, in the background. Attempts are kept in
 * webhook_delivery; retries wait retryBaseMs, 2x, 4x… A failed attempt's row keeps the retry it
 * is owed (when, and the body) until the next attempt is recorded, so `resume` picks up, after a
 * restart, the retries the previous run was still waiting to make.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

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
        for (const hook of hooks) this.track(this.attempt({ hook, event: event.event, updateId: event.updateId, body }, 1));
      })().catch((error) => console.error('Webhook dispatch failed:', error)),
    );
  }

  /** Schedules every retry still owed by an earlier run (at start-up); resolves with how many. */
  async resume(): Promise<number> {
    const owed = await this.db
      .select({ delivery: webhookDelivery, hook: statusWebhook })
      .from(webhookDelivery)
      .innerJoin(statusWebhook, eq(statusWebhook.id, webhookDelivery.webhookId))
      .where(isNotNull(webhookDelivery.retryAt));
    for (const { delivery, hook } of owed) {
      const retry = { hook, event: delivery.event, updateId: delivery.updateId, body: delivery.retryBody ?? '' };
      this.schedule(retry, delivery.attempt + 1, delivery.id, delivery.retryAt!);
    }
    return owed.length;
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private schedule(delivery: Delivery, attempt: number, previousId: string | undefined, dueAt: Date): void {
    if (this.closed) return; // still owed in the log: the next run resumes it
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(delivery, attempt, previousId));
    }, Math.max(0, dueAt.getTime() - Date.now()));
    timer.unref();
    this.timers.add(timer);
  }

  /** Makes attempt number `attempt`; `previousId`: the failed attempt's row, whose retry this is. */
  private async attempt(delivery: Delivery, attempt: number, previousId?: string): Promise<void> {
    const { hook, body } = delivery;
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
          'Waymark-Event': delivery.event,
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
    const retryAt = outcome === 'failed' ? new Date(Date.now() + this.options.retryBaseMs * 2 ** (attempt - 1)) : null;
    let id: string | undefined;
    try {
      // This attempt, and the retry it is owed if it failed, replace the retry the previous one was owed.
      id = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(webhookDelivery)
          .values({
            webhookId: hook.id,
            projectId: hook.projectId,
            updateId: delivery.updateId,
            event: delivery.event,
            attempt,
            outcome,
            responseStatus,
            error: error?.slice(0, 500) ?? null,
            durationMs: Date.now() - started,
            retryAt,
            retryBody: retryAt ? body : null,
          })
          .returning({ id: webhookDelivery.id });
        if (previousId) await tx.update(webhookDelivery).set({ retryAt: null, retryBody: null }).where(eq(webhookDelivery.id, previousId));
        return row!.id;
      });
    } catch (e) {
      console.error('Could not record a webhook delivery:', e);
    }
    if (retryAt) this.schedule(delivery, attempt + 1, id, retryAt);
  }

  /** Cancels waiting retries (they stay owed, for `resume`) and waits for attempts in flight (shutdown, tests). */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
