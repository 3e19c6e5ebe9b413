// Technology oversight (issue 16): what each project relies on (software, libraries, services,
// hardware, tools), where it sits on the radar, the history of its ring, when the project's radar
// was last reviewed, and the licences a workspace does not allow. The tech.* procedures write these
// in transactions (docs/api.md, "Technology").
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';
import { workspace } from './workspace';

export const techKinds = ['software', 'library', 'service', 'hardware', 'tool'] as const;
export type TechKind = (typeof techKinds)[number];
export const techQuadrants = ['techniques', 'platforms', 'tools', 'languages-frameworks'] as const;
export type TechQuadrant = (typeof techQuadrants)[number];
export const techRings = ['adopt', 'trial', 'assess', 'hold'] as const;
export type TechRing = (typeof techRings)[number];
export const techEcosystems = ['npm', 'pypi', 'go', 'maven'] as const;
export type TechEcosystem = (typeof techEcosystems)[number];

const inList = (column: string, values: readonly string[]) => sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(', ')})`);

export const techItem = pgTable(
  'tech_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<TechKind>().notNull(),
    /** The package ecosystem a manifest named it in; null for what was entered by hand. */
    ecosystem: text('ecosystem').$type<TechEcosystem>(),
    /** `manual`, or the manifest file it was last imported from (`package.json`, `go.mod`...). */
    source: text('source').notNull().default('manual'),
    /** The version in use, as written (semver or not: "12", "2024.1", "^18.2.0"). */
    version: text('version').notNull().default(''),
    /** The newest version known (by hand or from the registry check); null when unknown. */
    latestVersion: text('latest_version'),
    latestCheckedAt: timestamp('latest_checked_at', { withTimezone: true }),
    eolDate: date('eol_date', { mode: 'string' }),
    /** Who looks after it: a project member (`ownerId`) or a name (a team, a vendor). */
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    ownerName: text('owner_name').notNull().default(''),
    /** An SPDX identifier or expression ("MIT", "Apache-2.0 OR MIT"), or whatever the vendor calls it. */
    licence: text('licence').notNull().default(''),
    costPerMonthCents: integer('cost_per_month_cents'),
    fitNotes: text('fit_notes').notNull().default(''),
    /** "What this means for the project", in plain words; shown on the public status page only when `isPublic`. */
    stakeholderNote: text('stakeholder_note').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    quadrant: text('quadrant').$type<TechQuadrant>().notNull(),
    ring: text('ring').$type<TechRing>().notNull(),
    /** When the ring last changed (null: never since it was added); marks blips moved since the last review. */
    ringChangedAt: timestamp('ring_changed_at', { withTimezone: true }),
    /** Bumped by every change; a write naming an older revision is refused (a stale tab). */
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One item per name and ecosystem in a project: imports update it, never duplicate it.
    unique('tech_item_identity').on(t.projectId, t.ecosystem, t.name).nullsNotDistinct(),
    check('tech_item_kind', inList('kind', techKinds)),
    check('tech_item_quadrant', inList('quadrant', techQuadrants)),
    check('tech_item_ring', inList('ring', techRings)),
    check('tech_item_ecosystem', sql`"ecosystem" is null or ${inList('ecosystem', techEcosystems)}`),
    check('tech_item_cost', sql`${t.costPerMonthCents} is null or ${t.costPerMonthCents} >= 0`),
  ],
);

/** Every move of an item between rings (and where it was first placed, `fromRing` null), with who and why. */
export const techRingChange = pgTable(
  'tech_ring_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => techItem.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    fromRing: text('from_ring').$type<TechRing>(),
    toRing: text('to_ring').$type<TechRing>().notNull(),
    reason: text('reason').notNull().default(''),
    changedBy: text('changed_by').references(() => user.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tech_ring_change_item_idx').on(t.itemId, t.id)],
);

/** A project's radar review: blips whose ring changed after `lastReviewedAt` are shown as moved. */
export const techReview = pgTable('tech_review', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }).notNull(),
  lastReviewedBy: text('last_reviewed_by').references(() => user.id, { onDelete: 'set null' }),
});

/** A workspace's technology policy: licences its projects must not use. */
export const techPolicy = pgTable('tech_policy', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspace.id, { onDelete: 'cascade' }),
  deniedLicences: jsonb('denied_licences').$type<string[]>().notNull().default([]),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
