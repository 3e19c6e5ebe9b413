// Stakeholder communication rules: project health, update fields, the cadence (when the next update
// is due and whether it is overdue), the 90-day health strip and the draft written from the risk
// history since the last update. Pure functions; the router, pages and public site share them.
import { describeScheduleSlip, type ScheduleReference } from './milestoneSchedule';
import { slippageDays } from './plan';
import { unmetStandardsLines, type DraftMilestoneStandards } from './standards';
import { addDays, differenceInCalendarDays, formatISO, getISODay, startOfDay } from 'date-fns';
import { z } from 'zod';
import { activeStatuses, bandLabels, severityBand, type RaidStatus, type SeverityBand } from './risk';

export const healths = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof healths)[number];

export const healthLabels: Record<Health, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
/** Colours shared by the app, the public page and the badge (green, amber, red). */
/** Fills behind white text (the status page's pill, the badge): each at least 4.5:1 against white (docs/accessibility.md). */
export const healthColours: Record<Health, string> = { on_track: '#15803d', at_risk: '#b45309', off_track: '#dc2626' };

const markdown = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** What an author writes; every text field is Markdown except the one-line reason. */
export const updateContentSchema = z.object({
  health: z.enum(healths, { error: 'health must be on_track, at_risk or off_track' }),
  healthReason: z.string().trim().max(200, 'must be at most 200 characters').refine((s) => !/[\r\n]/.test(s), 'must be one line'),
  summary: markdown(20_000),
  highlights: markdown(20_000),
  lowlights: markdown(20_000),
  asks: markdown(20_000),
  nextSteps: markdown(20_000),
});
export type UpdateContent = z.infer<typeof updateContentSchema>;

export const updateAudiences = ['internal', 'public'] as const;
export type UpdateAudience = (typeof updateAudiences)[number];
export const updateAudienceSchema = z.enum(updateAudiences, { error: 'audience must be internal or public' });
export const audienceLabels: Record<UpdateAudience, string> = { internal: 'Members only', public: 'Public status page' };
export const updateTextFields = ['summary', 'highlights', 'lowlights', 'asks', 'nextSteps'] as const;
export const updateFieldLabels: Record<(typeof updateTextFields)[number], string> = {
  summary: 'Summary',
  highlights: 'Highlights',
  lowlights: 'Lowlights',
  asks: 'Asks (help needed, from whom)',
  nextSteps: 'Next steps',
};

// ---- Cadence ----

export interface Cadence {
  /** Days between updates (7 = weekly). */
  everyDays: number;
  /** ISO weekday the update is due on (1 Monday … 7 Sunday), or null for "every N days". */
  weekday: number | null;
}

export const cadenceSchema = z.object({
  everyDays: z.number().int().min(1, 'must be at least 1 day').max(90, 'must be at most 90 days'),
  weekday: z.number().int().min(1).max(7).nullable(),
});

export const weekdayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function describeCadence(cadence: Cadence | null): string {
  if (!cadence) return 'No cadence set';
  const every = cadence.everyDays === 7 ? 'Weekly' : cadence.everyDays === 14 ? 'Every two weeks' : `Every ${cadence.everyDays} days`;
  return cadence.weekday ? `${every} on ${weekdayNames[cadence.weekday]}s` : every;
}

/**
 * The day the next update is due: the cadence after the last published update, moved forward to the
 * cadence's weekday; with no update yet, the first such day from when the cadence was set.
 */
export function nextUpdateDue(cadence: Cadence, lastPublishedAt: Date | null, cadenceSetAt: Date): Date {
  let due = startOfDay(lastPublishedAt ? addDays(lastPublishedAt, cadence.everyDays) : cadenceSetAt);
  if (cadence.weekday) {
    // Never more than a cadence away: the weekday on or before the plain due date when it would be further.
    const shift = (cadence.weekday - getISODay(due) + 7) % 7;
    due = addDays(due, shift);
  }
  return due;
}

