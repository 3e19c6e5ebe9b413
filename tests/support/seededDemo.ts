// A database seeded the way `npm start` seeds it, for the tests that read the demo back
// (tests/server/demo*.test.ts): one per test file, with the demo project's and workspace's ids and
// callers signed in as the demo's people (with their real password, through better-auth).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db';
import { project } from '@/db/schema';
import { demoPassword, demoUsers, seedDemoIfEmpty } from '@/db/seed';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { emptyDatabase } from './database';
import { callerFor, createTestAuth, type TestUser } from './factories';

export type DemoPerson = keyof typeof demoUsers;

export interface SeededDemo {
  db: Database;
  auth: ReturnType<typeof createTestAuth>;
  documents: LiveDocuments;
  projectId: string;
  workspaceId: string;
  /** One of the demo's people, signed in. */
  signIn(who: DemoPerson): Promise<TestUser>;
  /** A tRPC caller as one of the demo's people. */
  caller(who: DemoPerson): Promise<Awaited<ReturnType<typeof callerFor>>>;
}

/** Seeds an empty database (named after `prefix`) before the file's tests and drops it after. */
export function useSeededDemo(prefix: string): SeededDemo {
  let drop = async () => {};
  const demo = {
    async signIn(who: DemoPerson): Promise<TestUser> {
      const { email } = demoUsers[who];
      const response = await demo.auth.api.signInEmail({ body: { email, password: demoPassword }, asResponse: true });
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { id: '', name: '', email, password: demoPassword, headers: new Headers({ cookie }), cookie };
    },
    async caller(who: DemoPerson) {
      return callerFor({ db: demo.db, auth: demo.auth, live: demo.documents }, await demo.signIn(who));
    },
  } as SeededDemo;

  // The seed needs an empty database.
  beforeAll(async () => {
    const opened = await emptyDatabase(prefix);
    drop = opened.drop;
    demo.db = opened.handle.db;
    demo.documents = new LiveDocuments({ db: demo.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
    demo.auth = createTestAuth(demo.db);
    const seeded = await seedDemoIfEmpty(demo.db, demo.auth, demo.documents);
    await demo.documents.flushProjections();
    demo.projectId = seeded!.projectId;
    const [row] = await demo.db.select().from(project).where(eq(project.id, demo.projectId));
    demo.workspaceId = row!.workspaceId;
  }, 120_000);
  afterAll(async () => {
    await demo.documents?.close();
    await drop();
  });
  return demo;
}
