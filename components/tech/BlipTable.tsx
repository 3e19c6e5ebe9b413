// Every blip of a radar picture as a table row, under the same number: what the picture shows in
// shapes (moved since the review, needs attention) the table says in words with an icon.
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { quadrantLabels, ringLabels, ringTones } from './model';
import type { PlacedBlip, RadarBlipInput } from './radarLayout';

export function MovedMark() {
  return (
    <span className="inline-flex items-center gap-1 text-xs font-medium text-accent-ink">
      <svg viewBox="0 0 12 12" className="size-3" aria-hidden="true">
        <path d="M6 1.5 L10.5 10 L1.5 10 Z" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      Moved since review
    </span>
  );
}

export function AttentionMark({ children }: { children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 text-xs font-semibold text-danger">
      <svg viewBox="0 0 12 12" className="size-3" aria-hidden="true">
        <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M6 3v3.5M6 8.4v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {children}
    </span>
  );
}

export function BlipTable<B extends RadarBlipInput>({
  placed,
  caption,
  extraHeader,
  extra,
  attentionText = 'Needs attention',
}: {
  placed: PlacedBlip<B>[];
  caption: string;
  extraHeader?: string;
  extra?: (blip: B) => ReactNode;
  attentionText?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm" data-testid="blip-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-sunken text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              #
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Technology
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Quadrant
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Ring
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Notes
            </th>
            {extraHeader ? (
              <th scope="col" className="px-3 py-2 font-medium">
                {extraHeader}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {placed.map(({ blip, number }) => (
            <tr key={blip.key} data-testid="blip-row">
              <td className="px-3 py-2 tabular-nums text-muted">{number}</td>
              <th scope="row" className="px-3 py-2 font-medium break-words">
                {blip.name}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{quadrantLabels[blip.quadrant]}</td>
              <td className="px-3 py-2">
                <Badge tone={ringTones[blip.ring]}>{ringLabels[blip.ring]}</Badge>
              </td>
              <td className="px-3 py-2">
                <span className="flex flex-col gap-1">
                  {blip.moved ? <MovedMark /> : null}
                  {blip.standsOut ? <AttentionMark>{attentionText}</AttentionMark> : null}
                </span>
              </td>
              {extra ? <td className="px-3 py-2">{extra(blip)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {placed.length === 0 ? <p className="px-3 py-4 text-center text-sm text-muted">Nothing on the radar yet.</p> : null}
    </div>
  );
}
