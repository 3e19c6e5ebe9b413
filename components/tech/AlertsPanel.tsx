// The tech page's alerts, each in words with its kind's icon and label, and for editors "Create a
// risk from this": the risk board opens with a technical risk drafted from the alert (title,
// description, owner), saved only when the person presses Save risk there. Once that risk exists,
// everyone gets "Open its risk" instead, so nobody files the same risk twice.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { riskItemHref } from '@/server/domain/itemLinks';
import { techRiskHref } from '@/server/domain/techRiskDraft';
import { AlertIcon } from './AlertIcon';
import { alertLabels, alertTones, type TechAlert } from './model';

export function AlertsPanel({ projectId, alerts, canCreateRisk }: { projectId: string; alerts: TechAlert[]; canCreateRisk: boolean }) {
  return (
    <section aria-labelledby="tech-alerts-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="tech-alerts-heading" className="text-sm font-semibold">
        Alerts <span className="font-normal text-muted">({alerts.length})</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="mt-1 text-sm text-muted">No alerts: nothing past or near its end of life, no hold in use, no licence the workspace does not allow.</p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-line" aria-label="Technology alerts">
          {alerts.map((alert) => (
            <li key={`${alert.itemId}:${alert.kind}`} className="flex flex-col gap-2 py-2.5 sm:flex-row sm:items-start" data-testid="tech-alert">
              <div className="min-w-0 flex-1">
                <Badge tone={alertTones[alert.kind]} className="gap-1">
                  <AlertIcon kind={alert.kind} className="size-3.5" />
                  {alertLabels[alert.kind]}
                </Badge>
                <p className="mt-1 text-sm break-words">{alert.message}</p>
              </div>
              {alert.riskId ? (
                <Link href={riskItemHref(projectId, alert.riskId)} className={buttonClasses('secondary', 'sm')} aria-label={`Open its risk: ${alert.message}`}>
                  Open its risk
                </Link>
              ) : canCreateRisk ? (
                <Link href={techRiskHref(projectId, alert)} className={buttonClasses('secondary', 'sm')} aria-label={`Create a risk from this: ${alert.message}`}>
                  Create a risk from this
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
