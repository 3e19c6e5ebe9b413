// Remembers who changed each field of each entry of a live document since the projection last ran
// (everyone who did, in the order of their last change), so the projection's history rows can say
// who made a change: the last of them for a plain value, each of them for text two people typed in.
import * as Y from 'yjs';
import { conversionOrigin } from './plainText';

/** The origin passed to Y.applyUpdate for updates whose author is known. */
export interface UpdateOrigin {
  actorId: string | null;
}

/**
 * Records who changes a map of entries (each entry a Y.Map of fields, keyed by id): the entry as a
 * whole (`*`) when it is added or removed, and each field written, also one level deeper for a
 * field another program wrote as a nested shared type.
 */
export function observeEntries(entries: Y.Map<unknown>, attribution: ChangeAttribution): void {
  entries.observeDeep((events, transaction) => {
    // The server turning a plain string into a Y.Text changes no content: nobody's change.
    if (transaction.origin === conversionOrigin) return;
    const actor = actorOf(transaction.origin);
    for (const event of events) {
      if (event.target === entries) {
        for (const id of event.keys.keys()) attribution.record(id, '*', actor);
        continue;
      }
      const entryId = event.path[0];
      if (typeof entryId !== 'string') continue;
      const nestedField = event.path[1];
      if (typeof nestedField === 'string') attribution.record(entryId, nestedField, actor);
      if (event.target instanceof Y.Map) for (const field of event.keys.keys()) attribution.record(entryId, field, actor);
    }
  });
}

export function actorOf(origin: unknown): string | null {
  return origin && typeof origin === 'object' && 'actorId' in origin ? ((origin as UpdateOrigin).actorId ?? null) : null;
}

/** One change of a field's value, in the order the server applied it. */
export interface FieldTransition {
  from: unknown;
  to: unknown;
  actorId: string | null;
}

/**
 * Also keeps every value the given fields of the entries took, in order, with who set it: two
 * people moving the same date before the projection runs are then both in its history.
 */
export function observeTransitions(entries: Y.Map<unknown>, fields: readonly string[], attribution: ChangeAttribution): void {
  entries.observeDeep((events, transaction) => {
    const actor = actorOf(transaction.origin);
    for (const event of events) {
      const entryId = event.path[0];
      if (event.path.length !== 1 || typeof entryId !== 'string' || !(event.target instanceof Y.Map)) continue;
      for (const [field, change] of event.changes.keys) {
        if (fields.includes(field)) attribution.recordTransition(entryId, field, { from: change.oldValue, to: event.target.get(field), actorId: actor });
      }
    }
  });
}

/** `*` stands for the entry as a whole (created or deleted). */
export class ChangeAttribution {
  private actors = new Map<string, Map<string, (string | null)[]>>();
  private transitions = new Map<string, FieldTransition[]>();

  recordTransition(entryId: string, field: string, transition: FieldTransition): void {
    const key = `${entryId}\u0000${field}`;
    const list = this.transitions.get(key);
    if (list) list.push(transition);
    else this.transitions.set(key, [transition]);
  }

  record(entryId: string, field: string, actorId: string | null): void {
    let fields = this.actors.get(entryId);
    if (!fields) this.actors.set(entryId, (fields = new Map()));
    const actors = fields.get(field);
    if (!actors) fields.set(field, [actorId]);
    else if (actors.at(-1) !== actorId) {
      // Each author once, at their latest change: the last is the one who changed it last.
      const earlier = actors.indexOf(actorId);
      if (earlier >= 0) actors.splice(earlier, 1);
      actors.push(actorId);
    }
  }

  /** True when nothing the board projects has changed since the last `take()`. */
  get empty(): boolean {
    return this.actors.size === 0;
  }

  /** Takes the recorded authors and starts afresh. */
  take(): AttributionSnapshot {
    const taken = new AttributionSnapshot(this.actors, this.transitions);
    this.actors = new Map();
    this.transitions = new Map();
    return taken;
  }

  /** Puts back what a failed projection took, without overwriting newer records. */
  restore(snapshot: AttributionSnapshot): void {
    for (const [entryId, fields] of snapshot.entries()) {
      for (const [field, earlier] of fields) {
        const newer = this.actors.get(entryId)?.get(field) ?? [];
        this.actors.get(entryId)?.delete(field);
        for (const actor of [...earlier.filter((a) => !newer.includes(a)), ...newer]) this.record(entryId, field, actor);
      }
    }
    for (const [key, older] of snapshot.transitionEntries()) this.transitions.set(key, [...older, ...(this.transitions.get(key) ?? [])]);
  }
}

export class AttributionSnapshot {
  constructor(
    private readonly actors: Map<string, Map<string, (string | null)[]>>,
    private readonly transitions: Map<string, FieldTransition[]> = new Map(),
  ) {}

  /** The values a field took since the last projection, oldest first (only for observed fields). */
  transitionsOf(entryId: string, field: string): readonly FieldTransition[] {
    return this.transitions.get(`${entryId}\u0000${field}`) ?? [];
  }

  transitionEntries() {
    return this.transitions.entries();
  }

  /** Who changed the field last (or the entry as a whole); undefined when nobody is recorded. */
  actorFor(entryId: string, field: string): string | null | undefined {
    return this.actorsFor(entryId, field)?.at(-1);
  }

  /** Everyone who changed the field (or the entry as a whole), the last one last; undefined when nobody is recorded. */
  actorsFor(entryId: string, field: string): readonly (string | null)[] | undefined {
    const fields = this.actors.get(entryId);
    if (!fields) return undefined;
    return fields.get(field) ?? fields.get('*');
  }

  entries() {
    return this.actors.entries();
  }
}
