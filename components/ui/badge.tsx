// Small labels: a project role, a severity band, a neutral tag.
import { bandLabels, type SeverityBand } from '@/server/domain/risk';
import type { ProjectRole } from '@/server/domain/roles';
import { cn } from './cn';

const neutralTone = 'border-line bg-sunken text-muted';

/** `tone` replaces the neutral colours (border, background, text) rather than fighting them. */
export function Badge({
  children,
  className,
  title,
  tone = neutralTone,
}: {
  children: React.ReactNode;
  className?: string;
  title?: string;
  tone?: string;
}) {
  return (
    <span
      title={title}
      className={cn('chip', tone, className)}
    >
      {children}
    </span>
  );
}

const roleStyles: Record<ProjectRole, string> = {
  owner: 'border-accent/30 bg-accent-soft text-accent-ink',
  editor: 'border-line-strong bg-surface text-ink',
  viewer: 'border-line bg-sunken text-muted',
};

export const roleLabels: Record<ProjectRole, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };

export function RoleBadge({ role, className }: { role: ProjectRole; className?: string }) {
  return (
    <Badge tone={roleStyles[role]} className={className}>
      {roleLabels[role]}
    </Badge>
  );
}

export const bandChipStyles: Record<SeverityBand, string> = {
  critical: 'border-critical/40 bg-critical-soft text-critical-ink',
  high: 'border-high/40 bg-high-soft text-high-ink',
  medium: 'border-medium/40 bg-medium-soft text-medium-ink',
  low: 'border-low/40 bg-low-soft text-low-ink',
};

export function BandChip({ band, className }: { band: SeverityBand | null; className?: string }) {
  if (!band) return <Badge className={className}>Unrated</Badge>;
  return (
    <Badge tone={bandChipStyles[band]} className={className}>
      {bandLabels[band]}
    </Badge>
  );
}
