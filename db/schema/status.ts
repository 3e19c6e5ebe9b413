// Stakeholder communication: status updates (drafts, published, corrections kept as versions),
// each project's cadence and public status page, and the webhooks told about every publish.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';

export const projectHealth = pgEnum('project_health', ['on_track', 'at_risk', 'off_track']);
/** Who may read an update: `internal` (project members only) or `public` (also the public status page, feed and webhooks). */
export const updateAudience = pgEnum('update_audience', ['internal', 'public']);

export const statusUpdate = pgTable(
  'status_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    health: projectHealth('health').notNull(),
    healthReason: text('health_reason').notNull().default(''),
    summary: text('summary').notNull().default(''),
    highlights: text('highlights').notNull().default(''),
    lowlights: text('lowlights').notNull().default(''),
    asks: text('asks').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    /** Who started the draft; everyone who saved it is in status_update_author. */
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    /**
     * New drafts are internal until their author chooses the public page (a leak is worse than an
     * update that has to be shared again); updates published before audiences existed were public.
     */
    audience: updateAudience('audience').notNull().default('internal'),
    /** Bumped by every save, publish and correction: an edit based on an older revision is refused. */
    revision: integer('revision').notNull().default(0),
    /** Who saved the current text last (named when someone else's save is refused as stale). */
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    publishedBy: text('published_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null while it is a draft. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set when a published update is corrected; the page says "edited". */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** 1 when published; each correction adds one (status_update_version keeps the earlier ones). */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('status_update_project_published_idx').on(t.projectId, t.publishedAt),
    // Search (server/data/search.ts queries this very expression).
    index('status_update_search_idx').using(
      'gin',
      sql`to_tsvector('english', ${t.summary} || ' ' || ${t.healthReason} || ' ' || ${t.highlights} || ' ' || ${t.lowlights} || ' ' || ${t.asks} || ' ' || ${t.nextSteps})`,
    ),
  ],
);

/** Everyone who wrote an update (saved its draft, published or corrected it), in the order they first did. */
export const statusUpdateAuthor = pgTable(
  'status_update_author',
  {
    updateId: uuid('update_id')
      .notNull()
      .references(() => statusUpdate.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    firstSavedAt: timestamp('first_saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.userId] })],
);

/** A published update as it read before each correction. */
export const statusUpdateVersion = pgTable(
  'status_update_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    updateId: uuid('update_id')
      .notNull()
      .references(() => statusUpdate.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    editedBy: text('edited_by').references(() => user.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_update_version_update_idx').on(t.updateId, t.version)],
);

/** One row per project that has changed its communication settings (defaults otherwise). */
export const statusSettings = pgTable('status_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  /** How often an update is due, in days (7 = weekly); null when no cadence is set. */
  cadenceDays: integer('cadence_days'),
  /** ISO weekday the update is due on (1 = Monday … 7 = Sunday), for weekly and longer cadences. */
  cadenceWeekday: integer('cadence_weekday'),
  publicEnabled: boolean('public_enabled').notNull().default(false),
  /** Globally unique: `/status/<slug>`. */
  publicSlug: text('public_slug').unique(),
  /**
   * Bumped by every change the public page may show (publish, correction, settings, rename, every
   * projection write of the boards): its cache key. A row exists once anything was written.
   */
  revision: integer('revision').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const statusWebhook = pgTable(
  'status_webhook',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** Signs every delivery (HMAC-SHA256); shown to the owner once, when the webhook is added. */
    secret: text('secret').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_webhook_project_idx').on(t.projectId)],
);

/** One row per attempt to deliver one publish to one webhook. */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => statusWebhook.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    updateId: uuid('update_id').references(() => statusUpdate.id, { onDelete: 'set null' }),
    event: text('event').notNull(),
    attempt: integer('attempt').notNull(),
    /** `succeeded`, `failed` (will be retried) or `gave_up` (last attempt failed). */
    outcome: text('outcome').notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    durationMs: integer('duration_ms'),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set on a `failed` attempt until the next one is made: when it is due, with the body to send
     * again. A restarted server resumes every retry still owed (WebhookSender.resume).
     */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    retryBody: text('retry_body'),
  },
  (t) => [
    index('webhook_delivery_project_idx').on(t.projectId, t.attemptedAt),
    index('webhook_delivery_retry_idx').on(t.retryAt).where(sql`${t.retryAt} is not null`),
  ],
);
