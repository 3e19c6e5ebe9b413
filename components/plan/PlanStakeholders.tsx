'use client';
// Stakeholders: who is involved, how much they can sway the project and how much they care (the
// power/interest grid), how they want to hear from it, and the RACI of every milestone and goal
// (exactly one Accountable and at least one Responsible; a violation is shown, not hidden).
// On a phone each stakeholder is a card of labelled fields instead of a row of a wide table.
import {
  communicationChannels,
  communicationFrequencies,
  powerInterestQuadrant,
  quadrantLabels,
  raciLabels,
  raciProblems,
  raciRoles,
  stakeholderQuadrants,
  type RaciRole,
} from '@/server/domain/planCharter';
import { Button } from '@/components/ui/button';
import { LiveSelect } from '@/components/live/LiveSelect';
import type { ReactNode } from 'react';
import { LiveText } from './LiveInputs';
import type { PlanActions, PlanContent } from './model';

const channelLabels: Record<(typeof communicationChannels)[number], string> = {
  email: 'Email',
  chat: 'Chat',
  meeting: 'Meeting',
  status_page: 'Status page',
  report: 'Report',
};
const frequencyLabels: Record<(typeof communicationFrequencies)[number], string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  milestones: 'At milestones',
};

export function PlanStakeholders({
  content,
  actions,
  members,
}: {
  content: PlanContent;
  actions: PlanActions | null;
  members: { userId: string; name: string }[];
}) {
  const readOnly = !actions;
  const subjects = [
    ...content.items.filter((i) => i.kind === 'milestone').map((m) => ({ id: m.id, title: m.title, kind: 'Milestone' })),
    ...content.goals.map((g) => ({ id: g.id, title: g.title, kind: 'Goal' })),
  ];
  const roleOf = new Map(content.raci.map((r) => [`${r.subjectId}:${r.stakeholderId}`, r.role]));
  const stakeholderIds = new Set(content.stakeholders.map((s) => s.id));

  return (
    <section aria-labelledby="stakeholders-heading" className="rounded-lg border border-line bg-surface p-4">
      <div className="flex items-center justify-between">
        <h2 id="stakeholders-heading" className="text-base font-semibold">
          Stakeholders
        </h2>
        {actions ? (
          <Button size="sm" onClick={() => actions.addStakeholder({})}>
            Add stakeholder
          </Button>
        ) : null}
      </div>
      <div className="relative mt-2 sm:overflow-x-auto">
        <table className="block w-full text-sm sm:table">
          <thead className="hidden text-left text-xs text-muted sm:table-header-group">
            <tr>
              <th className="py-1 pr-2 font-medium">Name</th>
              <th className="py-1 pr-2 font-medium">Organisation / role</th>
              <th className="py-1 pr-2 font-medium">Member</th>
              <th className="py-1 pr-2 font-medium">Influence</th>
              <th className="py-1 pr-2 font-medium">Interest</th>
              <th className="py-1 pr-2 font-medium">Channel</th>
              <th className="py-1 pr-2 font-medium">Frequency</th>
              <th className="sr-only">Actions</th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {content.stakeholders.map((s) => (
              <tr key={s.id} className="grid grid-cols-2 gap-x-2 gap-y-2 border-t border-line py-3 sm:table-row sm:py-0">
                <StakeholderCell label="Name" wide>
                  <LiveText label={`Name of stakeholder ${s.name}`} value={s.name} text={actions?.text({ in: 'stakeholders', id: s.id, field: 'name' }) ?? null} disabled={readOnly} maxLength={200} />
                </StakeholderCell>
                <StakeholderCell label="Organisation / role" wide>
                  <LiveText label={`Organisation of ${s.name}`} value={s.organisation} text={actions?.text({ in: 'stakeholders', id: s.id, field: 'organisation' }) ?? null} disabled={readOnly} maxLength={200} />
                </StakeholderCell>
                <StakeholderCell label="Member" wide>
                  <LiveSelect aria-label={`Project member for ${s.name}`} value={s.memberId ?? ''} disabled={readOnly} onValueChange={(memberId) => actions?.updateStakeholder(s.id, { memberId: memberId || null })}>
                    <option value="">Not a member</option>
                    {members.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </LiveSelect>
                </StakeholderCell>
                {(['influence', 'interest'] as const).map((key) => (
                  <StakeholderCell key={key} label={key === 'influence' ? 'Influence' : 'Interest'} className="sm:w-20">
                    <LiveSelect aria-label={`${key === 'influence' ? 'Influence' : 'Interest'} of ${s.name}`} value={s[key]} disabled={readOnly} onValueChange={(v) => actions?.updateStakeholder(s.id, { [key]: Number(v) })}>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </LiveSelect>
                  </StakeholderCell>
                ))}
                <StakeholderCell label="Channel">
                  <LiveSelect aria-label={`Channel for ${s.name}`} value={s.channel} disabled={readOnly} onValueChange={(channel) => actions?.updateStakeholder(s.id, { channel: channel as typeof s.channel })}>
                    {communicationChannels.map((c) => (
                      <option key={c} value={c}>
                        {channelLabels[c]}
                      </option>
                    ))}
                  </LiveSelect>
                </StakeholderCell>
                <StakeholderCell label="Frequency">
                  <LiveSelect aria-label={`Frequency for ${s.name}`} value={s.frequency} disabled={readOnly} onValueChange={(frequency) => actions?.updateStakeholder(s.id, { frequency: frequency as typeof s.frequency })}>
                    {communicationFrequencies.map((f) => (
                      <option key={f} value={f}>
                        {frequencyLabels[f]}
                      </option>
                    ))}
                  </LiveSelect>
                </StakeholderCell>
                <td className="col-span-2 block py-1.5 sm:table-cell">
                  {actions ? (
                    <Button size="sm" variant="danger-ghost" aria-label={`Delete stakeholder ${s.name}`} onClick={() => actions.deleteStakeholder(s.id)}>
                      Delete
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!content.stakeholders.length ? <p className="py-2 text-sm text-muted">No stakeholders yet.</p> : null}
      </div>

      <h3 className="mt-6 text-sm font-semibold">Power / interest grid</h3>
      <div className="mt-2 grid max-w-xl grid-cols-2 gap-1 text-sm" role="list" aria-label="Power / interest grid">
        {(['keep_satisfied', 'manage_closely', 'monitor', 'keep_informed'] as const).map((q) => {
          const people = content.stakeholders.filter((s) => powerInterestQuadrant(s.influence, s.interest) === q);
          return (
            <div key={q} role="listitem" aria-label={`${quadrantLabels[q]}: ${people.length}`} className="min-h-20 rounded border border-line bg-sunken p-2">
              <p className="text-xs font-medium text-muted">{quadrantLabels[q]}</p>
              <p>{people.map((p) => p.name).join(', ') || '—'}</p>
            </div>
          );
        })}
      </div>
      <p className="mt-1 text-xs text-faint">
        Up: influence 3-5; right: interest 3-5. {stakeholderQuadrants.length} quadrants from the values above.
      </p>

      <h3 className="mt-6 text-sm font-semibold">RACI</h3>
      {subjects.length && content.stakeholders.length ? (
        <div className="relative mt-2 overflow-x-auto">
          <table className="text-sm">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">Milestone or goal</th>
                {content.stakeholders.map((s) => (
                  <th key={s.id} className="py-1 pr-2 font-medium">
                    {s.name}
                  </th>
                ))}
                <th className="py-1 font-medium">Check</th>
              </tr>
            </thead>
            <tbody>
              {subjects.map((subject) => {
                const problems = raciProblems(
                  content.raci.filter((r) => r.subjectId === subject.id && stakeholderIds.has(r.stakeholderId)),
                );
                return (
                  <tr key={subject.id} className="border-t border-line">
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                      <span className="text-xs text-faint">{subject.kind}</span> {subject.title}
                    </th>
                    {content.stakeholders.map((s) => (
                      <td key={s.id} className="py-1.5 pr-2">
                        <LiveSelect
                          aria-label={`RACI of ${s.name} for ${subject.title}`}
                          className="w-20"
                          value={roleOf.get(`${subject.id}:${s.id}`) ?? ''}
                          disabled={readOnly}
                          onValueChange={(role) => actions?.setRaci(subject.id, s.id, (role || null) as RaciRole | null)}
                        >
                          <option value="">–</option>
                          {raciRoles.map((r) => (
                            <option key={r} value={r} title={raciLabels[r]}>
                              {r}
                            </option>
                          ))}
                        </LiveSelect>
                      </td>
                    ))}
                    <td className="py-1.5 text-xs">
                      {problems.length ? (
                        <span className="text-danger" data-testid="raci-problem">
                          {problems.join(' ')}
                        </span>
                      ) : (
                        <span className="text-success">OK</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2 text-sm text-muted">Add stakeholders and milestones or goals to assign who is Responsible, Accountable, Consulted and Informed.</p>
      )}
    </section>
  );
}

/** A table cell on wide screens; on a phone, a labelled field of the stakeholder's card. */
function StakeholderCell({ label, wide, className, children }: { label: string; wide?: boolean; className?: string; children: ReactNode }) {
  return (
    <td className={`flex min-w-0 flex-col gap-1 sm:table-cell sm:py-1.5 sm:pr-2 ${wide ? 'col-span-2' : ''} ${className ?? ''}`}>
      <span aria-hidden="true" className="text-xs font-medium text-muted sm:hidden">
        {label}
      </span>
      {children}
    </td>
  );
}
