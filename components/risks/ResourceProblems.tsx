'use client';
// The risk board's "Resource problems": people on the project over-allocated while on it and
// staffing needs that are short (resources.problems). "Create a risk from this" opens the new-item
// editor filled as a resource risk (kind, title, description, owner, category, the workstream it
// threatens) for the person to review and save. Shown only while there are problems; read again
// whenever the people board signals a change of the workspace's resources (useResourcesLive), with
// a slow poll only while that signal's socket is down.
//
// Isolated from the live risk board: it is memoised and takes only stable props (the titles of the
// board's resource risks as one string, callbacks read through refs), so the board's edits do not
// re-render it and nothing here can re-render or remount the board or its live connection.
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useRef } from 'react';
import { useResourcesLive } from '@/components/live/resourcesLive';
import { resourceRiskCategory, riskPrefill, type ResourceProblem, type RiskPrefill } from '@/server/domain/resourceProblems';
import type { RaidItem } from '@/server/domain/risk';
import { useTRPC } from '@/components/trpc/client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';


const kindLabels: Record<ResourceProblem['kind'], string> = { 'over-allocation': 'Over-allocation', 'staffing-gap': 'Staffing gap' };

/** The id of a problem's "Create a risk from this" button (focus comes back to it when the editor closes). */
export function createRiskButtonId(problem: Pick<ResourceProblem, 'id'>): string {
  return `create-risk-${problem.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The board's resource risks (category Resources) as one string, `title<TAB>id` per line: what
 * "Open its risk" needs, in a form whose identity changes only when such a risk does.
 */
export function resourceRiskIndex(items: readonly RaidItem[]): string {
  return items
    .filter((i) => i.category === resourceRiskCategory)
    .map((i) => `${i.title}\t${i.id}`)
    .sort()
    .join('\n');
}

/** ResourceProblems with the board's items and changing callbacks turned into stable props. */
export function ResourceProblemsFor({
  items,
  onCreate,
  onOpenItem,
  ...rest
}: Omit<ResourceProblemsProps, 'resourceRisks' | 'onCreate' | 'onOpenItem'> & {
  items: readonly RaidItem[];
  onCreate(prefill: RiskPrefill, opener: string): void;
  onOpenItem(id: string, opener: string): void;
}) {
  const index = useMemo(() => resourceRiskIndex(items), [items]);
  const create = useRef(onCreate);
  const open = useRef(onOpenItem);
  create.current = onCreate;
  open.current = onOpenItem;
  const stableCreate = useCallback((prefill: RiskPrefill, opener: string) => create.current(prefill, opener), []);
  const stableOpen = useCallback((id: string, opener: string) => open.current(id, opener), []);
  return <ResourceProblems {...rest} resourceRisks={index} onCreate={stableCreate} onOpenItem={stableOpen} />;
}

export interface ResourceProblemsProps {
  projectId: string;
  /** The project's workspace: its people board signals resource changes (none: a slow poll). */
  workspaceId?: string;
  /** resourceRiskIndex of the board's items. */
  resourceRisks: string;
  /** The board is live and the caller may add items. */
  canCreate: boolean;
  /** The caller's role may add items at all (viewers only read the list). */
  showCreate: boolean;
  onCreate(prefill: RiskPrefill, opener: string): void;
  onOpenItem(id: string, opener: string): void;
}

export const ResourceProblems = memo(function ResourceProblems({ projectId, workspaceId, resourceRisks, canCreate, showCreate, onCreate, onOpenItem }: ResourceProblemsProps) {
  const trpc = useTRPC();
  const live = useResourcesLive(workspaceId, () => query.refetch());
  const query = useQuery({ ...trpc.resources.problems.queryOptions({ projectId }), refetchInterval: live.pollMs });
  const problems = query.data ?? [];
  const existingByTitle = useMemo(() => {
    const byTitle = new Map<string, string>();
    for (const line of resourceRisks ? resourceRisks.split('\n') : []) {
      const [title, id] = line.split('\t');
      if (title !== undefined && id !== undefined && !byTitle.has(title)) byTitle.set(title, id);
    }
    return byTitle;
  }, [resourceRisks]);
  if (!problems.length) return live.connector;
  return (
    <>
    {live.connector}
    <section aria-labelledby="resource-problems-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="resource-problems-heading" className="text-sm font-semibold">
        Resource problems <span className="font-normal text-muted">({problems.length})</span>
      </h2>
      <p className="text-xs text-muted">People on this project with more work than time, and staffing needs not covered, from this week on.</p>
      <ul className="mt-2 flex flex-col divide-y divide-line" aria-label="Resource problems">
        {problems.map((problem) => {
          const prefill = riskPrefill(problem);
          // A resource risk with this title is already on the board: offer it first.
          const existingId = existingByTitle.get(prefill.title);
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
                {existingId ? (
                  <Button size="sm" variant="ghost" id={`${buttonId}-open`} onClick={() => onOpenItem(existingId, `${buttonId}-open`)}>
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
    </>
  );
});
