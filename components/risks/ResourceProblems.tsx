'use client';
// The risk board's "Resource problems": people on the project over-allocated while on it and
// staffing needs that are short (resources.problems). "Create a risk from this" opens the new-item
// editor filled as a resource risk (kind, title, description, owner, category, the workstream it
// threatens) for the person to review and save. Shown only while there are problems; read again
// now and then, since allocations are changed on the people page.
import { useQuery } from '@tanstack/react-query';
import { riskPrefill, type ResourceProblem, type RiskPrefill } from '@/server/domain/resourceProblems';
import type { RaidItem } from '@/server/domain/risk';
import { useTRPC } from '@/components/trpc/client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

const problemsRefreshMs = 15_000;

const kindLabels: Record<ResourceProblem['kind'], string> = { 'over-allocation': 'Over-allocation', 'staffing-gap': 'Staffing gap' };

/** The id of a problem's "Create a risk from this" button (focus comes back to it when the editor closes). */
export function createRiskButtonId(problem: Pick<ResourceProblem, 'id'>): string {
  return `create-risk-${problem.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function ResourceProblems({
  projectId,
  items,
  canCreate,
  showCreate,
  onCreate,
  onOpenItem,
}: {
  projectId: string;
  items: RaidItem[];
  /** The board is live and the caller may add items. */
  canCreate: boolean;
  /** The caller's role may add items at all (viewers only read the list). */
  showCreate: boolean;
  onCreate(prefill: RiskPrefill, opener: string): void;
  onOpenItem(id: string, opener: string): void;
}) {
  const trpc = useTRPC();
  const problems = useQuery({ ...trpc.resources.problems.queryOptions({ projectId }), staleTime: problemsRefreshMs, refetchInterval: problemsRefreshMs }).data ?? [];
  if (!problems.length) return null;
  return (
    <section aria-labelledby="resource-problems-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="resource-problems-heading" className="text-sm font-semibold">
        Resource problems <span className="font-normal text-muted">({problems.length})</span>
      </h2>
      <p className="text-xs text-muted">People on this project with more work than time, and staffing needs not covered, from this week on.</p>
      <ul className="mt-2 flex flex-col divide-y divide-line" aria-label="Resource problems">
        {problems.map((problem) => {
          const prefill = riskPrefill(problem);
          // A resource risk with this title is already on the board: offer it first.
          const existing = items.find((i) => i.title === prefill.title && i.category === prefill.category);
          const buttonId = createRiskButtonId(problem);
          return (
            <li key={problem.id} className="flex flex-col gap-2 py-2.5 sm:flex-row sm:items-start" data-testid="resource-problem">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                  <Badge tone={problem.kind === 'over-allocation' ? 'border-danger/40 bg-danger-soft text-danger' : 'border-medium/40 bg-medium-soft text-medium-ink'}>
                    {kindLabels[problem.kind]}
                  </Badge>
                  <span className="break-words">{problem.title}</span>
                </p>
                <p className="mt-0.5 text-xs break-words text-muted">{problem.detail}</p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                {existing ? (
                  <Button size="sm" variant="ghost" id={`${buttonId}-open`} onClick={() => onOpenItem(existing.id, `${buttonId}-open`)}>
                    Open its risk
                  </Button>
                ) : null}
                {showCreate ? (
                  <Button
                    size="sm"
                    id={buttonId}
                    disabled={!canCreate}
                    aria-label={`Create a risk from this: ${problem.title}`}
                    onClick={() => onCreate(prefill, buttonId)}
                  >
                    Create a risk from this
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
