// Technical standards per milestone: what a checklist and a check's state may hold, a milestone's
// readiness (passed and waived of all its checks, failed counted apart), the workspace's standard
// set, and the draft lines about milestones due soon whose standards are not met. Pure functions;
// the standards router, the plan page and the status draft share them.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';

export const checkStates = ['pending', 'passed', 'failed', 'waived'] as const;
export type CheckState = (typeof checkStates)[number];

export const checkStateLabels: Record<CheckState, string> = { pending: 'Pending', passed: 'Passed', failed: 'Failed', waived: 'Waived' };

/** Most checks a checklist holds, and most checklists a workspace holds. */
export const maxChecksPerChecklist = 50;
export const maxChecklistsPerWorkspace = 100;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line');

export const checklistNameSchema = oneLine(100).pipe(z.string().min(1, 'is required'));
export const checkTitleSchema = oneLine(200).pipe(z.string().min(1, 'is required'));
export const checkDescriptionSchema = z.string().trim().max(2_000, 'must be at most 2000 characters');
export const appliesToSchema = oneLine(200);

/**
 * An evidence link: empty (none), or an absolute http or https URL without spaces or invisible
 * characters (a `javascript:` link, or one that looks like another address, is never stored).
 */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .refine((s) => s === '' || isEvidenceUrl(s), 'must be a link starting with http:// or https:// (with no spaces)');

export function isEvidenceUrl(text: string): boolean {
  // Whitespace and control, format (bidi, zero-width) or unassigned characters: never in a link we show.
  if (/[\s\p{C}]/u.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export const waiveReasonSchema = z.string().trim().max(1_000, 'must be at most 1000 characters');
export const ownerNameSchema = oneLine(100);

/** Why a waived check needs a reason (the router and the form say the same). */
export const waiveNeedsReason = 'A waived check needs a reason: say why this standard does not apply or who accepted the risk.';

export interface Readiness {
  total: number;
  passed: number;
  waived: number;
  failed: number;
  pending: number;
  /** Passed plus waived: the checks that do not stand in the milestone's way. */
  met: number;
}

/** A milestone's readiness from its checks' states: e.g. 4 of 6 met, 1 failed. */
export function readiness(states: readonly CheckState[]): Readiness {
  const count = (state: CheckState) => states.filter((s) => s === state).length;
  const passed = count('passed');
  const waived = count('waived');
  return { total: states.length, passed, waived, failed: count('failed'), pending: count('pending'), met: passed + waived };
}

/** Every check met (and at least one check). */
export function isReady(r: Readiness): boolean {
  return r.total > 0 && r.met === r.total;
}

/** "Standards 4/6", then what stands in the way in words: "1 failed, 1 pending". */
export function describeReadiness(r: Readiness): { short: string; detail: string } {
  const short = `Standards ${r.met}/${r.total}`;
  if (r.total === 0) return { short, detail: 'No standards applied' };
  if (r.met === r.total) return { short, detail: 'All standards met' };
  const parts = [r.failed ? `${r.failed} failed` : '', r.pending ? `${r.pending} pending` : ''].filter(Boolean);
  return { short, detail: parts.join(', ') };
}

/** The standard set a workspace can add in one go ("Add the standard set"); the demo seeds it too. */
export { standardSet } from '@/db/standardSet';

// ---- The status draft ----

/** Milestones this many days ahead (or overdue) are "due soon" for the draft. */
export const draftLookAheadDays = 42;

export interface DraftMilestoneStandards {
  title: string;
  /** Its date (YYYY-MM-DD). */
  end: string;
  status: string;
  checks: { title: string; state: CheckState }[];
}

/**
 * Milestones not done, due within `draftLookAheadDays` of today or overdue, whose standards are not
 * all met, soonest first, as draft lines: "Beta launch (due 2027-03-01): 2 of 6 standards not met
 * (load test passed failed)". Only for members' drafts: checks are never public.
 */
export function unmetStandardsLines(milestones: readonly DraftMilestoneStandards[], today: string, escape: (text: string) => string): string[] {
  return milestones
    .filter((m) => m.status !== 'done' && m.checks.length > 0 && differenceInCalendarDays(parseISO(m.end), parseISO(today)) <= draftLookAheadDays)
    .map((m) => ({ m, r: readiness(m.checks.map((c) => c.state)) }))
    .filter(({ r }) => !isReady(r))
    .sort((a, b) => a.m.end.localeCompare(b.m.end) || a.m.title.localeCompare(b.m.title))
    .map(({ m, r }) => {
      const days = differenceInCalendarDays(parseISO(m.end), parseISO(today));
      const when = days < 0 ? `overdue since ${m.end}` : days === 0 ? 'due today' : `due ${m.end}`;
      const failed = m.checks.filter((c) => c.state === 'failed').map((c) => escape(c.title));
      const notMet = r.total - r.met;
      return `- **${escape(m.title)}** (${when}): ${notMet} of ${r.total} standards not met${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`;
    });
}
