// Meeting rules: the series a meeting belongs to and their cadence, a meeting's states, and the
// fields of its agenda items, decisions and actions as its live document holds them
// (`meeting:<meetingId>`, docs/live-documents.md), with how a raw document value becomes a
// well-formed one. Pure functions, no Yjs and no I/O: shared by the server and the browser.
import { addDays, addMonths } from 'date-fns';
import { z } from 'zod';
import { planDateSchema } from './dates';
import { plainValue } from './risk';

export const meetingSeries = ['weekly-sync', 'risk-review', 'steering-committee', 'ad-hoc'] as const;
export type MeetingSeries = (typeof meetingSeries)[number];

export const seriesLabels: Record<MeetingSeries, string> = {
  'weekly-sync': 'Weekly sync',
  'risk-review': 'Risk review',
  'steering-committee': 'Steering committee',
  'ad-hoc': 'Ad hoc',
};

/** How often a series meets; ad hoc meetings have no cadence. */
export const seriesCadence: Record<MeetingSeries, { days: number } | { months: number } | null> = {
  'weekly-sync': { days: 7 },
  'risk-review': { days: 14 },
  'steering-committee': { months: 1 },
  'ad-hoc': null,
};

export const seriesDefaults: Record<MeetingSeries, { durationMinutes: number }> = {
  'weekly-sync': { durationMinutes: 30 },
  'risk-review': { durationMinutes: 45 },
  'steering-committee': { durationMinutes: 60 },
  'ad-hoc': { durationMinutes: 30 },
};

/** When the meeting after one starting at `startsAt` starts; null for ad hoc meetings. */
export function nextInSeries(series: MeetingSeries, startsAt: Date): Date | null {
  const cadence = seriesCadence[series];
  if (!cadence) return null;
  return 'days' in cadence ? addDays(startsAt, cadence.days) : addMonths(startsAt, cadence.months);
}

/** `open`: anyone who may edit the project writes on the board; `ended`: minutes frozen, read-only until an owner reopens it. */
export const meetingStates = ['open', 'ended'] as const;
export type MeetingState = (typeof meetingStates)[number];

export const meetingTitleMax = 200;
export const agendaTitleMax = 200;
export const decisionTextMax = 2_000;
export const actionTitleMax = 200;
export const durationMinutesMax = 8 * 60;
export const timeBoxMinutesMax = 240;

/** What an agenda item, decision or action may point at: a RAID item, or a milestone, workstream or goal of the plan. */
export const linkKinds = ['raid', 'milestone', 'workstream', 'goal'] as const;
export type LinkKind = (typeof linkKinds)[number];
export const itemLinkSchema = z.object({ kind: z.enum(linkKinds), id: z.string().min(1).max(64) });
export type ItemLink = z.infer<typeof itemLinkSchema>;

const userId = z.string().min(1).max(64);
const isoInstant = z.iso.datetime({ offset: true });

/** An agenda item. `position` orders the agenda (fractional: a move sets one number, so concurrent moves of different items both land). */
export const agendaFieldsSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(agendaTitleMax, `must be at most ${agendaTitleMax} characters`),
  presenterId: userId.nullable(),
  timeBoxMinutes: z.number().int().min(1, 'must be 1 to 240 minutes').max(timeBoxMinutesMax, 'must be 1 to 240 minutes').nullable(),
  link: itemLinkSchema.nullable(),
  position: z.number().finite(),
  /** Ids of actions carried from the previous meeting of the series (the "Open actions" item). */
  carriedActionIds: z.array(z.string().min(1).max(64)).max(200),
});
export type AgendaFields = z.infer<typeof agendaFieldsSchema>;

export const decisionFieldsSchema = z.object({
  text: z.string().trim().min(1, 'is required').max(decisionTextMax, `must be at most ${decisionTextMax} characters`),
  /** Who decided, as typed ("Steering committee", "Priya"): a decision is often a group's. */
  decidedBy: z.string().trim().max(200),
  decidedOn: planDateSchema.nullable(),
  links: z.array(itemLinkSchema).max(20),
});
export type DecisionFields = z.infer<typeof decisionFieldsSchema>;

