'use client';
// The insights charts drawn from what the boards already keep (insights.charts): risk exposure by
// band, milestone slippage, health over time and the utilisation of the project's people. Each is a
// ChartPanel, so each has its table, its CSV and PNG, and says what to do when it is empty.
import { useQuery } from '@tanstack/react-query';
import { format, parseISO } from 'date-fns';
import Link from 'next/link';
import { Area, AreaChart, Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTRPC } from '@/components/trpc/client';
import { bandLabels, severityBands } from '@/server/domain/risk';
import { healthLabels, type Health } from '@/server/domain/status';
import { ChartPanel } from './ChartPanel';
import { chartColours, seriesColour } from './chartColours';

const shortDay = (day: string) => format(parseISO(day), 'd MMM');
const axisTick = { fontSize: 11, fill: chartColours.muted };
const healthLevel: Record<Health, number> = { off_track: 0, at_risk: 1, on_track: 2 };

export function HistoryCharts({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.insights.charts.queryOptions({ projectId }));
  if (!data) return null;
  const exposure = data.riskExposure.some((w) => w.total > 0) ? data.riskExposure : [];
  const tracked = data.slippage.milestones.filter((m) => m.reference);
  const slippageRows = tracked.length ? data.slippage.weeks.map((w) => ({ week: w.week, ...Object.fromEntries(tracked.map((m) => [m.id, w.daysBehind[m.id] ?? null])) })) : [];
  const healthRows = data.health.map((h) => ({ day: format(h.publishedAt, 'yyyy-MM-dd'), level: healthLevel[h.health], health: healthLabels[h.health], reason: h.healthReason }));
  return (
    <>
      <ChartPanel
        id="risk-exposure"
        title="Risk exposure"
        description="The summed scores of open and mitigating risks at the end of each week, by band."
        rows={exposure}
        columns={[
          { key: 'week', label: 'Week ending' },
          ...severityBands.map((band) => ({ key: band, label: bandLabels[band] })),
          { key: 'total', label: 'Total' },
        ]}
        empty={
          <>
            No scored risks yet. <Link href={`/p/${projectId}/risks`} className="text-accent-ink underline">Rate risks on the risk board</Link> (likelihood and impact) and their exposure is charted here week by week.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={exposure} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis tick={axisTick} allowDecimals={false} />
              <Tooltip labelFormatter={(week) => `Week ending ${shortDay(String(week))}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {[...severityBands].reverse().map((band) => (
                <Area key={band} dataKey={band} name={bandLabels[band]} stackId="exposure" stroke={chartColours[band]} fill={chartColours[band]} fillOpacity={0.35} isAnimationActive={false} />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        }
      />
      <ChartPanel
        id="milestone-slippage"
        title="Milestone slippage"
        description="Days each milestone was planned behind its baseline (or first planned date) at the end of each week; below 0 is ahead."
        rows={slippageRows}
        columns={[{ key: 'week', label: 'Week ending' }, ...tracked.map((m) => ({ key: m.id, label: `${m.title} (days)` }))]}
        empty={
          <>
            No milestones yet. <Link href={`/p/${projectId}/plan`} className="text-accent-ink underline">Add milestones to the plan</Link> and save a baseline to see how their dates move.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={slippageRows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis tick={axisTick} allowDecimals={false} />
              <ReferenceLine y={0} stroke={chartColours.muted} />
              <Tooltip labelFormatter={(week) => `Week ending ${shortDay(String(week))}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {tracked.map((m, i) => (
                <Line key={m.id} dataKey={m.id} name={m.title} stroke={seriesColour(i)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ChartPanel
        id="status-health"
        title="Health over time"
        description="The health each published status update gave the project."
        rows={healthRows}
        columns={[
          { key: 'day', label: 'Published' },
          { key: 'health', label: 'Health' },
          { key: 'reason', label: 'Why' },
        ]}
        empty={
          <>
            No status update published yet. <Link href={`/p/${projectId}/updates`} className="text-accent-ink underline">Publish an update</Link> and its health starts this chart.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={healthRows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="day" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis
                domain={[0, 2]}
                ticks={[0, 1, 2]}
                tick={axisTick}
                width={64}
                tickFormatter={(level: number) => healthLabels[(Object.keys(healthLevel) as Health[]).find((h) => healthLevel[h] === level) ?? 'on_track']}
              />
              <Tooltip formatter={(_value, _name, item) => [(item.payload as { health: string }).health, 'Health']} labelFormatter={(day) => shortDay(String(day))} />
              <Line type="stepAfter" dataKey="level" name="Health" stroke={chartColours.accent} strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ChartPanel
        id="utilisation"
        title="Capacity utilisation"
        description="Hours a week the project's people give this project and others, against what they can work."
        rows={data.utilisation}
        columns={[
          { key: 'monday', label: 'Week of' },
          { key: 'projectHours', label: 'This project (h)' },
          { key: 'otherHours', label: 'Other projects (h)' },
          { key: 'capacityHours', label: 'Capacity (h)' },
          { key: 'percent', label: 'Utilisation (%)' },
        ]}
        empty={
          <>
            Nobody is allocated to this project. <Link href={`/people?project=${projectId}`} className="text-accent-ink underline">Allocate people on the People page</Link> to see their load week by week.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data.utilisation} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={chartColours.grid} vertical={false} />
              <XAxis dataKey="monday" tickFormatter={shortDay} tick={axisTick} minTickGap={16} />
              <YAxis tick={axisTick} allowDecimals={false} />
              <Tooltip labelFormatter={(day) => `Week of ${shortDay(String(day))}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Bar dataKey="projectHours" name="This project" stackId="hours" fill={chartColours.accent} isAnimationActive={false} />
              <Bar dataKey="otherHours" name="Other projects" stackId="hours" fill={chartColours.muted} isAnimationActive={false} />
              <Line dataKey="capacityHours" name="Capacity" stroke={chartColours.critical} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        }
      />
    </>
  );
}
