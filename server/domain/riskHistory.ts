// What changed on a RAID item between two versions: one entry per field, plus created / deleted.
import { raidFieldNames, type RaidFields } from './risk';

export interface FieldChange {
  field: keyof RaidFields | 'created' | 'deleted';
  from: string | null;
  to: string | null;
}

/** Values are kept as text in the history so any field fits one column. */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  return String(value);
}

export function diffRaidItem(before: RaidFields | null, after: RaidFields | null): FieldChange[] {
  if (!before && !after) return [];
  if (!before) return [{ field: 'created', from: null, to: after!.title }];
  if (!after) return [{ field: 'deleted', from: before.title, to: null }];
  const changes: FieldChange[] = [];
  for (const field of raidFieldNames) {
    const from = historyValue(before[field]);
    const to = historyValue(after[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}
