// The plan's (the project's first page) compact "Technology alerts" card: how many, the most
// pressing few in words with their icons, and a link to the tech page. Shown only when there are any.
import Link from 'next/link';
import { AlertIcon } from './AlertIcon';
import { alertLabels, type TechAlert } from './model';

const shownAlerts = 3;

export function TechAlertsCard({ projectId, alerts }: { projectId: string; alerts: TechAlert[] }) {
  if (!alerts.length) return null;
  const more = alerts.length - shownAlerts;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 pt-5 sm:px-6">
      <section aria-labelledby="tech-alerts-card-heading" className="rounded-lg border border-medium/40 bg-surface p-4" data-testid="tech-alerts-card">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id="tech-alerts-card-heading" className="text-sm font-semibold">
            Technology alerts <span className="font-normal text-muted">({alerts.length})</span>
          </h2>
          <Link href={`/p/${projectId}/tech`} className="text-sm font-medium text-accent-ink hover:underline sm:ml-auto">
            See the tech page
          </Link>
        </div>
        <ul className="mt-2 flex flex-col gap-1.5">
          {alerts.slice(0, shownAlerts).map((alert) => (
            <li key={`${alert.itemId}:${alert.kind}`} className="flex items-start gap-2 text-sm">
              <AlertIcon kind={alert.kind} className="mt-0.5 size-4 shrink-0 text-medium-ink" />
              <span className="min-w-0 break-words">
                <span className="font-medium">{alertLabels[alert.kind]}:</span> {alert.message}
              </span>
            </li>
          ))}
        </ul>
        {more > 0 ? <p className="mt-1.5 text-xs text-muted">and {more} more on the tech page.</p> : null}
      </section>
    </div>
  );
}
