// One migrated database per test worker: real Postgres when DATABASE_URL is set, otherwise an
// in-memory PGlite (slow to start, so it is created once and shared by the worker's test files).
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
