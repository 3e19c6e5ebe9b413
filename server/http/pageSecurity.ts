// The security headers of every app page (proxy.ts adds them): a Content-Security-Policy whose
// scripts must carry this response's nonce (Next puts it on its own scripts), and refusals to be
// framed by another site. The public status site sets its own, stricter ones (server/status/publicSite.ts).

/**
 * The policy for one page response. Trade-offs, on purpose:
 * - `style-src 'unsafe-inline'`: React writes `style` attributes (the plan's timeline bars, the
 *   heat map), which a nonce cannot cover; injected CSS can restyle a page but runs no code.
 * - `connect-src 'self'`: tRPC and the live boards' WebSocket go to this origin only (CSP 3
 *   counts ws:/wss: of the same host as 'self').
 * - `'unsafe-eval'` only in development, where React rebuilds server error stacks with eval.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every page: no framing by anyone (old browsers read X-Frame-Options), no MIME sniffing. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}
