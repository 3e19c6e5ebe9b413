'use client';
// The current agenda item's clock: when it started, how long it has run and, with a time box,
// whether it is over time. Ticks once a second on this screen; the start comes from the board.
import { useEffect, useState } from 'react';
import { cn } from '@/components/ui/cn';

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function AgendaTimer({ startedAt, timeBoxMinutes }: { startedAt: string; timeBoxMinutes: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = now - Date.parse(startedAt);
  const over = timeBoxMinutes !== null && elapsed > timeBoxMinutes * 60_000;
  const started = new Date(startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <span data-testid="agenda-timer" className={cn('inline-flex items-center gap-1.5 text-xs font-medium tabular-nums', over ? 'text-danger' : 'text-accent-ink')}>
      <span aria-hidden="true" className={cn('size-1.5 rounded-full', over ? 'bg-danger' : 'bg-accent animate-pulse')} />
      <span>
        Started {started} · {formatElapsed(elapsed)}
        {timeBoxMinutes !== null ? ` of ${timeBoxMinutes}:00` : ''}
      </span>
      {over ? <span className="rounded bg-danger-soft px-1.5 py-0.5 text-danger">Over time</span> : null}
    </span>
  );
}
