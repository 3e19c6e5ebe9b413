// The set of loaded live boards: loads each at most once (concurrent opens share one load),
// unloads a board once it is idle and fully saved, and applies server-side commands through the
// same pipeline as client edits. This is the LiveBoards the tRPC procedures talk to.
import * as Y from 'yjs';
import type { Database } from '@/db';
import { boards, parseBoardName } from './boards';
import { signalResourcesChanged } from './boards/peopleDocument';
import type { BoardDefinition } from './boards/types';
import { captureUpdate } from './captureUpdate';
import { defaultImportSliceRows } from './commandSlices';
import { nextTurn } from './turns';
import type { BoardCommand, BoardCommandResult, BoardCommandType, BoardKind, LiveBoards } from './liveBoards';
import { boardName } from './liveBoards';
import { closeCodes } from './protocol';
import { LiveDocument, type LiveDocumentOptions } from './liveDocument';
import { consoleLogger, type Logger } from './logger';
import { UpdateLog } from './updateLog';

export interface LiveDocumentsOptions {
  db: Database;
  compactEvery: number;
  /** How long an update waits for others to share its commit (0: commit at once). */
  commitWindowMs?: number;
  projectionDebounceMs: number;
  /** How long an idle, saved board stays in memory (0: unload at once). */
  unloadAfterMs: number;
  logger?: Logger;
  /** Measurement hook (benchmarks): see LiveDocumentOptions.onCommit. */
  onCommit?: LiveDocumentOptions['onCommit'];
  /** When a loading board is rebuilt without its history (default: defaultRebuildPolicy). */
  rebuild?: LiveDocumentOptions['rebuild'];
  /** Largest presence message relayed, once stamped (COLLAB_MAX_AWARENESS_BYTES). */
  maxPresenceBytes?: number;
  /** How a failing projection is retried (default: defaultProjectionRetry). */
  projectionRetry?: LiveDocumentOptions['projectionRetry'];
  /** Bytes of updates a board may hold uncommitted (COLLAB_MAX_PENDING_BYTES). */
  maxPendingBytes?: number;
  /** Rows of a big command (an import) applied per slice (COLLAB_IMPORT_SLICE_ROWS). */
  importSliceRows?: number;
}

export class LiveDocuments implements LiveBoards {
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  /** Boards whose load has not finished yet. */
  private readonly building = new Map<string, LiveDocument>();
  private readonly unloadTimers = new Map<LiveDocument, NodeJS.Timeout>();
  private readonly log: UpdateLog;
  private readonly logger: Logger;
  private closed = false;

  constructor(private readonly options: LiveDocumentsOptions) {
    this.log = new UpdateLog(options.db, options.commitWindowMs);
    this.logger = options.logger ?? consoleLogger;
  }

  /** Number of boards in memory. */
  get size(): number {
    return this.loading.size;
  }

  /**
   * Opens (loading if needed) a board and holds it: the caller must `release()` it once it has
   * attached its connection or finished its change. If the board is still loading, `onStoredDocument`
   * may get it early, straight from the log (see LiveDocument.onStoredDocument).
   */
  async open(kind: BoardKind, boardId: string, onStoredDocument?: (syncStep2: Uint8Array) => void): Promise<LiveDocument> {
    if (this.closed) throw new Error('live boards are shutting down');
    const name = boardName(kind, boardId);
    let loading = this.loading.get(name);
    if (!loading) {
      const document = new LiveDocument(
        name,
        boardId,
        boards[kind],
        {
          db: this.options.db,
          log: this.log,
          logger: this.logger,
          options: {
            compactEvery: this.options.compactEvery,
            projectionDebounceMs: this.options.projectionDebounceMs,
            onCommit: this.options.onCommit,
            rebuild: this.options.rebuild,
            maxPresenceBytes: this.options.maxPresenceBytes,
            projectionRetry: this.options.projectionRetry,
            maxPendingBytes: this.options.maxPendingBytes,
          },
        },
        (doc) => this.maybeUnload(doc),
      );
      document.hold(); // held while loading
      this.building.set(name, document);
      loading = document.load().then(
        () => {
          this.building.delete(name);
          document.release();
          return document;
        },
        (error) => {
          this.building.delete(name);
          this.loading.delete(name);
          document.destroy();
          throw error;
        },
      );
      this.loading.set(name, loading);
    }
    if (onStoredDocument) this.building.get(name)?.onStoredDocument(onStoredDocument);
    const document = await loading;
    document.hold();
    this.cancelUnload(document);
    return document;
  }

