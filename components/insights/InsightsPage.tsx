'use client';
// The insights page: the project's charts in a grid (one column on a phone, two from a tablet up).
import { HistoryCharts } from './HistoryCharts';

export function InsightsPage({ projectId }: { projectId: string }) {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <div className="grid gap-4 md:grid-cols-2">
        <HistoryCharts projectId={projectId} />
      </div>
    </div>
  );
}
