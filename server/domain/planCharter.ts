// Charter and stakeholder rules of the live plan: goal progress from current vs target, RACI
// validation (exactly one Accountable, at least one Responsible) and the power/interest grid.
// Pure functions.
import { z } from 'zod';
import { planDateSchema } from './dates';
import { plainValue } from './risk';

export interface GoalMeasure {
  baseline: number | null;
  target: number | null;
  current: number | null;
}

/**
 * How far a goal has come from its baseline towards its target, 0-100 (clamped). Works for goals
 * that go down as well as up (e.g. p99 latency from 800 ms to 200 ms). Null when it cannot be
 * measured: a value is missing or the target equals the baseline.
 */
export function goalProgress({ baseline, target, current }: GoalMeasure): number | null {
  if (baseline == null || target == null || current == null || target === baseline) return null;
  const share = (current - baseline) / (target - baseline);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

export const raciRoles = ['R', 'A', 'C', 'I'] as const;
export type RaciRole = (typeof raciRoles)[number];
export const raciLabels: Record<RaciRole, string> = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' };

export interface RaciAssignment {
  stakeholderId: string;
  role: RaciRole;
}

/** What is wrong with the RACI of one milestone or goal; empty when it is sound. */
export function raciProblems(assignments: readonly RaciAssignment[]): string[] {
  const accountable = new Set(assignments.filter((a) => a.role === 'A').map((a) => a.stakeholderId));
  const responsible = new Set(assignments.filter((a) => a.role === 'R').map((a) => a.stakeholderId));
  const problems: string[] = [];
  if (accountable.size === 0) problems.push('No one is Accountable: name exactly one.');
  if (accountable.size > 1) problems.push(`${accountable.size} people are Accountable: exactly one should be.`);
  if (responsible.size === 0) problems.push('No one is Responsible: name at least one.');
  return problems;
}

export const stakeholderQuadrants = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const;
export type StakeholderQuadrant = (typeof stakeholderQuadrants)[number];
export const quadrantLabels: Record<StakeholderQuadrant, string> = {
  manage_closely: 'Manage closely',
  keep_satisfied: 'Keep satisfied',
  keep_informed: 'Keep informed',
  monitor: 'Monitor',
};

/** On the 1-5 scales, 3 and above counts as high (the grid's middle line sits between 2 and 3). */
const high = (value: number) => value >= 3;

/** Where a stakeholder sits on the power (influence) / interest grid. */
export function powerInterestQuadrant(influence: number, interest: number): StakeholderQuadrant {
  if (high(influence)) return high(interest) ? 'manage_closely' : 'keep_satisfied';
  return high(interest) ? 'keep_informed' : 'monitor';
}

// --- fields as stored in the live document (docs/live-documents.md) -----------------------------

const measure = z.number().finite().nullable();

export const goalFieldsSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  metric: z.string().trim().max(200),
  baseline: measure,
  target: measure,
  current: measure,
  dueDate: planDateSchema.nullable(),
});
export type GoalFields = z.infer<typeof goalFieldsSchema>;

/** Free text of a goal: a Y.Text in the live document (a plain string is read too). */
export const goalTextFieldNames = ['title', 'metric'] as const satisfies readonly (keyof GoalFields)[];

export const emptyGoalFields: GoalFields = { title: '', metric: '', baseline: null, target: null, current: null, dueDate: null };

const level = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
export const communicationChannels = ['email', 'chat', 'meeting', 'status_page', 'report'] as const;
export const communicationFrequencies = ['daily', 'weekly', 'biweekly', 'monthly', 'milestones'] as const;

export const stakeholderFieldsSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  organisation: z.string().trim().max(200),
  /** A project member's user id when the stakeholder has an account. */
  memberId: z.string().min(1).nullable(),
  influence: level,
  interest: level,
  channel: z.enum(communicationChannels),
  frequency: z.enum(communicationFrequencies),
});
export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;

/** Free text of a stakeholder: a Y.Text in the live document (a plain string is read too). */
export const stakeholderTextFieldNames = ['name', 'organisation'] as const satisfies readonly (keyof StakeholderFields)[];

export const emptyStakeholderFields: StakeholderFields = {
  name: '',
  organisation: '',
  memberId: null,
  influence: 3,
  interest: 3,
  channel: 'email',
  frequency: 'weekly',
};

/** Lenient reading of a document entry: wrong values fall back to the empty value; text may be a Y.Text. */
export function normalizeFields<T extends Record<string, unknown>>(schema: z.ZodObject, empty: T, raw: Record<string, unknown>): T {
  const fields = { ...empty } as Record<string, unknown>;
  for (const [name, type] of Object.entries(schema.shape)) {
    const value = plainValue(raw[name]);
    if (value === undefined) continue;
    const parsed = (type as z.ZodType).safeParse(value);
    if (parsed.success) fields[name] = parsed.data;
  }
  return fields as T;
}
