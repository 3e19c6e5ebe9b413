// Projects, their members and invites. A member's role decides what they may do on every board.
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { workspace } from './workspace';

export const projectRole = pgEnum('project_role', ['owner', 'editor', 'viewer']);

export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while the project is archived: read-only and left out of project lists. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Whether viewers may comment on the project's items (issue 18); the owner decides, off by default. */
    viewersMayComment: boolean('viewers_may_comment').notNull().default(false),
  },
  (t) => [unique('project_workspace_slug_key').on(t.workspaceId, t.slug)],
);

export const projectMember = pgTable(
  'project_member',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: projectRole('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_member_user_idx').on(t.userId)],
);

/**
 * An invitation to join a project with a role, by link (and e-mail when one is given and mail is
 * configured). Only the SHA-256 of the link's token is stored; the link works once, until expiry.
 */
export const projectInvite = pgTable(
  'project_invite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    role: projectRole('role').notNull(),
    /** Who it is for; only that address may accept it. Null for a link anyone holding it may use. */
    email: text('email'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('project_invite_project_idx').on(t.projectId)],
);
