// Authentication with better-auth: email + password, sessions stored in the database, sign-in
// rate-limited per IP address, profile strings bounded (server/domain/userProfile.ts) whichever
// endpoint writes them. One instance per module graph, built from the validated config.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import type { z } from 'zod';
import type { Database } from '@/db';
import * as schema from '@/db/schema';
import { withoutLeadingByteOrderMark } from './domain/storableText';
import { userEmailSchema, userImageSchema, userNameSchema } from './domain/userProfile';
import type { Config } from './env';
import { acceptedOrigins } from './http/origin';
import { createMailer } from './mail';

/** How long a password reset link works (the e-mailed one and the one an owner makes). */
export const resetLinkLifetimeSeconds = 60 * 60;

export interface AuthEvents {
  /** A session ended through better-auth (sign-out, revocation, expiry found, password reset, account deleted). */
  sessionEnded?(session: { id: string; userId: string }): void;
}

/**
 * Checks one profile field; better-auth answers 400 with the message (e.g. "A name can be at most
 * 100 characters."). Byte order marks it starts with are stripped first, as for every tRPC input
 * (docs/security.md, "Bad values").
 */
function checked<T>(schema: z.ZodType<T>, value: unknown, code: string): T {
  const result = schema.safeParse(typeof value === 'string' ? withoutLeadingByteOrderMark(value) : value);
  if (!result.success) throw new APIError('BAD_REQUEST', { message: result.error.issues[0]!.message, code });
  return result.data;
}

/** The profile fields in a user row being written, checked and normalised (only those present). */
function checkedProfile(user: { name?: unknown; email?: unknown; image?: unknown }) {
  const data: { name?: string; email?: string; image?: string | null } = {};
  if (user.name !== undefined) data.name = checked(userNameSchema, user.name, 'INVALID_NAME');
  if (user.email !== undefined) data.email = checked(userEmailSchema, user.email, 'INVALID_EMAIL');
  if (user.image !== undefined) data.image = checked(userImageSchema, user.image, 'INVALID_IMAGE');
  return { data };
}

export function createAuth(
  db: Database,
  cfg: Pick<Config, 'appUrl' | 'origins' | 'authSecret' | 'signInLimitPerMinute'> & Partial<Pick<Config, 'mail'>>,
  events: AuthEvents = {},
) {
  const { origins } = cfg;
  const mailer = cfg.mail ? createMailer(cfg.mail) : null;
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
    // At the source: every endpoint that creates or changes a user goes through these.
    databaseHooks: {
      user: {
        create: { before: async (user) => checkedProfile(user) },
        update: { before: async (user) => checkedProfile(user) },
      },
      // Live sockets opened with a session are closed when it ends (server/collab/server.ts).
      session: { delete: { after: async (session) => events.sessionEnded?.({ id: session.id, userId: session.userId }) } },
    },
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
    // better-auth skips its Origin check when NODE_ENV is test; Waymark checks it everywhere, so
    // the tests see what production does.
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }, disableOriginCheck: false },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;
