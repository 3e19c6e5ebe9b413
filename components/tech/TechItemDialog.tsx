'use client';
// Adds or changes one tech item: every field, including fit notes, the plain-language note for
// stakeholders and whether the public status page shows it. Moving the ring asks why; the ring
// history (who, when, why) is listed under the form. A stale save (someone else saved first) keeps
// what the person typed and says so; pressing Save again saves it over the newer version.
// Viewers see the same panel read-only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateField } from '@/components/ui/date-field';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { SidePanel } from '@/components/ui/side-panel';
import { formatDay } from '@/server/domain/dates';
import {
  centsOf,
  costText,
  isConflict,
  kindLabels,
  quadrantLabels,
  ringLabels,
  ringMeanings,
  ringMoveText,
  techErrorText,
  techKinds,
  techQuadrants,
  techRings,
  type TechItem,
  type TechKind,
  type TechQuadrant,
  type TechRing,
} from './model';

/** Where a new item sits when no quadrant is chosen (as tech.upsert does). */
const quadrantForKind: Record<TechKind, TechQuadrant> = { library: 'languages-frameworks', tool: 'tools', software: 'platforms', service: 'platforms', hardware: 'platforms' };

function RingHistory({ projectId, itemId }: { projectId: string; itemId: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.tech.history.queryOptions({ projectId, id: itemId }));
  return (
    <section aria-labelledby={`ring-history-${itemId}`} className="border-t border-line pt-4">
      <h3 id={`ring-history-${itemId}`} className="text-sm font-semibold">
        Ring history
      </h3>
      {history.isPending ? (
        <p className="mt-1 text-sm text-muted">Loading…</p>
      ) : history.isError ? (
        <p className="mt-1 text-sm text-muted">The ring history could not be read just now.</p>
      ) : history.data.length === 0 ? (
        <p className="mt-1 text-sm text-muted">Not moved since it arrived (imports record no history until an item moves).</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-2" aria-label="Ring changes, newest first">
          {history.data.map((change) => (
            <li key={change.id} className="rounded-md border border-line bg-sunken px-3 py-2 text-sm" data-testid="ring-change">
              <p className="font-medium">{ringMoveText(change)}</p>
              <p className="text-xs text-muted">
                {change.changedByName ?? 'Someone no longer here'} · {formatDay(new Date(change.changedAt).toISOString().slice(0, 10))}
              </p>
              {change.reason ? <p className="mt-1 text-sm break-words">{change.reason}</p> : <p className="mt-1 text-xs text-muted">No reason given.</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function TechItemDialog({
  projectId,
  item,
  members,
  canEdit,
  onClose,
  onSaved,
  onRemoved,
}: {
  projectId: string;
  /** null: a new item. */
  item: TechItem | null;
  members: { userId: string; name: string }[];
  canEdit: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
  /** Called as soon as the item is gone, while the page still lists it (so focus can go to its neighbour). */
  onRemoved: (message: string) => void;
}) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upsert = useMutation(trpc.tech.upsert.mutationOptions());
  const removeItem = useMutation(trpc.tech.remove.mutationOptions());
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(item?.name ?? '');
  const [kind, setKind] = useState<TechKind>(item?.kind ?? 'software');
  const [version, setVersion] = useState(item?.version ?? '');
  const [latestVersion, setLatestVersion] = useState(item?.latestVersion ?? '');
  const [eolDate, setEolDate] = useState<string | null>(item?.eolDate ?? null);
  const [quadrant, setQuadrant] = useState<TechQuadrant | ''>(item?.quadrant ?? '');
  const [ring, setRing] = useState<TechRing>(item?.ring ?? 'assess');
  const [ringReason, setRingReason] = useState('');
  const [ownerId, setOwnerId] = useState(item?.ownerId ?? '');
  const [ownerName, setOwnerName] = useState(item?.ownerName ?? '');
  const [licence, setLicence] = useState(item?.licence ?? '');
  const [cost, setCost] = useState(costText(item?.costPerMonthCents ?? null).replace(/,/g, ''));
  const [fitNotes, setFitNotes] = useState(item?.fitNotes ?? '');
  const [stakeholderNote, setStakeholderNote] = useState(item?.stakeholderNote ?? '');
  const [isPublic, setIsPublic] = useState(item?.isPublic ?? false);
  const [revision, setRevision] = useState(item?.revision);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ringMoved = item !== null && ring !== item.ring;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tech.list.queryKey({ projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.tech.alerts.queryKey({ projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.tech.review.queryKey({ projectId }) }),
      item ? queryClient.invalidateQueries({ queryKey: trpc.tech.history.queryKey({ projectId, id: item.id }) }) : null,
    ]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Name: give the technology a name.');
    const costPerMonthCents = centsOf(cost);
    if (Number.isNaN(costPerMonthCents)) return setError('Cost per month: write an amount like 120 or 12.50.');
    if (ringMoved && !ringReason.trim()) return setError(`Reason: say why ${name.trim()} moves from ${ringLabels[item.ring]} to ${ringLabels[ring]}.`);
    setBusy(true);
    setError(null);
    try {
      await upsert.mutateAsync({
        projectId,
        ...(item ? { id: item.id, revision } : {}),
        name,
        kind,
        version,
        latestVersion: latestVersion.trim() || null,
        eolDate,
        ...(quadrant ? { quadrant } : {}),
        ring,
        ...(ringReason.trim() && (ringMoved || !item) ? { ringReason } : {}),
        ownerId: ownerId || null,
        ownerName,
        licence,
        costPerMonthCents,
        fitNotes,
        stakeholderNote,
        isPublic,
      });
      await refresh();
      onSaved(item ? `Saved ${name.trim()}.` : `Added ${name.trim()}.`);
    } catch (e) {
      if (isConflict(e) && item) {
        // Keep what was typed; learn the newer revision so a second Save is a deliberate overwrite.
        const fresh = (await queryClient.fetchQuery({ ...trpc.tech.list.queryOptions({ projectId }), staleTime: 0 })).find((i) => i.id === item.id);
        if (fresh) setRevision(fresh.revision);
        setError(
          fresh
            ? `${techErrorText(e)}. Your changes are still here: press Save again to save them over the newer version, or Cancel to see it.`
            : 'This item was removed by someone else while you had it open.',
        );
        void refresh();
      } else setError(techErrorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!item) return;
    try {
      await removeItem.mutateAsync({ projectId, id: item.id });
      onRemoved(`Removed ${item.name}.`);
      await refresh();
    } catch (e) {
      setError(techErrorText(e));
    }
  }

  const title = item ? (canEdit ? `Edit ${item.name}` : item.name) : 'New tech item';
  return (
    <SidePanel headingId={`${id}-heading`} headingRef={heading} title={title} closeLabel="Close tech item" onClose={onClose} widthClass="sm:w-[32rem]">
      {/* Read-only, the form holds nothing to focus: it takes focus itself, so its scrolling works from the keyboard. */}
      <form
        onSubmit={submit}
        aria-label="Tech item"
        tabIndex={canEdit ? undefined : 0}
        className="flex flex-1 flex-col gap-4 overflow-y-auto px-5 py-5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        noValidate
      >
        {!canEdit ? <p className="text-xs text-muted">You can read this item but not change it.</p> : null}
        <fieldset disabled={!canEdit} className="flex flex-col gap-4">
          <Field label="Name" htmlFor={`${id}-name`}>
            <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={300} required />
          </Field>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Kind" htmlFor={`${id}-kind`}>
              <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TechKind)}>
                {techKinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabels[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Licence" htmlFor={`${id}-licence`} hint="An SPDX id (MIT, Apache-2.0) or the vendor's terms.">
              <Input id={`${id}-licence`} value={licence} onChange={(e) => setLicence(e.target.value)} maxLength={200} />
            </Field>
            <Field label="Version in use" htmlFor={`${id}-version`}>
              <Input id={`${id}-version`} value={version} onChange={(e) => setVersion(e.target.value)} maxLength={100} className="font-mono" />
            </Field>
            <Field label="Latest known version" htmlFor={`${id}-latest`}>
              <Input id={`${id}-latest`} value={latestVersion} onChange={(e) => setLatestVersion(e.target.value)} maxLength={100} className="font-mono" />
            </Field>
            <Field label="End of life" htmlFor={`${id}-eol`}>
              <DateField id={`${id}-eol`} value={eolDate} onCommit={setEolDate} label="end of life" allowEmpty disabled={!canEdit} />
            </Field>
            <Field label="Cost per month" htmlFor={`${id}-cost`} hint="Optional, e.g. 120 or 12.50.">
              <Input id={`${id}-cost`} value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" />
            </Field>
          </div>
          <fieldset className="flex flex-col gap-3 rounded-md border border-line p-3">
            <legend className="px-1 text-[13px] font-medium text-muted">On the radar</legend>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field label="Ring" htmlFor={`${id}-ring`} hint={`${ringLabels[ring]}: ${ringMeanings[ring]}.`}>
                <Select id={`${id}-ring`} value={ring} onChange={(e) => setRing(e.target.value as TechRing)}>
                  {techRings.map((r) => (
                    <option key={r} value={r}>
                      {ringLabels[r]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Quadrant" htmlFor={`${id}-quadrant`}>
                <Select id={`${id}-quadrant`} value={quadrant} onChange={(e) => setQuadrant(e.target.value as TechQuadrant | '')}>
                  {item ? null : <option value="">By kind ({quadrantLabels[quadrantForKind[kind]]})</option>}
                  {techQuadrants.map((q) => (
                    <option key={q} value={q}>
                      {quadrantLabels[q]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            {ringMoved || !item ? (
              <Field
                label={ringMoved ? `Why move it from ${ringLabels[item.ring]} to ${ringLabels[ring]}?` : 'Why this ring? (optional)'}
                htmlFor={`${id}-ring-reason`}
                hint="Kept in the ring history with your name and the date."
              >
                <Textarea id={`${id}-ring-reason`} value={ringReason} onChange={(e) => setRingReason(e.target.value)} maxLength={1000} required={ringMoved} />
              </Field>
            ) : null}
          </fieldset>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Owner (a member)" htmlFor={`${id}-owner`}>
              <Select id={`${id}-owner`} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">No member</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Or owned by (a team, a vendor)" htmlFor={`${id}-owner-name`}>
              <Input id={`${id}-owner-name`} value={ownerName} onChange={(e) => setOwnerName(e.target.value)} maxLength={120} />
            </Field>
          </div>
          <Field label="Fit notes" htmlFor={`${id}-fit`} hint="How well it fits the project: limits, workarounds, what to watch.">
            <Textarea id={`${id}-fit`} value={fitNotes} onChange={(e) => setFitNotes(e.target.value)} maxLength={4000} />
          </Field>
          <Field label="What this means for the project (for stakeholders)" htmlFor={`${id}-note`} hint="Plain words, no jargon: what a stakeholder should know about it.">
            <Textarea id={`${id}-note`} value={stakeholderNote} onChange={(e) => setStakeholderNote(e.target.value)} maxLength={4000} />
          </Field>
          <div className="flex items-start gap-2 rounded-md border border-line bg-sunken px-3 py-2.5">
            <input id={`${id}-public`} type="checkbox" className="mt-0.5 size-4 accent-accent" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} aria-describedby={`${id}-public-hint`} />
            <div>
              <label htmlFor={`${id}-public`} className="text-sm font-medium">
                Show on the public status page
              </label>
              <p id={`${id}-public-hint`} className="text-xs text-muted">
                Anyone with the status page&apos;s link will see this item&apos;s name, its end of life and the note for stakeholders above. Fit notes, versions, owner,
                licence and cost stay private.
              </p>
            </div>
          </div>
        </fieldset>
        <ErrorMessage>{error}</ErrorMessage>
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? 'Saving…' : item ? 'Save' : 'Add item'}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            {item ? (
              <span className="ml-auto">
                <ConfirmButton label="Remove" ariaLabel={`Remove ${item.name}`} question={`Remove ${item.name} and its ring history?`} confirmLabel="Remove" onConfirm={() => void remove()} />
              </span>
            ) : null}
          </div>
        ) : null}
        {item ? <RingHistory projectId={projectId} itemId={item.id} /> : null}
      </form>
    </SidePanel>
  );
}
