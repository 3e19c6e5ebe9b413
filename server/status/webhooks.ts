// Webhooks told about every publish: a JSON POST signed with HMAC-SHA256 (docs/api.md#webhooks),
// retried with exponential back-off, each attempt written to the delivery log the owner reads; a
// retry still owed is kept there too, so a restarted server resumes it.
// Only http(s) URLs whose host resolves to public addresses, unless the setting allows private ones;
// checked when saved and again on the address each delivery actually connects to.
import { createHmac, randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
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

/**
 * True unless `address` is a public unicast address a webhook may connect to. Refused: loopback,
 * private, carrier-grade NAT, link-local, multicast, broadcast, documentation and other reserved
 * ranges (ipaddr.js's classification), and every IPv6 form that carries or reaches an IPv4
 * address (IPv4-mapped and -compatible, NAT64 64:ff9b::/96 and /48, SIIT, 6to4, Teredo): through
 * those, `[::127.0.0.1]` or `[2002:7f00:1::]` would reach this machine. Anything not an IP is refused.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const ipv6 = parsed as ipaddr.IPv6;
  // ::a.b.c.d (IPv4-compatible, deprecated) is "unicast" to ipaddr.js.
  if (ipv6.parts.slice(0, 6).every((part) => part === 0)) return true;
  return ipv6.range() !== 'unicast';
}

/** Resolves a host name to every address it has (dns.lookup by default; tests stand in their own). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export class WebhookUrlError extends Error {}

/** The URL's host as an address or name (`[::1]` -> `::1`). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function refusedAddress(host: string): WebhookUrlError {
  return new WebhookUrlError(`${host} is a loopback or private address; webhooks go to public addresses only.`);
}

/**
 * Parses a webhook URL the one way it will be fetched (WHATWG URL; delivery connects to that
 * parsed URL). Text that parsers read differently (a backslash, spaces, control characters) is
 * refused rather than guessed at. Throws WebhookUrlError with a reason a person understands.
 */
export function parseWebhookUrl(raw: string): URL {
  if (/[\\\s\u0000-\u001f\u007f]/.test(raw)) {
    throw new WebhookUrlError('Webhook URLs may not contain backslashes, spaces or control characters.');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('The webhook URL is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookUrlError('Webhook URLs must start with http:// or https://.');
  if (url.username || url.password) {
    throw new WebhookUrlError('Webhook URLs may not contain a user name or password.');
  }
  return url;
}

/**
 * The check when a webhook is saved: a URL `parseWebhookUrl` accepts, whose host resolves only to
 * public addresses (unless private ones are allowed). Delivery checks again the address it
 * actually connects to (`postWebhook`), since DNS may answer differently by then.
 */
export async function checkWebhookUrl(raw: string, allowPrivateAddresses: boolean, resolveHost: ResolveHost = systemResolve): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (allowPrivateAddresses) return url;
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolveHost(host)).map((a) => a.address);
  } catch {
    throw new WebhookUrlError(`The host ${host} could not be found.`);
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) throw refusedAddress(host);
  return url;
}

/**
 * A `lookup` for net.connect through `resolveHost`; with `publicOnly`, it hands over only public
 * addresses. The addresses it returns are the ones the socket connects to, so a DNS answer that
 * changed since the save (rebinding) is refused here, before any byte is sent.
 */
function connectLookup(resolveHost: ResolveHost, publicOnly: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!wanted.length) return callback(Object.assign(new Error(`The host ${hostname} could not be found.`), { code: 'ENOTFOUND' }), '', 0);
        if (publicOnly && wanted.some((a) => isPrivateAddress(a.address))) return callback(refusedAddress(hostname), '', 0);
        if (options.all) return (callback as unknown as (e: null, all: { address: string; family: number }[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: Error) => callback(Object.assign(error, { code: (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND' }), '', 0),
    );
  };
}

/**
 * POSTs one delivery and resolves with the HTTP status (redirects are not followed). Unless private
 * addresses are allowed, the address connected to must be public: an IP in the URL is checked as
 * it is, a name through `connectLookup`.
 */
export function postWebhook(
  url: URL,
  init: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivateAddresses: boolean; resolveHost?: ResolveHost },
): Promise<number> {
  const host = hostOf(url);
  if (!init.allowPrivateAddresses && isIP(host) && isPrivateAddress(host)) return Promise.reject(refusedAddress(host));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        signal: AbortSignal.timeout(init.timeoutMs),
        lookup: connectLookup(init.resolveHost ?? systemResolve, !init.allowPrivateAddresses),
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        res.on('error', () => {});
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

export interface WebhookSenderOptions {
  allowPrivateAddresses: boolean;
  /** Attempts in all (the first plus retries). */
  maxAttempts: number;
  /** Wait before the first retry; doubled for each further one. */
  retryBaseMs: number;
  timeoutMs: number;
  /** How host names are resolved, when saved and when connecting (tests stand in their own). */
  resolveHost?: ResolveHost;
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

  /** The check when a webhook is saved (see checkWebhookUrl), with this sender's settings. */
  checkUrl(raw: string): Promise<URL> {
    return checkWebhookUrl(raw, this.options.allowPrivateAddresses, this.options.resolveHost);
  }

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
      responseStatus = await postWebhook(parseWebhookUrl(hook.url), {
        allowPrivateAddresses: this.options.allowPrivateAddresses,
        resolveHost: this.options.resolveHost,
        timeoutMs: this.options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Waymark-Webhooks/1',
          [signatureHeader]: signWebhookBody(hook.secret, body, Math.floor(Date.now() / 1000)),
          'Waymark-Event': delivery.event,
          'Waymark-Delivery-Attempt': String(attempt),
        },
        body,
      });
      if (responseStatus < 200 || responseStatus >= 300) error = `HTTP ${responseStatus}`;
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
