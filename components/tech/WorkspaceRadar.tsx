'use client';
// The workspace radar: one blip per technology across every project, at the most cautious ring a
// live project gives it. A "hold" still used by a live project stands out (outline, "!" and words);
// each blip lists the projects using it, with links to their tech pages. Beside it, each project's
// item and alert counts, and the licence deny list.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Badge } from '@/components/ui/badge';
import { AttentionMark, BlipTable } from './BlipTable';
import { DenyListEditor } from './DenyListEditor';
import { ringLabels, ringTones } from './model';
import { RadarPicture } from './RadarPicture';
import { placeBlips } from './radarLayout';

export function WorkspaceRadar({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const trpc = useTRPC();
  const radar = useQuery(trpc.tech.radar.queryOptions({ workspaceId })).data;
  const placed = useMemo(() => placeBlips((radar?.blips ?? []).map((b) => ({ ...b, moved: b.movedSinceReview, standsOut: b.holdInActiveProject }))), [radar]);
  const holds = placed.filter((p) => p.blip.standsOut);
  if (!radar) return null;
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <div>
        <p className="text-xs text-muted">{workspaceName}</p>
        <h1 className="text-xl font-semibold tracking-tight">Technology radar</h1>
        <p className="mt-1 text-sm text-muted">Every project&apos;s technology in one picture, at the most cautious ring any live project gives it.</p>
      </div>
      {holds.length ? (
        <p role="status" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-2.5 text-sm text-danger" data-testid="holds-in-use">
          <AttentionMark>
            {holds.length} technolog{holds.length === 1 ? 'y' : 'ies'} on hold still used by a live project: {holds.map((h) => h.blip.name).join(', ')}.
          </AttentionMark>
        </p>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[26rem_minmax(0,1fr)]">
        <RadarPicture placed={placed} label={`${workspaceName}'s radar`} />
        <BlipTable
          placed={placed}
          caption="Every technology on the workspace radar, numbered as in the picture, with the projects using it"
          attentionText="On hold, used by a live project"
          extraHeader="Used by"
          extra={(blip) => (
            <ul className="flex flex-col gap-1">
              {blip.usedBy.map((use) => (
                <li key={use.itemId} className="flex flex-wrap items-center gap-1.5 text-xs">
                  <Link href={`/p/${use.projectId}/tech?item=${use.itemId}`} className="font-medium text-accent-ink hover:underline">
                    {use.projectName}
                  </Link>
                  {use.version ? <span className="font-mono text-muted">{use.version}</span> : null}
                  {blip.rings.length > 1 ? <Badge tone={ringTones[use.ring]}>{ringLabels[use.ring]}</Badge> : null}
                  {use.archived ? <span className="text-muted">(archived)</span> : null}
                </li>
              ))}
            </ul>
          )}
        />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-2">
        <section aria-labelledby="radar-projects-heading" className="rounded-lg border border-line bg-surface p-4">
          <h2 id="radar-projects-heading" className="text-sm font-semibold">
            Projects
          </h2>
          {radar.projects.length ? (
            <ul className="mt-2 flex flex-col divide-y divide-line">
              {radar.projects.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <Link href={`/p/${p.id}/tech`} className="min-w-0 flex-1 font-medium text-accent-ink hover:underline">
                    {p.name}
                    {p.archived ? <span className="font-normal text-muted"> (archived)</span> : null}
                  </Link>
                  <span className="text-xs text-muted">
                    {p.items} item{p.items === 1 ? '' : 's'}
                  </span>
                  {p.alerts ? (
                    <Badge tone="border-medium/40 bg-medium-soft text-medium-ink">
                      {p.alerts} alert{p.alerts === 1 ? '' : 's'}
                    </Badge>
                  ) : (
                    <span className="text-xs text-muted">No alerts</span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">No projects in this workspace yet.</p>
          )}
        </section>
        <DenyListEditor workspaceId={workspaceId} />
      </div>
    </div>
  );
}
