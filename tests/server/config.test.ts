// Configuration: validated once, the auth secret generated once and kept in DATA_DIR, and a
// missing secret refused in production against a real database.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/server/env';
import { acceptedOrigins, isAppOrigin } from '@/server/http/origin';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-config-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('config', () => {
  it('generates the auth secret once, keeps it private in DATA_DIR and reuses it', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.authSecret).toBe(first.authSecret);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first.authSecret);
    expect(statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0);
  });

  it('refuses to start in production on Postgres without BETTER_AUTH_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/waymark', DATA_DIR: tempDir() })).toThrow(
      /BETTER_AUTH_SECRET is not set/,
    );
  });

  it('uses the generated secret in production on the embedded database', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() }).authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('mail: off without SMTP_URL; SMTP_URL must be an smtp(s) URL; MAIL_FROM has a default', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).mail).toBeNull();
    expect(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'smtps://u:p@smtp.example.com:465' }).mail).toEqual({
      smtpUrl: 'smtps://u:p@smtp.example.com:465',
      from: 'Waymark <waymark@localhost>',
    });
    expect(() => loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'http://smtp.example.com' })).toThrow(/SMTP_URL must look like smtp:\/\/host:port/);
  });

  it('names every invalid variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DATA_DIR: tempDir() });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL must start with postgres/);
    }
  });

  it('defaults APP_URL to localhost on the configured port', () => {
    expect(loadConfig({ PORT: '4100', DATA_DIR: tempDir() }).appUrl).toBe('http://localhost:4100');
  });
});

describe("the app's own origins", () => {
  const dir = () => tempDir();
  it('without APP_URL: an Origin naming the host the request was sent to, whatever that host is', () => {
    const { origins } = loadConfig({ DATA_DIR: dir() });
    expect(origins.acceptRequestHost).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', origins)).toBe(true);
    expect(isAppOrigin('http://pm-laptop.local:3000', 'pm-laptop.local:3000', origins)).toBe(true);
    expect(isAppOrigin('http://PM-Laptop:80', 'pm-laptop', origins)).toBe(true);
    expect(isAppOrigin('http://localhost:3000', '192.168.1.20:3000', origins)).toBe(true);
    expect(isAppOrigin(undefined, '127.0.0.1:3000', origins)).toBe(true);
  });

  it('without APP_URL: another site, another port, look-alikes and garbage are refused', () => {
    const { origins } = loadConfig({ DATA_DIR: dir() });
    expect(isAppOrigin('https://evil.example', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('http://127.0.0.1:3001', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('http://127.0.0.1:3000.evil.example', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('null', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('http://127.0.0.1:3000', undefined, origins)).toBe(false);
  });

  it('without APP_URL: an Origin that names the host over another scheme (ws:, ftp:) is refused', () => {
    const { origins } = loadConfig({ DATA_DIR: dir() });
    expect(isAppOrigin('ws://127.0.0.1:3000', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('ftp://127.0.0.1:3000', '127.0.0.1:3000', origins)).toBe(false);
    expect(isAppOrigin('https://127.0.0.1:3000', '127.0.0.1:3000', origins)).toBe(true);
  });

  it("better-auth's trusted origins: without APP_URL, the request's host over http and https; with it, only the trusted list", () => {
    const open = loadConfig({ DATA_DIR: dir() }).origins;
    expect(acceptedOrigins(open, 'PM-Laptop:80')).toEqual([...open.trusted, 'http://pm-laptop', 'https://pm-laptop:80']);
    expect(acceptedOrigins(open, null)).toEqual(open.trusted);
    expect(acceptedOrigins(open, 'not a host')).toEqual(open.trusted);
    const fixed = loadConfig({ DATA_DIR: dir(), APP_URL: 'https://waymark.example.com' }).origins;
    expect(acceptedOrigins(fixed, 'evil.example')).toEqual(['https://waymark.example.com']);
  });

  it('with APP_URL: only it and TRUSTED_ORIGINS, not the host a request happened to name', () => {
    const { origins } = loadConfig({
      DATA_DIR: dir(),
      APP_URL: 'https://waymark.example.com/',
      TRUSTED_ORIGINS: 'https://admin.example.com, http://10.0.0.5:8080',
    });
    expect(origins).toEqual({
      trusted: ['https://waymark.example.com', 'https://admin.example.com', 'http://10.0.0.5:8080'],
      acceptRequestHost: false,
    });
    expect(isAppOrigin('https://waymark.example.com', 'internal:3000', origins)).toBe(true);
    expect(isAppOrigin('https://admin.example.com', 'internal:3000', origins)).toBe(true);
    expect(isAppOrigin('http://10.0.0.5:8080', 'internal:3000', origins)).toBe(true);
    expect(isAppOrigin('http://internal:3000', 'internal:3000', origins)).toBe(false);
    expect(isAppOrigin('https://evil.example', 'waymark.example.com', origins)).toBe(false);
    expect(isAppOrigin('https://waymark.example.com.evil.example', 'waymark.example.com', origins)).toBe(false);
  });

  it('refuses a TRUSTED_ORIGINS entry that is not an origin, naming it', () => {
    expect(() => loadConfig({ DATA_DIR: dir(), TRUSTED_ORIGINS: 'https://ok.example, https://bad.example/path' })).toThrow(
      /TRUSTED_ORIGINS: "https:\/\/bad.example\/path" is not an origin/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), TRUSTED_ORIGINS: 'ftp://files.example' })).toThrow(/TRUSTED_ORIGINS/);
  });
});

describe('session re-check interval', () => {
  it('defaults to a minute, can be shorter, and is refused over a minute', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).collab.sessionCheckIntervalMs).toBe(60_000);
    expect(loadConfig({ COLLAB_SESSION_CHECK_MS: '500', DATA_DIR: tempDir() }).collab.sessionCheckIntervalMs).toBe(500);
    expect(() => loadConfig({ COLLAB_SESSION_CHECK_MS: '120000', DATA_DIR: tempDir() })).toThrow(/COLLAB_SESSION_CHECK_MS/);
  });
});
