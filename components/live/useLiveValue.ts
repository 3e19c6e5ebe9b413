'use client';
// A control bound to a live value (a select, a set of checkboxes): what it shows is this tab's own
// choice from the moment it is made until the document carries it back. Shown straight from the
// document, React puts a controlled select back to the old value right after each change, so a
// second arrow key pressed before the echo moved from the old value again and a step was lost.
import { useCallback, useEffect, useState } from 'react';

export function useLiveValue<T>(documentValue: T, write: (value: T) => void, same: (a: T, b: T) => boolean = Object.is) {
  const [pending, setPending] = useState<{ value: T } | null>(null);

  // Our own write came back (or someone wrote the same): the document leads again.
  useEffect(() => {
    if (pending && same(pending.value, documentValue)) setPending(null);
  }, [pending, documentValue, same]);

  const set = useCallback(
    (value: T) => {
      setPending({ value });
      write(value);
    },
    [write],
  );

  // Leaving the control gives it back to the document, so a change that won over ours (someone
  // else's, at the same moment) shows instead of our stale choice.
  const settle = useCallback(() => setPending(null), []);

  return { value: pending ? pending.value : documentValue, set, settle };
}

/** Same members in the same order (a multi-select's chosen ids). */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
