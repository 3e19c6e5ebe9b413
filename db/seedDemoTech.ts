// The demo's technology: the Atlas project's inventory (PostgreSQL 12 past its end of life, Node.js
// 18 past it too, the payment provider's API v2 reaching it within weeks, Moment.js on hold but
// still in use, Next.js a major behind, MinIO under a licence the workspace denies), its radar's
// ring history and last review, one item shown on the public status page with a plain-language
// note, and a few items of the second project so the workspace radar merges them. Tech items are
// records in Postgres, written directly in one transaction; dates are relative to the seed day.
import { count, eq } from 'drizzle-orm';
import { addDays, formatISO, subDays } from 'date-fns';
import type { Database } from './index';
import { techItem, techPolicy, techReview, techRingChange, type TechEcosystem, type TechKind, type TechQuadrant, type TechRing } from './schema';
import { bumpPublicRevision } from '@/server/data/status';

type Who = 'owner' | 'editor' | 'viewer';

export interface DemoTechInput {
  workspaceId: string;
  projectId: string;
  /** The second project of the workspace, when it was seeded. */
  searchProjectId: string | null;
  ids: Record<Who, string>;
  today: Date;
}

/** The licences the demo workspace does not allow. */
export const demoDeniedLicences = ['AGPL-3.0', 'SSPL-1.0'];

type DemoTechItem = {
  name: string;
  kind: TechKind;
  ecosystem?: TechEcosystem;
  source?: string;
  version?: string;
  latestVersion?: string;
  /** A fixed date (a vendor's published end of life) or days from the seed day. */
  eol?: string | { inDays: number };
  owner?: Who;
  ownerName?: string;
  licence?: string;
  costPerMonthCents?: number;
  fitNotes?: string;
  stakeholderNote?: string;
  isPublic?: boolean;
  quadrant: TechQuadrant;
  /** Rings it went through, oldest first, each with when (days ago), who and why; the last is its ring now. */
  rings: { ring: TechRing; daysAgo: number; by: Who; reason: string }[];
};

const atlas: DemoTechItem[] = [
  {
    name: 'PostgreSQL', kind: 'software', version: '12.19', latestVersion: '17.2', eol: '2024-11-14', owner: 'editor', licence: 'PostgreSQL', costPerMonthCents: 240_000, quadrant: 'platforms',
    fitNotes: 'Handles our load; the migration to 16 is rehearsed in the cut-over plan.',
    stakeholderNote: 'Our main database. The version we run no longer gets security fixes, so moving to a supported version is part of this migration, on the cut-over weekend.',
    isPublic: true,
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'The platform we run today' }],
  },
  {
    name: 'Node.js', kind: 'software', version: '18.20.4', latestVersion: '22.11.0', eol: '2025-04-30', owner: 'editor', licence: 'MIT', quadrant: 'platforms',
    fitNotes: 'The checkout service still runs on 18; the new services use 22.',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'Runtime of every service' }],
  },
  {
    name: 'Payment provider API v2', kind: 'service', version: 'v2', latestVersion: 'v3', eol: { inDays: 60 }, owner: 'owner', ownerName: 'Payments vendor', quadrant: 'platforms',
    fitNotes: 'Refunds and payouts still call v2; v3 changes the webhook signatures.',
    rings: [
      { ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'Current integration' },
      { ring: 'hold', daysAgo: 9, by: 'owner', reason: 'Sunset announced: nothing new on v2, move the rest to v3' },
    ],
  },
  {
    name: 'next', kind: 'library', ecosystem: 'npm', source: 'package.json', version: '15.5.2', latestVersion: '16.4.6', licence: 'MIT', quadrant: 'languages-frameworks',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'editor', reason: 'Web front end' }],
  },
  {
    name: 'moment', kind: 'library', ecosystem: 'npm', source: 'package.json', version: '2.29.4', latestVersion: '2.30.1', licence: 'MIT', quadrant: 'languages-frameworks',
    fitNotes: 'Used in the invoice views; about 40 call sites.',
    rings: [
      { ring: 'adopt', daysAgo: 56, by: 'editor', reason: 'In use since the first release' },
      { ring: 'hold', daysAgo: 10, by: 'editor', reason: 'In maintenance mode upstream; new code uses date-fns' },
    ],
  },
  {
    name: 'date-fns', kind: 'library', ecosystem: 'npm', source: 'package.json', version: '4.1.0', latestVersion: '4.1.0', licence: 'MIT', quadrant: 'languages-frameworks',
    rings: [
      { ring: 'trial', daysAgo: 30, by: 'editor', reason: 'Trying it in the refunds views' },
      { ring: 'adopt', daysAgo: 8, by: 'editor', reason: 'Replaces moment in new code' },
    ],
  },
  {
    name: 'Redis', kind: 'service', version: '7.2.4', latestVersion: '7.4.1', eol: { inDays: 400 }, ownerName: 'Platform team', licence: 'BSD-3-Clause', costPerMonthCents: 38_000, quadrant: 'platforms',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'Sessions and job queues' }],
  },
  {
    name: 'MinIO', kind: 'service', version: 'RELEASE.2024-10-13', licence: 'AGPL-3.0-only', quadrant: 'platforms',
    fitNotes: 'Trialled for export files instead of S3 in the staging cluster.',
    rings: [{ ring: 'trial', daysAgo: 5, by: 'editor', reason: 'Cheaper storage for exports in staging' }],
  },
  {
    name: 'AWS', kind: 'service', ownerName: 'Cloud platform team', costPerMonthCents: 1_850_000, quadrant: 'platforms',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'Company cloud' }],
  },
  {
    name: 'Terraform', kind: 'tool', version: '1.5.7', latestVersion: '1.9.8', licence: 'MPL-2.0', quadrant: 'tools',
    fitNotes: 'Pinned to 1.5.x, the last MPL release; OpenTofu is being assessed.',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'editor', reason: 'Infrastructure as code' }],
  },
  {
    name: 'OpenTofu', kind: 'tool', version: '1.8.5', licence: 'MPL-2.0', quadrant: 'tools',
    rings: [{ ring: 'assess', daysAgo: 20, by: 'editor', reason: 'An open fork of Terraform, should its licence matter to us' }],
  },
  {
    name: 'Datadog', kind: 'service', ownerName: 'SRE', costPerMonthCents: 420_000, quadrant: 'tools',
    rings: [
      { ring: 'trial', daysAgo: 45, by: 'editor', reason: 'Dashboards for the migration rehearsals' },
      { ring: 'adopt', daysAgo: 21, by: 'owner', reason: 'Rehearsal dashboards proved their worth' },
    ],
  },
  {
    name: 'Team laptops (MacBook Pro M3)', kind: 'hardware', ownerName: 'IT', costPerMonthCents: 96_000, eol: { inDays: 700 }, quadrant: 'platforms',
    rings: [{ ring: 'adopt', daysAgo: 56, by: 'owner', reason: 'Standard issue' }],
  },
  {
    name: 'Blue-green deployments', kind: 'tool', quadrant: 'techniques',
    fitNotes: 'Lets the cut-over roll back in minutes.',
    rings: [{ ring: 'trial', daysAgo: 28, by: 'editor', reason: 'Rehearsed on the staging cluster' }],
  },
];

