// A milestone's readiness against its technical standards, as the roadmap and the standards panel
// show it: "Standards 4/6", then what stands in the way in words ("1 failed"), with an icon and a
// colour that only repeat what the words say. Nothing for a milestone with no standards applied.
import { describeReadiness, type Readiness } from '@/server/domain/standards';
import { cn } from '@/components/ui/cn';

const tones = {
  failed: 'border-danger/40 bg-danger-soft text-danger',
  met: 'border-success/40 bg-success-soft text-success',
  open: 'border-line-strong bg-surface text-ink',
};

export function StandardsReadiness({ readiness, className }: { readiness: Readiness; className?: string }) {
  if (readiness.total === 0) return null;
  const { short, detail } = describeReadiness(readiness);
  const tone = readiness.failed ? 'failed' : readiness.met === readiness.total ? 'met' : 'open';
  const icon = tone === 'failed' ? '✕' : tone === 'met' ? '✓' : '◔';
  return (
    <span
      className={cn('chip inline-flex items-center gap-1 whitespace-nowrap', tones[tone], className)}
      title={`${readiness.met} of ${readiness.total} standards met: ${detail.toLowerCase()}`}
      data-testid="standards-readiness"
      data-state={tone}
    >
      <span aria-hidden="true">{icon}</span>
      {short}
      {readiness.failed ? <span className="font-semibold">, {readiness.failed} failed</span> : null}
    </span>
  );
}
