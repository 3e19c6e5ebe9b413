// Whether your edits are safe: connecting, saving, saved, or offline (kept and sent on reconnect).
import { cn } from '@/components/ui/cn';
import type { BoardStatus } from './presence';

const text: Record<BoardStatus, string> = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline',
};

const dot: Record<BoardStatus, string> = {
  connecting: 'bg-faint animate-pulse',
  saving: 'bg-medium animate-pulse',
  saved: 'bg-low',
  offline: 'bg-danger',
};

export function SaveIndicator({ status }: { status: BoardStatus }) {
  return (
    <p
      aria-live="polite"
      data-testid="save-status"
      className="inline-flex items-center gap-1.5 text-xs whitespace-nowrap text-muted"
      title={status === 'offline' ? 'Your changes are kept on this device and sent when the connection is back.' : undefined}
    >
      <span className={cn('size-1.5 rounded-full', dot[status])} aria-hidden="true" />
      <span>{text[status]}</span>
      {status === 'offline' ? <span className="sr-only">: your changes are kept and sent when the connection is back.</span> : null}
    </p>
  );
}