export const actionStatuses = ['open', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionFieldsSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(actionTitleMax, `must be at most ${actionTitleMax} characters`),
  /** A member's user id. */
  ownerId: userId.nullable(),
  due: planDateSchema.nullable(),
  link: itemLinkSchema.nullable(),
  status: z.enum(actionStatuses),
  doneAt: isoInstant.nullable(),
  doneBy: userId.nullable(),
});
export type ActionFields = z.infer<typeof actionFieldsSchema>;

/** The board-wide state: whether it is running, and which agenda item is current since when. */
export const meetingMetaSchema = z.object({
  state: z.enum(meetingStates),
  currentItemId: z.string().min(1).max(64).nullable(),
  currentStartedAt: isoInstant.nullable(),
  facilitatorId: userId.nullable(),
  endedAt: isoInstant.nullable(),
});
export type MeetingMeta = z.infer<typeof meetingMetaSchema>;

export const agendaTextFieldNames = ['title'] as const satisfies readonly (keyof AgendaFields)[];
export const decisionTextFieldNames = ['text', 'decidedBy'] as const satisfies readonly (keyof DecisionFields)[];
export const actionTextFieldNames = ['title'] as const satisfies readonly (keyof ActionFields)[];

export const emptyAgendaFields: AgendaFields = { title: '', presenterId: null, timeBoxMinutes: null, link: null, position: 0, carriedActionIds: [] };
export const emptyDecisionFields: DecisionFields = { text: '', decidedBy: '', decidedOn: null, links: [] };
export const emptyActionFields: ActionFields = { title: '', ownerId: null, due: null, link: null, status: 'open', doneAt: null, doneBy: null };
export const emptyMeetingMeta: MeetingMeta = { state: 'open', currentItemId: null, currentStartedAt: null, facilitatorId: null, endedAt: null };

/**
 * Turns whatever a client wrote into well-formed fields: a value of the wrong type or out of range
 * falls back to its empty value, so one bad value never breaks the board. `untitled` replaces an
 * empty required text.
 */
function normalize<S extends z.ZodObject>(schema: S, empty: z.infer<S>, raw: Record<string, unknown>, untitled?: { field: string; text: string }): z.infer<S> {
  const fields = { ...empty } as Record<string, unknown>;
  for (const [name, fieldSchema] of Object.entries(schema.shape)) {
    const value = plainValue(raw[name]);
    if (value === undefined) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse(value);
    if (parsed.success) fields[name] = parsed.data;
    else if (typeof value === 'string' && untitled?.field === name) fields[name] = value.trim().slice(0, agendaTitleMax);
  }
  if (untitled && !fields[untitled.field]) fields[untitled.field] = untitled.text;
  return fields as z.infer<S>;
}

export const normalizeAgendaFields = (raw: Record<string, unknown>) => normalize(agendaFieldsSchema, emptyAgendaFields, raw, { field: 'title', text: 'Untitled item' });
export const normalizeDecisionFields = (raw: Record<string, unknown>) => normalize(decisionFieldsSchema, emptyDecisionFields, raw, { field: 'text', text: 'Untitled decision' });
export const normalizeActionFields = (raw: Record<string, unknown>) => normalize(actionFieldsSchema, emptyActionFields, raw, { field: 'title', text: 'Untitled action' });
export const normalizeMeetingMeta = (raw: Record<string, unknown>) => normalize(meetingMetaSchema, emptyMeetingMeta, raw);

/** An action not done whose due date is before `today` (`yyyy-MM-dd`). */
export function isOverdue(action: Pick<ActionFields, 'status' | 'due'>, today: string): boolean {
  return action.status === 'open' && action.due !== null && action.due < today;
}

/** A position between two neighbours of the agenda (either may be missing: the start or the end). */
export function positionBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return after! - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}
