'use client';
// The insights charts drawn from imported delivery data (delivery.summary): burn-up per milestone
// (scope and done), throughput per week, and cycle times with their 50th, 85th and 95th
// percentiles. With no data yet each one points to the import.
import { useQuery } from '@tanstack/react-query';
import { format, parseISO } from 'date-fns';
import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useTRPC } from '@/components/trpc/client';
import { ChartPanel } from './ChartPanel';
import { chartColours } from './chartColours';
import { ImportFirst } from './ImportFirst';
import { deliveryWeeks } from './model';

const shortDay = (day: string) => format(parseISO(day), 'd MMM');
const axisTick = { fontSize: 11, fill: chartColours.muted };

export function DeliveryCharts({ projectId, canImport }: { projectId: string; canImport: boolean }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.delivery.summary.queryOptions({ projectId, weeks: deliveryWeeks }));
  const [burnUpChoice, setBurnUpChoice] = useState<string>('project');
  const selectId = useId();
  if (!data) return null;
  const hasItems = data.itemCount > 0;
  const series = data.burnUp.find((s) => (s.planItemId ?? 'project') === burnUpChoice) ?? data.burnUp[0];
  const burnUpRows = hasItems && series ? series.points : [];
  const { p50, p85, p95 } = data.cycleTimes;
  return (
    <>
      <ChartPanel
        id="burn-up"
        title={series && series.planItemId ? `Burn-up: ${series.title}` : 'Burn-up'}
        description={
          <>
            Items in scope and items done by the end of each week{series?.dueDate ? `; due ${shortDay(series.dueDate)}` : ''}.
            {data.burnUp.length > 1 ? (
              <span className="mt-1 flex items-center gap-2">
                <label htmlFor={selectId}>Milestone</label>
                <select id={selectId} value={burnUpChoice} onChange={(e) => setBurnUpChoice(e.target.value)} className="rounded border border-line bg-surface px-1 py-0.5 text-xs text-ink">
                  {data.burnUp.map((s) => (
                    <option key={s.planItemId ?? 'project'} value={s.planItemId ?? 'project'}>
                      {s.planItemId ? s.title : `${s.title} (whole project)`}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </>
        }
        rows={burnUpRows}
        columns={[
          { key: 'weekStart', label: 'Week of' },
          { key: 'total', label: 'Scope' },
          { key: 'done', label: 'Done' },
        ]}
        empty={<ImportFirst canImport={canImport} />}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={burnUpRows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="weekStart" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis tick={axisTick} allowDecimals={false} />
              <Tooltip labelFormatter={(day) => `Week of ${shortDay(String(day))}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Line dataKey="total" name="Scope" stroke={chartColours.muted} strokeDasharray="4 3" dot={false} strokeWidth={2} isAnimationActive={false} />
              <Line dataKey="done" name="Done" stroke={chartColours.accent} dot={false} strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ChartPanel
        id="throughput"
        title="Throughput"
        description="Items resolved each week; the current week so far is marked partial."
        rows={hasItems ? data.throughput : []}
        columns={[
          { key: 'weekStart', label: 'Week of' },
          { key: 'resolved', label: 'Resolved' },
          { key: 'partial', label: 'Partial week', value: (row) => (row.partial ? 'yes' : 'no') },
        ]}
        empty={<ImportFirst canImport={canImport} />}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data.throughput} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="weekStart" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis tick={axisTick} allowDecimals={false} />
              <Tooltip labelFormatter={(day) => `Week of ${shortDay(String(day))}`} />
              <Bar dataKey="resolved" name="Resolved" fill={chartColours.accent} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ChartPanel
        id="cycle-time"
        title="Cycle time"
        description={
          p50 === null ? (
            'Days from start to resolved of each item resolved in the last 12 weeks.'
          ) : (
            <>
              Days from start to resolved of each item resolved in the last 12 weeks: half took {p50} days or less, 85% {p85}, 95% {p95}.
            </>
          )
        }
        rows={data.cycleTimes.points}
        columns={[
          { key: 'key', label: 'Item' },
          { key: 'title', label: 'Title' },
          { key: 'resolvedOn', label: 'Resolved' },
          { key: 'days', label: 'Days' },
          { key: 'from', label: 'Counted from' },
        ]}
        empty={hasItems ? <>No item was resolved in the last 12 weeks.</> : <ImportFirst canImport={canImport} />}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 8, right: 40, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} />
              <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(at: number) => format(at, 'd MMM')} tick={axisTick} minTickGap={16} name="Resolved" />
              <YAxis dataKey="days" type="number" tick={axisTick} name="Days" />
              <ZAxis range={[24, 24]} />
              <Tooltip formatter={(value, name) => (name === 'Resolved' ? format(Number(value), 'd MMM yyyy') : value)} />
              {[
                { value: p50, label: 'P50' },
                { value: p85, label: 'P85' },
                { value: p95, label: 'P95' },
              ].map((line) =>
                line.value === null ? null : (
                  <ReferenceLine key={line.label} y={line.value} stroke={chartColours.high} strokeDasharray="4 3" label={{ value: line.label, position: 'right', fontSize: 11, fill: chartColours.high }} />
                ),
              )}
              <Scatter name="Items" data={data.cycleTimes.points.map((p) => ({ ...p, at: parseISO(p.resolvedOn).getTime() }))} fill={chartColours.accent} isAnimationActive={false} />
            </ScatterChart>
          </ResponsiveContainer>
        }
      />
    </>
  );
}
