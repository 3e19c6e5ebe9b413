// What a meeting's minutes become: the Markdown export (title, date, attendees, agenda, notes,
// decisions, actions) and the first draft of a status update "from these minutes" (the agenda items
// discussed, the decisions and the actions). Pure: the board is read and the notes converted by the
// caller (server/collab/boards/notesMarkdown.ts).
import { format } from 'date-fns';
import type { MeetingBoard } from '../collab/boards/meetingDocument';
import { seriesLabels, type ItemLink, type MeetingSeries } from './meeting';
import type { UpdateContent } from './status';

/** Escapes what Markdown would read as markup inside a line (the same rule as the notes use). */
export function minutesText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export interface MinutesMeeting {
  title: string;
  series: string;
  startsAt: Date;
  durationMinutes: number;
  attendees: { name: string }[];
  state: string;
  endedAt: Date | null;
}

export interface MinutesContext {
  /** Members' names by user id (owners, presenters); a missing one reads "a former member". */
  names: ReadonlyMap<string, string>;
  /** Titles of linked items by `kind:id`; a missing one reads "deleted". */
  linkTitles: ReadonlyMap<string, string>;
}

export const linkKey = (link: ItemLink) => `${link.kind}:${link.id}`;
const linkKindLabels: Record<ItemLink['kind'], string> = { raid: 'RAID item', milestone: 'Milestone', workstream: 'Workstream', goal: 'Goal' };

function describeLink(link: ItemLink, context: MinutesContext): string {
  const title = context.linkTitles.get(linkKey(link));
  return title === undefined ? `${linkKindLabels[link.kind]} (deleted)` : `${linkKindLabels[link.kind]} “${minutesText(title)}”`;
}

const nameOf = (id: string | null, context: MinutesContext) => (id ? minutesText(context.names.get(id) ?? 'a former member') : null);
const day = (iso: string) => format(new Date(`${iso}T00:00:00`), 'd MMM yyyy');

/** Times are written in UTC: the export is read in any time zone. */
function when(meeting: MinutesMeeting): string {
  const utc = (d: Date) => d.toISOString();
  const start = utc(meeting.startsAt);
  const end = utc(new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000));
  return `${format(new Date(start.slice(0, 10) + 'T00:00:00'), 'EEEE d MMMM yyyy')}, ${start.slice(11, 16)}–${end.slice(11, 16)} UTC`;
}

function agendaLines(board: MeetingBoard, context: MinutesContext): string[] {
  return board.agenda.map((item, index) => {
    const details = [nameOf(item.fields.presenterId, context), item.fields.timeBoxMinutes ? `${item.fields.timeBoxMinutes} min` : null, item.fields.link ? describeLink(item.fields.link, context) : null].filter(Boolean);
    const carried = item.fields.carriedActionIds.length ? ` (${item.fields.carriedActionIds.length} open action${item.fields.carriedActionIds.length === 1 ? '' : 's'} carried over)` : '';
    return `${index + 1}. ${minutesText(item.fields.title)}${details.length ? ` — ${details.join(', ')}` : ''}${carried}`;
  });
}

function decisionLines(board: MeetingBoard, context: MinutesContext): string[] {
  return board.decisions.map((d) => {
    const by = d.fields.decidedBy.trim() ? `decided by ${minutesText(d.fields.decidedBy)}` : null;
    const on = d.fields.decidedOn ? `on ${day(d.fields.decidedOn)}` : null;
    const links = d.fields.links.length ? `(${d.fields.links.map((l) => describeLink(l, context)).join('; ')})` : null;
    const details = [by, on].filter(Boolean).join(' ');
    return `- ${minutesText(d.fields.text)}${details ? ` — ${details}` : ''}${links ? ` ${links}` : ''}`;
  });
}

