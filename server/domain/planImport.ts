// A whole plan as plain data, for writing one into a live plan in a single change (the demo seed,
// and any caller that brings a plan from elsewhere): roadmap items with their own ids (so that a
// workstream's milestone and dependencies can name them), goals, stakeholders, RACI and the charter.
import type { GoalFields, RaciRole, StakeholderFields } from './planCharter';
import type { PlanItemFields } from './plan';

export interface PlanImport {
  /** An item whose id is already on the plan is updated (the given fields only); others are added. */
  items: { id: string; fields: Partial<PlanItemFields> }[];
  /** Finish-to-start, by item id; one that exists already is skipped, one that closes a loop is refused. */
  dependencies?: { fromId: string; toId: string }[];
  /** Added; `id` (optional) lets `raci` name them. */
  goals?: (Partial<GoalFields> & { title: string; id?: string })[];
  stakeholders?: (Partial<StakeholderFields> & { name: string; id?: string })[];
  /** Who is Responsible, Accountable, Consulted or Informed for a milestone or goal. */
  raci?: { subjectId: string; stakeholderId: string; role: RaciRole }[];
  /** Replaces the charter's vision, scope and non-goals that are given. */
  charter?: { vision?: string; scope?: string[]; nonGoals?: string[] };
}

export class PlanImportError extends Error {}
