// Who is on a live board and whether edits are saved: the shapes every board's UI shares, and
// reading presence out of y-protocols awareness states (plain data, no Yjs import).

export type BoardStatus = 'connecting' | 'saving' | 'saved' | 'offline';

/**
 * What the save indicator shows: Connecting until the board first synced, Offline while
 * disconnected after that (edits are kept and sent on reconnect), Saving while updates sent on
 * this socket are not yet acknowledged as durable (`saved`), Saved otherwise.
 */
export function saveStatus(state: { connected: boolean; synced: boolean; unsaved: number }): BoardStatus {
  // A socket that is open but has not yet delivered the board is still connecting: "Saved" then
  // would claim a board this tab has not seen (and a drop at that moment would look like Offline
  // with nothing loaded).
  if (!state.synced) return 'connecting';
  if (!state.connected) return 'offline';
  return state.unsaved > 0 ? 'saving' : 'saved';
}

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** One browser tab on the board (a person may have several). */
export interface PresencePeer {
  clientId: number;
  user: PresenceUser;
  /** The id of the entry (item, milestone…) this tab is editing, if any. */
  editing: string | null;
  self: boolean;
}

/** Turns awareness states into peers; states without a well-formed `user` are skipped. */
export function readPresence(states: Map<number, Record<string, unknown>>, selfId: number): PresencePeer[] {
  const peers: PresencePeer[] = [];
  for (const [clientId, state] of states) {
    const user = state.user as Partial<PresenceUser> | undefined;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
    peers.push({
      clientId,
      user: { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : '#6366f1' },
      editing: typeof state.editing === 'string' ? state.editing : null,
      self: clientId === selfId,
    });
  }
  return peers;
}