/** The second project's items: the workspace radar merges moment and PostgreSQL with Atlas's. */
const search: DemoTechItem[] = [
  { name: 'Elasticsearch', kind: 'software', version: '8.15.0', licence: 'Elastic-2.0', quadrant: 'platforms', rings: [{ ring: 'adopt', daysAgo: 40, by: 'owner', reason: 'Search engine' }] },
  { name: 'moment', kind: 'library', ecosystem: 'npm', source: 'package.json', version: '2.30.1', licence: 'MIT', quadrant: 'languages-frameworks', rings: [{ ring: 'adopt', daysAgo: 40, by: 'owner', reason: 'Date formatting in results' }] },
  { name: 'PostgreSQL', kind: 'software', version: '16.4', latestVersion: '17.2', eol: '2028-11-09', licence: 'PostgreSQL', quadrant: 'platforms', rings: [{ ring: 'adopt', daysAgo: 40, by: 'owner', reason: 'Catalogue store' }] },
];

/** Seeds the demo's tech inventory, radar history, review, public item and deny list; nothing when the project already has items. */
export async function seedDemoTech(db: Database, input: DemoTechInput): Promise<void> {
  const { workspaceId, projectId, searchProjectId, ids, today } = input;
  const [existing] = await db.select({ n: count() }).from(techItem).where(eq(techItem.projectId, projectId));
  if ((existing?.n ?? 0) > 0) return;
  const daysAgo = (days: number) => subDays(today, days);
  const eolOf = (eol: DemoTechItem['eol']) => (eol === undefined ? null : typeof eol === 'string' ? eol : formatISO(addDays(today, eol.inDays), { representation: 'date' }));
  await db.transaction(async (tx) => {
    const write = async (forProject: string, items: DemoTechItem[]) => {
      for (const { rings, owner, eol, ...fields } of items) {
        const first = rings[0]!;
        const last = rings.at(-1)!;
        const [row] = await tx
          .insert(techItem)
          .values({
            ...fields,
            projectId: forProject,
            ownerId: owner ? ids[owner] : null,
            eolDate: eolOf(eol),
            ring: last.ring,
            ringChangedAt: rings.length > 1 ? daysAgo(last.daysAgo) : null,
            latestCheckedAt: fields.latestVersion && fields.ecosystem ? daysAgo(1) : null,
            revision: rings.length,
            updatedBy: ids[last.by],
            createdAt: daysAgo(first.daysAgo),
            updatedAt: daysAgo(last.daysAgo),
          })
          .returning({ id: techItem.id });
        await tx.insert(techRingChange).values(
          rings.map((step, index) => ({
            itemId: row!.id,
            projectId: forProject,
            fromRing: index === 0 ? null : rings[index - 1]!.ring,
            toRing: step.ring,
            reason: step.reason,
            changedBy: ids[step.by],
            changedAt: daysAgo(step.daysAgo),
          })),
        );
      }
    };
    await write(projectId, atlas);
    if (searchProjectId) await write(searchProjectId, search);
    // Reviewed two weeks ago: the moves since (Moment.js and the payment API to hold, date-fns to adopt) show as moved, MinIO as new.
    await tx.insert(techReview).values({ projectId, lastReviewedAt: daysAgo(14), lastReviewedBy: ids.owner });
    await tx.insert(techPolicy).values({ workspaceId, deniedLicences: demoDeniedLicences, updatedBy: ids.owner }).onConflictDoNothing();
    await bumpPublicRevision(tx, projectId);
  });
}
