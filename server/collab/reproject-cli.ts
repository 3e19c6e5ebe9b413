// `npm run db:reproject`: rebuilds every board's projection rows from the update log (for example
// after restoring a backup of the log alone). Safe to run while nothing else serves the boards.
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { boardUpdate } from '@/db/schema';
import { config } from '../env';
import { boards as boardDefinitions, parseBoardName } from './boards';
import { LiveDocuments } from './liveDocuments';

const cfg = config();
const database = getDatabase(cfg);
await migrateDatabase(database);
const documents = new LiveDocuments({ db: database.db, compactEvery: cfg.collab.compactEvery, projectionDebounceMs: 0, unloadAfterMs: 0 });
const boards = await database.db.selectDistinct({ board: boardUpdate.board }).from(boardUpdate).orderBy(sql`1`);
for (const { board } of boards) {
  const parsed = parseBoardName(board);
  // A board that keeps no rows (people) has nothing to project.
  if (!parsed || !boardDefinitions[parsed.kind].project) continue;
  let document;
  try {
    document = await documents.open(parsed.kind, parsed.boardId);
  } catch (error) {
    // A meeting's log left behind by a deleted meeting: nothing to project.
    console.warn(`skipped ${board}: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  await document.settle();
  document.release();
  console.log(`reprojected ${board}`);
}
await documents.close();
await database.close();
