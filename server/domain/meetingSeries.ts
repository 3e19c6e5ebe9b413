// The next meeting of a series: what its create form is pre-filled with (title, start by the
// series' cadence, duration, attendees, all from the previous meeting) and which of the previous
// meeting's actions are carried into its agenda. Pure functions, no I/O.
import type { MeetingAttendee } from '@/db/schema';
import { actionStatuses, nextInSeries, seriesDefaults, seriesLabels, type ActionStatus, type MeetingSeries } from './meeting';

/** The agenda item that carries the previous meeting's open actions. */
export const openActionsItemTitle = 'Open actions';
/** As many ids as an agenda item holds (agendaFieldsSchema.carriedActionIds). */
export const maxCarriedActions = 200;

/**
 * The agenda items a new meeting starts with, from the previous meeting of its series' actions:
 * one "Open actions" item naming every action still open (oldest first, as the board lists them),
 * or nothing when none is open.
 */
export function carryOverOpenActions(previousActions: readonly { id: string; status: ActionStatus }[]): { title: string; carriedActionIds: string[] }[] {
  const open = previousActions.filter((action) => action.status === actionStatuses[0]).map((action) => action.id);
  if (!open.length) return [];
  return [{ title: openActionsItemTitle, carriedActionIds: [...new Set(open)].slice(0, maxCarriedActions) }];
}

export interface PreviousMeeting {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  attendees: MeetingAttendee[];
}

export interface NextMeetingDefaults {
  title: string;
  /** By the series' cadence from the previous meeting, the first such date not before `now`; null without one (ad hoc, or a first meeting). */
  startsAt: Date | null;
  durationMinutes: number;
  attendees: MeetingAttendee[];
}

/** What the next meeting of `series` is pre-filled with, given the series' last meeting (if any). */
export function nextMeetingDefaults(series: MeetingSeries, previous: PreviousMeeting | null, now: Date): NextMeetingDefaults {
  if (!previous) return { title: seriesLabels[series], startsAt: null, durationMinutes: seriesDefaults[series].durationMinutes, attendees: [] };
  let startsAt = nextInSeries(series, previous.startsAt);
  // A series that skipped some meetings goes on from today, on its usual weekday and time. Dates are
  // bounded to 1900-2999 (domain/dates.ts), so this is at most some 57,000 weekly steps.
  while (startsAt && startsAt < now) startsAt = nextInSeries(series, startsAt);
  return { title: previous.title, startsAt, durationMinutes: previous.durationMinutes, attendees: previous.attendees };
}
