// A server-side command's work cut into slices, so that a big one (a CSV import of thousands of
// rows) does not hold the event loop, nor a board's other edits, for its whole length: the
// command is a generator that yields between slices; each slice is made in its own transaction
// and becomes its own update, stored and broadcast on its own (LiveDocuments.apply).
import type * as Y from 'yjs';

/** What a board command returns: `yield` between slices, `return` the result. */
export type CommandSlices<R> = Generator<void, R, void>;

/** Rows of an import made per slice by default (COLLAB_IMPORT_SLICE_ROWS). */
export const defaultImportSliceRows = 100;

/** A command made in one slice. */
export function* oneSlice<R>(run: () => R): CommandSlices<R> {
  return run();
}

/** Makes every slice at once, in one transaction (for callers that do not need slicing). */
export function runAllSlices<R>(doc: Y.Doc, slices: CommandSlices<R>): R {
  return doc.transact(() => {
    for (;;) {
      const step = slices.next();
      if (step.done) return step.value;
    }
  });
}
