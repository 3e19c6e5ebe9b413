// Long synchronous work on the server cut into short slices, each followed by a turn of the event
// loop, so that one board's big job (projecting thousands of items, writing their history) never
// holds every other board's edits for long (issue 13: ~50 ms at most; docs/benchmarks.md).

/** Resolves on the next turn of the event loop, after the I/O that is waiting. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Work per slice before `eachInSlices` lets the event loop turn. */
export const sliceBudgetMs = 10;

/** Calls `work` for each entry, letting the event loop turn whenever a slice has run `budgetMs`. */
export async function eachInSlices<T>(entries: Iterable<T>, work: (entry: T) => void, budgetMs = sliceBudgetMs): Promise<void> {
  let sliceStarted = performance.now();
  for (const entry of entries) {
    if (performance.now() - sliceStarted >= budgetMs) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    work(entry);
  }
}

/** `rows` in chunks of at most `size`, e.g. so one INSERT stays well under Postgres' 65,535 bound parameters. */
export function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/**
 * `items` in order, cut into runs of at most `limit` bytes (by `bytesOf`); an item bigger than the
 * limit is a run of its own. For work whose cost grows with its bytes and cannot be sliced, e.g.
 * merging updates or encoding a statement's parameters.
 */
export function byteRuns<T>(items: readonly T[], bytesOf: (item: T) => number, limit: number): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length && bytes + size > limit) {
      runs.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) runs.push(current);
  return runs;
}
