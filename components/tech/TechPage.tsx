'use client';
// The project's technology page: alerts, the radar (picture and table, with blips moved since the
// last review marked; editors drag a blip, or use the arrow keys, to move it to another ring), the
// inventory, the manifest import and the registry version check. The open item is kept in the
// address (`?item=<id>`) so a risk drafted from an alert links back to it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useItemInAddress } from '@/components/live/useItemInAddress';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDay } from '@/server/domain/dates';
import { AlertsPanel } from './AlertsPanel';
import { BlipTable } from './BlipTable';
import { ImportPanel } from './ImportPanel';
import { InventoryTable, inventoryHeadingId } from './InventoryTable';
import { isConflict, ringLabels, techErrorText, type TechItem, type TechRing } from './model';
import { MovableRadar } from './MovableRadar';
import { RadarPicture } from './RadarPicture';
import { placeBlips } from './radarLayout';
import { TechItemDialog } from './TechItemDialog';

function VersionCheck({ projectId, onDone }: { projectId: string; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const check = useMutation(trpc.tech.checkVersions.mutationOptions());
  async function run() {
    try {
      const outcome = await check.mutateAsync({ projectId });
      if (!outcome.configured) return onDone('No package registry is set up for this Waymark, so versions were not checked. The latest versions stay as last known.');
      if (outcome.checked === 0) return onDone('No npm packages to check: only npm items are checked against the registry.');
      const silent = outcome.checked - outcome.answered;
      const changed = outcome.changed.length
        ? `Newer versions found: ${outcome.changed.map((c) => `${c.name} ${c.to}`).join(', ')}.`
        : 'No newer versions found.';
      onDone(`${changed}${silent ? ` The registry did not answer for ${silent} of ${outcome.checked}; their latest versions stay as last known.` : ''}`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.tech.list.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.alerts.queryKey({ projectId }) }),
      ]);
    } catch {
      onDone('The registry could not be reached just now. Nothing changed; try again later.');
    }
  }
  return (
    <Button size="sm" onClick={() => void run()} disabled={check.isPending}>
      {check.isPending ? 'Checking…' : 'Check for newer versions'}
    </Button>
  );
}

