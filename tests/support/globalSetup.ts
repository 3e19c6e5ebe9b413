// Applies migrations once before any worker starts when tests run against real Postgres
// (workers would otherwise race to migrate the same database). PGlite workers migrate their own.
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const handle = openDatabase({ url, max: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}