  async apply<K extends BoardKind, T extends BoardCommandType<K>>(
    kind: K,
    boardId: string,
    command: BoardCommand<K, T>,
    actorId: string,
  ): Promise<BoardCommandResult<K, T>> {
    const document = await this.open(kind, boardId);
    try {
      // Compute the change on a copy, so that a command that throws leaves the board untouched; a
      // big one in slices, each its own update, yielding to other work in between.
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
      const board = boards[kind] as BoardDefinition<K>;
      const handler = board.commands[command.type as T] as BoardDefinition<K>['commands'][T];
      const slices = handler(scratch, command, actorId, this.options.importSliceRows ?? defaultImportSliceRows);
      const updates: Uint8Array[] = [];
      let result: BoardCommandResult<K, T>;
      try {
        for (;;) {
          let step: IteratorResult<void, BoardCommandResult<K, T>> | undefined;
          const { update } = captureUpdate(scratch, () => (step = slices.next()));
          if (update) updates.push(update);
          if (step!.done) {
            result = step!.value;
            break;
          }
          await nextTurn();
        }
      } finally {
        scratch.destroy();
      }
      // Then applied to the board slice by slice, other edits going through in between.
      await document.submitInSlices(updates, actorId);
      return result;
    } finally {
      document.release();
    }
  }

  /** The project's loaded boards (and those still loading, once loaded): its risks, plan and meetings. */
  private async boardsOf(projectId: string): Promise<LiveDocument[]> {
    const documents = await Promise.allSettled([...this.loading.values()]);
    return documents.flatMap((d) => (d.status === 'fulfilled' && d.value.projectId === projectId ? [d.value] : []));
  }

  /** The people boards loaded (and those still loading, once loaded): one per workspace with someone on its grid. */
  private async peopleBoards(): Promise<LiveDocument[]> {
    const loading = [...this.loading].filter(([name]) => parseBoardName(name)?.kind === 'people').map(([, document]) => document);
    const documents = await Promise.allSettled(loading);
    return documents.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : []));
  }

  accessChanged(projectId: string, userId: string): void {
    // Their people boards too: a project role is what admits someone to its workspace's grid, and
    // what lets them edit it. Every people board they are on, not only the project's workspace's:
    // a deleted project's workspace can no longer be looked up, and a needless reconnect costs one
    // refetch of a grid.
    void Promise.all([this.boardsOf(projectId), this.peopleBoards()]).then(([projectBoards, peopleBoards]) => {
      for (const document of [...projectBoards, ...peopleBoards]) {
        for (const connection of document.sockets) {
          if (connection.userId === userId) connection.close(closeCodes.accessChanged);
        }
      }
    });
  }

  async closeProject(projectId: string): Promise<void> {
    for (const document of await this.boardsOf(projectId)) {
      for (const connection of document.sockets) connection.close(closeCodes.accessChanged);
      await document.settle();
    }
  }

  /**
   * One board is about to be deleted (a meeting): its sockets are closed (4509: reconnecting, they
   * are refused) and this resolves once its pending writes and projection are stored.
   */
  async closeBoard(kind: BoardKind, boardId: string): Promise<void> {
    const document = await this.loading.get(boardName(kind, boardId))?.catch(() => undefined);
    if (!document) return;
    for (const connection of document.sockets) connection.close(closeCodes.accessChanged);
    await document.settle();
  }

  /**
   * The people board's change signal: its revision is counted up, so its clients refetch the
   * workspace's resources. Only on a board that is loaded (or loading): a board nobody has open is
   * neither loaded nor written, since whoever opens it next reads the resources afresh anyway.
   */
  resourcesChanged(workspaceId: string): void {
    if (this.closed || !this.loading.has(boardName('people', workspaceId))) return;
    void this.open('people', workspaceId)
      .then(async (document) => {
        try {
          await document.change(null, signalResourcesChanged);
        } finally {
          document.release();
        }
      })
      .catch((error: unknown) => this.logger.error(`people:${workspaceId}: could not signal a change of resources`, error));
  }

  /** Updates applied on some board but not yet committed (0: everything anyone saw is durable). */
  async unsavedUpdates(): Promise<number> {
    const documents = await Promise.allSettled([...this.loading.values()]);
    return documents.reduce((sum, d) => sum + (d.status === 'fulfilled' ? d.value.unsavedUpdates : 0), 0);
  }

  /** Waits for every loaded board's pending writes and projections (tests, shutdown). */
  async flushProjections(): Promise<void> {
    const documents = await Promise.allSettled([...this.loading.values()]);
    await Promise.all(documents.map((d) => (d.status === 'fulfilled' ? d.value.settle() : undefined)));
  }

  private maybeUnload(document: LiveDocument): void {
    if (!document.idle || document.destroyed || this.unloadTimers.has(document)) return;
    const unload = () => {
      this.unloadTimers.delete(document);
      if (!document.idle || document.destroyed) return;
      this.loading.delete(document.name);
      document.destroy();
    };
    if (this.options.unloadAfterMs === 0) {
      // Still let the current turn finish (a caller may be about to hold it).
      this.unloadTimers.set(document, setTimeout(unload, 0));
    } else this.unloadTimers.set(document, setTimeout(unload, this.options.unloadAfterMs));
  }

  private cancelUnload(document: LiveDocument): void {
    const timer = this.unloadTimers.get(document);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(document);
  }

  /** Flushes every board and unloads them all. Sockets must be closed by the caller first. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushProjections();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const documents = await Promise.allSettled([...this.loading.values()]);
    for (const d of documents) if (d.status === 'fulfilled') d.value.destroy();
    this.loading.clear();
  }
}
