// One migrated database per test worker: real Postgres when DATABASE_URL is set, otherwise an
// in-memory PGlite (slow to start, so it is created once and shared by the worker's test files).
// Tests that need a database of their own (the demo seed wants one with no users) make an empty one.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';

let shared: Promise<DatabaseHandle> | undefined;

export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    const handle = openDatabase(url ? { url, max: 10 } : { pgliteDir: 'memory://' });
    if (!url) await migrateDatabase(handle);
    return handle;
  })();
  return shared;
}

/** A new migrated database for one test file: a fresh Postgres database, or a fresh in-memory PGlite. `drop` closes and removes it. */
export async function emptyDatabase(prefix: string): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = openDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
  }
  const name = `waymark_${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  const handle = openDatabase({ url: fresh.toString(), max: 2 });
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
