// Authentication with better-auth: email + password, sessions stored in the database, sign-in
// rate-limited per IP address. One instance per module graph, built from the validated config.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '@/db';
import * as schema from '@/db/schema';
import type { Config } from './env';
import { acceptedOrigins } from './http/origin';

export function createAuth(db: Database, cfg: Pick<Config, 'appUrl' | 'origins' | 'authSecret' | 'signInLimitPerMinute'>) {
  const { origins } = cfg;
  return betterAuth({
    appName: 'Waymark',
    baseURL: cfg.appUrl,
    // Sign-in and sign-up accept the same origins as the API and live boards (server/http/origin.ts).
    trustedOrigins: origins.acceptRequestHost ? (request) => acceptedOrigins(origins, request?.headers.get('host')) : [...origins.trusted],
    basePath: '/api/auth',
    secret: cfg.authSecret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: cfg.signInLimitPerMinute },
        '/sign-up/email': { window: 60, max: cfg.signInLimitPerMinute },
      },
    },
    // The custom server sets X-Forwarded-For from the socket (or trusts a proxy's when configured).
    // better-auth skips its Origin check when NODE_ENV is test; Waymark checks it everywhere, so
    // the tests see what production does.
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }, disableOriginCheck: false },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;
