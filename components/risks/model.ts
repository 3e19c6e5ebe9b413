// What the risk board shows, as plain functions of its items: order, filters, heat-map counts,
// and the words for each value. No React and no Yjs, so both the server paint and the live
// board use the same rules.
import {
  activeStatuses,
  type RaidFields,
  type RaidItem,
  type RaidKind,
  type RaidStatus,
  type RaidTextField,
  type RiskResponse,
  type SeverityBand,
} from '@/server/domain/risk';
import type * as Y from 'yjs';

import type { BoardStatus, PresencePeer } from '@/components/live/presence';

export type { BoardStatus, PresencePeer, PresenceUser } from '@/components/live/presence';

/** An item as it was just before it was deleted: what Undo puts back, id and all. */
export interface DeletedItem {
  id: string;
  fields: RaidFields;
  createdAt: string | null;
  createdBy: string | null;
}

/** What the board can do to the live document; null while it is not connected. */
export interface RiskBoardActions {
  /** An id for an item that is not written yet (a draft in the editor). */
  newItemId(): string;
  /** Adds an item (with the given id, or a new one) and returns its id. */
  createItem(fields?: Partial<RaidFields>, id?: string): string;
  updateItem(id: string, patch: Partial<RaidFields>): void;
  /** The shared text of an item's text field, to type in (null while it is not one yet). */
  textOf(id: string, field: RaidTextField): Y.Text | null;
  /** Removes an item; returns what Undo needs to put it back, or null if it was not there. */
  deleteItem(id: string): DeletedItem | null;
  /** Puts a deleted item back with its id and every field, unless it is there already. */
  restoreItem(item: DeletedItem): void;
  /** Tells the others which item this tab has open in the editor. */
  setEditing(id: string | null): void;
}

/** Everything the live connection hands to the board. `items` is null until the first sync. */
export interface LiveBoardState {
  items: RaidItem[] | null;
  actions: RiskBoardActions | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
  /** The last change someone else made to an item, for the editor to announce. */
  changedByOthers: ChangeByOthers | null;
}

/** Fields of one item that arrived from someone else in one update. */
export interface ChangeByOthers {
  itemId: string;
  fields: (keyof RaidFields)[];
  /** Tells two equal changes apart, so the second is announced too. */
  seq: number;
}

/** What the editor calls each field (its labels), for announcements of others' changes. */
export const raidFieldLabels: Record<keyof RaidFields, string> = {
  kind: 'Kind',
  title: 'Title',
  description: 'Description',
  category: 'Category',
  ownerId: 'Owner',
  likelihood: 'Likelihood',
  impact: 'Impact',
  response: 'Response',
  mitigation: 'Mitigation plan',
  trigger: 'Trigger',
  dueDate: 'Due date',
  status: 'Status',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  isPublic: 'Public',
  threatens: 'Threatens',
};

export const kindLabels: Record<RaidKind, string> = {
  risk: 'Risk',
  assumption: 'Assumption',
  issue: 'Issue',
  dependency: 'Dependency',
};

export const statusLabels: Record<RaidStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  resolved: 'Resolved',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const responseLabels: Record<RiskResponse, string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  accept: 'Accept',
};

export const ratingLabels: Record<number, string> = {
  1: '1 · Very low',
  2: '2 · Low',
  3: '3 · Medium',
  4: '4 · High',
  5: '5 · Very high',
};

/** What the history calls each field: the editor's labels, spelled out where a label needs the editor around it. */
export const fieldLabels: Record<keyof RaidFields | 'created' | 'deleted', string> = {
  ...raidFieldLabels,
  isPublic: 'Shown on the public status page',
  threatens: 'Threatens (plan)',
  created: 'Created',
  deleted: 'Deleted',
};

export function isActive(item: Pick<RaidItem, 'status'>): boolean {
  return activeStatuses.includes(item.status);
}

/** Highest score first, unrated last; then newest first, so a new item shows at the top of its score. */
export function compareItems(a: RaidItem, b: RaidItem): number {
  if (a.score !== b.score) {
    if (a.score == null) return 1;
    if (b.score == null) return -1;
    return b.score - a.score;
  }
  const created = b.createdAt.getTime() - a.createdAt.getTime();
  if (created) return created;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface HeatCell {
  likelihood: number;
  impact: number;
}

export interface BoardFilters {
  kind: RaidKind | '';
  status: RaidStatus | '';
  /** A member's user id, 'none' for unassigned, '' for anyone. */
  owner: string;
  band: SeverityBand | 'unrated' | '';
  cell: HeatCell | null;
}

export const noFilters: BoardFilters = { kind: '', status: '', owner: '', band: '', cell: null };

export function hasFilters(f: BoardFilters): boolean {
  return Boolean(f.kind || f.status || f.owner || f.band || f.cell);
}

export function matchesFilters(item: RaidItem, f: BoardFilters): boolean {
  if (f.kind && item.kind !== f.kind) return false;
  if (f.status && item.status !== f.status) return false;
  if (f.owner === 'none' ? item.ownerId !== null : f.owner && item.ownerId !== f.owner) return false;
  if (f.band === 'unrated' ? item.band !== null : f.band && item.band !== f.band) return false;
  // A heat-map cell counts active items, so its filter shows exactly those.
  if (f.cell && (item.likelihood !== f.cell.likelihood || item.impact !== f.cell.impact || !isActive(item))) return false;
  return true;
}

/** Active items per cell, keyed `${likelihood}:${impact}`. */
export function heatCounts(items: RaidItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.likelihood == null || item.impact == null || !isActive(item)) continue;
    const key = `${item.likelihood}:${item.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function itemsLabel(n: number): string {
  return `${n} item${n === 1 ? '' : 's'}`;
}
