// Words, order and small helpers the tech page and the workspace radar share: labels for kinds,
// rings and quadrants, how a cost or a ring move reads, and the item types as the router sends them.
import type { inferRouterOutputs } from '@trpc/server';
import type { TechKind, TechQuadrant, TechRing } from '@/db/schema/tech';
import type { TechAlertKind } from '@/server/domain/techAlerts';
import type { AppRouter } from '@/server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>['tech'];
export type TechItem = Outputs['list'][number];
export type TechAlert = Outputs['alerts'][number];
export type TechReview = Outputs['review'];
export type RingChange = Outputs['history'][number];
export type ImportOutcome = Outputs['importManifest'];
export type WorkspaceRadar = Outputs['radar'];

export { techKinds, techQuadrants, techRings } from '@/db/schema/tech';
export type { TechKind, TechQuadrant, TechRing };

export const kindLabels: Record<TechKind, string> = { software: 'Software', library: 'Library', service: 'Service', hardware: 'Hardware', tool: 'Tool' };
export const ringLabels: Record<TechRing, string> = { adopt: 'Adopt', trial: 'Trial', assess: 'Assess', hold: 'Hold' };
export const ringMeanings: Record<TechRing, string> = {
  adopt: 'use it by default',
  trial: 'use it where the risk is small',
  assess: 'explore it, not for production yet',
  hold: 'build nothing new on it',
};
export const quadrantLabels: Record<TechQuadrant, string> = {
  techniques: 'Techniques',
  platforms: 'Platforms',
  tools: 'Tools',
  'languages-frameworks': 'Languages & frameworks',
};

export const alertLabels: Record<TechAlertKind, string> = {
  eol_past: 'Past end of life',
  eol_soon: 'End of life soon',
  major_behind: 'Major version behind',
  hold_in_use: 'On hold, in use',
  licence_denied: 'Licence not allowed',
};

/** Danger for what is already wrong, amber for what is coming. */
export const alertTones: Record<TechAlertKind, string> = {
  eol_past: 'border-danger/40 bg-danger-soft text-danger',
  licence_denied: 'border-danger/40 bg-danger-soft text-danger',
  eol_soon: 'border-medium/40 bg-medium-soft text-medium-ink',
  hold_in_use: 'border-medium/40 bg-medium-soft text-medium-ink',
  major_behind: 'border-line-strong bg-surface text-ink',
};

/** Ring chips: the ring's name always shows, the colour only helps. */
export const ringTones: Record<TechRing, string> = {
  adopt: 'border-success/40 bg-success-soft text-success',
  trial: 'border-accent/30 bg-accent-soft text-accent-ink',
  assess: 'border-line-strong bg-surface text-ink',
  hold: 'border-danger/40 bg-danger-soft text-danger',
};

const money = new Intl.NumberFormat('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "120" or "12.50" a month; '' for no cost recorded. */
export function costText(cents: number | null): string {
  if (cents == null) return '';
  return money.format(cents / 100);
}

/** What a person typed as a monthly cost, in cents: null for blank, NaN for something unreadable. */
export function centsOf(typed: string): number | null {
  const text = typed.trim().replace(/,/g, '');
  if (!text) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}

/** "Hold (was Adopt)" or "Placed in Assess" for one line of the ring history. */
export function ringMoveText(change: Pick<RingChange, 'fromRing' | 'toRing'>): string {
  return change.fromRing ? `${ringLabels[change.fromRing]} → ${ringLabels[change.toRing]}` : `Placed in ${ringLabels[change.toRing]}`;
}

/** A tRPC error's message as the person should read it ("name: is required" reads "Name is required"). */
export function techErrorText(error: unknown): string {
  if (!(error instanceof Error)) return 'That did not work. Try again.';
  return error.message.replace(/^([a-zA-Z]+): /, (_, field: string) => `${fieldWords[field] ?? field}: `);
}

const fieldWords: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  version: 'Version in use',
  latestVersion: 'Latest known version',
  eolDate: 'End of life',
  ownerId: 'Owner',
  ownerName: 'Owner',
  licence: 'Licence',
  costPerMonthCents: 'Cost per month',
  fitNotes: 'Fit notes',
  stakeholderNote: 'Note for stakeholders',
  ringReason: 'Reason',
  content: 'File',
  lockContent: 'Lockfile',
  fileName: 'File name',
  licences: 'Licences',
};

/** Whether a tRPC error is a stale write (someone else saved first). */
export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { data?: { code?: string } }).data?.code === 'CONFLICT';
}
