// The update log's group commit: appends from any board that arrive while a commit is in flight, or
// within the commit window, share one INSERT; each append learns the newest id of its board; a
// board whose rows the database refuses does not fail the others that shared its commit.
// INSERTs are counted on a client of the log's own: the worker's shared database handle is also
// used by other files' background work (projections, webhooks), whose INSERTs must not count.
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import { UpdateLog } from '@/server/collab/updateLog';
import { testDatabase } from '../support/database';
import { refusedAppends } from '../support/refusedAppends';

const update = (n: number) => ({ data: new Uint8Array([n]), userId: null });
const run = Math.random().toString(36).slice(2, 8);

/** An update log on a client of its own (sharing the connection) and a spy on that client's INSERTs only. */
async function isolatedLog(commitWindowMs: number) {
  const { db } = await testDatabase();
  const own = Object.create(db) as Database;
  const insert = vi.spyOn(own, 'insert');
  return { log: new UpdateLog(own, commitWindowMs), insert };
}

describe('update log group commit', () => {
  it('appends made within the commit window share one INSERT, across boards', async () => {
    const { log, insert } = await isolatedLog(50);
    const [a1, b, a2] = await Promise.all([
      log.append(`window-a-${run}`, [update(1)]),
      log.append(`window-b-${run}`, [update(2)]),
      log.append(`window-a-${run}`, [update(3)]),
    ]);
    expect(insert).toHaveBeenCalledTimes(1);
    expect(a1).toBe(a2);
    expect(b).toBeLessThan(a2);
    expect((await log.load(`window-a-${run}`)).updates.map((u) => [...u.data])).toEqual([[1], [3]]);
  });

  it('without a window the first append commits at once and the next ones share the following commit', async () => {
    const { log, insert } = await isolatedLog(0);
    await Promise.all([log.append(`now-${run}`, [update(1)]), log.append(`now-${run}`, [update(2)]), log.append(`now-${run}`, [update(3)])]);
    expect(insert).toHaveBeenCalledTimes(2);
    expect((await log.stats(`now-${run}`)).rows).toBe(3);
  });

  it("a board whose rows the database refuses fails alone; the boards that shared its commit are stored", async () => {
    const { db } = await testDatabase();
    const refused = await refusedAppends(db);
    try {
      await refused.refuse(`refused-${run}`);
      const log = new UpdateLog(db, 50);
      const [bad, good] = await Promise.allSettled([log.append(`refused-${run}`, [update(1)]), log.append(`healthy-${run}`, [update(2)])]);
      expect(bad.status).toBe('rejected');
      expect(good.status).toBe('fulfilled');
      expect((await log.load(`healthy-${run}`)).updates.map((u) => [...u.data])).toEqual([[2]]);
      expect((await log.load(`refused-${run}`)).updates).toEqual([]);
    } finally {
      await refused.remove();
    }
  });

  it('big updates go in several INSERTs of one transaction: all stored in order, or none of a failed commit', async () => {
    const { db } = await testDatabase();
    const refused = await refusedAppends(db);
    const big = (n: number) => ({ data: new Uint8Array(700 * 1024).fill(n), userId: null });
    try {
      await refused.refuse(`big-refused-${run}`);
      const log = new UpdateLog(db, 50);
      const [good, bad] = await Promise.allSettled([log.append(`big-${run}`, [big(1), big(2), update(3)]), log.append(`big-refused-${run}`, [big(4)])]);
      expect(good.status).toBe('fulfilled');
      expect(bad.status).toBe('rejected');
      // The first try held both boards and failed on the last statement: had its earlier INSERTs
      // been kept, the retry of the healthy board alone would have stored its rows twice.
      const stored = (await log.load(`big-${run}`)).updates.map((u) => [u.data.byteLength, u.data[0]]);
      expect(stored).toEqual([
        [700 * 1024, 1],
        [700 * 1024, 2],
        [1, 3],
      ]);
    } finally {
      await refused.remove();
    }
  });
});
