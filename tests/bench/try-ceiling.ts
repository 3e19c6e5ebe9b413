import { freshBenchDatabase } from './database';
import { startServer } from './servers';
import { ceiling } from './scenarios/ceiling';
const db = await freshBenchDatabase();
const server = await startServer('waymark', { DATABASE_URL: db.url });
const r = await ceiling(server, { maxReceivers: 50 });
console.log(JSON.stringify(r, null, 1));
await server.stop();
await db.drop();