/** Overdue once the whole due day has passed without a published update. */
export function communicationStatus(cadence: Cadence | null, lastPublishedAt: Date | null, cadenceSetAt: Date, now: Date) {
  if (!cadence) return { dueOn: null, overdue: false, daysOverdue: 0 };
  const dueOn = nextUpdateDue(cadence, lastPublishedAt, cadenceSetAt);
  const daysOverdue = differenceInCalendarDays(now, dueOn);
  return { dueOn: formatISO(dueOn, { representation: 'date' }), overdue: daysOverdue > 0, daysOverdue: Math.max(0, daysOverdue) };
}

// ---- Health strip ----

export interface StripCell {
  /** YYYY-MM-DD (UTC). */
  day: string;
  health: Health | null;
}

/** One cell per UTC day, oldest first, ending today: the health of the latest update published by that day's end. */
export function healthStrip(published: { publishedAt: Date; health: Health }[], today: Date, days = 90): StripCell[] {
  const sorted = [...published].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const cells: StripCell[] = [];
  let i = 0;
  let current: Health | null = null;
  const firstDay = todayUtc - (days - 1) * 86_400_000;
  for (let d = 0; d < days; d++) {
    const dayStart = firstDay + d * 86_400_000;
    const dayEnd = dayStart + 86_400_000;
    while (i < sorted.length && sorted[i]!.publishedAt.getTime() < dayEnd) current = sorted[i++]!.health;
    cells.push({ day: new Date(dayStart).toISOString().slice(0, 10), health: current });
  }
  return cells;
}

// ---- The draft ----

export interface DraftRiskItem {
  id: string;
  title: string;
  kind: string;
  status: RaidStatus;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  band: SeverityBand | null;
}

export interface DraftRiskChange {
  itemId: string;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
}

const closingStatuses = new Set(['resolved', 'accepted', 'closed']);
const bandRank: Record<SeverityBand, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/**
 * Risks added, escalated (band went up) and closed since `since`, from the change history; `items`
 * are the items as they are now. An item added and closed in the same period counts as closed only.
 */
export function riskChangesSince(items: DraftRiskItem[], changes: DraftRiskChange[], since: Date | null) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const recent = changes.filter((c) => !since || c.changedAt > since).sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const added = new Set<string>();
  const closed = new Set<string>();
  const earliest = new Map<string, { likelihood?: string | null; impact?: string | null }>();
  for (const c of recent) {
    if (c.field === 'created') added.add(c.itemId);
    if (c.field === 'status' && c.toValue && closingStatuses.has(c.toValue) && !closingStatuses.has(c.fromValue ?? '')) closed.add(c.itemId);
    if (c.field === 'status' && c.toValue && !closingStatuses.has(c.toValue)) closed.delete(c.itemId);
    if (c.field === 'likelihood' || c.field === 'impact') {
      const first = earliest.get(c.itemId) ?? {};
      if (!(c.field in first)) first[c.field] = c.fromValue;
      earliest.set(c.itemId, first);
    }
  }
  const escalated: { item: DraftRiskItem; fromBand: SeverityBand | null }[] = [];
  for (const [itemId, before] of earliest) {
    const item = byId.get(itemId);
    if (!item || added.has(itemId) || closed.has(itemId) || !item.band) continue;
    const l = 'likelihood' in before ? (before.likelihood == null ? null : Number(before.likelihood)) : item.likelihood;
    const i = 'impact' in before ? (before.impact == null ? null : Number(before.impact)) : item.impact;
    const fromBand = severityBand(l == null || i == null ? null : l * i);
    if (!fromBand || bandRank[item.band] > bandRank[fromBand]) escalated.push({ item, fromBand });
  }
  const pick = (ids: Set<string>) => [...ids].map((id) => byId.get(id)).filter((i): i is DraftRiskItem => Boolean(i));
  return { added: pick(added).filter((i) => !closed.has(i.id)), escalated, closed: pick(closed) };
}

