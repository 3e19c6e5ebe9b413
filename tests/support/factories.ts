// Seed factories for tests: real users with real sessions (through better-auth), projects with a
// member of every role, and tRPC callers acting as each of them. Values are random and unique.
import { randomBytes } from 'node:crypto';
import type { Database } from '@/db';
import { createAuth, type Auth, type AuthEvents } from '@/server/auth';
import type { LiveBoards } from '@/server/collab/liveBoards';
import { createCaller } from '@/server/routers/_app';
import { createTRPCContext } from '@/server/trpc';
import type { ProjectRole } from '@/server/domain/roles';
import type { OriginPolicy } from '@/server/http/origin';
import type { Mailer } from '@/server/mail';
import { WebhookSender } from '@/server/status/webhooks';
import type { TechRegistry } from '@/server/tech/registryCheck';

/** The app origin test callers use for links (invites, password resets). */
export const testAppUrl = 'http://localhost:3000';

export const testAuthSecret = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
/** What APP_URL=http://localhost:3000 allows: that origin only. */
export const testOrigins: OriginPolicy = { trusted: ['http://localhost:3000'], acceptRequestHost: false };

export function createTestAuth(db: Database, signInLimitPerMinute = 10_000, events?: AuthEvents): Auth {
  return createAuth(db, { appUrl: testAppUrl, origins: testOrigins, authSecret: testAuthSecret, signInLimitPerMinute }, events);
}

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  /** Request headers carrying this user's session cookie. */
  headers: Headers;
  cookie: string;
}

export async function createUser(auth: Auth, name = 'Test user'): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const email = `user-${suffix}@example.test`;
  const password = `pw-${suffix}-long-enough`;
  const fullName = `${name} ${suffix}`;
  const response = await auth.api.signUpEmail({ body: { email, password, name: fullName }, asResponse: true });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { id: body.user.id, name: fullName, email, password, headers: new Headers({ cookie }), cookie };
}

const testWebhooks = new WeakMap<Database, WebhookSender>();
/** Webhooks for tests: receivers on 127.0.0.1 allowed, retries after 20 ms, 40 ms. */
export function testWebhookSender(db: Database): WebhookSender {
  let sender = testWebhooks.get(db);
  if (!sender) {
    sender = new WebhookSender(db, { allowPrivateAddresses: true, maxAttempts: 3, retryBaseMs: 20, timeoutMs: 5_000 });
    testWebhooks.set(db, sender);
  }
  return sender;
}

export async function callerFor(
  deps: { db: Database; auth: Auth; live: LiveBoards; webhooks?: WebhookSender; mailer?: Mailer | null; techRegistry?: TechRegistry | null },
  who: TestUser | null,
) {
  const ctx = await createTRPCContext({
    headers: who ? who.headers : new Headers(),
    ...deps,
    webhooks: deps.webhooks ?? testWebhookSender(deps.db),
    appUrl: testAppUrl,
    mailer: deps.mailer ?? null,
    techRegistry: deps.techRegistry ?? null,
  });
  return createCaller(ctx);
}

/** The token at the end of an invite link. */
export function inviteTokenOf(link: string): string {
  return new URL(link).pathname.split('/').pop()!;
}

/** Puts an existing user into a project the way people join: the owner invites, they accept. */
export async function addToProject(
  deps: { db: Database; auth: Auth; live: LiveBoards },
  owner: TestUser,
  projectId: string,
  who: TestUser,
  role: 'editor' | 'viewer',
): Promise<void> {
  const invite = await (await callerFor(deps, owner)).project.createInvite({ projectId, role });
  await (await callerFor(deps, who)).project.acceptInvite({ token: inviteTokenOf(invite.link!) });
}

export type Persona = 'anonymous' | 'stranger' | ProjectRole;
export const personas: readonly Persona[] = ['anonymous', 'stranger', 'viewer', 'editor', 'owner'];

/**
 * A fresh project owned by a new user, with a new editor and viewer added, plus a stranger.
 * `as(persona)` gives a tRPC caller acting as that person.
 */
export async function projectWithTeam(deps: { db: Database; auth: Auth; live: LiveBoards }, name = 'Apollo') {
  const [owner, editor, viewer, stranger] = await Promise.all([
    createUser(deps.auth, 'Owner'),
    createUser(deps.auth, 'Editor'),
    createUser(deps.auth, 'Viewer'),
    createUser(deps.auth, 'Stranger'),
  ]);
  const ownerCaller = await callerFor(deps, owner);
  const project = await ownerCaller.project.create({ name: `${name} ${uniqueSuffix()}` });
  await addToProject(deps, owner, project.id, editor, 'editor');
  await addToProject(deps, owner, project.id, viewer, 'viewer');
  const users: Record<Exclude<Persona, 'anonymous'>, TestUser> = { owner, editor, viewer, stranger };
  return {
    project,
    users,
    as: (persona: Persona) => callerFor(deps, persona === 'anonymous' ? null : users[persona]),
  };
}
