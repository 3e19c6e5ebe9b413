// Configuration: validated once, the auth secret generated once and kept in DATA_DIR, and a
// missing secret refused in production against a real database.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/server/env';
import { isSameOrigin } from '@/server/http/origin';

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

describe('same-origin check', () => {
  const appUrl = 'https://waymark.example.com';
  it('accepts no Origin (non-browser clients), the app URL, and the requested host', () => {
    expect(isSameOrigin(undefined, 'waymark.example.com', appUrl)).toBe(true);
    expect(isSameOrigin('https://waymark.example.com', 'internal:3000', appUrl)).toBe(true);
    expect(isSameOrigin('http://localhost:3000', 'localhost:3000', appUrl)).toBe(true);
  });
  it('refuses other sites, look-alikes and garbage', () => {
    expect(isSameOrigin('https://evil.example', 'waymark.example.com', appUrl)).toBe(false);
    expect(isSameOrigin('https://waymark.example.com.evil.example', 'waymark.example.com', appUrl)).toBe(false);
    expect(isSameOrigin('null', 'waymark.example.com', appUrl)).toBe(false);
  });
});
