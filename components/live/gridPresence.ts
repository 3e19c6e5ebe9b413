// Who is on a workspace's allocation grid (the people board) and which cell or person each tab
// focuses, read from awareness states (plain data, no Yjs import). A tab sets `focus` in its own
// presence; what others sent is untrusted, so a malformed focus reads as none.
import { readPresence, type BoardStatus, type PresencePeer } from './presence';

/** A grid cell (a person in an ISO week, `'YYYY-Www'`), or a whole person's row (`week: null`). */
export interface GridFocus {
  personId: string;
  week: string | null;
}

/** One tab on the grid, with what it focuses. */
export interface GridPeer extends PresencePeer {
  focus: GridFocus | null;
}

const isoWeek = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** The focus a tab announced, or null when there is none or it is not one (a peer's is untrusted). */
export function readGridFocus(value: unknown): GridFocus | null {
  if (!value || typeof value !== 'object') return null;
  const { personId, week } = value as { personId?: unknown; week?: unknown };
  if (typeof personId !== 'string' || personId.length === 0 || personId.length > 100) return null;
  if (week === null || week === undefined) return { personId, week: null };
  return typeof week === 'string' && isoWeek.test(week) ? { personId, week } : null;
}

/** Every tab on the grid (this one included, `self: true`), with its focus. */
export function readGridPresence(states: Map<number, Record<string, unknown>>, selfId: number): GridPeer[] {
  return readPresence(states, selfId).map((peer) => ({ ...peer, focus: readGridFocus(states.get(peer.clientId)?.focus) }));
}

/** The other tabs focusing a cell (`week` given) or anywhere on a person's row (`week` null). */
export function peersFocusing(peers: readonly GridPeer[], personId: string, week: string | null): GridPeer[] {
  return peers.filter((peer) => !peer.self && peer.focus?.personId === personId && (week === null || peer.focus.week === week));
}

/** What the people board gives a page (usePeopleBoard); the same shape before it connects. */
export interface PeopleBoardState {
  /**
   * Moves whenever the workspace's resources may have changed since the grid last read them: each
   * change signalled by the server, and each (re)connection (signals sent while offline are not
   * replayed). Starts at 0 before the board first syncs. Compare it, do not count on its value.
   */
  revision: number;
  /** Every tab on the grid, this one included (`self`), with what each focuses. */
  present: GridPeer[];
  /** The other tabs only. */
  others: GridPeer[];
  /** Announces what this tab focuses (null: nothing); a no-op until connected. */
  setFocus: (focus: GridFocus | null) => void;
  /** 'saved' while connected (nothing is ever saved from this board), 'offline' while not. */
  status: BoardStatus;
  /** Why the server refused the board for good (signed out, no access), or null. */
  refusal: string | null;
}

export const peopleBoardNotConnected: PeopleBoardState = {
  revision: 0,
  present: [],
  others: [],
  setFocus: () => {},
  status: 'connecting',
  refusal: null,
};
