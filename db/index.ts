// The one database client. Postgres (postgres.js) when DATABASE_URL is set, otherwise the embedded
// PGlite database in DATA_DIR/pglite. The underlying connection is kept on globalThis so that the
// custom server, Next's route handlers (a separate module graph in the same process) and hot
// reloads all share it: PGlite allows exactly one instance per data directory.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import path from 'node:path';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: domain writes accept both. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  pgliteDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
}

/** Opens a new database handle (tests and scripts); the app uses `getDatabase`. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      driver: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = new PGlite(options.pgliteDir ?? 'memory://');
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
  };
}

const globalForDb = globalThis as unknown as { __waymarkDatabase?: Map<string, DatabaseHandle> };

/** The process-wide handle for this configuration (created on first use, then shared). */
export function getDatabase(options: { databaseUrl?: string; dataDir: string }): DatabaseHandle {
  const key = options.databaseUrl ?? `pglite:${options.dataDir}`;
  const handles = (globalForDb.__waymarkDatabase ??= new Map());
  let handle = handles.get(key);
  if (!handle) {
    handle = openDatabase(
      options.databaseUrl ? { url: options.databaseUrl } : { pgliteDir: path.join(options.dataDir, 'pglite') },
    );
    handles.set(key, handle);
  }
  return handle;
}

export { schema };
