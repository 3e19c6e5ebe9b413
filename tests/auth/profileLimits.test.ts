// Names (and the other profile strings other members are shown) are bounded at the source: sign-up
// and update-user, through better-auth's real HTTP handler, refuse an over-long name or one with
// control characters with a clear 400, and nothing is stored. Byte order marks starting a value are
// stripped (PGlite would drop them on read, Postgres not).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { user } from '@/db/schema';
import type { Auth } from '@/server/auth';
import { shownUserName, userNameMaxLength } from '@/server/domain/userProfile';
import { testDatabase } from '../support/database';
import { createTestAuth, createUser, uniqueSuffix, type TestUser } from '../support/factories';

let db: Database;
let auth: Auth;
let person: TestUser;

beforeAll(async () => {
  ({ db } = await testDatabase());
  auth = createTestAuth(db);
  person = await createUser(auth, 'Profile');
});

function post(path: string, body: unknown, cookie?: string) {
  return auth.handler(
    new Request(`http://localhost:3000/api/auth/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.1`,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

function signUp(name: string) {
  const suffix = uniqueSuffix();
  return { email: `limits-${suffix}@example.test`, response: post('sign-up/email', { email: `limits-${suffix}@example.test`, password: `pw-${suffix}-long-enough`, name }) };
}

async function storedUser(email: string) {
  return (await db.select().from(user).where(eq(user.email, email)))[0];
}

describe('profile limits at sign-up', () => {
  it(`a name of ${userNameMaxLength} characters is accepted, trimmed`, async () => {
    const name = 'N'.repeat(userNameMaxLength);
    const { email, response } = signUp(`  ${name}  `);
    expect((await response).status).toBe(200);
    expect((await storedUser(email))?.name).toBe(name);
  });

  it.each([
    ['a name one character over the limit', 'N'.repeat(userNameMaxLength + 1), `at most ${userNameMaxLength} characters`],
    ['a 1 MiB name', 'N'.repeat(1024 * 1024), `at most ${userNameMaxLength} characters`],
    ['a name with a NUL character', 'Ada\u0000Lovelace', 'control characters'],
    ['a name with a line break', 'Ada\nLovelace', 'control characters'],
    ['a name with a right-to-left override', 'Ada \u202Eecalevol', 'control characters'],
    ['a blank name', '   ', 'Enter your name'],
  ])('%s is refused with a clear 400 and no account', async (_what, name, message) => {
    const { email, response } = signUp(name);
    const result = await response;
    expect(result.status).toBe(400);
    expect(((await result.json()) as { message: string }).message).toContain(message);
    expect(await storedUser(email)).toBeUndefined();
  });
});

describe('profile limits at update-user', () => {
  it('a sane new name is saved', async () => {
    const response = await post('update-user', { name: 'Ada Lovelace' }, person.cookie);
    expect(response.status).toBe(200);
    expect((await storedUser(person.email))?.name).toBe('Ada Lovelace');
  });

  it.each([
    ['a 10 MiB name', 'N'.repeat(10 * 1024 * 1024), `at most ${userNameMaxLength} characters`],
    ['a name with a NUL character', 'Grace\u0000Hopper', 'control characters'],
  ])('%s is refused with a clear 400 and the old name kept', async (_what, name, message) => {
    const before = (await storedUser(person.email))?.name;
    const response = await post('update-user', { name }, person.cookie);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
    expect((await storedUser(person.email))?.name).toBe(before);
  });

  it('a name and a picture address starting with byte order marks are saved without them (inner ones kept), the same on either database', async () => {
    const response = await post('update-user', { name: '\uFEFF\uFEFFAda\uFEFFLovelace', image: '\uFEFF\uFEFFhttps://example.test/ada.png' }, person.cookie);
    expect(response.status).toBe(200);
    expect(await storedUser(person.email)).toMatchObject({ name: 'Ada\uFEFFLovelace', image: 'https://example.test/ada.png' });
  });

  it('an over-long picture address is refused', async () => {
    const response = await post('update-user', { image: `https://example.test/${'a'.repeat(5000)}` }, person.cookie);
    expect(response.status).toBe(400);
  });
});

describe('names stored before the limit', () => {
  it('are shown cut to the limit, without control characters or a split surrogate pair', () => {
    expect(shownUserName('x'.repeat(10_000))).toHaveLength(userNameMaxLength);
    expect(shownUserName(`${'x'.repeat(userNameMaxLength - 1)}😀`)).toBe('x'.repeat(userNameMaxLength - 1));
    expect(shownUserName('Ada\u0000 Love\u202Elace')).toBe('Ada Lovelace');
  });
});
