// "Since last meeting", at the top of a meeting board: what changed in the project since the
// previous meeting, each entry linking to its item. Server-renderable (no client state): the meeting
// page passes the result of meetingSince.get (server/data/meetingSince.ts).
import { format } from 'date-fns';
import Link from 'next/link';
import { BandChip, Badge } from '@/components/ui/badge';
import { sinceLinks, type SinceAction, type SinceRisk } from '@/server/domain/meetingSince';
import type { MeetingSinceView } from '@/server/data/meetingSince';
import { healthLabels, type Health } from '@/server/domain/status';

const kindLabels: Record<string, string> = { risk: 'Risk', issue: 'Issue', assumption: 'Assumption', dependency: 'Dependency' };
const day = (iso: string) => format(new Date(`${iso}T00:00:00`), 'd MMM');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Group({ title, count, level, children }: { title: string; count: number; level: 3 | 4; children: React.ReactNode }) {
  if (count === 0) return null;
  const Heading = `h${level}` as 'h3' | 'h4';
  return (
    <li className="min-w-0">
      <Heading className="text-xs font-semibold tracking-wide text-muted uppercase">
        {title} <span className="font-normal">({count})</span>
      </Heading>
      <ul className="mt-1 flex flex-col gap-1 text-sm">{children}</ul>
    </li>
  );
}

function ItemLink({ href, deleted, children }: { href: string; deleted?: boolean; children: React.ReactNode }) {
  if (deleted) {
    return (
      <span className="text-muted">
        {children} <Badge>deleted</Badge>
      </span>
    );
  }
  return (
    <Link href={href} className="break-words text-accent underline-offset-2 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}

function RiskLine({ projectId, risk, note }: { projectId: string; risk: SinceRisk; note?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <BandChip band={risk.band} />
      <ItemLink href={sinceLinks.risk(projectId, risk.id)} deleted={risk.deleted}>
        {kindLabels[risk.kind] && risk.kind !== 'risk' ? `${kindLabels[risk.kind]}: ` : ''}
        {risk.title}
      </ItemLink>
      {note ? <span className="text-xs text-muted">{note}</span> : null}
    </li>
  );
}

function ActionLine({ projectId, action, ownerNames, overdue = false }: { projectId: string; action: SinceAction; ownerNames: Record<string, string>; overdue?: boolean }) {
  const owner = action.ownerId ? (ownerNames[action.ownerId] ?? 'a former member') : 'nobody';
  return (
    <li className="flex flex-wrap items-center gap-x-2">
      <ItemLink href={sinceLinks.actions(projectId)}>{action.title}</ItemLink>
      <span className={overdue ? 'text-xs font-medium text-danger' : 'text-xs text-muted'}>
        {owner}
        {action.due ? ` · due ${day(action.due)}` : ''}
      </span>
    </li>
  );
}

/** The section; `since` is what meetingSince.get returns for the meeting. */
export function SinceLastMeeting({ since, headingLevel = 2 }: { since: MeetingSinceView; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const level = (headingLevel + 1) as 3 | 4;
  const { projectId, risks, milestones, actions, updates } = since;
  const from = format(new Date(since.from), 'd MMM yyyy');
  const basis =
    since.previous && since.basis !== 'week'
      ? `since ${since.previous.title} on ${format(new Date(since.previous.startsAt), 'd MMM')}`
      : `in the 7 days to ${format(new Date(since.until), 'd MMM')}`;
  return (
    <section aria-labelledby={`since-${since.meetingId}`} className="rounded-lg border border-line bg-surface p-4" data-testid="since-last-meeting">
      <Heading id={`since-${since.meetingId}`} className="text-sm font-semibold">
        Since last meeting
      </Heading>
      <p className="mt-0.5 text-xs text-muted">
        What changed {basis} <span className="sr-only">(from {from})</span>, from the risk board, the plan, the actions and the updates.
      </p>
      {since.count === 0 ? (
        <p className="mt-3 text-sm text-muted">Nothing changed.</p>
      ) : (
        <ul className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Group level={level} title="Risks added" count={risks.added.length}>
            {risks.added.map((r) => (
              <RiskLine key={r.id} projectId={projectId} risk={r} />
            ))}
          </Group>
          <Group level={level} title="Risks escalated" count={risks.escalated.length}>
            {risks.escalated.map((r) => (
              <RiskLine key={r.id} projectId={projectId} risk={r} note={`was ${r.fromBand ?? 'unrated'}`} />
            ))}
          </Group>
          <Group level={level} title="Risks closed" count={risks.closed.length}>
            {risks.closed.map((r) => (
              <RiskLine key={r.id} projectId={projectId} risk={r} note={r.status} />
            ))}
          </Group>
          <Group level={level} title="Risks removed" count={risks.removed.length}>
            {risks.removed.map((r) => (
              <RiskLine key={r.id} projectId={projectId} risk={r} />
            ))}
          </Group>
          <Group level={level} title="Milestones slipped" count={milestones.slipped.length}>
            {milestones.slipped.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-2">
                <ItemLink href={sinceLinks.milestone(projectId, m.id)}>{m.title}</ItemLink>
                <span className="text-xs text-muted">
                  {day(m.from)} → {day(m.to)} ({plural(m.days, 'day')} later)
                </span>
              </li>
            ))}
          </Group>
          <Group level={level} title="Milestones moved earlier" count={milestones.moved.length}>
            {milestones.moved.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-2">
                <ItemLink href={sinceLinks.milestone(projectId, m.id)}>{m.title}</ItemLink>
                <span className="text-xs text-muted">
                  {day(m.from)} → {day(m.to)} ({plural(-m.days, 'day')} earlier)
                </span>
              </li>
            ))}
          </Group>
          <Group level={level} title="Milestones done" count={milestones.done.length}>
            {milestones.done.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-2">
                <ItemLink href={sinceLinks.milestone(projectId, m.id)}>{m.title}</ItemLink>
                <span className="text-xs text-muted">{day(m.end)}</span>
              </li>
            ))}
          </Group>
          <Group level={level} title="Actions done" count={actions.done.length}>
            {actions.done.map((a) => (
              <ActionLine key={`${a.meetingId}:${a.id}`} projectId={projectId} action={a} ownerNames={since.ownerNames} />
            ))}
          </Group>
          <Group level={level} title="Actions overdue" count={actions.overdue.length}>
            {actions.overdue.map((a) => (
              <ActionLine key={`${a.meetingId}:${a.id}`} projectId={projectId} action={a} ownerNames={since.ownerNames} overdue />
            ))}
          </Group>
          <Group level={level} title="Status updates published" count={updates.length}>
            {updates.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-x-2">
                <ItemLink href={sinceLinks.update(projectId, u.id)}>Update of {format(new Date(u.publishedAt), 'd MMM')}</ItemLink>
                <span className="text-xs text-muted">{healthLabels[u.health as Health] ?? u.health}</span>
              </li>
            ))}
          </Group>
        </ul>
      )}
    </section>
  );
}
