// The collaboration wire protocol: y-websocket's message types (sync, awareness) plus Waymark's
// `saved` acknowledgement and `rebuilt` notice, and the close codes the server uses. See
// docs/collab-protocol.md.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;
/** Waymark extension: "your first N document updates on this socket are durable". Opt-in with ?saved=1. */
export const messageSaved = 100;
/** Waymark extension: "your document is of an older generation of this board: drop it and reconnect". */
export const messageRebuilt = 101;

export const syncStep1 = 0;
export const syncStep2 = 1;
export const syncUpdate = 2;

/**
 * Close codes follow y-websocket's convention: 4400-4499 are final (a stock provider stops
 * reconnecting), 4500-4599 mean "try again" (it reconnects with back-off).
 */
export const closeCodes = {
  goingAway: 1001,
  messageTooBig: 1009,
  malformedMessage: 4400,
  unauthenticated: 4401,
  originNotAllowed: 4403,
  boardNotFound: 4404,
  boardRebuilt: 4410,
  authTimeout: 4508,
  accessChanged: 4509,
  updateRejected: 4422,
  tooManyMessages: 4429,
  internalError: 4500,
} as const;

export const closeReasons: Record<number, string> = {
  [closeCodes.goingAway]: 'server shutting down',
  [closeCodes.messageTooBig]: 'message too big',
  [closeCodes.malformedMessage]: 'malformed message',
  [closeCodes.unauthenticated]: 'sign in required',
  [closeCodes.originNotAllowed]: 'origin not allowed',
  [closeCodes.boardNotFound]: 'board not found',
  [closeCodes.boardRebuilt]: 'board rebuilt: open it again',
  [closeCodes.authTimeout]: 'authentication timed out',
  [closeCodes.accessChanged]: 'access changed: reconnect',
  [closeCodes.updateRejected]: 'update rejected',
  [closeCodes.tooManyMessages]: 'too many messages',
  [closeCodes.internalError]: 'internal error',
};


export function encodeSaved(durableUpdates: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSaved);
  encoding.writeVarUint(encoder, durableUpdates);
  return encoding.toUint8Array(encoder);
}

export function encodeRebuilt(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageRebuilt);
  return encoding.toUint8Array(encoder);
}

function encodeSync(step: typeof syncStep2 | typeof syncUpdate, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A document update, sent to everyone else on the board. */
export const encodeSyncUpdate = (update: Uint8Array) => encodeSync(syncUpdate, update);

/** Sync step 2: the answer to a step 1, carrying what the asker lacks. */
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(syncStep2, update);

/** A sync step 1 with an empty state vector: a client that has nothing yet asks for everything. */
export function isFullSyncRequest(message: Uint8Array): boolean {
  return message.length === 4 && message[0] === messageSync && message[1] === syncStep1 && message[2] === 1 && message[3] === 0;
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** True for a message that carries a document update (sync step 2 or update). */
export function isDocumentUpdateMessage(message: Uint8Array): boolean {
  if (message.length < 2) return false;
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== messageSync) return false;
  const sub = decoding.readVarUint(decoder);
  return sub === syncStep2 || sub === syncUpdate;
}
