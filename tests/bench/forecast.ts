// Bench of the delivery forecasts and series (npm run bench:forecast, or `npm run bench forecast`):
// the milestone forecasts of a plan with 50 milestones, 10,000 Monte Carlo runs each, from twelve
// weeks of throughput; one "when done" forecast alone; and every insights series over 20,000 work
// items (the insights page's largest project). In process, no server or database: these are the
// pure functions the procedures call. Prints a table, writes tests/bench/results/forecast.json, and
// exits 1 when a target in docs/benchmarks.md ("Delivery forecasts") is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { burnUp, cycleTimes, forecastSample, milestoneScopes, weeklyThroughput, type DeliveryFacts, type PlanItemFacts } from '@/server/domain/deliverySeries';
import { milestoneForecasts, whenDone, type MilestoneScope } from '@/server/domain/forecast';

/**
 * The targets, as written in docs/benchmarks.md ("Delivery forecasts"): CPU per call, which holds
 * on a busy machine where wall time does not (the first run, at load 12.9 on 2 cores: 104, 1.4 and
 * 74 ms of CPU for 287, 1.2 and 284 ms of wall time), with about three times that as room.
 */
export const forecastTargets = { fiftyMilestonesCpuMs: 300, oneForecastCpuMs: 10, seriesOf20kItemsCpuMs: 200 };

const today = '2026-12-03';
const history = [5, 6, 8, 7, 9, 8, 4, 3, 6, 7, 8, 7];

/** 50 milestones, 5 to 250 items left each (up to ~40 weeks of work at this pace), due over the next year. */
function fiftyMilestones(): MilestoneScope[] {
  return Array.from({ length: 50 }, (_, index) => ({
    planItemId: `m${index}`,
    title: `Milestone ${index + 1}`,
    dueDate: new Date(Date.UTC(2026, 11, 10 + index * 7)).toISOString().slice(0, 10),
    total: 5 + ((index * 37) % 246) + 20,
    resolved: 20,
  }));
}

function twentyThousandItems(): { items: DeliveryFacts[]; plan: PlanItemFacts[] } {
  const plan: PlanItemFacts[] = Array.from({ length: 50 }, (_, index) => ({ id: `m${index}`, kind: 'milestone', title: `M${index}`, endDate: '2027-06-01', milestoneId: null }));
  const items = Array.from({ length: 20_000 }, (_, index): DeliveryFacts => {
    const createdAt = new Date(Date.UTC(2025, 0, 1) + (index % 690) * 86_400_000);
    return {
      key: `K-${index}`,
      title: `Item ${index}`,
      type: index % 5 ? 'Story' : 'Bug',
      createdAt,
      startedAt: index % 2 ? new Date(createdAt.getTime() + 2 * 86_400_000) : null,
      resolvedAt: index % 3 ? new Date(createdAt.getTime() + (3 + (index % 20)) * 86_400_000) : null,
      planItemId: `m${index % 50}`,
    };
  });
  return { items, plan };
}

/** Median and worst of `rounds` timed calls after one warm-up, and the CPU they used per call. */
function timed(rounds: number, run: () => unknown) {
  run();
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const round1 = (ms: number) => Math.round(ms * 10) / 10;
  return { medianMs: round1(times[Math.floor(rounds / 2)]!), maxMs: round1(times.at(-1)!), cpuMsPerCall: round1((cpu.user + cpu.system) / 1000 / rounds) };
}

export interface ForecastBench {
  fiftyMilestones: ReturnType<typeof timed> & { runsEach: number; likelyLate: number };
  oneForecast: ReturnType<typeof timed> & { remaining: number };
  series: ReturnType<typeof timed> & { items: number; weeks: number; milestones: number };
}

