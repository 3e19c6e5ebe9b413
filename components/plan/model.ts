// What the plan's UI works with: the board's content (from the server render or the live
// document), the actions that write to the live document, and the labels people read.
import type * as Y from 'yjs';
import type { AddDependencyResult, PlanBaseline, PlanCharter, PlanGoal, PlanStakeholder, PlanTextAddress, RaciEntry } from '@/server/collab/boards/planDocument';
import type { MilestoneStatus, PlanDependency, PlanItem, PlanItemFields } from '@/server/domain/plan';
import type { GoalFields, RaciRole, StakeholderFields } from '@/server/domain/planCharter';
import type { BoardStatus, PresencePeer } from '@/components/live/presence';

export interface PlanContent {
  items: PlanItem[];
  dependencies: PlanDependency[];
  baselines: PlanBaseline[];
  charter: PlanCharter;
  goals: PlanGoal[];
  stakeholders: PlanStakeholder[];
  raci: RaciEntry[];
}

export type CharterList = 'scope' | 'nonGoals';

export interface PlanActions {
  addItem(fields: Partial<PlanItemFields>): string;
  updateItem(id: string, patch: Partial<PlanItemFields>): void;
  /** Moves an item (or the end of a workstream) by whole days from its current dates. */
  shiftItem(id: string, days: number, mode: 'move' | 'resize'): void;
  deleteItem(id: string): void;
  addDependency(fromId: string, toId: string): AddDependencyResult;
  removeDependency(id: string): void;
  saveBaseline(name: string): void;
  /** The shared text at an address (an item's title, the vision, a scope entry...), to type in; null while it is not one yet. */
  text(at: PlanTextAddress): Y.Text | null;
  addToList(list: CharterList, text: string): void;
  removeFromList(list: CharterList, index: number): void;
  addGoal(fields: Partial<GoalFields>): string;
  updateGoal(id: string, patch: Partial<GoalFields>): void;
  deleteGoal(id: string): void;
  addStakeholder(fields: Partial<StakeholderFields>): string;
  updateStakeholder(id: string, patch: Partial<StakeholderFields>): void;
  deleteStakeholder(id: string): void;
  setRaci(subjectId: string, stakeholderId: string, role: RaciRole | null): void;
  /** Tells the others which item (or section) this tab is editing. */
  setEditing(id: string | null): void;
}

export interface LivePlanState {
  content: PlanContent | null;
  actions: PlanActions | null;
  presence: PresencePeer[];
  status: BoardStatus;
  refusal: string | null;
  /** Items whose dates someone else changed a moment ago (they flash on the timeline). */
  movedByOthers: ReadonlySet<string>;
}

export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  at_risk: 'At risk',
  done: 'Done',
  missed: 'Missed',
};
