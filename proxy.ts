// Next's proxy (formerly middleware): gives every page request a fresh CSP nonce and the page
// security headers (server/http/pageSecurity.ts). Next reads the nonce from the request's
// Content-Security-Policy header and puts it on the scripts it renders; pages are all rendered
// per request (the root layout is dynamic), so every one gets its own.
import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy, pageSecurityHeaders } from '@/server/http/pageSecurity';

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  // Next inlines NODE_ENV at build time; it is not configuration read at run time.
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(pageSecurityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: not the APIs, Next's static files or the icon (nothing there runs scripts).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
