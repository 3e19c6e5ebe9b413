// Presence as the server takes it from a socket, before it reaches the board's awareness: a
// y-protocols awareness update read into its entries, kept only for the socket's own Yjs client
// id, with `user` stamped as the socket's session user (its name cut to the limit). See
// docs/collab-protocol.md, "Presence".
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { shownUserName } from '../domain/userProfile';

/** One client's entry in an awareness update: its state as the JSON text it was sent as ("null": gone). */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  state: string;
}

/**
 * Reads an awareness update. y-protocols has no way to apply only some entries of an update, so
 * its layout (count, then client id, clock and JSON state each) is read here; it throws on a
 * truncated update, like applyAwarenessUpdate would.
 */
export function decodePresenceUpdate(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarString(decoder) });
  }
  return entries;
}

export function encodePresenceUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Presence says who a tab is (`user: { id, name, color }`); whatever the client claimed, `id` and
 * `name` become the socket's session user's, so nobody appears under someone else's name, and a
 * name stored before names were limited is cut to the limit. Throws on a state that is not JSON.
 */
export function stampPresenceState(state: string, user: { id: string; name: string }): string {
  const parsed: unknown = JSON.parse(state);
  if (!parsed || typeof parsed !== 'object' || !('user' in parsed) || parsed.user === undefined) return state;
  const claimed = parsed.user && typeof parsed.user === 'object' ? parsed.user : {};
  return JSON.stringify({ ...parsed, user: { ...claimed, id: user.id, name: shownUserName(user.name) } });
}
