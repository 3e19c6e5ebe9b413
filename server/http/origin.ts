// Which origins are the app's own, for state-changing HTTP requests (sign-in, tRPC) and WebSocket
// upgrades. With APP_URL set, only it and TRUSTED_ORIGINS are; without it, the app is whatever
// address it was opened by (http://127.0.0.1:3000, a machine's name on a LAN), so a request whose
// Origin names the host it was sent to is the app's own too. Other sites are refused either way.

export interface OriginPolicy {
  /** Origins always accepted: the app URL's and those in TRUSTED_ORIGINS. */
  trusted: readonly string[];
  /** No APP_URL: an Origin naming the host the request was sent to (its Host header) is accepted. */
  acceptRequestHost: boolean;
}

/** The Host header in the form URL.host has for the same address (lower case, no default port). */
function normalizedHost(protocol: string, host: string): string | null {
  const address = `${protocol}//${host}`;
  return URL.canParse(address) ? new URL(address).host : null;
}

/**
 * True when the request has no Origin (a non-browser client: browsers always send one on the
 * requests checked here) or its Origin is one the policy accepts.
 */
export function isAppOrigin(origin: string | null | undefined, host: string | null | undefined, policy: OriginPolicy): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (policy.trusted.includes(parsed.origin)) return true;
  return policy.acceptRequestHost && Boolean(host) && parsed.host === normalizedHost(parsed.protocol, host!);
}

/**
 * The origins a request may come from under the policy, for better-auth's list of trusted origins:
 * the trusted ones, plus, without APP_URL, the host the request was sent to (over http or https,
 * since behind a TLS proxy the browser's scheme is not the server's).
 */
export function acceptedOrigins(policy: OriginPolicy, host: string | null | undefined): string[] {
  const origins = [...policy.trusted];
  if (policy.acceptRequestHost && host) {
    for (const protocol of ['http:', 'https:']) {
      const own = normalizedHost(protocol, host);
      if (own) origins.push(`${protocol}//${own}`);
    }
  }
  return origins;
}
