// The demo's history happened over weeks: its RAID log and plan grew and changed step by step, so
// "Since last meeting" on the next weekly sync lists the week's few changes (not every risk as new)
// and a risk's history spans weeks, while the projected tables still say what the live documents
// say (projecting the stored boards again changes nothing).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '@/db';
import { meeting, planDateChange, planItem, raidItem, raidItemChange } from '@/db/schema';
import { seedDemoIfEmpty } from '@/db/seed';
import { ChangeAttribution } from '@/server/collab/attribution';
import { boards } from '@/server/collab/boards';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import { UpdateLog } from '@/server/collab/updateLog';
import { loadSinceLastMeeting } from '@/server/data/meetingSince';
import { emptyDatabase } from '../support/database';
import { createTestAuth } from '../support/factories';

let handle: DatabaseHandle;
let drop = async () => {};
let projectId: string;
let ownerId: string;

beforeAll(async () => {
  ({ handle, drop } = await emptyDatabase('demo_history'));
  const documents = new LiveDocuments({ db: handle.db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
  const seeded = await seedDemoIfEmpty(handle.db, createTestAuth(handle.db), documents);
  await documents.close();
  projectId = seeded!.projectId;
  const [row] = await handle.db.select({ createdBy: meeting.createdBy }).from(meeting).where(eq(meeting.projectId, projectId)).limit(1);
  ownerId = row!.createdBy!;
}, 120_000);
afterAll(() => drop());

const dayMs = 24 * 60 * 60 * 1000;
const weeklySyncs = () => handle.db.select().from(meeting).where(and(eq(meeting.projectId, projectId), eq(meeting.series, 'weekly-sync'))).orderBy(meeting.startsAt);
const bandRank = (band: string | null) => (band ? ['low', 'medium', 'high', 'critical'].indexOf(band) : -1);

describe('demo history', () => {
  it('since last week’s sync: one risk added, one escalated, one closed, a milestone slipped and one met, an action done, an update published', async () => {
    const upcoming = (await weeklySyncs()).at(-1)!;
    const since = await loadSinceLastMeeting(handle.db, upcoming);
    expect(since.basis).toBe('series');
    expect(since.risks.added.length).toBeGreaterThanOrEqual(1);
    expect(since.risks.added.length).toBeLessThanOrEqual(3);
    expect(since.risks.escalated.length).toBeGreaterThanOrEqual(1);
    expect(since.risks.escalated.every((r) => bandRank(r.band) > bandRank(r.fromBand))).toBe(true);
    expect(since.risks.closed.length).toBeGreaterThanOrEqual(1);
    expect(since.risks.removed).toEqual([]);
    expect(since.milestones.slipped.length).toBeGreaterThanOrEqual(1);
    expect(since.milestones.done.length).toBeGreaterThanOrEqual(1);
    expect(since.actions.done.length).toBeGreaterThanOrEqual(1);
    expect(since.updates.length).toBeGreaterThanOrEqual(1);
    // A week's worth, not the whole project.
    expect(since.count).toBeLessThanOrEqual(15);

    // The escalation is a real edit of likelihood or impact, recorded in the window.
    const escalated = since.risks.escalated[0]!;
    const edits = await handle.db.select().from(raidItemChange).where(and(eq(raidItemChange.projectId, projectId), eq(raidItemChange.itemId, escalated.id)));
    expect(edits.some((c) => (c.field === 'likelihood' || c.field === 'impact') && c.changedAt > new Date(since.from))).toBe(true);
  });

  it('the sync before saw its own week: a risk or two added, not the ones raised weeks earlier', async () => {
    const [, last] = await weeklySyncs();
    const since = await loadSinceLastMeeting(handle.db, last!);
    expect(since.previous).not.toBeNull();
    expect(since.risks.added.length).toBeGreaterThanOrEqual(1);
    expect(since.risks.added.length).toBeLessThanOrEqual(3);
    expect(since.count).toBeGreaterThanOrEqual(1);
    expect(since.count).toBeLessThanOrEqual(15);
  });

  it('risks and plan items were added over weeks, and their histories span weeks', async () => {
    const now = Date.now();
    const items = await handle.db.select().from(raidItem).where(eq(raidItem.projectId, projectId));
    const weeksOld = items.filter((i) => now - i.createdAt.getTime() >= 28 * dayMs && now - i.createdAt.getTime() <= 8 * 7 * dayMs);
    expect(weeksOld.length).toBeGreaterThan(items.length / 2);
    const changes = await handle.db.select().from(raidItemChange).where(eq(raidItemChange.projectId, projectId));
    const spans = items.map((i) => {
      const times = changes.filter((c) => c.itemId === i.id).map((c) => c.changedAt.getTime());
      return Math.max(...times) - Math.min(...times);
    });
    expect(spans.filter((span) => span >= 14 * dayMs).length).toBeGreaterThanOrEqual(2);
    // Each item's "created" entry is when its row says it was created.
    for (const i of items) expect(changes.find((c) => c.itemId === i.id && c.field === 'created')!.changedAt).toEqual(i.createdAt);

    const moves = await handle.db.select().from(planDateChange).where(eq(planDateChange.projectId, projectId));
    const days = new Set(moves.map((m) => Math.floor(m.changedAt.getTime() / dayMs)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    expect(Math.min(...moves.map((m) => m.changedAt.getTime()))).toBeLessThan(now - 6 * 7 * dayMs);
  });

  it('projecting the stored boards again changes nothing: the tables say what the documents say', async () => {
    const snapshot = async () => ({
      raid: await handle.db.select().from(raidItem).where(eq(raidItem.projectId, projectId)).orderBy(raidItem.id),
      raidChanges: await handle.db.select().from(raidItemChange).where(eq(raidItemChange.projectId, projectId)).orderBy(raidItemChange.id),
      plan: await handle.db.select().from(planItem).where(eq(planItem.projectId, projectId)).orderBy(planItem.id),
      planChanges: await handle.db.select().from(planDateChange).where(eq(planDateChange.projectId, projectId)).orderBy(planDateChange.id),
    });
    const before = await snapshot();
    const log = new UpdateLog(handle.db);
    for (const kind of ['risks', 'plan'] as const) {
      const doc = new Y.Doc();
      for (const update of (await log.load(`${kind}:${projectId}`)).updates) Y.applyUpdate(doc, update.data);
      await boards[kind].project!({ db: handle.db, projectId, boardId: projectId, doc, authors: new ChangeAttribution().take(), fallbackActorId: ownerId, now: new Date() });
    }
    expect(await snapshot()).toEqual(before);
  });
});
