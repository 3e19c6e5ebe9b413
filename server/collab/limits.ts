// What one socket may cost the server: frame and awareness sizes, message rate, unsent bytes,
// what it may send before it is authenticated, and how long it may outlive its session. Exceeding a
// limit closes only that socket. Updates received but not yet committed are bounded per board and
// per socket too; there the sender is paused (back-pressure), not closed.

export interface CollabLimits {
  /** Largest frame; also the most a socket may send before it is admitted. */
  maxMessageBytes: number;
  /** Largest awareness message (presence is small; a huge one would be broadcast to everyone). */
  maxAwarenessBytes: number;
  /** Sustained messages per second per socket; bursts of twice that are allowed. */
  messagesPerSecond: number;
  /** Bytes queued for a socket that does not read; past this it is dropped. */
  maxBufferedBytes: number;
  /**
   * Bytes of updates a board may hold applied but not yet committed; past this, sockets sending
   * updates to it are paused (not read) until its commits catch up.
   */
  maxPendingBytes: number;
  /** The same bound for one socket's updates, so one fast sender leaves room on its board for others. */
  maxSocketPendingBytes: number;
  /** Messages a socket may send before it is admitted. */
  maxQueuedMessages: number;
  pingIntervalMs: number;
  authTimeoutMs: number;
  /** How often open sockets' sessions are checked again (expired or ended elsewhere: closed). */
  sessionCheckIntervalMs: number;
}

export const defaultCollabLimits: CollabLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  messagesPerSecond: 200,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxPendingBytes: 32 * 1024 * 1024,
  maxSocketPendingBytes: 8 * 1024 * 1024,
  maxQueuedMessages: 200,
  pingIntervalMs: 30_000,
  authTimeoutMs: 10_000,
  sessionCheckIntervalMs: 60_000,
};

/** A token bucket: `take()` is false once a socket sends faster than its rate for too long. */
export class MessageRate {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond * 2;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