export function forecastBench(rounds = 9): ForecastBench {
  const scopes = fiftyMilestones();
  let likelyLate = 0;
  const fifty = timed(rounds, () => {
    likelyLate = milestoneForecasts(scopes, history, today, 10_000).filter((row) => row.likelyLate).length;
  });
  const one = timed(rounds * 5, () => whenDone(history, 100, today, 10_000));
  const { items, plan } = twentyThousandItems();
  const series = timed(rounds, () => {
    weeklyThroughput(items, today, 104);
    cycleTimes(items, today, 104);
    burnUp(items, plan, today, 104);
    milestoneScopes(items, plan);
    forecastSample(items, today);
  });
  return {
    fiftyMilestones: { ...fifty, runsEach: 10_000, likelyLate },
    oneForecast: { ...one, remaining: 100 },
    series: { ...series, items: items.length, weeks: 104, milestones: plan.length },
  };
}

/** The report's table (also docs/benchmarks.md's "Latest figures" through `npm run bench`). */
export function forecastReport(result: ForecastBench): string[] {
  return [
    '### Delivery forecasts',
    '',
    'In process (pure functions), median / worst wall time of the timed calls after a warm-up, and CPU per call (the target).',
    '',
    '| what | median | worst | CPU per call | target (CPU per call) |',
    '| --- | --- | --- | --- | --- |',
    `| 50 milestones x ${result.fiftyMilestones.runsEach.toLocaleString('en')} runs (${result.fiftyMilestones.likelyLate} likely late) | ${result.fiftyMilestones.medianMs} ms | ${result.fiftyMilestones.maxMs} ms | ${result.fiftyMilestones.cpuMsPerCall} ms | ≤ ${forecastTargets.fiftyMilestonesCpuMs} ms |`,
    `| one forecast, 10,000 runs, ${result.oneForecast.remaining} items left | ${result.oneForecast.medianMs} ms | ${result.oneForecast.maxMs} ms | ${result.oneForecast.cpuMsPerCall} ms | ≤ ${forecastTargets.oneForecastCpuMs} ms |`,
    `| every insights series, ${result.series.items.toLocaleString('en')} items, ${result.series.weeks} weeks, ${result.series.milestones} milestones | ${result.series.medianMs} ms | ${result.series.maxMs} ms | ${result.series.cpuMsPerCall} ms | ≤ ${forecastTargets.seriesOf20kItemsCpuMs} ms |`,
    '',
  ];
}

/** Targets missed, in words (empty when all are met). */
export function forecastMisses(result: ForecastBench): string[] {
  return [
    result.fiftyMilestones.cpuMsPerCall > forecastTargets.fiftyMilestonesCpuMs && `50 milestones took ${result.fiftyMilestones.cpuMsPerCall} ms of CPU > ${forecastTargets.fiftyMilestonesCpuMs} ms`,
    result.oneForecast.cpuMsPerCall > forecastTargets.oneForecastCpuMs && `one forecast took ${result.oneForecast.cpuMsPerCall} ms of CPU > ${forecastTargets.oneForecastCpuMs} ms`,
    result.series.cpuMsPerCall > forecastTargets.seriesOf20kItemsCpuMs && `the series took ${result.series.cpuMsPerCall} ms of CPU > ${forecastTargets.seriesOf20kItemsCpuMs} ms`,
  ].filter((miss): miss is string => typeof miss === 'string');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loadBefore = loadavg()[0]!;
  const result = forecastBench();
  const machine = { cpu: `${cpus().length} × ${cpus()[0]?.model.trim()}`, node: process.version, date: new Date().toISOString(), loadAverage: [loadBefore, loadavg()[0]!].map((l) => Math.round(l * 10) / 10) };
  console.log(forecastReport(result).join('\n'));
  console.log(`load average ${machine.loadAverage.join(' → ')} on ${machine.cpu}`);
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/forecast.json', JSON.stringify({ machine, targets: forecastTargets, result }, null, 2));
  const misses = forecastMisses(result);
  if (misses.length) {
    console.error(`Targets missed:\n- ${misses.join('\n- ')}`);
    process.exit(1);
  }
}
