'use client';
// What the meeting decided: each decision's text (shared text), who decided, the date and the
// items it concerns. They land in the project's decision log (/p/<id>/decisions).
import { SharedTextInput } from '@/components/live/SharedTextInput';
import { DateField } from '@/components/ui/date-field';
import type { MeetingEntry } from '@/server/collab/boards/meetingDocument';
import { decisionTextMax, type DecisionFields } from '@/server/domain/meeting';
import { LinkedItem } from './LinkedItem';
import { LinkSelect } from './LinkSelect';
import type { LinkTarget, MeetingBoardActions } from './model';
import { Button } from '@/components/ui/button';
import { QuickAddForm } from './QuickAddForm';

export function DecisionsPanel({
  decisions,
  canEdit,
  actions,
  targets,
  today,
}: {
  decisions: MeetingEntry<DecisionFields>[];
  canEdit: boolean;
  actions: MeetingBoardActions | null;
  targets: LinkTarget[];
  today: string;
}) {

  return (
    <section aria-labelledby="decisions-heading" className="space-y-3">
      <h2 id="decisions-heading" className="text-sm font-semibold text-ink">
        Decisions <span className="font-normal text-muted">({decisions.length})</span>
      </h2>
      {decisions.length ? (
        <ul className="space-y-2" aria-label="Decisions">
          {decisions.map((decision, index) => {
            const { fields } = decision;
            const n = index + 1;
            return (
              <li key={decision.id} data-testid="decision" className="space-y-2 rounded-lg border border-line bg-surface p-3">
                <SharedTextInput
                  multiline
                  text={actions?.decisionText(decision.id, 'text') ?? null}
                  fallback={fields.text}
                  maxLength={decisionTextMax}
                  disabled={!canEdit}
                  aria-label={`Decision ${n}`}
                  className="min-h-12 text-sm"
                  rows={2}
                />
                <div className="grid gap-2 sm:grid-cols-2">
                  <SharedTextInput
                    text={actions?.decisionText(decision.id, 'decidedBy') ?? null}
                    fallback={fields.decidedBy}
                    maxLength={200}
                    disabled={!canEdit}
                    aria-label={`Decided by (decision ${n})`}
                    placeholder="Decided by"
                    className="h-8 text-xs"
                  />
                  <DateField
                    value={fields.decidedOn}
                    allowEmpty
                    aria-label={`Date of decision ${n}`}
                    disabled={!canEdit}
                    onCommit={(decidedOn) => actions?.updateDecision(decision.id, { decidedOn })}
                  />
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {fields.links.map((link) => (
                    <span key={`${link.kind}:${link.id}`} className="inline-flex items-center gap-1">
                      <LinkedItem link={link} targets={targets} />
                      {canEdit ? (
                        <button
                          type="button"
                          aria-label="Remove this link"
                          onClick={() => actions?.updateDecision(decision.id, { links: fields.links.filter((l) => l !== link) })}
                          className="rounded px-1 text-xs text-muted hover:bg-hover hover:text-ink"
                        >
                          <span aria-hidden="true">✕</span>
                        </button>
                      ) : null}
                    </span>
                  ))}
                  {canEdit ? (
                    <LinkSelect
                      value={null}
                      targets={targets.filter((t) => !fields.links.some((l) => l.kind === t.kind && l.id === t.id))}
                      label={`Link decision ${n} to an item`}
                      onChange={(link) => link && actions?.updateDecision(decision.id, { links: [...fields.links, link] })}
                      className="h-8 w-auto max-w-56 text-xs"
                    />
                  ) : null}
                  {canEdit ? (
                    <Button size="sm" variant="danger-ghost" className="ml-auto" onClick={() => actions?.removeDecision(decision.id)} aria-label={`Remove decision ${n}`}>
                      Remove
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted">No decisions recorded yet.</p>
      )}
      {canEdit ? (
        <QuickAddForm
          label="New decision"
          placeholder="Record a decision…"
          submitLabel="Record"
          maxLength={decisionTextMax}
          disabled={!actions}
          onAdd={(text) => actions?.addDecision({ text, decidedOn: today })}
        />
      ) : null}
    </section>
  );
}
