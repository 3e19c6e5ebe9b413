'use client';
// False in the server render and during hydration, true once React runs in the browser. Submit
// buttons stay disabled until then, so a click can never fall through to a native form submit.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
