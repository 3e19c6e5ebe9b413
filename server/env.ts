// Waymark's configuration, read once from the environment and validated with zod.
// Every other module receives what it needs from here; nothing else reads process.env.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultCollabLimits, type CollabLimits } from './collab/limits';
import type { OriginPolicy } from './http/origin';
import type { MailConfig } from './mail';
import type { TechRegistry } from './tech/registryCheck';

/** `https://a.example, http://b.example:8080` -> their origins; anything but http(s) origins is refused. */
const originList = z
  .string()
  .max(4096)
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      const onlyOrigin = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      if (!url || !onlyOrigin || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin such as https://waymark.example.com (scheme, host and port only)` });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * Public origin of the app, e.g. https://waymark.example.com. When set, browsers' requests are
   * accepted only from it (and TRUSTED_ORIGINS); when unset, from whatever address the app was
   * opened by. Links (status pages, feeds) use it, defaulting to http://localhost:PORT.
   */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Further origins allowed to sign in, call the API and open live boards, comma-separated. */
  TRUSTED_ORIGINS: originList.optional(),
  /** Real Postgres; when unset, the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters').optional(),
  /** Trust X-Forwarded-For from a reverse proxy (only behind one you run). */
  TRUST_PROXY: z.stringbool().default(false),
  /** Sign-in attempts allowed per IP address per minute. */
  AUTH_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Largest tRPC request body (a CSV import of up to 2 MiB fits). */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(3 * 1024 * 1024),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  COLLAB_MAX_AWARENESS_BYTES: z.coerce.number().int().min(256).default(64 * 1024),
  COLLAB_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(200),
  COLLAB_MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).default(16 * 1024 * 1024),
  /** Updates a board may hold received but not yet stored; past it, senders are paused (back-pressure). */
  COLLAB_MAX_PENDING_BYTES: z.coerce.number().int().min(64 * 1024).default(32 * 1024 * 1024),
  /** The same bound for one socket's updates (so one fast sender leaves room on its board for others). */
  COLLAB_MAX_SOCKET_PENDING_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
  /** Rows of a big import (raid.importCsv, plan.import) applied to a live board per slice; other edits go through between slices. */
  COLLAB_IMPORT_SLICE_ROWS: z.coerce.number().int().min(1).max(10_000).default(100),
  COLLAB_PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  COLLAB_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  COLLAB_AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** How often open sockets' sessions are checked again; at most a minute, so an expired session's socket closes within one. */
  COLLAB_SESSION_CHECK_MS: z.coerce.number().int().min(100).max(60_000).default(60_000),
  COLLAB_COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  COLLAB_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(1_000).default(10),
  PROJECTION_DEBOUNCE_MS: z.coerce.number().int().min(0).default(300),
  /** Let webhooks call loopback and private network addresses (tests, a trusted intranet). */
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.stringbool().default(false),
  /** Attempts per delivery, the first included. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Wait before the first retry; doubled for each further retry (30 s, 1 min, 2 min…). */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  /**
   * Outgoing mail (invites, password resets), e.g. smtps://user:pass@smtp.example.com:465. Unset:
   * no e-mail is sent; invite links are shown to copy and owners can make password reset links.
   */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465').max(2000).optional(),
  /** The From of Waymark's e-mails, e.g. "Waymark <waymark@example.com>". */
  MAIL_FROM: z.string().trim().min(3).max(200).default('Waymark <waymark@localhost>'),
  /** A registry in the npm style (`GET <url>/<name>` answers `dist-tags.latest`) for tech.checkVersions; unset, no check is made. */
  TECH_REGISTRY_URL: z.url({ protocol: /^https?$/, error: 'TECH_REGISTRY_URL must be an http(s) URL such as https://registry.npmjs.org' }).optional(),
  /** The whole version check's time budget; a slow registry only leaves "latest" as last known. */
  TECH_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
  /** Seed the demo workspace on first start of an empty database. */
  SEED_DEMO: z.stringbool().default(true),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  appUrl: string;
  /** Which browser origins may sign in, call the API and open live boards (server/http/origin.ts). */
  origins: OriginPolicy;
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  trustProxy: boolean;
  signInLimitPerMinute: number;
  apiMaxBodyBytes: number;
  seedDemo: boolean;
  /** Outgoing mail; null when SMTP_URL is not set. */
  mail: MailConfig | null;
  webhooks: { allowPrivateAddresses: boolean; maxAttempts: number; retryBaseMs: number; timeoutMs: number };
  /** The registry tech.checkVersions asks; null when TECH_REGISTRY_URL is not set. */
  techRegistry: TechRegistry | null;
  collab: CollabLimits & {
    unloadAfterMs: number;
    compactEvery: number;
    commitWindowMs: number;
    projectionDebounceMs: number;
    importSliceRows: number;
  };
}

export class ConfigError extends Error {}

/** Parses the environment into a Config; throws ConfigError with every problem listed. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl,
    origins: {
      trusted: [...new Set([new URL(appUrl).origin, ...(env.TRUSTED_ORIGINS ?? [])])],
      acceptRequestHost: env.APP_URL === undefined,
    },
    databaseUrl: env.DATABASE_URL,
    dataDir,
    authSecret: resolveAuthSecret(env, dataDir),
    trustProxy: env.TRUST_PROXY,
    signInLimitPerMinute: env.AUTH_SIGN_IN_LIMIT,
    apiMaxBodyBytes: env.API_MAX_BODY_BYTES,
    seedDemo: env.SEED_DEMO,
    mail: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
    webhooks: {
      allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: 10_000,
    },
    techRegistry: env.TECH_REGISTRY_URL ? { url: env.TECH_REGISTRY_URL, timeoutMs: env.TECH_REGISTRY_TIMEOUT_MS } : null,
    collab: {
      ...defaultCollabLimits,
      maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
      maxAwarenessBytes: env.COLLAB_MAX_AWARENESS_BYTES,
      messagesPerSecond: env.COLLAB_MESSAGES_PER_SECOND,
      maxBufferedBytes: env.COLLAB_MAX_BUFFERED_BYTES,
      maxPendingBytes: env.COLLAB_MAX_PENDING_BYTES,
      maxSocketPendingBytes: env.COLLAB_MAX_SOCKET_PENDING_BYTES,
      importSliceRows: env.COLLAB_IMPORT_SLICE_ROWS,
      pingIntervalMs: env.COLLAB_PING_INTERVAL_MS,
      unloadAfterMs: env.COLLAB_UNLOAD_AFTER_MS,
      authTimeoutMs: env.COLLAB_AUTH_TIMEOUT_MS,
      sessionCheckIntervalMs: env.COLLAB_SESSION_CHECK_MS,
      compactEvery: env.COLLAB_COMPACT_EVERY,
      commitWindowMs: env.COLLAB_COMMIT_WINDOW_MS,
      projectionDebounceMs: env.PROJECTION_DEBOUNCE_MS,
    },
  };
}

/**
 * The auth secret: from the environment, else generated once and kept in DATA_DIR. In production
 * against a real database a missing secret is an error: a generated file would not be shared
 * between instances and would silently sign everyone out on a redeploy.
 */
function resolveAuthSecret(env: Env, dataDir: string): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
    throw new ConfigError(
      'BETTER_AUTH_SECRET is not set. In production with DATABASE_URL, set it to a random string of 32+ characters ' +
        '(for example: openssl rand -base64 48).',
    );
  }
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

let cached: Config | undefined;
/** The process-wide configuration, parsed on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
