// Same-origin checks for state-changing HTTP requests and WebSocket upgrades.

/**
 * True when the request has no Origin (a non-browser client) or its Origin is the app's own:
 * the configured APP_URL, or the host the request was addressed to.
 */
export function isSameOrigin(origin: string | null | undefined, host: string | null | undefined, appUrl: string): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(appUrl).origin) return true;
  return Boolean(host) && parsed.host === host;
}