function actionLines(board: MeetingBoard, context: MinutesContext, checkboxes: boolean): string[] {
  return board.actions.map((a) => {
    const done = a.fields.status === 'done';
    const details = [`owner: ${nameOf(a.fields.ownerId, context) ?? 'nobody yet'}`, `due: ${a.fields.due ? day(a.fields.due) : 'no date'}`, done ? 'done' : null].filter(Boolean);
    const link = a.fields.link ? `, ${describeLink(a.fields.link, context)}` : '';
    return `- ${checkboxes ? `[${done ? 'x' : ' '}] ` : ''}${minutesText(a.fields.title)} (${details.join(', ')}${link})`;
  });
}

const section = (title: string, lines: string[], empty: string) => [`## ${title}`, '', ...(lines.length ? lines : [`_${empty}_`])].join('\n');

/** The minutes of a meeting as a Markdown document. */
export function meetingMinutesMarkdown(meeting: MinutesMeeting, board: MeetingBoard, notesMarkdown: string, context: MinutesContext): string {
  const series = seriesLabels[meeting.series as MeetingSeries] ?? meeting.series;
  const state =
    meeting.state === 'ended' && meeting.endedAt ? `Ended ${meeting.endedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: these minutes are final.` : 'In progress: these minutes may still change.';
  const attendees = meeting.attendees.length ? meeting.attendees.map((a) => minutesText(a.name)).join(', ') : 'none recorded';
  return [
    `# ${minutesText(meeting.title)}`,
    '',
    `- **Date:** ${when(meeting)}`,
    `- **Series:** ${series}`,
    `- **Attendees:** ${attendees}`,
    `- **Status:** ${state}`,
    '',
    section('Agenda', agendaLines(board, context), 'No agenda items.'),
    '',
    ['## Notes', '', notesMarkdown.trim() || '_No notes._'].join('\n'),
    '',
    section('Decisions', decisionLines(board, context), 'No decisions recorded.'),
    '',
    section('Actions', actionLines(board, context, true), 'No actions recorded.'),
    '',
  ].join('\n');
}

/** A download name for the minutes: `2026-12-02-weekly-sync-minutes.md`. */
export function minutesFileName(meeting: Pick<MinutesMeeting, 'title' | 'startsAt'>): string {
  const slug = meeting.title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${meeting.startsAt.toISOString().slice(0, 10)}-${slug || 'meeting'}-minutes.md`;
}

/**
 * The first draft of a status update from the minutes: the agenda items discussed in the summary,
 * the decisions as highlights, the open actions as next steps (done ones with the highlights).
 * `health` is the project's current one: the minutes do not say it changed.
 */
export function statusDraftFromMinutes(meeting: MinutesMeeting, board: MeetingBoard, context: MinutesContext, health: Pick<UpdateContent, 'health' | 'healthReason'>): UpdateContent {
  const date = meeting.startsAt.toISOString().slice(0, 10);
  const discussed = board.agenda.map((item) => `- ${minutesText(item.fields.title)}${item.fields.link ? ` (${describeLink(item.fields.link, context)})` : ''}`);
  const summary = [`From the minutes of **${minutesText(meeting.title)}** (${day(date)}).`, ...(discussed.length ? ['', 'Discussed:', ...discussed] : [])].join('\n');
  const decisions = decisionLines(board, context);
  const open = { ...board, actions: board.actions.filter((a) => a.fields.status !== 'done') };
  const done = { ...board, actions: board.actions.filter((a) => a.fields.status === 'done') };
  const highlights = [decisions.length ? ['Decisions:', ...decisions].join('\n') : '', done.actions.length ? ['Actions done:', ...actionLines(done, context, false)].join('\n') : ''].filter(Boolean).join('\n\n');
  const nextSteps = open.actions.length ? ['Actions:', ...actionLines(open, context, false)].join('\n') : '';
  return { health: health.health, healthReason: health.healthReason.slice(0, 200), summary: summary.slice(0, 20_000), highlights: highlights.slice(0, 20_000), lowlights: '', asks: '', nextSteps: nextSteps.slice(0, 20_000) };
}
