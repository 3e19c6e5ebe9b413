// What meeting boards and the decision log may link to, with each item's state in a few words:
// RAID items with their severity band and score, milestones with their date and slip against the
// latest baseline, workstreams with their dates, goals with their due date. Pure: the pages pass
// what raid.list and plan.get returned.
import { formatDay } from '@/server/domain/dates';
import { planItemHref, riskItemHref } from '@/server/domain/itemLinks';
import { milestoneSlippage, type PlanItem } from '@/server/domain/plan';
import { bandLabels, type RaidItem } from '@/server/domain/risk';
import type { LinkTarget } from './model';

interface PlanRead {
  items: PlanItem[];
  baselines: { dates: Record<string, { start: string; end: string }> }[];
  goals: { id: string; title: string; dueDate: string | null }[];
}

function slipWords(days: number | undefined): string {
  if (!days) return 'on baseline';
  return days > 0 ? `${days} day${days === 1 ? '' : 's'} late` : `${-days} day${days === -1 ? '' : 's'} early`;
}

export function linkTargets(projectId: string, raid: RaidItem[], plan: PlanRead): LinkTarget[] {
  const baseline = plan.baselines.at(-1);
  const slips = baseline ? milestoneSlippage(plan.items, baseline.dates) : new Map<string, number>();
  return [
    ...raid.map(
      (r): LinkTarget => ({
        kind: 'raid',
        id: r.id,
        title: r.title,
        state: `${r.band ? `${bandLabels[r.band]} · score ${r.score}` : 'Unrated'} · ${r.status}`,
        band: r.band,
        href: riskItemHref(projectId, r.id),
      }),
    ),
    ...plan.items.map(
      (item): LinkTarget => ({
        kind: item.kind,
        id: item.id,
        title: item.title,
        state: item.kind === 'milestone' ? `${formatDay(item.end)}${baseline ? ` · ${slipWords(slips.get(item.id))}` : ''}` : `${formatDay(item.start)} – ${formatDay(item.end)}`,
        href: planItemHref(projectId, item.id),
      }),
    ),
    ...plan.goals.map((g): LinkTarget => ({ kind: 'goal', id: g.id, title: g.title, state: g.dueDate ? `Due ${formatDay(g.dueDate)}` : 'No due date', href: `/p/${projectId}/plan` })),
  ];
}
