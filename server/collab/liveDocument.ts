// One loaded live board: its Y.Doc, awareness, sockets, and the pipeline every update goes
// through: validate -> apply -> broadcast (one merged update per event-loop turn) and, in parallel,
// append to the log (group commit) -> acknowledge the sender -> project. Everyone sees an edit
// without waiting for the disk; it is durable milliseconds later, and until then every client
// that saw it holds it and sends it again when it reconnects (docs/collab-protocol.md).
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { ChangeAttribution, type UpdateOrigin } from './attribution';
import type { BoardDefinition } from './boards/types';
import type { Connection } from './connection';
import type { Logger } from './logger';
import {
  closeCodes,
  encodeAwareness,
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
import type { UpdateLog } from './updateLog';

export interface LiveDocumentOptions {
  compactEvery: number;
  projectionDebounceMs: number;
  /** Measurement hook: when each update of a committed batch was received, and when it committed. */
  onCommit?: (receivedAt: readonly number[], committedAt: number) => void;
}

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

/** Yjs' encoding of an update that changes nothing. */
const emptyUpdate = new Uint8Array([0, 0]);
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LiveDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private readonly attribution = new ChangeAttribution();
  private pending: PendingUpdate[] = [];
  /** Updates of the batch whose commit is in flight. */
  private committing = 0;
  /** Applied this turn, not yet broadcast. */
  private unsent: { update: Uint8Array; sender?: Connection }[] = [];
  private flushing: Promise<void> | undefined;
  private lastId = 0;
  private rowsSinceCompaction = 0;
  private lastActorId: string | null = null;
  private projectionTimer: NodeJS.Timeout | undefined;
  private projectionRunning: Promise<void> | undefined;
  private projectionDirty = false;
  /** Sync step 2 for a client that has nothing yet; dropped whenever the document changes. */
  private fullSyncStep2: Uint8Array | undefined;
  /** Waiting for the whole stored document, until the log has been read (see onStoredDocument). */
  private storedDocumentListeners: ((syncStep2: Uint8Array) => void)[] | undefined = [];
  /** Callers (commands, connections being set up) that keep the document from unloading. */
  private holds = 0;
  destroyed = false;

  constructor(
    readonly name: string,
    readonly projectId: string,
    private readonly board: BoardDefinition,
    private readonly deps: { db: Database; log: UpdateLog; logger: Logger; options: LiveDocumentOptions },
    /** Called whenever the document may have become idle (no sockets, holds or pending work). */
    private readonly onMaybeIdle: (doc: LiveDocument) => void,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.doc.on('update', () => {
      this.fullSyncStep2 = undefined;
    });
    board.observe(this.doc, this.attribution);
  }

  /** Reads the log into the document, compacts a long log, and catches the projection up. */
  async load(): Promise<void> {
    const { updates, lastId } = await this.deps.log.load(this.name);
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
    if (updates.length > 1 && updates.length >= this.deps.options.compactEvery) await this.compact();
    // Changes restored from the log have no author in memory; credit the log's last writer.
    this.attribution.take();
    this.scheduleProjection(0);
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

  get idle(): boolean {
    return (
      this.connections.size === 0 &&
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
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessClientIds.size) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClientIds], null);
    }
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
            connection.send(this.syncStep2For(payload));
          } else if (step === syncStep2 || step === syncUpdate) {
            this.receiveUpdate(connection, payload);
          } else throw new MalformedMessageError(`unknown sync step ${step}`);
          return;
        }
        case messageAwareness:
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), connection);
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
    if (connection.readOnly) {
      // Never applied nor stored; acknowledged so the sender's bookkeeping stays in step.
      if (connection.wantsSaved) connection.send(encodeSaved(seq));
      return;
    }
    if (isEmptyUpdate(update)) {
      this.enqueue({ update, actorId: connection.userId, connection, seq, empty: true });
      return;
    }
    try {
      Y.decodeUpdate(update);
      this.apply(update, connection.userId, connection);
    } catch (error) {
      this.deps.logger.warn(`${this.name}: rejected an update from connection ${connection.id}`, error);
      connection.close(closeCodes.updateRejected);
      return;
    }
    this.enqueue({ update, actorId: connection.userId, connection, seq });
  }

  /** Applies, stores and broadcasts an update made on the server (e.g. a CSV import); resolves once durable. */
  submit(update: Uint8Array, actorId: string): Promise<void> {
    try {
      this.apply(update, actorId);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => this.enqueue({ update, actorId, done: { resolve, reject } }));
  }

  /** Applies an update to the document and queues it for the next broadcast (end of this turn). */
  private apply(update: Uint8Array, actorId: string | null, sender?: Connection): void {
    const origin: UpdateOrigin = { actorId };
    Y.applyUpdate(this.doc, update, origin);
    if (actorId) this.lastActorId = actorId;
    this.unsent.push({ update, sender });
    if (this.unsent.length === 1) setImmediate(this.broadcastUnsent);
  }

  /** Sends what was applied this turn as one merged update to every socket but its only sender. */
  private broadcastUnsent = () => {
    const batch = this.unsent.splice(0);
    if (!batch.length || this.destroyed) return;
    const message = encodeSyncUpdate(batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update)));
    const senders = new Set(batch.map((b) => b.sender));
    const soleSender = senders.size === 1 ? batch[0]!.sender : undefined;
    for (const connection of this.connections) if (connection !== soleSender) connection.send(message);
  };

  private enqueue(entry: Omit<PendingUpdate, 'receivedAt'>): void {
    this.pending.push({ ...entry, receivedAt: performance.now() });
    if (this.flushing) return;
    // Wait one turn of the event loop so updates arriving together share a commit.
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flushPending())
      .finally(() => {
        this.flushing = undefined;
        this.onMaybeIdle(this);
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
      if (entry.connection) senders.add(entry.connection);
      entry.done?.resolve();
    }
    // Only changes the board observes can change its projection (e.g. not presence-only data).
    if (!this.attribution.empty) this.scheduleProjection();
    for (const connection of senders) {
      if (!connection.wantsSaved) continue;
      const durable = Math.max(...batch.filter((e) => e.connection === connection).map((e) => e.seq ?? 0));
      connection.send(encodeSaved(durable));
    }
  }

  /** Replaces the stored rows by one snapshot; the document equals what is stored at this point. */
  private async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // Also the answer to a client that has nothing yet, until the document changes (which drops it).
    this.fullSyncStep2 ??= encodeSyncStep2(snapshot);
    try {
      this.lastId = await this.deps.log.compact(this.name, snapshot, this.lastId);
      this.rowsSinceCompaction = 1;
    } catch (error) {
      this.deps.logger.error(`${this.name}: compaction failed (will retry later)`, error);
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    const connection = origin && this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
    if (connection) {
      for (const id of added) connection.awarenessClientIds.add(id);
      for (const id of removed) connection.awarenessClientIds.delete(id);
    }
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const other of this.connections) other.send(message);
  };

  // --- projection -------------------------------------------------------------------------

  scheduleProjection(delayMs = this.deps.options.projectionDebounceMs): void {
    this.projectionDirty = true;
    if (this.projectionTimer || this.destroyed) return;
    this.projectionTimer = setTimeout(() => {
      this.projectionTimer = undefined;
      void this.runProjection();
    }, delayMs);
  }

  private runProjection(): Promise<void> {
    if (this.projectionRunning) return this.projectionRunning;
    this.projectionRunning = (async () => {
      while (this.projectionDirty) {
        this.projectionDirty = false;
        const authors = this.attribution.take();
        try {
          await this.board.project({
            db: this.deps.db,
            projectId: this.projectId,
            doc: this.doc,
            authors,
            fallbackActorId: this.lastActorId,
            now: new Date(),
          });
        } catch (error) {
          this.attribution.restore(authors);
          this.deps.logger.error(`${this.name}: projection failed, retrying`, error);
          if (!this.destroyed) this.scheduleProjection(1_000);
          break;
        }
      }
    })().finally(() => {
      this.projectionRunning = undefined;
      this.onMaybeIdle(this);
    });
    return this.projectionRunning;
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
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.projectionTimer = undefined;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
