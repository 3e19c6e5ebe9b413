// Authentication with better-auth: email + password, sessions stored in the database, sign-in
// rate-limited per IP address. One instance per module graph, built from the validated config.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '@/db';
import * as schema from '@/db/schema';
import type { Config } from './env';
import { createMailer } from './mail';

/** How long a password reset link works (the e-mailed one and the one an owner makes). */
export const resetLinkLifetimeSeconds = 60 * 60;

export function createAuth(
  db: Database,
  cfg: Pick<Config, 'appUrl' | 'authSecret' | 'signInLimitPerMinute'> & Partial<Pick<Config, 'mail'>>,
) {
  const mailer = cfg.mail ? createMailer(cfg.mail) : null;
  return betterAuth({
    appName: 'Waymark',
    baseURL: cfg.appUrl,
    basePath: '/api/auth',
    secret: cfg.authSecret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: resetLinkLifetimeSeconds,
      // A reset signs out every other session of the account (whoever knew the old password).
      revokeSessionsOnPasswordReset: true,
      // Without mail, better-auth refuses reset requests; owners make reset links instead (project.createPasswordResetLink).
      sendResetPassword: mailer
        ? async ({ user, url }) => {
            await mailer.send({
              to: user.email,
              subject: 'Reset your Waymark password',
              text:
                `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Waymark account.\n` +
                `Choose a new password here (the link works once, for an hour):\n\n${url}\n\n` +
                `If you did not ask for this, ignore this e-mail: your password stays as it is.\n`,
            });
          }
        : undefined,
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: cfg.signInLimitPerMinute },
        '/sign-up/email': { window: 60, max: cfg.signInLimitPerMinute },
        '/request-password-reset': { window: 60, max: cfg.signInLimitPerMinute },
      },
    },
    // The custom server sets X-Forwarded-For from the socket (or trusts a proxy's when configured).
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;
