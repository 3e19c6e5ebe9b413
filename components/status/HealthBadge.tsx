// A project's health (on track / at risk / off track) and the overdue flag, as small labels.
import { Badge } from '@/components/ui/badge';
import { healthLabels, type Health } from '@/server/domain/status';

const tones: Record<Health, string> = {
  on_track: 'border-low/40 bg-low-soft text-low-ink',
  at_risk: 'border-medium/40 bg-medium-soft text-medium-ink',
  off_track: 'border-critical/40 bg-critical-soft text-critical-ink',
};

export function HealthBadge({ health, reason }: { health: Health | null; reason?: string }) {
  if (!health) return <Badge title="No update has been published yet">No update yet</Badge>;
  return (
    <Badge tone={tones[health]} title={reason}>
      <span data-testid="project-health">{healthLabels[health]}</span>
    </Badge>
  );
}

export function OverdueBadge({ overdue, daysOverdue, dueOn }: { overdue: boolean; daysOverdue: number; dueOn: string | null }) {
  if (!overdue) return null;
  return (
    <Badge tone="border-danger/40 bg-danger-soft text-danger" title={dueOn ? `The update was due on ${dueOn}` : undefined}>
      Update overdue{daysOverdue > 0 ? ` · ${daysOverdue} day${daysOverdue === 1 ? '' : 's'}` : ''}
    </Badge>
  );
}
