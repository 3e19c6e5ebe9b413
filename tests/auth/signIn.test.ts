// Email + password accounts through better-auth's HTTP handler: sessions work. The per-address
// sign-in limit is tested in signInLimit.test.ts, through the real server's address pinning.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '@/server/auth';
import { testDatabase } from '../support/database';
import { createTestAuth, createUser, type TestUser } from '../support/factories';

let auth: Auth;
let person: TestUser;

beforeAll(async () => {
  const { db } = await testDatabase();
  auth = createTestAuth(db);
  person = await createUser(auth, 'Signer');
});

function signIn(instance: Auth, email: string, password: string, ip: string) {
  return instance.handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe('sign-in', () => {
  it('the right password gives a session cookie that identifies the user', async () => {
    const response = await signIn(auth, person.email, person.password, '10.1.0.1');
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe(person.email);
  });

  it('a wrong password is refused without a session', async () => {
    const response = await signIn(auth, person.email, 'not-the-password', '10.1.0.2');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((c) => c.includes('session_token=') && !c.includes('Max-Age=0'))).toBe(false);
  });
});
