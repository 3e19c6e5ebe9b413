'use client';
// The insights page: the delivery charts (burn-up, throughput, cycle time), the forecasts, those from the boards'
// history in a grid (one column on a phone, two from a tablet up), and the delivery import for editors.
import { DeliveryCharts } from './DeliveryCharts';
import { DeliveryImport } from './DeliveryImport';
import { ForecastPanel } from './ForecastPanel';
import { HistoryCharts } from './HistoryCharts';

export function InsightsPage({ projectId, canImport }: { projectId: string; canImport: boolean }) {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <div className="grid gap-4 md:grid-cols-2">
        <DeliveryCharts projectId={projectId} canImport={canImport} />
        <ForecastPanel projectId={projectId} canImport={canImport} />
        <HistoryCharts projectId={projectId} />
        {canImport ? <DeliveryImport projectId={projectId} /> : null}
      </div>
    </div>
  );
}