/** Highest score first among active items; unrated items are left out. */
export function topOpenRisks(items: DraftRiskItem[], limit = 5): DraftRiskItem[] {
  return items
    .filter((i) => activeStatuses.includes(i.status) && i.score != null)
    .sort((a, b) => b.score! - a.score! || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/**
 * Escapes a title quoted inside a Markdown line (after "- **"), so it can never turn into markup.
 * Only characters that are special mid-line are escaped, so the author still reads "cut-over".
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

const riskLine = (i: DraftRiskItem) => `- **${markdownText(i.title)}** (${i.band ? bandLabels[i.band] : 'Unrated'}${i.score ? `, score ${i.score}` : ''})`;

export interface DraftMilestone {
  id: string;
  title: string;
  status: string;
  /** When the plan item last changed (its status included). */
  updatedAt: Date;
  /** Its date now (YYYY-MM-DD). */
  end: string;
}

export interface DraftMilestoneDateChange {
  itemId: string;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
}

/** Milestones completed since the last update, and those whose date moved later (net), with how far. */
export function milestoneChangesSince(milestones: DraftMilestone[], dateChanges: DraftMilestoneDateChange[], since: Date | null) {
  const after = (d: Date) => !since || d > since;
  const completed = milestones.filter((m) => m.status === 'done' && after(m.updatedAt));
  const moves = new Map<string, { from: string; to: string }>();
  for (const c of dateChanges) {
    if (c.field !== 'end' || !c.fromValue || !c.toValue || !after(c.changedAt)) continue;
    const move = moves.get(c.itemId);
    moves.set(c.itemId, { from: move?.from ?? c.fromValue, to: c.toValue });
  }
  const slipped = milestones
    .filter((m) => m.status !== 'done')
    .flatMap((m) => {
      const move = moves.get(m.id);
      const days = move ? slippageDays(move.from, move.to) : 0;
      return move && days > 0 ? [{ milestone: m, from: move.from, to: move.to, days }] : [];
    });
  return { completed, slipped };
}

export interface DraftMilestoneForecast {
  title: string;
  dueDate: string;
  p50: string;
  p85: string;
  p95: string;
  likelyLate: boolean;
}

const forecastLine = (f: DraftMilestoneForecast) =>
  `- **${markdownText(f.title)}** (due ${f.dueDate}): ${f.p50} to ${f.p95}${f.likelyLate ? `; likely late (P85 ${f.p85})` : `; on time at P85 (${f.p85})`}`;

/** A first draft of the next update from the project's own data; the author edits it before publishing. */
export function draftFromProjectData(
  items: DraftRiskItem[],
  changes: DraftRiskChange[],
  lastPublishedAt: Date | null,
  plan: {
    milestones: DraftMilestone[];
    dateChanges: DraftMilestoneDateChange[];
    references?: ReadonlyMap<string, ScheduleReference>;
    /** Milestones with their standards' checks and today (YYYY-MM-DD): members' drafts only, checks are never public. */
    standards?: { milestones: readonly DraftMilestoneStandards[]; today: string };
    /** Open milestones' delivery forecasts (forecast.milestones), quoted in the summary. */
    forecasts?: readonly DraftMilestoneForecast[];
  } = { milestones: [], dateChanges: [] },
): UpdateContent {
  const milestones = milestoneChangesSince(plan.milestones, plan.dateChanges, lastPublishedAt);
  const unmetStandards = plan.standards ? unmetStandardsLines(plan.standards.milestones, plan.standards.today, markdownText) : [];
  const { added, escalated, closed } = riskChangesSince(items, changes, lastPublishedAt);
  const top = topOpenRisks(items);
  const openCritical = items.filter((i) => activeStatuses.includes(i.status) && i.band === 'critical').length;
  const openHigh = items.filter((i) => activeStatuses.includes(i.status) && i.band === 'high').length;
  const health: Health = openCritical > 0 ? 'off_track' : openHigh > 0 ? 'at_risk' : 'on_track';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const healthReason =
    openCritical > 0
      ? `${plural(openCritical, 'critical risk')} open`
      : openHigh > 0
        ? `${plural(openHigh, 'high risk')} open`
        : 'No critical or high risks open';
  const period = lastPublishedAt ? `Since the last update (${formatISO(lastPublishedAt, { representation: 'date' })})` : 'So far';
  const milestoneNews = plan.milestones.length
    ? ` ${plural(milestones.completed.length, 'milestone')} completed, ${milestones.slipped.length} slipped.`
    : '';
  const summary = [
    `${period}: ${plural(added.length, 'risk')} added, ${escalated.length} escalated, ${closed.length} closed.${milestoneNews}`,
    '',
    top.length ? '**Top open risks by score**' : '',
    ...top.map(riskLine),
    '',
    plan.forecasts?.length ? '**Delivery forecast** (P50 to P95, from the team\'s recent pace)' : '',
    ...(plan.forecasts ?? []).map(forecastLine),
  ]
    .filter((line, index, all) => line !== '' || (index > 0 && all[index - 1] !== ''))
    .join('\n')
    .trim();
  const sections = (...groups: string[][]) => groups.filter((g) => g.length).map((g) => g.join('\n')).join('\n\n');
  const highlights = sections(
    milestones.completed.length ? ['Milestones completed:', ...milestones.completed.map((m) => `- **${markdownText(m.title)}**`)] : [],
    closed.length ? ['Closed:', ...closed.map(riskLine)] : [],
  );
  const lowlights = sections(
    milestones.slipped.length
      ? [
          'Milestones slipped:',
          // The move in this period, then where that leaves the milestone against the same reference
          // the public milestones table uses (milestoneSchedule.ts), so the two never disagree.
          ...milestones.slipped.map(
            (s) =>
              `- **${markdownText(s.milestone.title)}**: ${plural(s.days, 'day')} later ${lastPublishedAt ? 'since the last update' : 'so far'} (${s.from} → ${s.to}); ${describeScheduleSlip(s.milestone.end, plan.references?.get(s.milestone.id))}`,
          ),
        ]
      : [],
    unmetStandards.length ? ['Milestones due soon with standards not met:', ...unmetStandards] : [],
    added.length ? ['New risks:', ...added.map(riskLine)] : [],
    escalated.length ? ['Escalated:', ...escalated.map(({ item, fromBand }) => `${riskLine(item)}, was ${fromBand ? bandLabels[fromBand] : 'unrated'}`)] : [],
  );
  return { health, healthReason, summary, highlights, lowlights, asks: '', nextSteps: '' };
}

// ---- What a public update may name ----

/** A risk or plan item that is not shown publicly, by title. */
export interface PrivateItem {
  kind: 'risk' | 'plan item';
  title: string;
}

/** Text as a reader sees it: Markdown escapes dropped, whitespace collapsed, lower case. */
function readable(text: string): string {
  // Stryker disable next-line MethodExpression: titles and text are folded alike, so upper case would match the same mentions (and more, such as ß and SS).
  return text.replace(/\\([\\`*_[\]<>|~])/g, '$1').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The private items an update's text names (its title as a whole word or phrase, in any field), so
 * publishing it publicly can ask first. A title shorter than three characters is too likely to
 * match ordinary words and is not looked for.
 */
export function privateMentions(content: UpdateContent, privateItems: readonly PrivateItem[]): PrivateItem[] {
  const text = readable([content.healthReason, ...updateTextFields.map((f) => content[f])].join('\n'));
  const seen = new Set<string>();
  return privateItems.filter((item) => {
    const title = readable(item.title).trim();
    const key = `${item.kind}:${title}`;
    if (title.length < 3 || seen.has(key)) return false;
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
    // Stryker disable next-line ConditionalExpression: remembering a title not found changes nothing: the text is the same for every item, so it is never found later either.
    if (found) seen.add(key);
    return found;
  });
}

/** "risk “Vendor exit”, plan item “Data migration”": for messages. */
export function describePrivateItems(items: readonly PrivateItem[]): string {
  return items.map((i) => `${i.kind} “${i.title}”`).join(', ');
}

/** Just the written content of an update row. */
export function updateContentOf(row: UpdateContent): UpdateContent {
  const { health, healthReason, summary, highlights, lowlights, asks, nextSteps } = row;
  return { health, healthReason, summary, highlights, lowlights, asks, nextSteps };
}
