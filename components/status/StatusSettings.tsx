'use client';
// The owner's communication settings: the cadence of updates, the public status page (on/off and
// its address) and the webhooks told about every publish, with their delivery log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Select } from '@/components/ui/field';
import { weekdayNames, type Cadence } from '@/server/domain/status';

export function CadenceForm({ projectId, cadence, canEdit }: { projectId: string; cadence: Cadence | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [everyDays, setEveryDays] = useState(String(cadence?.everyDays ?? 0));
  const [weekday, setWeekday] = useState(String(cadence?.weekday ?? 0));
  const save = useMutation(trpc.status.setCadence.mutationOptions({ onSuccess: () => router.refresh() }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const days = Number(everyDays);
    save.mutate({ projectId, cadence: days ? { everyDays: days, weekday: Number(weekday) || null } : null });
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Cadence">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Updates are due" htmlFor="cadence-every">
          <Select id="cadence-every" value={everyDays} disabled={!canEdit} onChange={(e) => setEveryDays(e.target.value)}>
            <option value="0">No cadence</option>
            <option value="7">Weekly</option>
            <option value="14">Every two weeks</option>
            <option value="28">Every four weeks</option>
            {![0, 7, 14, 28].includes(Number(everyDays)) ? <option value={everyDays}>Every {everyDays} days</option> : null}
          </Select>
        </Field>
        <Field label="On" htmlFor="cadence-weekday">
          <Select id="cadence-weekday" value={weekday} disabled={!canEdit || everyDays === '0'} onChange={(e) => setWeekday(e.target.value)}>
            <option value="0">Any day</option>
            {weekdayNames.slice(1).map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            Save cadence
          </Button>
          {save.isSuccess ? <SuccessMessage>Cadence saved.</SuccessMessage> : null}
        </div>
      ) : null}
      <ErrorMessage>{save.error?.message}</ErrorMessage>
    </form>
  );
}

export function PublicPageForm({ projectId, enabled, slug, suggestedSlug, canEdit }: { projectId: string; enabled: boolean; slug: string | null; suggestedSlug: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [on, setOn] = useState(enabled);
  const [address, setAddress] = useState(slug ?? suggestedSlug);
  const save = useMutation(trpc.status.setPublicPage.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      aria-label="Public status page"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ projectId, enabled: on, slug: address });
      }}
    >
      <div className="flex items-start gap-2">
        <input id="public-enabled" type="checkbox" className="mt-0.5 size-4 accent-accent" checked={on} disabled={!canEdit} onChange={(e) => setOn(e.target.checked)} />
        <label htmlFor="public-enabled" className="text-sm">
          Publish a public status page
          <span className="block text-xs text-muted">
            Anyone with the link reads the health and updates published for the public page, the milestones (title, date, state) and the risks marked public (title, band, status); updates for members only never appear. Turning it off removes it at once.
          </span>
        </label>
      </div>
      <Field label="Address" htmlFor="public-slug" hint="Lower-case letters, digits and dashes.">
        <div className="flex items-center gap-1 text-sm text-muted">
          <span>/status/</span>
          <Input id="public-slug" value={address} disabled={!canEdit} onChange={(e) => setAddress(e.target.value.toLowerCase())} maxLength={50} />
        </div>
      </Field>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            Save public page
          </Button>
          {save.isSuccess ? <SuccessMessage>{save.data.publicEnabled ? 'The public page is on.' : 'The public page is off.'}</SuccessMessage> : null}
        </div>
      ) : null}
      <ErrorMessage>{save.error?.message}</ErrorMessage>
      {enabled && slug ? (
        <p className="text-xs text-muted">
          Live at{' '}
          <a className="text-accent underline" href={`/status/${slug}`}>
            /status/{slug}
          </a>{' '}
          · feed <code>/status/{slug}/feed.atom</code> · calendar <code>/status/{slug}/milestones.ics</code> · badge <code>/status/{slug}/badge.svg</code>
        </p>
      ) : null}
    </form>
  );
}

