// One loaded live board: its Y.Doc, awareness, sockets, and the pipeline every update goes
// through: validate -> apply -> broadcast (one merged update per event-loop turn) and, in parallel,
// append to the log (group commit) -> acknowledge the sender -> project. Everyone sees an edit
// without waiting for the disk; it is durable milliseconds later, and until then every client
// that saw it holds it and sends it again when it reconnects (docs/collab-protocol.md). A board
// whose history far outweighs its content is rebuilt without it when it loads; clients still
// holding the older generation get their edits carried over and are told to reconnect.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { ChangeAttribution, type UpdateOrigin } from './attribution';
import { captureUpdate } from './captureUpdate';
import type { BoardDefinition } from './boards/types';
import type { Connection } from './connection';
import { defaultCollabLimits } from './limits';
import type { Logger } from './logger';
import { makeChanges, OlderGeneration } from './olderGeneration';
import { PlainTextConverter } from './plainText';
import {
  closeCodes,
  encodeAwareness,
  encodeRebuilt,
  encodeSaved,
  encodeSyncStep2,
  encodeSyncUpdate,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './protocol';
import { decodePresenceUpdate, encodePresenceUpdate, stampPresenceState, type PresenceEntry } from './presence';
import { defaultRebuildPolicy, rebuildIfBloated, type RebuildPolicy } from './rebuild';
import { issueReason, recordProjectionIssues, wholeBoard, type ProjectionIssue } from './projections/issues';
import { byteRuns } from './turns';
import type { UpdateLog } from './updateLog';

export interface LiveDocumentOptions {
  compactEvery: number;
  projectionDebounceMs: number;
  /** Measurement hook: when each update of a committed batch was received, and when it committed. */
  onCommit?: (receivedAt: readonly number[], committedAt: number) => void;
  /** When a board is rebuilt without its history on load (default: defaultRebuildPolicy). */
  rebuild?: RebuildPolicy;
  /** Largest presence message the board relays, once stamped (default: the awareness message limit). */
  maxPresenceBytes?: number;
  /** How a failing projection is retried (default: defaultProjectionRetry). */
  projectionRetry?: ProjectionRetry;
  /**
   * Bytes of updates the board may hold applied but not yet committed (default: the limit's
   * default, COLLAB_MAX_PENDING_BYTES). Past it, sockets are paused and server-side imports wait
   * (see hasRoomFor); one update is always let in when nothing is pending.
   */
  maxPendingBytes?: number;
}

export interface ProjectionRetry {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Runs in a row before it gives up until the next edit. */
  attempts: number;
}

/** Retries of a failing projection: 1 s, 2 s, 4 s … at most a minute apart, 8 runs in all. */
export const defaultProjectionRetry: ProjectionRetry = { firstDelayMs: 1_000, maxDelayMs: 60_000, attempts: 8 };

/** A socket whose client holds an older generation of the board (see OlderGeneration). */
interface StaleClient {
  generation: number;
  /** Its updates, carried over one after the other. */
  work: Promise<void>;
  /** How many of them are not carried over yet. */
  pending: number;
  told: boolean;
  /** Closes the socket if the client has not reopened the board by itself once told. */
  deadline: NodeJS.Timeout | undefined;
}

/** How long a stale client has to reconnect once told, before its socket is closed. */
const staleGraceMs = 10_000;

interface PendingUpdate {
  update: Uint8Array;
  actorId: string | null;
  connection?: Connection;
  /** The sender's count of update messages up to and including this one. */
  seq?: number;
  /** An empty update (e.g. a fresh client's sync step 2): acknowledged, not stored. */
  empty?: boolean;
  /** performance.now() when it arrived. */
  receivedAt: number;
  done?: { resolve(): void; reject(error: unknown): void };
}

export class MalformedMessageError extends Error {}

/** The record a board is keyed by (a meeting) does not exist. */
export class BoardNotFoundError extends Error {}

/** The Yjs clients a state vector has seen something of. */
function stateVectorClients(stateVector: Uint8Array): number[] {
  return [...Y.decodeStateVector(stateVector)].filter(([, clock]) => clock > 0).map(([client]) => client);
}

/** The Yjs clients an update writes or deletes structs of. */
function updateClients(update: { structs: { id: { client: number } }[]; ds: { clients: Map<number, unknown> } }): Set<number> {
  const clients = new Set(update.ds.clients.keys());
  for (const struct of update.structs) clients.add(struct.id.client);
  return clients;
}

/** Updates sent in one turn are merged into one message up to this many bytes together. */
const mergeLimitBytes = 64 * 1024;

/** Yjs' encoding of an update that changes nothing. */
const emptyUpdate = new Uint8Array([0, 0]);
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LiveDocument {
  private currentDoc!: Y.Doc;
  private currentAwareness!: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Sockets of clients holding an older generation: not sent anything but the `rebuilt` notice. */
  private readonly staleClients = new Map<Connection, StaleClient>();
  /**
   * The last state of each older generation stale clients hold, shared by them: each client's
   * updates are applied to it in turn, so an edit two of them hold is carried over once.
   */
  private readonly olderGenerations = new Map<number, Promise<OlderGeneration>>();
  /** Stale clients' updates being carried over. */
  private carrying = 0;
  /** The board's past generations and the Yjs clients that wrote each (from its last state vector). */
  private generations: { generation: number; clients: Set<number> }[] = [];
  private readonly attribution = new ChangeAttribution();
  /** Who announced each presence client id first (one entry per socket at most, until the board unloads). */
  private readonly presenceOwners = new Map<number, string>();
  private plainText: PlainTextConverter | undefined;
  private pending: PendingUpdate[] = [];
  /** Updates of the batch whose commit is in flight. */
  private committing = 0;
  /** Bytes of the updates pending or being committed. */
  private uncommittedBytes = 0;
  /** The most `uncommittedBytes` has been since the board was loaded (tests, benchmarks). */
  peakPendingBytes = 0;
  /** Called at the next commit (or when the board is destroyed): waiting for room (see whenRoom). */
  private roomWaiters: (() => void)[] = [];
  /** Applied this turn, not yet broadcast. */
  private unsent: { update: Uint8Array; sender?: Connection }[] = [];
  private flushing: Promise<void> | undefined;
  private lastId = 0;
  private rowsSinceCompaction = 0;
  private lastActorId: string | null = null;
  private projectionTimer: NodeJS.Timeout | undefined;
  private projectionRunning: Promise<void> | undefined;
  private projectionDirty = false;
  /** Failed projection runs in a row (reset by a success or a new edit). */
  private projectionFailures = 0;
  /** Whether projection_issue may hold rows for this board (so a clean run clears them). */
  private hadProjectionIssues = true;
  /** Sync step 2 for a client that has nothing yet; dropped whenever the document changes. */
  private fullSyncStep2: Uint8Array | undefined;
  /** Waiting for the whole stored document, until the log has been read (see onStoredDocument). */
  private storedDocumentListeners: ((syncStep2: Uint8Array) => void)[] | undefined = [];
  /** Callers (commands, connections being set up) that keep the document from unloading. */
  private holds = 0;
  destroyed = false;

  /**
   * The project the board belongs to: known at once for a project's board, once loaded for a
   * meeting's; '' for a board of no project (people: a workspace's).
   */
  projectId: string;

  constructor(
    readonly name: string,
    /** What the room names after its kind (the project's id, or the meeting's). */
    readonly boardId: string,
    private readonly board: BoardDefinition,
    private readonly deps: { db: Database; log: UpdateLog; logger: Logger; options: LiveDocumentOptions },
    /** Called whenever the document may have become idle (no sockets, holds or pending work). */
    private readonly onMaybeIdle: (doc: LiveDocument) => void,
  ) {
    this.projectId = board.projectOf || board.access ? '' : boardId;
    this.adopt(new Y.Doc());
  }

  /** Every socket on the board, those of clients holding an older generation included. */
  get sockets(): Connection[] {
    return [...this.connections, ...this.staleClients.keys()];
  }

  get doc(): Y.Doc {
    return this.currentDoc;
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.currentAwareness;
  }

  /** Makes `doc` the board's document (at construction, and when a load rebuilds the board). */
  private adopt(doc: Y.Doc): void {
    this.currentDoc = doc;
    this.currentAwareness = new awarenessProtocol.Awareness(doc);
    this.currentAwareness.setLocalState(null);
    this.currentAwareness.on('update', this.onAwarenessUpdate);
    // Not an 'update' listener: with one, Yjs encodes every transaction's update only to emit it.
    doc.on('afterTransaction', () => {
      this.fullSyncStep2 = undefined;
    });
    this.board.observe(doc, this.attribution);
    this.plainText?.destroy();
    this.plainText = new PlainTextConverter(doc, this.board.textFields);
  }

  /**
   * Turns plain strings written where the board keeps text into Y.Text (all of them: once loaded),
   * as a change of the server's, stored and broadcast after the update that wrote them.
   */
  private convertPlainText(everything = false): void {
    const update = this.plainText?.convert(everything);
    if (!update) return;
    this.queueBroadcast(update);
    this.store(update, null).catch((error: unknown) => this.deps.logger.error(`${this.name}: could not store the conversion of plain text`, error));
  }

  /** Reads the log into the document, compacts a long log, and catches the projection up. */
  async load(): Promise<void> {
    if (this.board.projectOf) {
      const projectId = await this.board.projectOf(this.deps.db, this.boardId);
      if (!projectId) throw new BoardNotFoundError(`${this.name} does not exist`);
      this.projectId = projectId;
    }
    const [{ updates, lastId }, generations] = await Promise.all([this.deps.log.load(this.name), this.deps.log.generations(this.name)]);
    this.generations = generations.map((g) => ({ generation: g.generation, clients: new Set(Y.decodeStateVector(g.baseStateVector).keys()) }));
    // At most one stored row (a compacted board) is already the whole document, encoded: sockets
    // waiting for this board get it now, while the document is built from it (a while, for a big
    // board), and it stays the answer to clients that have nothing until the document changes.
    const wholeDocument = updates.length <= 1 ? encodeSyncStep2(updates[0]?.data ?? emptyUpdate) : undefined;
    const listeners = this.storedDocumentListeners ?? [];
    this.storedDocumentListeners = undefined;
    if (wholeDocument) for (const listener of listeners) listener(wholeDocument);
    this.doc.transact(() => {
      for (const { data, userId } of updates) {
        try {
          Y.applyUpdate(this.doc, data);
        } catch (error) {
          this.deps.logger.error(`${this.name}: skipped a stored update Yjs rejects`, error);
        }
        if (userId) this.lastActorId = userId;
      }
    }, 'load');
    this.fullSyncStep2 = wholeDocument;
    this.lastId = lastId;
    this.rowsSinceCompaction = updates.length;
    const policy = this.deps.options.rebuild ?? defaultRebuildPolicy;
    const storedBytes = updates.reduce((sum, u) => sum + u.data.byteLength, 0);
    // Encoded once, for the rebuild check and, if the board is not rebuilt, its compaction.
    const state = storedBytes >= policy.minBytes ? Y.encodeStateAsUpdate(this.doc) : undefined;
    const rebuilt = state !== undefined && (await this.startNewGenerationIfBloated(policy, state));
    if (!rebuilt && updates.length > 1 && updates.length >= this.deps.options.compactEvery) await this.compact(state);
    this.convertPlainText(true);
    // Changes restored from the log have no author in memory; credit the log's last writer.
    this.attribution.take();
    this.scheduleProjection(0);
  }

  /**
   * Replaces the board by a copy of its content without its history, as a new generation, if the
   * history outweighs the content (docs/collab-protocol.md, "Generations"). Only while loading:
   * no socket is attached yet, and clients that got the stored document early are recognised as
   * holding the older generation like any other.
   */
  private async startNewGenerationIfBloated(policy: RebuildPolicy, state: Uint8Array): Promise<boolean> {
    const result = rebuildIfBloated(this.doc, policy, state);
    if (!result) return false;
    const generation = (this.generations.at(-1)?.generation ?? 0) + 1;
    const baseStateVector = Y.encodeStateVector(this.doc);
    try {
      this.lastId = await this.deps.log.rebuild(this.name, {
        generation,
        base: result.state,
        baseStateVector,
        snapshot: result.rebuiltState,
        throughId: this.lastId,
      });
    } catch (error) {
      this.deps.logger.error(`${this.name}: could not rebuild the board (kept as is)`, error);
      result.rebuilt.destroy();
      return false;
    }
    this.generations.push({ generation, clients: new Set(this.doc.store.clients.keys()) });
    const previous = { doc: this.doc, awareness: this.awareness };
    this.adopt(result.rebuilt);
    previous.awareness.off('update', this.onAwarenessUpdate);
    previous.awareness.destroy();
    previous.doc.destroy();
    this.fullSyncStep2 = encodeSyncStep2(result.rebuiltState);
    this.rowsSinceCompaction = 1;
    this.deps.logger.info(
      `${this.name}: rebuilt without its history as generation ${generation} (${result.state.byteLength} -> ${result.rebuiltState.byteLength} bytes)`,
    );
    return true;
  }

  /** The older generation whose Yjs clients wrote (the most of) `clients`, if any: its holder is stale. */
  private olderGenerationOf(clients: Iterable<number>): number | undefined {
    const current = this.doc.store.clients;
    let found: number | undefined;
    let most = 0;
    const own = [...clients].filter((client) => !current.has(client));
    for (const { generation, clients: written } of this.generations) {
      const count = own.filter((client) => written.has(client)).length;
      if (count > 0 && count >= most) {
        found = generation;
        most = count;
      }
    }
    return found;
  }

  /**
   * Registers a listener for the whole stored document as a sync step 2, called once the log is
   * read and before the document is built from it, if it is stored as at most one row; not called
   * otherwise, nor once that moment has passed.
   */
  onStoredDocument(listener: (syncStep2: Uint8Array) => void): void {
    this.storedDocumentListeners?.push(listener);
  }

  /** Updates applied (and broadcast) but not yet committed. */
  get unsavedUpdates(): number {
    return this.pending.length + this.committing;
  }

  /** Bytes of the updates applied (and broadcast) but not yet committed. */
  get pendingBytes(): number {
    return this.uncommittedBytes;
  }

  /**
   * Whether an update of `bytes` may be taken now without the board holding more than its bound
   * of uncommitted updates. Always true when nothing is pending, so one update bigger than the
   * bound (at most a frame, COLLAB_MAX_MESSAGE_BYTES) still goes through, alone.
   */
  hasRoomFor(bytes: number): boolean {
    const bound = this.deps.options.maxPendingBytes ?? defaultCollabLimits.maxPendingBytes;
    return this.uncommittedBytes === 0 || this.uncommittedBytes + bytes <= bound;
  }

  /** Resolves at the next commit (when pending updates have drained), or when the board is destroyed. */
  whenRoom(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Waits until an update of `bytes` may be taken (see hasRoomFor): server-side imports' back-pressure. */
  async waitForRoom(bytes: number): Promise<void> {
    while (!this.destroyed && !this.hasRoomFor(bytes)) await this.whenRoom();
  }

  get idle(): boolean {
    return (
      this.connections.size === 0 &&
      this.staleClients.size === 0 &&
      this.holds === 0 &&
      this.pending.length === 0 &&
      !this.flushing &&
      !this.projectionTimer &&
      !this.projectionRunning &&
      !this.projectionDirty
    );
  }

  hold(): void {
    this.holds++;
  }

  release(): void {
    this.holds--;
    this.onMaybeIdle(this);
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    connection.document = this;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    connection.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  removeConnection(connection: Connection): void {
    const stale = this.staleClients.get(connection);
    if (stale) {
      clearTimeout(stale.deadline);
      this.staleClients.delete(connection);
      this.dropOlderGenerations();
      this.onMaybeIdle(this);
      return;
    }
    if (!this.connections.delete(connection)) return;
    this.dropPresence(connection);
    this.onMaybeIdle(this);
  }

  /** Handles one binary message from a socket; throws MalformedMessageError for garbage. */
  handleMessage(connection: Connection, message: Uint8Array): void {
    let decoder: decoding.Decoder;
    let type: number;
    try {
      decoder = decoding.createDecoder(message);
      type = decoding.readVarUint(decoder);
    } catch {
      throw new MalformedMessageError('unreadable message type');
    }
    try {
      switch (type) {
        case messageSync: {
          const step = decoding.readVarUint(decoder);
          const payload = decoding.readVarUint8Array(decoder);
          if (step === syncStep1) {
            if (this.staleClients.has(connection)) return;
            const older = this.generations.length ? this.olderGenerationOf(stateVectorClients(payload)) : undefined;
            if (older !== undefined) {
              this.becomeStale(connection, older);
              return;
            }
            connection.send(this.syncStep2For(payload));
          } else if (step === syncStep2 || step === syncUpdate) {
            this.receiveUpdate(connection, payload);
          } else throw new MalformedMessageError(`unknown sync step ${step}`);
          return;
        }
        case messageAwareness:
          if (this.staleClients.has(connection)) return;
          this.receivePresence(connection, decoding.readVarUint8Array(decoder));
          return;
        case messageQueryAwareness:
          connection.send(
            encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
          );
          return;
        case messageAuth:
          return; // y-websocket's auth message carries nothing the server acts on
        default:
          throw new MalformedMessageError(`unknown message type ${type}`);
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) throw error;
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * The answer to a client's sync step 1. A client with an empty state vector (a page just opened)
   * gets the whole document: that answer is kept until the document changes, so a crowd opening a
   * large board at once does not encode it once each.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const everything = stateVector.length === 1 && stateVector[0] === 0;
    if (everything && this.fullSyncStep2) return this.fullSyncStep2;
    const message = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (everything) this.fullSyncStep2 = message;
    return message;
  }

  private receiveUpdate(connection: Connection, update: Uint8Array): void {
    const seq = ++connection.updatesReceived;
    const stale = this.staleClients.get(connection);
    if (stale) return this.carryOver(connection, stale, update, seq);
    if (this.refusesEdits(connection)) {
      // Never applied nor stored; acknowledged so the sender's bookkeeping stays in step.
      if (connection.wantsSaved) connection.send(encodeSaved(seq));
      return;
    }
    if (isEmptyUpdate(update)) {
      this.enqueue({ update, actorId: connection.userId, connection, seq, empty: true });
      return;
    }
    try {
      const decoded = Y.decodeUpdate(update);
      const older = this.generations.length ? this.olderGenerationOf(updateClients(decoded)) : undefined;
      if (older !== undefined) return this.carryOver(connection, this.becomeStale(connection, older), update, seq);
      this.apply(update, connection.userId, connection);
    } catch (error) {
      this.deps.logger.warn(`${this.name}: rejected an update from connection ${connection.id}`, error);
      connection.close(closeCodes.updateRejected);
      return;
    }
    this.enqueue({ update, actorId: connection.userId, connection, seq });
    this.convertPlainText();
  }

  /**
   * Whether a socket's edits are refused: a viewer's always (decided at authentication), anyone's
   * while the board itself refuses client edits (an ended meeting, checked at each update).
   */
  private refusesEdits(connection: Connection): boolean {
    return connection.readOnly || (this.board.refusesClientEdits?.(this.doc) ?? false);
  }

  /** Applies, stores and broadcasts an update made on the server (e.g. a CSV import); resolves once durable. */
  submit(update: Uint8Array, actorId: string): Promise<void> {
    try {
      this.apply(update, actorId);
    } catch (error) {
      return Promise.reject(error);
    }
    const stored = this.store(update, actorId);
    this.convertPlainText();
    return stored;
  }

  /**
   * Applies a big server-side change (an import, cut into slices by commandSlices.ts) one slice
   * per turn of the event loop, each broadcast and stored like any update, so that other
   * clients' edits go through in between; waits for room (maxPendingBytes) before each slice.
   * Resolves once every slice is durable. If the server stops half-way, the slices stored until
   * then stay (each is whole rows) and the rest is lost (docs/collab-protocol.md).
   */
  async submitInSlices(updates: readonly Uint8Array[], actorId: string): Promise<void> {
    const stored: Promise<void>[] = [];
    let failure: { error: unknown } | undefined;
    try {
      for (const [index, update] of updates.entries()) {
        if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        await this.waitForRoom(update.byteLength);
        if (this.destroyed) throw new Error(`${this.name} was unloaded during an import`);
        stored.push(this.submit(update, actorId));
      }
    } catch (error) {
      failure = { error };
    }
    // Every slice applied is waited for, even if a later one failed.
    const outcomes = await Promise.allSettled(stored);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.error;
    if (rejected) throw rejected.reason;
  }

  /** Queues an update applied on the server for the log; resolves once it is durable. */
  private store(update: Uint8Array, actorId: string | null): Promise<void> {
    return new Promise((resolve, reject) => this.enqueue({ update, actorId, done: { resolve, reject } }));
  }

  /** Applies an update to the document and queues it for the next broadcast (end of this turn). */
  private apply(update: Uint8Array, actorId: string | null, sender?: Connection): void {
    const origin: UpdateOrigin = { actorId };
    Y.applyUpdate(this.doc, update, origin);
    if (actorId) this.lastActorId = actorId;
    this.queueBroadcast(update, sender);
  }

  /**
   * Makes an edit on the server as `actorId`'s (null: the server's own, such as the people board's
   * change signal): broadcast, stored and projected like a client's; resolves once durable.
   */
  change(actorId: string | null, edit: (doc: Y.Doc) => void): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error(`${this.name} is unloaded`));
    const { update } = captureUpdate(this.doc, () => edit(this.doc), { actorId } satisfies UpdateOrigin);
    if (!update) return Promise.resolve();
    if (actorId) this.lastActorId = actorId;
    this.queueBroadcast(update);
    const stored = this.store(update, actorId);
    this.convertPlainText();
    return stored;
  }

  private queueBroadcast(update: Uint8Array, sender?: Connection): void {
    this.unsent.push({ update, sender });
    if (this.unsent.length === 1) setImmediate(this.broadcastUnsent);
  }

  // --- clients of an older generation ------------------------------------------------------

  /** Stops syncing a socket whose client holds an older generation; its edits are carried over. */
  private becomeStale(connection: Connection, generation: number): StaleClient {
    this.connections.delete(connection);
    this.dropPresence(connection);
    const stale: StaleClient = { generation, work: Promise.resolve(), pending: 0, told: false, deadline: undefined };
    this.staleClients.set(connection, stale);
    this.deps.logger.info(`${this.name}: connection ${connection.id} holds generation ${generation - 1}; carrying its edits over`);
    // A viewer's edits are never applied: nothing to carry over.
    if (connection.readOnly) this.tellStale(connection, stale);
    return stale;
  }

  private tellStale(connection: Connection, stale: StaleClient): void {
    if (stale.told) return;
    stale.told = true;
    connection.send(encodeRebuilt());
    // A stock client ignores the notice; never close while something it sent is being carried over.
    const closeOnceCarried = () => {
      if (stale.pending > 0) stale.deadline = setTimeout(closeOnceCarried, staleGraceMs).unref();
      else connection.close(closeCodes.boardRebuilt);
    };
    stale.deadline = setTimeout(closeOnceCarried, staleGraceMs).unref();
  }

  /**
   * Makes what a stale client's update changed in its generation again on the board, as that
   * client's edit, after its earlier updates; once the first (its whole document, in answer to
   * the server's step 1) is durable, tells the client to drop its document and reconnect.
   */
  private carryOver(connection: Connection, stale: StaleClient, update: Uint8Array, seq: number): void {
    // What the board already has (a broadcast that reached the client before it was recognised) is not the client's edit.
    const own = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
    this.hold();
    this.carrying++;
    stale.pending++;
    stale.work = stale.work
      .then(async () => {
        if (!this.refusesEdits(connection)) {
          const lastState = await this.olderGeneration(stale.generation);
          if (this.destroyed) return;
          // Computed and made in one turn, so that no other client's update comes in between.
          const changes = lastState.changesOf(own);
          if (changes.length) await this.change(connection.userId, (doc) => makeChanges(doc, changes));
        }
        if (connection.wantsSaved) connection.send(encodeSaved(seq));
        this.tellStale(connection, stale);
      })
      .catch((error: unknown) => {
        this.deps.logger.error(`${this.name}: could not carry over an update from connection ${connection.id}`, error);
        connection.close(closeCodes.updateRejected);
      })
      .finally(() => {
        stale.pending--;
        this.carrying--;
        this.dropOlderGenerations();
        this.release();
      });
  }

  private olderGeneration(generation: number): Promise<OlderGeneration> {
    let lastState = this.olderGenerations.get(generation);
    if (!lastState) {
      lastState = this.deps.log.generationBase(this.name, generation).then((state) => new OlderGeneration(state));
      lastState.catch(() => this.olderGenerations.delete(generation));
      this.olderGenerations.set(generation, lastState);
    }
    return lastState;
  }

  /** Frees the older generations' states once no stale client is left or being carried over. */
  private dropOlderGenerations(force = false): void {
    if (!force && (this.staleClients.size > 0 || this.carrying > 0)) return;
    for (const lastState of this.olderGenerations.values()) lastState.then((state) => state.destroy(), () => undefined);
    this.olderGenerations.clear();
  }

  /**
   * Sends what was applied this turn to every socket but its only sender: small updates merged into
   * one message, big ones as they came (merging decodes them, ~10 ms of CPU per MiB: three 3 MiB
   * updates arriving together held the event loop for ~70 ms).
   */
  private broadcastUnsent = () => {
    const batch = this.unsent.splice(0);
    if (!batch.length || this.destroyed) return;
    for (const group of byteRuns(batch, (b) => b.update.byteLength, mergeLimitBytes)) {
      const message = encodeSyncUpdate(group.length === 1 ? group[0]!.update : Y.mergeUpdates(group.map((b) => b.update)));
      const senders = new Set(group.map((b) => b.sender));
      const soleSender = senders.size === 1 ? group[0]!.sender : undefined;
      for (const connection of this.connections) if (connection !== soleSender) connection.send(message);
    }
  };

  private enqueue(entry: Omit<PendingUpdate, 'receivedAt'>): void {
    this.pending.push({ ...entry, receivedAt: performance.now() });
    this.uncommittedBytes += entry.update.byteLength;
    this.peakPendingBytes = Math.max(this.peakPendingBytes, this.uncommittedBytes);
    if (entry.connection) entry.connection.pendingBytes += entry.update.byteLength;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    // Wait one turn of the event loop so updates arriving together share a commit.
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flushPending())
      .finally(() => {
        this.flushing = undefined;
        // Something enqueued after the last batch was taken (e.g. by a sender let in at its commit).
        if (this.pending.length && !this.destroyed) this.scheduleFlush();
        else this.onMaybeIdle(this);
      });
  }

  private async flushPending(): Promise<void> {
    let failures = 0;
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.pending.length);
      const stored = batch.filter((entry) => !entry.empty);
      if (stored.length) {
        this.committing = batch.length;
        try {
          this.lastId = await this.deps.log.append(
            this.name,
            stored.map((entry) => ({ data: entry.update, userId: entry.actorId })),
          );
        } catch (error) {
          // Keep the updates and retry: their senders keep showing "Saving…".
          this.committing = 0;
          this.pending.unshift(...batch);
          failures++;
          this.deps.logger.error(`${this.name}: could not store ${stored.length} update(s), retrying`, error);
          if (this.destroyed) {
            for (const entry of this.pending.splice(0)) entry.done?.reject(error);
            this.uncommittedBytes = 0;
            return;
          }
          await delay(Math.min(2_000, 25 * 2 ** failures));
          continue;
        }
        failures = 0;
        this.committing = 0;
        this.rowsSinceCompaction += stored.length;
        this.deps.options.onCommit?.(
          stored.map((entry) => entry.receivedAt),
          performance.now(),
        );
      }
      this.committed(batch);
      if (this.rowsSinceCompaction >= this.deps.options.compactEvery) await this.compact();
    }
  }

  /** After a commit: resolves server-side submissions, acknowledges senders, schedules the projection. */
  private committed(batch: PendingUpdate[]): void {
    const senders = new Set<Connection>();
    for (const entry of batch) {
      this.uncommittedBytes -= entry.update.byteLength;
      if (entry.connection) {
        senders.add(entry.connection);
        entry.connection.pendingBytes -= entry.update.byteLength;
      }
      entry.done?.resolve();
    }
    for (const resume of this.roomWaiters.splice(0)) resume();
    // Only changes the board observes can change its projection (e.g. not presence-only data).
    if (!this.attribution.empty) this.scheduleProjection();
    for (const connection of senders) {
      if (!connection.wantsSaved) continue;
      const durable = Math.max(...batch.filter((e) => e.connection === connection).map((e) => e.seq ?? 0));
      connection.send(encodeSaved(durable));
    }
  }

  /** Replaces the stored rows by one snapshot (`snapshot`: the document now, if already encoded). */
  private async compact(snapshot = Y.encodeStateAsUpdate(this.doc)): Promise<void> {
    // Also the answer to a client that has nothing yet, until the document changes (which drops it).
    this.fullSyncStep2 ??= encodeSyncStep2(snapshot);
    try {
      this.lastId = await this.deps.log.compact(this.name, snapshot, this.lastId);
      this.rowsSinceCompaction = 1;
    } catch (error) {
      this.deps.logger.error(`${this.name}: compaction failed (will retry later)`, error);
    }
  }

  /** Relays every change of presence (a socket's, one dropped when a socket left, one timed out) to every socket. */
  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, added.concat(updated, removed)));
    for (const other of this.connections) other.send(message);
  };

  /**
   * A socket's presence: only its own client id's entry is taken (others are dropped: a stock
   * y-websocket client echoes everyone's states back), stamped with its session user, and refused
   * (closing the socket with 1009) if that makes it bigger than the presence limit.
   */
  private receivePresence(connection: Connection, update: Uint8Array): void {
    const own = decodePresenceUpdate(update).filter((entry) => this.ownsPresence(connection, entry));
    if (!own.length) return;
    const user = { id: connection.userId, name: connection.userName };
    const stamped = encodePresenceUpdate(own.map((entry) => ({ ...entry, state: stampPresenceState(entry.state, user) })));
    if (encodeAwareness(stamped).byteLength > (this.deps.options.maxPresenceBytes ?? defaultCollabLimits.maxAwarenessBytes)) {
      connection.close(closeCodes.messageTooBig, 'presence too big');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, connection);
  }

  /**
   * Whether `entry` is the socket's own presence. A socket's own client id is the first one it
   * announces: a new state (not one the board already has, which is an echo) of an id no other
   * person has announced on this board since it was loaded, so nobody can take over the id of
   * someone who just lost their connection. The same person's newer socket (a reconnecting tab)
   * takes it over from their older one.
   */
  private ownsPresence(connection: Connection, entry: PresenceEntry): boolean {
    if (connection.presenceClientId !== undefined) return entry.clientId === connection.presenceClientId;
    if (entry.state === 'null') return false;
    const known = this.awareness.meta.get(entry.clientId);
    if (known && entry.clock <= known.clock) return false;
    const owner = this.presenceOwners.get(entry.clientId);
    if (owner !== undefined && owner !== connection.userId) return false;
    this.presenceOwners.set(entry.clientId, connection.userId);
    for (const socket of this.sockets) if (socket.presenceClientId === entry.clientId) socket.presenceClientId = undefined;
    connection.presenceClientId = entry.clientId;
    return true;
  }

  /** Removes what a socket announced in presence (it left, or no longer syncs with the board). */
  private dropPresence(connection: Connection): void {
    if (connection.presenceClientId !== undefined) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [connection.presenceClientId], null);
    }
  }

  // --- projection -------------------------------------------------------------------------

  /**
   * Runs the projection after `delayMs`. A new edit (not a retry) starts the retries over: a
   * failing projection is retried after 1 s, 2 s, 4 s … (at most a minute apart) and given up after
   * `maxProjectionAttempts`, its error kept for the project's owners (projection_issue), so the
   * board can unload once its updates are stored.
   */
  scheduleProjection(delayMs = this.deps.options.projectionDebounceMs, retry = false): void {
    if (!this.board.project) return; // a board that keeps no rows (people)
    if (!retry) this.projectionFailures = 0;
    this.projectionDirty = true;
    if (this.projectionTimer || this.destroyed) return;
    this.projectionTimer = setTimeout(() => {
      this.projectionTimer = undefined;
      void this.runProjection();
    }, delayMs);
  }

  private runProjection(): Promise<void> {
    if (this.projectionRunning) return this.projectionRunning;
    const project = this.board.project;
    if (!project) return Promise.resolve(); // never scheduled (see scheduleProjection)
    this.projectionRunning = (async () => {
      while (this.projectionDirty) {
        this.projectionDirty = false;
        const authors = this.attribution.take();
        const now = new Date();
        try {
          const report = await project({
            db: this.deps.db,
            projectId: this.projectId,
            boardId: this.boardId,
            doc: this.doc,
            authors,
            fallbackActorId: this.lastActorId,
            now,
          });
          this.projectionFailures = 0;
          for (const issue of report.skipped) this.deps.logger.error(`${this.name}: projection skipped item ${JSON.stringify(issue.itemId)}: ${issue.reason}`);
          await this.recordIssues(report.skipped, now);
        } catch (error) {
          this.attribution.restore(authors);
          this.projectionFailures++;
          const retry = this.deps.options.projectionRetry ?? defaultProjectionRetry;
          if (this.projectionFailures >= retry.attempts) {
            this.deps.logger.error(`${this.name}: projection failed ${this.projectionFailures} times, stopped until the next edit`, error);
            await this.recordIssues([{ itemId: wholeBoard, title: '', reason: `The board could not be saved for reports: ${issueReason(error)}` }], now);
          } else {
            const backoff = Math.min(retry.firstDelayMs * 2 ** (this.projectionFailures - 1), retry.maxDelayMs);
            this.deps.logger.error(`${this.name}: projection failed, retrying in ${backoff} ms`, error);
            if (!this.destroyed) this.scheduleProjection(backoff, true);
          }
          break;
        }
      }
    })().finally(() => {
      this.projectionRunning = undefined;
      this.onMaybeIdle(this);
    });
    return this.projectionRunning;
  }

  /** Keeps what the last projection could not write, for the board's "needs attention" notice. */
  private async recordIssues(issues: ProjectionIssue[], now: Date): Promise<void> {
    if (!issues.length && !this.hadProjectionIssues) return;
    try {
      await recordProjectionIssues(this.deps.db, this.projectId, this.board.projectOf ? this.name : this.board.kind, issues, now);
      this.hadProjectionIssues = issues.length > 0;
    } catch (error) {
      this.deps.logger.error(`${this.name}: could not record the projection's issues`, error);
    }
  }

  /** Waits for every pending write and runs any scheduled projection now. */
  async settle(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      if (this.flushing) await this.flushing;
      if (this.projectionTimer) {
        clearTimeout(this.projectionTimer);
        this.projectionTimer = undefined;
      }
      if (this.projectionDirty || this.projectionRunning) await this.runProjection();
      if (!this.flushing && !this.projectionDirty && !this.projectionRunning && !this.pending.length) return;
    }
  }

  destroy(): void {
    this.destroyed = true;
    for (const resume of this.roomWaiters.splice(0)) resume();
    this.plainText?.destroy();
    this.dropOlderGenerations(true);
    for (const stale of this.staleClients.values()) clearTimeout(stale.deadline);
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.projectionTimer = undefined;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
