// The collaboration server: takes `/collab/<kind>:<boardId>` upgrades (`risks:<projectId>`,
// `plan:<projectId>`, `meeting:<meetingId>`) (ws in noServer mode,
// every other path is left to its owner, such as Next's dev socket), authenticates each socket
// before any document byte is sent, and hands it to its live document. A socket lives no longer
// than its session: it is closed when the session is ended through the app, and when a periodic
// check finds it expired or gone.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isAppOrigin, type OriginPolicy } from '../http/origin';
import type { CollabAccess } from './authenticate';
import { parseBoardName } from './boards';
import { Connection } from './connection';
import { MalformedMessageError } from './liveDocument';
import type { LiveDocuments } from './liveDocuments';
import { consoleLogger, type Logger } from './logger';
import { MessageRate, type CollabLimits } from './limits';
import { closeCodes, isDocumentUpdateMessage, isFullSyncRequest, messageAwareness } from './protocol';

export const collabPathPrefix = '/collab/';
/** The close reason (code 4401) of a socket whose session ended after it was opened. */
export const sessionEndedReason = 'session ended';

export interface CollabServerOptions {
  documents: LiveDocuments;
  access: CollabAccess;
  /** The app's own origins; browsers' upgrades from any other origin are refused. */
  origins: OriginPolicy;
  limits: CollabLimits;
  logger?: Logger;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Whether a message carries a document update; a malformed one does not (dispatching it closes the socket). */
function carriesUpdate(message: Uint8Array): boolean {
  try {
    return isDocumentUpdateMessage(message);
  } catch {
    return false;
  }
}

export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly sessionCheckTimer: NodeJS.Timeout;
  private checkingSessions: Promise<void> | undefined;
  private readonly logger: Logger;
  private closing = false;