const outcomeTone: Record<string, string> = {
  succeeded: 'border-low/40 bg-low-soft text-low-ink',
  failed: 'border-medium/40 bg-medium-soft text-medium-ink',
  gave_up: 'border-critical/40 bg-critical-soft text-critical-ink',
};
const outcomeLabel: Record<string, string> = { succeeded: 'Delivered', failed: 'Failed, will retry', gave_up: 'Failed, gave up' };

export function WebhooksPanel({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const hooks = useQuery(trpc.status.webhooks.queryOptions({ projectId }));
  const deliveries = useQuery(trpc.status.deliveries.queryOptions({ projectId }, { refetchInterval: 5_000 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.status.pathKey() });
  const add = useMutation(
    trpc.status.addWebhook.mutationOptions({
      onSuccess: (created) => {
        setSecret(created.secret);
        setUrl('');
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.status.removeWebhook.mutationOptions({ onSuccess: () => void refresh() }));
  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Add a webhook"
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ projectId, url });
        }}
      >
        <Field label="Webhook URL" htmlFor="webhook-url" className="flex-1">
          <Input id="webhook-url" type="url" placeholder="https://example.com/hooks/waymark" value={url} onChange={(e) => setUrl(e.target.value)} required />
        </Field>
        <Button type="submit" disabled={add.isPending}>
          Add webhook
        </Button>
      </form>
      <ErrorMessage>{add.error?.message ?? remove.error?.message}</ErrorMessage>
      {secret ? (
        <SuccessMessage>
          Added. Its signing secret, shown only now: <code className="break-all">{secret}</code>
        </SuccessMessage>
      ) : null}
      {hooks.data?.length ? (
        <ul className="divide-y divide-line rounded-md border border-line">
          {hooks.data.map((h) => (
            <li key={h.id} className="flex items-center gap-3 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1 truncate">{h.url}</span>
              <ConfirmButton label="Remove" ariaLabel={`Remove ${h.url}`} question="Remove this webhook?" confirmLabel="Remove" onConfirm={() => remove.mutate({ projectId, webhookId: h.id })} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No webhooks yet.</p>
      )}
      <section aria-labelledby="delivery-log">
        <h3 id="delivery-log" className="mb-2 text-sm font-semibold">
          Delivery log
        </h3>
        {deliveries.data?.length ? (
          // Five columns do not fit a phone: the log scrolls inside its own box.
          <div className="overflow-x-auto">
            <table className="w-full min-w-[34rem] text-left text-xs">
              <thead className="text-muted">
                <tr>
                  <th className="py-1 font-medium">When</th>
                  <th className="py-1 font-medium">URL</th>
                  <th className="py-1 font-medium">Event</th>
                  <th className="py-1 font-medium">Attempt</th>
                  <th className="py-1 font-medium">Result</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.map((d) => (
                  <tr key={d.id} className="border-t border-line">
                    <td className="py-1 pr-2 whitespace-nowrap">{format(d.attemptedAt, 'd MMM HH:mm:ss')}</td>
                    <td className="max-w-48 truncate py-1 pr-2">{d.url}</td>
                    <td className="py-1 pr-2">{d.event}</td>
                    <td className="py-1 pr-2">{d.attempt}</td>
                    <td className="py-1">
                      <Badge tone={outcomeTone[d.outcome]}>{outcomeLabel[d.outcome] ?? d.outcome}</Badge>{' '}
                      <span className="text-muted">
                        {d.responseStatus ? `HTTP ${d.responseStatus}` : d.error}
                        {d.retryAt ? ` · next attempt at ${format(d.retryAt, 'HH:mm:ss')}` : ''}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-muted">Nothing sent yet: webhooks are called when an update is published or corrected.</p>
        )}
      </section>
    </div>
  );
}
