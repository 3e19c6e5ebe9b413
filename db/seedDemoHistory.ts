// The demo's RAID log and plan were edited over weeks, but the seed writes them in a second. Each
// step of the story is applied through the live boards like any edit; `happened(at)` then runs the
// projections and dates what that step wrote (history rows, the items' created and updated times)
// to when it happened in the story. This is the one place outside the projections that writes their
// tables: it only moves timestamps the projection just wrote, so the rows still say what the live
// documents say and the next projection run finds nothing to change.
import { and, eq, gte } from 'drizzle-orm';
import type { Database } from './index';
import { planDateChange, planItem, raidItem, raidItemChange } from './schema';
import type { LiveBoards } from '@/server/collab/liveBoards';

/** Live boards whose projections can be awaited (the collaboration server's LiveDocuments). */
export type SettlingBoards = LiveBoards & { flushProjections(): Promise<void> };

export interface DemoHistory {
  /** Everything written since the last step (or the seed's start) happened at `at`. Call steps of one board oldest first. */
  happened(at: Date): Promise<void>;
}

export function demoHistory(db: Database, live: SettlingBoards, projectId: string): DemoHistory {
  // The story's times are all before this, so a row written since and not yet dated is the current step's.
  const seedStartedAt = new Date();
  return {
    async happened(at) {
      await live.flushProjections();
      await db.transaction(async (tx) => {
        await tx
          .update(raidItemChange)
          .set({ changedAt: at })
          .where(and(eq(raidItemChange.projectId, projectId), gte(raidItemChange.changedAt, seedStartedAt)));
        await tx.update(raidItem).set({ createdAt: at }).where(and(eq(raidItem.projectId, projectId), gte(raidItem.createdAt, seedStartedAt)));
        await tx.update(raidItem).set({ updatedAt: at }).where(and(eq(raidItem.projectId, projectId), gte(raidItem.updatedAt, seedStartedAt)));
        await tx
          .update(planDateChange)
          .set({ changedAt: at })
          .where(and(eq(planDateChange.projectId, projectId), gte(planDateChange.changedAt, seedStartedAt)));
        await tx.update(planItem).set({ createdAt: at }).where(and(eq(planItem.projectId, projectId), gte(planItem.createdAt, seedStartedAt)));
        await tx.update(planItem).set({ updatedAt: at }).where(and(eq(planItem.projectId, projectId), gte(planItem.updatedAt, seedStartedAt)));
      });
    },
  };
}
