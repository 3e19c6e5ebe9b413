// Full-text search across every project a user is a member of (issue 18): risks, plan items and goals,
// meeting actions and decisions, status updates (drafts only for writers) and comments (not those on
// drafts, for viewers). Postgres full-text search with websearch_to_tsquery, so any text a person
// types is a valid query; each to_tsvector expression is the one its GIN index is built on (db/schema),
// so the index serves it. The same SQL runs on PGlite.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';

export const searchKinds = ['risk', 'planItem', 'action', 'decision', 'update', 'comment'] as const;
export type SearchKind = (typeof searchKinds)[number];

export interface SearchResult {
  projectId: string;
  projectName: string;
  kind: SearchKind;
  id: string;
  title: string;
  /** The best matching words in context, matches between `**` (Markdown bold). */
  snippet: string;
  /** For an action or decision, its meeting; for a comment, the item it is on. */
  meetingId: string | null;
  target: { kind: string; id: string } | null;
}

type Row = {
  project_id: string;
  project_name: string;
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  meeting_id: string | null;
  target_kind: string | null;
  target_id: string | null;
};

/**
 * How many matches of each kind are ranked. Ranking reads each match's text again, so a word in
 * every one of 100,000 items would take a second to rank in full; the best of the first matches is
 * what a person typing such a word gets, in tens of milliseconds (docs/api.md, search.query).
 */
export const candidatesPerKind = 1_000;

/** The ranked matches of `q` in the caller's projects, best first. */
export async function searchProjects(db: Executor, userId: string, q: string, limit: number): Promise<SearchResult[]> {
  const rows = await db.execute<Row>(sql`
    with my as (
      select project_id, role from project_member where user_id = ${userId}
    ), query as (
      select websearch_to_tsquery('english', ${q}) as q
    ), found as (
      (select r.project_id, 'risk' as kind, r.id, r.title, r.title || ' ' || r.description as body, null::text as meeting_id, null::text as target_kind, null::text as target_id
      from raid_item r join my on my.project_id = r.project_id, query
      where to_tsvector('english', r.title || ' ' || r.description) @@ query.q limit ${candidatesPerKind})
      union all
      (select p.project_id, 'planItem', p.id, p.title, p.title || ' ' || p.description, null, null, null
      from plan_item p join my on my.project_id = p.project_id, query
      where to_tsvector('english', p.title || ' ' || p.description) @@ query.q limit ${candidatesPerKind})
      union all
      (select g.project_id, 'planItem', g.id, g.title, g.title || ' ' || g.metric, null, null, null
      from plan_goal g join my on my.project_id = g.project_id, query
      where to_tsvector('english', g.title || ' ' || g.metric) @@ query.q limit ${candidatesPerKind})
      union all
      (select a.project_id, 'action', a.id, a.title, a.title, a.meeting_id::text, null, null
      from meeting_action a join my on my.project_id = a.project_id, query
      where to_tsvector('english', a.title) @@ query.q limit ${candidatesPerKind})
      union all
      (select d.project_id, 'decision', d.id, left(d.text, 120), d.text, d.meeting_id::text, null, null
      from meeting_decision d join my on my.project_id = d.project_id, query
      where to_tsvector('english', d.text) @@ query.q limit ${candidatesPerKind})
      union all
      (select u.project_id, 'update', u.id::text,
        case when u.published_at is null then 'Status update draft' else 'Status update of ' || to_char(u.published_at at time zone 'UTC', 'YYYY-MM-DD') end,
        u.summary || ' ' || u.health_reason || ' ' || u.highlights || ' ' || u.lowlights || ' ' || u.asks || ' ' || u.next_steps, null, null, null
      from status_update u join my on my.project_id = u.project_id, query
      where to_tsvector('english', u.summary || ' ' || u.health_reason || ' ' || u.highlights || ' ' || u.lowlights || ' ' || u.asks || ' ' || u.next_steps) @@ query.q
        and (u.published_at is not null or my.role in ('owner', 'editor'))
      limit ${candidatesPerKind})
      union all
      (select c.project_id, 'comment', c.id::text, 'Comment', c.body, null, c.target_kind, c.target_id
      from comment c join my on my.project_id = c.project_id, query
      where to_tsvector('english', c.body) @@ query.q
        and (my.role in ('owner', 'editor') or c.target_kind <> 'update'
          or exists (select 1 from status_update u where u.id::text = c.target_id and u.project_id = c.project_id and u.published_at is not null))
      limit ${candidatesPerKind})
    ), ranked as (
      -- Each body is the very text its kind's index expression reads, so this is the vector matched.
      select found.*, ts_rank(to_tsvector('english', found.body), query.q) as rank from found, query
    ), best as (
      select * from ranked order by rank desc, project_id, kind, id limit ${limit}
    )
    select best.project_id, project.name as project_name, best.kind, best.id, best.title, best.meeting_id, best.target_kind, best.target_id,
      ts_headline('english', best.body, query.q, 'MaxWords=30, MinWords=10, MaxFragments=2, StartSel=**, StopSel=**') as snippet
    from best join project on project.id = best.project_id, query
    order by best.rank desc, best.project_id, best.kind, best.id
  `);
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: Row[] }).rows) as Row[];
  return list.map((row) => ({
    projectId: row.project_id,
    projectName: row.project_name,
    kind: row.kind,
    id: row.id,
    title: row.title,
    snippet: row.snippet,
    meetingId: row.meeting_id,
    target: row.target_kind && row.target_id ? { kind: row.target_kind, id: row.target_id } : null,
  }));
}
