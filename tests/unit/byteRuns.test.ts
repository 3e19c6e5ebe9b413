// Work that grows with its bytes and cannot be sliced is cut into runs of bytes (server/collab/turns.ts
// byteRuns): the live board merges a turn's small updates into one broadcast and sends big ones
// alone, and the update log stores big updates in INSERTs of their own (issue 13, point 8).
import { describe, expect, it } from 'vitest';
import { byteRuns } from '@/server/collab/turns';

const update = (bytes: number, name: string) => ({ update: new Uint8Array(bytes), name });
const runs = (batch: ReturnType<typeof update>[], limit: number) => byteRuns(batch, (entry) => entry.update.byteLength, limit);
const names = (groups: { name: string }[][]) => groups.map((group) => group.map((entry) => entry.name));

describe('byteRuns', () => {
  it('keeps small items in one run', () => {
    expect(names(runs([update(20, 'a'), update(30, 'b'), update(25, 'c')], 1024))).toEqual([['a', 'b', 'c']]);
  });

  it('puts a big item in a run of its own, keeping the order of the rest', () => {
    const batch = [update(20, 'a'), update(3 << 20, 'big'), update(30, 'b'), update(3 << 20, 'big2'), update(10, 'c')];
    expect(names(runs(batch, 64 * 1024))).toEqual([['a'], ['big'], ['b'], ['big2'], ['c']]);
  });

  it('starts a new run once the size would pass the limit', () => {
    expect(names(runs([update(600, 'a'), update(500, 'b'), update(400, 'c'), update(100, 'd')], 1024))).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('gives every item exactly once, in order', () => {
    const batch = Array.from({ length: 50 }, (_, i) => update((i * 7919) % 3000, String(i)));
    expect(runs(batch, 4096).flat()).toEqual(batch);
  });
});
