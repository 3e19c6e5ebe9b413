// One small icon per alert kind, always beside the alert's words (never the only signal).
import type { TechAlertKind } from '@/server/domain/techAlerts';

const paths: Record<TechAlertKind, string> = {
  // a clock run out
  eol_past: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 0 0 0-11M8 5v3.2l2 1.3M3 3l10 10',
  // a clock
  eol_soon: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 0 0 0-11M8 5v3.2l2 1.3',
  // an arrow up past a bar
  major_behind: 'M8 13V4M4.5 7.5L8 4l3.5 3.5M3 14h10',
  // a hand: stop
  hold_in_use: 'M3.5 3.5h9v9h-9zM6 6.5v3M10 6.5v3',
  // a crossed document
  licence_denied: 'M4 2.5h6l2 2v9H4zM6 7l4 4M10 7l-4 4',
};

export function AlertIcon({ kind, className = 'size-4' }: { kind: TechAlertKind; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={className} aria-hidden="true">
      <path d={paths[kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
