// Working together around the items (issue 18): comments on risks, plan items, actions, decisions
// and status updates, the inbox entries they and role changes write, and which derived inbox
// entries (due, overdue, assigned, owed: computed at read time) each user has read.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './project';

const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => project.id, { onDelete: 'cascade' });

/** The user an entry is for: their entries go with their account. */
const userRef = () =>
  text('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

export const comment = pgTable(
  'comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    /** `risk`, `planItem`, `action`, `decision` or `update` (server/domain/comments.ts). */
    targetKind: text('target_kind').notNull(),
    /** The item's id in its own table (a board id, or a status update's uuid as text). */
    targetId: text('target_id').notNull(),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    /** Markdown, rendered safely like status updates. */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when its author edits it: shown as "edited". */
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    index('comment_target_idx').on(t.projectId, t.targetKind, t.targetId, t.createdAt),
    index('comment_search_idx').using('gin', sql`to_tsvector('english', ${t.body})`),
    // The procedures' limit (server/domain/comments.ts), held by the database too.
    check('comment_body_length', sql`char_length(${t.body}) between 1 and 20000`),
  ],
);

/**
 * What the inbox stores (mentions, role changes); due dates, assignments and owed updates are
 * derived from the boards when the inbox is read, so they never go stale.
 */
export const inboxEntry = pgTable(
  'inbox_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userRef(),
    projectId: projectRef(),
    /** `mention` or `role_changed`. */
    kind: text('kind').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    /** The comment a mention is in; the entry goes when the comment does. */
    commentId: uuid('comment_id').references(() => comment.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** A short line shown in the list (the role given, the comment's first words). */
    detail: text('detail').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('inbox_entry_user_idx').on(t.userId, t.createdAt)],
);

/** A derived inbox entry the user has read, by its key (which changes when the entry is new again). */
export const inboxRead = pgTable(
  'inbox_read',
  {
    userId: userRef(),
    projectId: projectRef(),
    entryKey: text('entry_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entryKey] })],
);
