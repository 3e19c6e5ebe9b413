// drizzle-kit reads the schema from db/schema and writes SQL migrations to db/migrations.
// Migrations are applied from code (db/migrate.ts) at start-up and in tests, never pushed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
