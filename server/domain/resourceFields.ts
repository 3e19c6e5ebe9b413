// The fields of people, allocations, staffing needs and scenarios, as zod schemas with messages a
// person can act on: shared by the routers and the forms of the people pages.
import { z } from 'zod';
import { planDateSchema } from './dates';

export const personName = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');
export const personRole = z.string().trim().max(120, 'must be at most 120 characters');
export const skillName = z.string().trim().min(1, 'a skill cannot be empty').max(60, 'a skill must be at most 60 characters');
export const skillList = z.array(skillName).max(30, 'at most 30 skills').transform((skills) => {
  // One of each, whatever the case: "Go" and "go" are the same skill.
  const seen = new Set<string>();
  return skills.filter((skill) => {
    // Stryker disable next-line MethodExpression: folding to upper case keeps the same skills but for rare letters (ß)
    const key = skill.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
});

export const weeklyHours = z
  .number('must be a number of hours')
  .gt(0, 'must be more than 0 (a person with no hours cannot be allocated)')
  .max(168, 'must be at most 168, the hours in a week');

export const workingDays = z
  .array(z.number().int().min(1, 'working days are 1 (Monday) to 7 (Sunday)').max(7, 'working days are 1 (Monday) to 7 (Sunday)'))
  .min(1, 'must name at least one day')
  .max(7, 'has at most 7 days')
  .refine((days) => new Set(days).size === days.length, 'names a day twice')
  .transform((days) => [...days].sort((a, b) => a - b));

export const hoursPerWeek = z.number('must be a number of hours').min(0, 'cannot be negative').max(168, 'must be at most 168, the hours in a week');
export const allocationPercent = z.number('must be a number').min(0, 'cannot be negative').max(100, 'must be at most 100 (of the person’s capacity)');

export const timeOffReason = z.string().trim().max(200, 'must be at most 200 characters');

export const fromDate = planDateSchema;
export const toDate = planDateSchema;

/** Refinement for an object with `from` and `to`: `to` on or after `from`. */
export function toNotBeforeFrom<T extends { from: string; to: string }>(value: T, ctx: z.RefinementCtx) {
  // Only between two well-formed dates: zod runs this even when a date was refused already, and
  // the message quotes `from`, which must not echo whatever was sent.
  const wellFormed = (date: unknown) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  if (wellFormed(value.from) && wellFormed(value.to) && value.to < value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${value.from})` });
  }
}

/** Weeks a utilisation, grid or staffing answer may span: up to three years. */
export const weekCount = z.number().int('must be a whole number').min(1, 'must be at least 1').max(156, 'must be at most 156 (three years)');

export const skillNeedCount = z.number().int('must be a whole number of people').min(1, 'must be at least 1').max(100, 'must be at most 100');
export const needHours = z.number('must be a number of hours').gt(0, 'must be more than 0').max(168, 'must be at most 168, the hours in a week');

export const scenarioName = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

/** A plan item id (the plan's ids are short text). */
export const workstreamIdField = z.string().trim().min(1, 'cannot be empty').max(64, 'must be at most 64 characters');

const uuidOf = (what: string) => z.uuid(`must be ${what}`);

/** One change of a what-if scenario (db/schema/resources.ts ScenarioChange). */
export const scenarioChange = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('add'), personId: uuidOf('a person id'), projectId: uuidOf('a project id'), from: fromDate, to: toDate, hoursPerWeek }),
    z.object({ kind: z.literal('move'), allocationId: uuidOf('an allocation id'), from: fromDate, to: toDate, hoursPerWeek: hoursPerWeek.optional(), personId: uuidOf('a person id').optional() }),
    z.object({ kind: z.literal('remove'), allocationId: uuidOf('an allocation id') }),
  ], { error: 'must be an add, a move or a remove' })
  .superRefine((change, ctx) => {
    if (change.kind !== 'remove') toNotBeforeFrom(change, ctx);
  });

/** Changes a scenario may hold. */
export const maxScenarioChanges = 200;
