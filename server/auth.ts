// Authentication with better-auth: email + password, sessions stored in the database, sign-in
// rate-limited per IP address. One instance per module graph, built from the validated config.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '@/db';
import * as schema from '@/db/schema';
import type { Config } from './env';

export function createAuth(db: Database, cfg: Pick<Config, 'appUrl' | 'authSecret' | 'signInLimitPerMinute'>) {
  return betterAuth({
    appName: 'Waymark',
    baseURL: cfg.appUrl,
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
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;
