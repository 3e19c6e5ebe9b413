'use client';
// The insights page's forecasts, from the team's own throughput (forecast.*): each milestone's open
// items with the dates they will be done by in 50, 85 and 95 of 100 runs and whether it is likely
// late, and two questions of the reader's own: when will N items be done, and how many by a date.
// A forecast that cannot be made says why (no history, nothing resolved) instead of showing a date.
// The milestones' table wraps rather than scrolls, so a phone reads it without a scrolling region.
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input } from '@/components/ui/field';
import { formatDay } from '@/server/domain/dates';
import { ImportFirst } from './ImportFirst';

const maxItems = 1_000_000;

/** "5 Feb 2027 (P50) · 19 Feb 2027 (P85) · 5 Mar 2027 (P95)", the three answers of one forecast. */
function percentiles(answer: { p50: string | number; p85: string | number; p95: string | number }, show: (value: string | number) => string) {
  return `${show(answer.p50)} (P50) · ${show(answer.p85)} (P85) · ${show(answer.p95)} (P95)`;
}

const itemCount = (n: string | number) => `${n} item${Number(n) === 1 ? '' : 's'}`;

export function ForecastPanel({ projectId, canImport }: { projectId: string; canImport: boolean }) {
  const id = useId();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.forecast.milestones.queryOptions({ projectId }));
  const [remainingText, setRemainingText] = useState('');
  const [asked, setAsked] = useState<number | null>(null);
  const [askProblem, setAskProblem] = useState<string | null>(null);
  const [by, setBy] = useState<string | null>(null);
  const whenDone = useQuery({ ...trpc.forecast.whenDone.queryOptions({ projectId, remaining: asked ?? 0 }), enabled: asked !== null, retry: false });
  const howMany = useQuery({ ...trpc.forecast.howMany.queryOptions({ projectId, by: by ?? '' }), enabled: by !== null, retry: false });
  if (!data) return null;

  function ask(event: FormEvent) {
    event.preventDefault();
    const n = Number(remainingText);
    if (!remainingText.trim() || !Number.isInteger(n) || n < 1 || n > maxItems) {
      setAsked(null);
      return setAskProblem(`Give a whole number of items from 1 to ${maxItems.toLocaleString('en-GB')}.`);
    }
    setAskProblem(null);
    setAsked(n);
  }

  const headingId = `${id}-heading`;
  const open = data.milestones.filter((m) => m.remaining > 0);
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4 rounded-lg border border-line bg-surface p-4 md:col-span-2" data-testid="forecasts">
      <div>
        <h2 id={headingId} className="text-sm font-semibold">
          Forecasts
        </h2>
        <p className="mt-0.5 text-xs text-muted">
          {data.weeksOfHistory
            ? `Monte Carlo over the items resolved each week in the last ${data.weeksOfHistory} complete week${data.weeksOfHistory === 1 ? '' : 's'}: P85 is the date 85 of 100 simulated futures are done by.`
            : null}
        </p>
      </div>
      {data.weeksOfHistory === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-sm text-muted">
          <ImportFirst canImport={canImport} />
        </p>
      ) : (
        <>
          {open.length ? (
            <table className="w-full text-left text-xs">
              <caption className="sr-only">Milestones with open items and when they will be done</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">Milestone</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Due</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Open items</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Done by (P50 · P85 · P95)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {open.map((m) => (
                  <tr key={m.planItemId} data-testid="milestone-forecast">
                    <th scope="row" className="py-1.5 pr-3 font-medium break-words text-ink">{m.title}</th>
                    <td className="py-1.5 pr-3 whitespace-nowrap">{formatDay(m.dueDate)}</td>
                    <td className="py-1.5 pr-3">{m.remaining} of {m.total}</td>
                    <td className="py-1.5 pr-3">
                      {m.forecast ? `${formatDay(m.forecast.p50)} · ${formatDay(m.forecast.p85)} · ${formatDay(m.forecast.p95)}` : m.noForecastReason}
                      {m.likelyLate ? <span className="ml-1.5 rounded bg-danger-soft px-1.5 font-medium text-danger">Likely late</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-muted">No milestone has open delivery items: tie items to milestones or workstreams in the import to forecast them.</p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <form onSubmit={ask} aria-label="When will they be done" className="flex flex-col gap-2">
              <div className="flex items-end gap-2">
                <Field label="When will this many items be done?" htmlFor={`${id}-remaining`} className="flex-1">
                  <Input id={`${id}-remaining`} inputMode="numeric" value={remainingText} onChange={(e) => setRemainingText(e.target.value)} placeholder="e.g. 40" />
                </Field>
                <Button type="submit">Forecast</Button>
              </div>
              <ErrorMessage>{askProblem ?? whenDone.error?.message ?? null}</ErrorMessage>
              {asked !== null && whenDone.data ? (
                <p role="status" className="text-sm" data-testid="when-done">
                  {itemCount(asked)} done by {percentiles(whenDone.data, (d) => formatDay(String(d)))}
                </p>
              ) : null}
            </form>
            <div className="flex flex-col gap-2">
              <Field label="How many items will be done by" htmlFor={`${id}-by`}>
                <DateField id={`${id}-by`} value={by} onCommit={setBy} label="the forecast's date" />
              </Field>
              <ErrorMessage>{howMany.error?.message ?? null}</ErrorMessage>
              {by !== null && howMany.data ? (
                <p role="status" className="text-sm" data-testid="how-many">
                  By {formatDay(by)}: {percentiles(howMany.data, itemCount)}; fewer items is the surer answer.
                </p>
              ) : null}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
