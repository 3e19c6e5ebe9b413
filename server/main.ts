// Waymark's one process on one port: pages and APIs through Next, live boards on `/collab/*`.
// Run with tsx: `npm start` (production, via server/start.ts) or `npm run dev` (hot reload).
import { startWaymark, stopOnSignals } from './app';
import { config, ConfigError } from './env';

try {
  const dev = process.argv.includes('--dev');
  const waymark = await startWaymark(config(), { next: { dev } });
  stopOnSignals(waymark);
  console.log(`Waymark is running on http://localhost:${waymark.port} (${waymark.database.driver}${dev ? ', development' : ''})`);
  if (waymark.seeded) {
    console.log(`Demo workspace seeded. Sign in as ${waymark.seeded.email} / ${waymark.seeded.password}`);
    console.log('  (also sam@demo.waymark.dev, an editor, and priya@demo.waymark.dev, a viewer; same password)');
    console.log(`Public status page of the demo project: ${config().appUrl}${waymark.seeded.statusPath}`);
  }
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Waymark failed to start:', error);
  process.exit(1);
}
