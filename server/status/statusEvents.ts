// "This project's public face changed" (a publish, a correction, new settings), told within the
// process: the router (in Next's module graph) and the public site (in the custom server's) meet on
// globalThis, like server/globals.ts. Other instances notice through the revision within a second.
type Listener = (projectId: string) => void;

const slot = globalThis as unknown as { __waymarkStatusListeners?: Set<Listener> };
const listeners = (slot.__waymarkStatusListeners ??= new Set());

export function notifyStatusChanged(projectId: string): void {
  for (const listener of listeners) listener(projectId);
}

/** Returns a function that stops listening. */
export function onStatusChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
