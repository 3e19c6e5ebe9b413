// What every router test file needs: the worker's migrated database, a real better-auth instance,
// and the real live boards (projections run at once, boards unload when idle).
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db';
import type { Auth } from '@/server/auth';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { addToProject, callerFor, createTestAuth, createUser, uniqueSuffix, type Persona, type projectWithTeam } from '../support/factories';
import { testDatabase } from '../support/database';

export interface RouterDeps {
  db: Database;
  auth: Auth;
  live: LiveDocuments;
}

/** Sets up the database, auth and live boards once for the calling file; read `deps` inside tests. */
export function useRouterDeps(): RouterDeps {
  const deps = {} as RouterDeps;
  beforeAll(async () => {
    const { db } = await testDatabase();
    deps.db = db;
    deps.auth = createTestAuth(db);
    deps.live = new LiveDocuments({ db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0 });
  });
  afterAll(async () => {
    await deps.live?.close();
  });
  return deps;
}

/** Awaits a call that must fail with this tRPC error code; returns the error for further checks. */
export async function rejection(call: Promise<unknown>, code: TRPC_ERROR_CODE_KEY): Promise<TRPCError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code !== code) {
      throw new Error(`expected ${code}, got ${error.code}: ${error.message}`, { cause: error });
    }
    return error;
  }
  throw new Error(`expected ${code}, but the call succeeded with ${JSON.stringify(result)?.slice(0, 200)}`);
}

export type Team = Awaited<ReturnType<typeof projectWithTeam>>;
export type People = Team['users'];

/** An owner, editor, viewer and stranger, signed up once per file: signing up is the slow part. */
export async function createPeople(deps: RouterDeps): Promise<People> {
  const [owner, editor, viewer, stranger] = await Promise.all(
    (['Owner', 'Editor', 'Viewer', 'Stranger'] as const).map((name) => createUser(deps.auth, name)),
  );
  return { owner: owner!, editor: editor!, viewer: viewer!, stranger: stranger! };
}

/** Like `projectWithTeam`, but a new project for people who already exist. */
export async function projectFor(deps: RouterDeps, people: People, name = 'Apollo'): Promise<Team> {
  const owner = await callerFor(deps, people.owner);
  const project = await owner.project.create({ name: `${name} ${uniqueSuffix()}` });
  await addToProject(deps, people.owner, project.id, people.editor, 'editor');
  await addToProject(deps, people.owner, project.id, people.viewer, 'viewer');
  return {
    project,
    users: people,
    as: (persona: Persona) => callerFor(deps, persona === 'anonymous' ? null : people[persona]),
  };
}
