// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { config } from '../server/env';
import { getDatabase } from './index';
import { migrateDatabase } from './migrate';

const cfg = config();
const handle = getDatabase(cfg);
await migrateDatabase(handle);
console.log(`Migrations applied (${handle.driver}).`);
await handle.close();
