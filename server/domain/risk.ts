// RAID log rules: the kinds, statuses and responses of an item, likelihood x impact scoring and
// severity bands, and how a raw live-document value becomes a well-formed item. Pure functions.
import { z } from 'zod';
import { planDateSchema } from './dates';

export const raidKinds = ['risk', 'assumption', 'issue', 'dependency'] as const;
export const raidStatuses = ['open', 'mitigating', 'resolved', 'accepted', 'closed'] as const;
export const riskResponses = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export const severityBands = ['critical', 'high', 'medium', 'low'] as const;

export type RaidKind = (typeof raidKinds)[number];
export type RaidStatus = (typeof raidStatuses)[number];
export type RiskResponse = (typeof riskResponses)[number];
export type SeverityBand = (typeof severityBands)[number];

/** Statuses that still need attention: counted on the heat map and in exposure. */
export const activeStatuses: readonly RaidStatus[] = ['open', 'mitigating'];

export const rating = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
// Dates outside 1900-2999 (a typo like year 0006) read as missing, so they never reach Postgres.
const isoDate = planDateSchema;

/** The fields of a RAID item as stored in the live document (docs/live-documents.md). */
export const raidFieldsSchema = z.object({
  kind: z.enum(raidKinds),
  title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: z.string().max(10_000),
  category: z.string().trim().max(80),
  ownerId: z.string().min(1).nullable(),
  likelihood: rating.nullable(),
  impact: rating.nullable(),
  response: z.enum(riskResponses).nullable(),
  mitigation: z.string().max(10_000),
  trigger: z.string().max(2_000),
  dueDate: isoDate.nullable(),
  status: z.enum(raidStatuses),
  residualLikelihood: rating.nullable(),
  residualImpact: rating.nullable(),
  /** The owner chose to show this item (title, band, status) on the public status page. */
  isPublic: z.boolean(),
  /** Ids of the plan's milestones and workstreams this item threatens (`plan:<projectId>`). */
  threatens: z.array(z.string().min(1).max(64)).max(50),
});
export type RaidFields = z.infer<typeof raidFieldsSchema>;
export const raidFieldNames = Object.keys(raidFieldsSchema.shape) as (keyof RaidFields)[];

/** Free text: a Y.Text in the live document, so concurrent typing merges (a plain string is read too). */
export const raidTextFieldNames = ['title', 'description', 'category', 'mitigation', 'trigger'] as const satisfies readonly (keyof RaidFields)[];
export type RaidTextField = (typeof raidTextFieldNames)[number];

/**
 * A value as read from a live document: a shared type (a Y.Text, which reads as its string) becomes
 * its JSON, found by its `toJSON` so that this module needs no Yjs; plain values stay as they are.
 */
export function plainValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

export const emptyRaidFields: RaidFields = {
  kind: 'risk',
  title: '',
  description: '',
  category: '',
  ownerId: null,
  likelihood: null,
  impact: null,
  response: null,
  mitigation: '',
  trigger: '',
  dueDate: null,
  status: 'open',
  residualLikelihood: null,
  residualImpact: null,
  isPublic: false,
  threatens: [],
};

/** Score of a likelihood x impact pair (1-25), or null when either is not rated yet. */
export function riskScore(likelihood: number | null, impact: number | null): number | null {
  if (likelihood == null || impact == null) return null;
  return likelihood * impact;
}

/** critical 20-25, high 12-19, medium 6-11, low 1-5. */
export function severityBand(score: number | null): SeverityBand | null {
  if (score == null || score < 1) return null;
  if (score >= 20) return 'critical';
  if (score >= 12) return 'high';
  if (score >= 6) return 'medium';
  return 'low';
}

export const bandLabels: Record<SeverityBand, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/**
 * Turns whatever another program wrote into the live document into well-formed fields: a value of
 * the wrong type or out of range falls back to its empty value instead of breaking the board. Text
 * fields may be a Y.Text or a plain string.
 */
export function normalizeRaidFields(raw: Record<string, unknown>): RaidFields {
  const fields = { ...emptyRaidFields };
  for (const name of raidFieldNames) {
    const value = plainValue(raw[name]);
    if (value === undefined) continue;
    const parsed = raidFieldsSchema.shape[name].safeParse(value);
    if (parsed.success) (fields as Record<string, unknown>)[name] = parsed.data;
  }
  if (!fields.title) fields.title = 'Untitled';
  return fields;
}

/** A projected item: the fields plus what is derived from them. */
export interface RaidItem extends RaidFields {
  id: string;
  score: number | null;
  band: SeverityBand | null;
  residualScore: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export function deriveRaidScores(fields: RaidFields) {
  const score = riskScore(fields.likelihood, fields.impact);
  return {
    score,
    band: severityBand(score),
    residualScore: riskScore(fields.residualLikelihood, fields.residualImpact),
  };
}