export function TechPage({ projectId, canEdit, members }: { projectId: string; canEdit: boolean; members: { userId: string; name: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const items = useQuery(trpc.tech.list.queryOptions({ projectId })).data ?? [];
  const alerts = useQuery(trpc.tech.alerts.queryOptions({ projectId })).data ?? [];
  const review = useQuery(trpc.tech.review.queryOptions({ projectId })).data;
  const markReviewed = useMutation(trpc.tech.markReviewed.mutationOptions());
  const upsert = useMutation(trpc.tech.upsert.mutationOptions());
  const [savingMoves, setSavingMoves] = useState<ReadonlySet<string>>(new Set());
  const { itemInAddress, showInAddress } = useItemInAddress();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const returnFocusTo = useRef<string | null>(null);

  // The open item, following the address (a link, Back, Forward) once in the browser: the dialog is a
  // portal drawn after hydration, and closing it here closes it at once, so focus can go back.
  const [openItemId, setOpenItemId] = useState<string | null>(null);
  useEffect(() => setOpenItemId(itemInAddress), [itemInAddress]);
  const openItem = openItemId ? (items.find((i) => i.id === openItemId) ?? null) : null;
  const placed = useMemo(
    () =>
      placeBlips(
        items.map((item) => ({ ...item, key: item.id, moved: item.movedSinceReview, standsOut: item.ring === 'hold' })),
      ),
    [items],
  );

  const openEditor = useCallback(
    (item: TechItem, opener: string) => {
      returnFocusTo.current = opener;
      setNotice(null);
      setOpenItemId(item.id);
      showInAddress(item.id, 'push');
    },
    [showInAddress],
  );

  // Where focus goes once the dialog is gone: set on closing, used after the page drew without it
  // (the page is inert while the dialog is open, so focusing any sooner does nothing).
  const focusAfterClose = useRef<string | null>(null);
  const dialogOpen = openItem !== null || adding;
  useEffect(() => {
    const target = focusAfterClose.current;
    if (dialogOpen || !target) return;
    focusAfterClose.current = null;
    document.getElementById(target)?.focus();
  }, [dialogOpen]);

  const closeEditor = useCallback(() => {
    focusAfterClose.current = returnFocusTo.current;
    setAdding(false);
    setOpenItemId(null);
    showInAddress(null, 'replace');
  }, [showInAddress]);

  /**
   * The item is gone: focus goes to the next item of the list it was opened from (the inventory or
   * the radar table), the one before it when it was the last, or the inventory's heading when none is
   * left, never to the removed item's own button. Read before the list drops its row.
   */
  const itemRemoved = useCallback(
    (message: string) => {
      const opener = returnFocusTo.current;
      const prefix = opener?.startsWith('radar-open-') ? 'radar-open-' : 'tech-item-';
      const openers = [...document.querySelectorAll<HTMLElement>(`[id^="${prefix}"]`)];
      const at = openers.findIndex((element) => element.id === opener);
      returnFocusTo.current = (at < 0 ? undefined : (openers[at + 1] ?? openers[at - 1]))?.id ?? inventoryHeadingId;
      setNotice(message);
      closeEditor();
    },
    [closeEditor],
  );

  async function reviewNow() {
    setError(null);
    try {
      await markReviewed.mutateAsync({ projectId });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.tech.list.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.review.queryKey({ projectId }) }),
      ]);
      setNotice('Radar marked reviewed: moves from now on show as moved.');
    } catch (e) {
      setError(techErrorText(e));
    }
  }

  /** A blip dropped in another ring: shown there at once, saved with the revision read (a stale one is refused). */
  async function moveRing(item: TechItem, ring: TechRing) {
    setError(null);
    setNotice(null);
    setSavingMoves((keys) => new Set(keys).add(item.id));
    const listKey = trpc.tech.list.queryKey({ projectId });
    const showRing = (ring: TechRing, revision: number) =>
      queryClient.setQueryData(listKey, (old) => old?.map((i) => (i.id === item.id ? { ...i, ring, revision } : i)));
    showRing(ring, item.revision);
    try {
      const saved = await upsert.mutateAsync({ projectId, id: item.id, revision: item.revision, ring });
      showRing(ring, saved.revision);
      setNotice(`Moved ${item.name} from ${ringLabels[item.ring]} to ${ringLabels[ring]}. Open it to say why in its ring history.`);
    } catch (e) {
      showRing(item.ring, item.revision);
      setError(
        isConflict(e)
          ? `${item.name} was not moved: someone changed it since this page loaded. The radar now shows their version; move it again if it still belongs in ${ringLabels[ring]}.`
          : `${item.name} was not moved: ${techErrorText(e)}`,
      );
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.alerts.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.review.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.tech.history.queryKey({ projectId, id: item.id }) }),
      ]);
      setSavingMoves((keys) => {
        const left = new Set(keys);
        left.delete(item.id);
        return left;
      });
    }
  }

  const reviewLine = review?.lastReviewedAt
    ? `Last reviewed ${formatDay(new Date(review.lastReviewedAt).toISOString().slice(0, 10))}${review.lastReviewedByName ? ` by ${review.lastReviewedByName}` : ''}. ${review.movedSinceReview} moved and ${review.addedSinceReview} added since.`
    : 'Not reviewed yet: mark it reviewed to see what moves from then on.';

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <h2 className="text-base font-semibold">Technology</h2>
        {!canEdit ? (
          <p className="flex items-center gap-2 text-xs text-muted">
            <Badge tone="border-line-strong bg-surface text-ink">Read-only</Badge>
            <span>You can read the inventory and the radar but not change them.</span>
          </p>
        ) : null}
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
            <VersionCheck projectId={projectId} onDone={setNotice} />
            <Button size="sm" aria-expanded={importing} onClick={() => setImporting((open) => !open)}>
              Import manifest
            </Button>
            <Button
              id="add-tech-item"
              variant="primary"
              size="sm"
              onClick={() => {
                returnFocusTo.current = 'add-tech-item';
                setNotice(null);
                setAdding(true);
              }}
            >
              Add item
            </Button>
          </div>
        ) : null}
      </div>

      {notice ? (
        <p role="status" className="rounded-lg border border-line bg-sunken px-4 py-2.5 text-sm">
          {notice}
        </p>
      ) : null}
      <ErrorMessage>{error}</ErrorMessage>
      {/* Closed, not unmounted: text pasted before closing is still there when the panel opens again. */}
      <div hidden={!importing}>
        <ImportPanel projectId={projectId} onClose={() => setImporting(false)} />
      </div>

      <AlertsPanel projectId={projectId} alerts={alerts} canCreateRisk={canEdit} />

      <section aria-labelledby="project-radar-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h2 id="project-radar-heading" className="text-sm font-semibold">
            Radar
          </h2>
          <p className="text-xs text-muted" data-testid="radar-review">
            {reviewLine}
          </p>
          {canEdit ? (
            <Button size="sm" className="sm:ml-auto" onClick={() => void reviewNow()} disabled={markReviewed.isPending}>
              Mark reviewed
            </Button>
          ) : null}
        </div>
        <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[26rem_minmax(0,1fr)]">
          {canEdit ? (
            <MovableRadar placed={placed} label="This project's radar" onMove={(blip, ring) => void moveRing(blip, ring)} busyKeys={savingMoves} />
          ) : (
            <RadarPicture placed={placed} label="This project's radar" />
          )}
          <BlipTable
            placed={placed}
            caption="Every technology on this project's radar, numbered as in the picture"
            attentionText="On hold, still in use"
            extraHeader="Ring history"
            extra={(blip) => (
              <Button size="sm" variant="ghost" id={`radar-open-${blip.key}`} aria-label={`${canEdit ? 'Move or edit' : 'Open'} ${blip.name} and see its ring history`} onClick={() => openEditor(blip, `radar-open-${blip.key}`)}>
                {canEdit ? 'Move…' : 'Open'}
              </Button>
            )}
          />
        </div>
      </section>

      <InventoryTable items={items} onOpen={openEditor} />

      {openItem || adding ? (
        <TechItemDialog
          key={openItem?.id ?? 'new'}
          projectId={projectId}
          item={adding ? null : openItem}
          members={members}
          canEdit={canEdit}
          onClose={closeEditor}
          onSaved={(message) => {
            setNotice(message);
            closeEditor();
          }}
          onRemoved={itemRemoved}
        />
      ) : null}
    </div>
  );
}
