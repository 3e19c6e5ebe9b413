// A whole plan as plain data, for writing one into a live plan in a single change (the demo seed,
// and any caller that brings a plan from elsewhere): roadmap items with their own ids (so that a
// workstream's milestone and dependencies can name them), goals, stakeholders and the charter.
import type { GoalFields, StakeholderFields } from './planCharter';
import type { PlanItemFields } from './plan';

export interface PlanImport {
  /** An item whose id is already on the plan is updated (the given fields only); others are added. */
  items: { id: string; fields: Partial<PlanItemFields> }[];
  /** Finish-to-start, by item id; one that exists already is skipped, one that closes a loop is refused. */
  dependencies?: { fromId: string; toId: string }[];
  goals?: (Partial<GoalFields> & { title: string })[];
  stakeholders?: (Partial<StakeholderFields> & { name: string })[];
  /** Replaces the charter's vision, scope and non-goals that are given. */
  charter?: { vision?: string; scope?: string[]; nonGoals?: string[] };
}

export class PlanImportError extends Error {}
