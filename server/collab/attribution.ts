// Remembers who last changed each field of each entry of a live document since the projection
// last ran, so the projection's history rows can say who made a change.

/** The origin passed to Y.applyUpdate for updates whose author is known. */
export interface UpdateOrigin {
  actorId: string | null;
}

export function actorOf(origin: unknown): string | null {
  return origin && typeof origin === 'object' && 'actorId' in origin ? ((origin as UpdateOrigin).actorId ?? null) : null;
}

/** `*` stands for the entry as a whole (created or deleted). */
export class ChangeAttribution {
  private actors = new Map<string, Map<string, string | null>>();

  record(entryId: string, field: string, actorId: string | null): void {
    let fields = this.actors.get(entryId);
    if (!fields) this.actors.set(entryId, (fields = new Map()));
    fields.set(field, actorId);
  }

  /** True when nothing the board projects has changed since the last `take()`. */
  get empty(): boolean {
    return this.actors.size === 0;
  }

  /** Takes the recorded authors and starts afresh. */
  take(): AttributionSnapshot {
    const taken = this.actors;
    this.actors = new Map();
    return new AttributionSnapshot(taken);
  }

  /** Puts back what a failed projection took, without overwriting newer records. */
  restore(snapshot: AttributionSnapshot): void {
    for (const [entryId, fields] of snapshot.entries()) {
      for (const [field, actor] of fields) if (!this.actors.get(entryId)?.has(field)) this.record(entryId, field, actor);
    }
  }
}

export class AttributionSnapshot {
  constructor(private readonly actors: Map<string, Map<string, string | null>>) {}

  actorFor(entryId: string, field: string): string | null | undefined {
    const fields = this.actors.get(entryId);
    if (!fields) return undefined;
    return fields.has(field) ? fields.get(field) : fields.get('*');
  }

  entries() {
    return this.actors.entries();
  }
}