  constructor(private readonly options: CollabServerOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.limits.maxMessageBytes, perMessageDeflate: false });
    this.pingTimer = setInterval(() => this.ping(), options.limits.pingIntervalMs);
    this.pingTimer.unref();
    this.sessionCheckTimer = setInterval(() => void this.checkSessions(), options.limits.sessionCheckIntervalMs);
    this.sessionCheckTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Takes the upgrade if its path is ours; returns false (touching nothing) otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(collabPathPrefix)) return false;
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
    return true;
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://collab.invalid');
    const { limits } = this.options;
    const connection = new Connection(ws, url.searchParams.get('saved') === '1', limits.maxBufferedBytes);
    const rate = new MessageRate(limits.messagesPerSecond);
    this.connections.add(connection);

    ws.on('message', (data, isBinary) => {
      if (connection.closed) return;
      if (!isBinary) return connection.close(closeCodes.malformedMessage, 'text frames are not part of the protocol');
      if (!rate.take()) return connection.close(closeCodes.tooManyMessages);
      const message = toBytes(data);
      if (message[0] === messageAwareness && message.byteLength > limits.maxAwarenessBytes) {
        return connection.close(closeCodes.messageTooBig, 'awareness message too big');
      }
      if (!connection.document) {
        // Not yet authenticated and loaded: keep the messages, in order, within the limits.
        connection.queuedBytes += message.byteLength;
        if (connection.queuedBytes > limits.maxMessageBytes || connection.queued.length >= limits.maxQueuedMessages) {
          return connection.close(closeCodes.messageTooBig, 'too much sent before authentication');
        }
        connection.queued.push(message);
        return;
      }
      this.receive(connection, message);
    });
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('error', (error) => this.logger.warn(`socket ${connection.id} error`, error.message));
    ws.on('close', () => {
      connection.closed = true;
      this.connections.delete(connection);
      connection.document?.removeConnection(connection);
    });

    const timeout = setTimeout(() => connection.close(closeCodes.authTimeout), limits.authTimeoutMs);
    void this.admit(connection, req, url)
      .catch((error) => {
        this.logger.error(`socket ${connection.id}: could not open the board`, error);
        connection.close(closeCodes.internalError);
      })
      .finally(() => clearTimeout(timeout));
  }

  /** Authenticates and authorizes the socket, then attaches it to its document. */
  private async admit(connection: Connection, req: IncomingMessage, url: URL): Promise<void> {
    if (!isAppOrigin(req.headers.origin, req.headers.host, this.options.origins)) {
      return connection.close(closeCodes.originNotAllowed);
    }
    const user = await this.options.access.authenticate(req);
    if (connection.closed) return;
    if (!user) return connection.close(closeCodes.unauthenticated);
    // From here on, the session's end closes the socket, even while it is still being admitted.
    connection.sessionId = user.sessionId;
    const board = parseBoardName(decodeURIComponent(url.pathname.slice(collabPathPrefix.length)));
    if (!board) return connection.close(closeCodes.boardNotFound);
    const access = await this.options.access.authorize(user, board.kind, board.boardId);
    if (connection.closed) return;
    if (!access) return connection.close(closeCodes.boardNotFound);
    connection.userId = user.id;
    connection.userName = user.name;
    connection.readOnly = access.readOnly;

    const document = await this.options.documents.open(board.kind, board.boardId, (syncStep2) => this.answerFromStore(connection, syncStep2));
    try {
      if (connection.closed) return;
      document.addConnection(connection);
      for (const message of connection.queued.splice(0)) {
        if (connection.closed) break;
        this.receive(connection, message);
      }
      connection.queuedBytes = 0;
    } finally {
      document.release();
    }
  }

  /**
   * A socket waiting for a board that is still loading, given the whole stored board: if it asked
   * for everything (a client that has nothing yet), that is the answer; send it now instead of
   * after the board is built, which for a big board takes a while.
   */
  private answerFromStore(connection: Connection, syncStep2: Uint8Array): void {
    const request = connection.queued.findIndex(isFullSyncRequest);
    if (connection.closed || request < 0) return;
    connection.queued.splice(request, 1);
    connection.send(syncStep2);
  }

  /**
   * Back-pressure: a document update the board (or this socket's share of it) has no room for
   * yet is held back, and the socket paused (not read) until commits make room; everything the
   * socket sends after it waits behind it, in order. See docs/collab-protocol.md.
   */
  private receive(connection: Connection, message: Uint8Array): void {
    if (connection.held.length || (carriesUpdate(message) && !this.hasRoom(connection, message.byteLength))) {
      connection.held.push(message);
      if (connection.held.length > 1) return; // already waiting for room
      connection.socket.pause();
      void connection.document!.whenRoom().then(() => this.admitHeld(connection));
      return;
    }
    this.dispatch(connection, message);
  }

  private hasRoom(connection: Connection, bytes: number): boolean {
    const ownRoom = connection.pendingBytes === 0 || connection.pendingBytes + bytes <= this.options.limits.maxSocketPendingBytes;
    return ownRoom && connection.document!.hasRoomFor(bytes);
  }

  /** Lets held messages in while there is room, then reads the socket again. */
  private admitHeld(connection: Connection): void {
    while (connection.held.length) {
      if (connection.closed) {
        connection.held.length = 0;
        return;
      }
      const message = connection.held[0]!;
      if (carriesUpdate(message) && !this.hasRoom(connection, message.byteLength)) {
        void connection.document!.whenRoom().then(() => this.admitHeld(connection));
        return;
      }
      connection.held.shift();
      this.dispatch(connection, message);
    }
    connection.socket.resume();
  }

  private dispatch(connection: Connection, message: Uint8Array): void {
    try {
      connection.document!.handleMessage(connection, message);
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.logger.warn(`socket ${connection.id}: malformed message (${error.message})`);
        connection.close(closeCodes.malformedMessage);
      } else {
        this.logger.error(`socket ${connection.id}: message failed`, error);
        connection.close(closeCodes.internalError);
      }
    }
  }

  /** Closes the sockets opened with a session that was just ended (signed out, revoked, deleted). */
  endSession(sessionId: string): void {
    for (const connection of this.connections) {
      if (connection.sessionId === sessionId) connection.close(closeCodes.unauthenticated, sessionEndedReason);
    }
  }

  /**
   * Closes the sockets whose session expired or was removed some other way than through the app
   * (another instance, the database): one query for every open socket's session, one at a time.
   */
  checkSessions(): Promise<void> {
    this.checkingSessions ??= (async () => {
      const sessionIds = new Set([...this.connections].map((c) => c.sessionId).filter(Boolean));
      if (!sessionIds.size) return;
      const live = await this.options.access.liveSessions([...sessionIds]);
      for (const connection of this.connections) {
        // Only sessions checked: a socket admitted meanwhile was checked by its own authentication.
        if (sessionIds.has(connection.sessionId) && !live.has(connection.sessionId)) {
          connection.close(closeCodes.unauthenticated, sessionEndedReason);
        }
      }
    })()
      .catch((error) => this.logger.error('could not check open sockets\' sessions', error))
      .finally(() => {
        this.checkingSessions = undefined;
      });
    return this.checkingSessions;
  }

  /** Drops sockets that did not answer the previous ping. */
  private ping(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  /** Stops taking sockets, closes the open ones, then flushes and unloads every board. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    clearInterval(this.sessionCheckTimer);
    for (const connection of this.connections) connection.close(closeCodes.goingAway);
    await this.options.documents.close();
    for (const connection of this.connections) connection.socket.terminate();
    this.wss.close();
  }
}
