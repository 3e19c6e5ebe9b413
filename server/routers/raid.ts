// The RAID log (risk board): reads come from the projection, writes go through the live document.
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { projectMember, raidItem, raidItemChange, user } from '@/db/schema';
import { readProjectionIssues } from '../collab/projections/issues';
import { parseRaidCsv, raidItemsToCsv } from '../domain/raidCsv';
import { raidKinds, raidStatuses, severityBands, type RaidItem } from '../domain/risk';
import { createTRPCRouter, projectProcedure } from '../trpc';

const filters = z.object({
  kind: z.array(z.enum(raidKinds)).max(raidKinds.length).optional(),
  status: z.array(z.enum(raidStatuses)).max(raidStatuses.length).optional(),
  band: z.array(z.enum(severityBands)).max(severityBands.length).optional(),
  ownerId: z.string().min(1).max(200).optional(),
  likelihood: z.number().int().min(1).max(5).optional(),
  impact: z.number().int().min(1).max(5).optional(),
});
export type RaidFilters = z.infer<typeof filters>;

const maxCsvBytes = 2 * 1024 * 1024;

export const raidRouter = createTRPCRouter({
  /** Items sorted by score (highest first, unrated last), then most recently changed. */
  list: projectProcedure('viewer')
    .input(filters)
    .query(async ({ ctx, input }): Promise<RaidItem[]> => {
      const where = [eq(raidItem.projectId, ctx.project.id)];
      if (input.kind?.length) where.push(inArray(raidItem.kind, input.kind));
      if (input.status?.length) where.push(inArray(raidItem.status, input.status));
      if (input.band?.length) where.push(inArray(raidItem.band, input.band));
      if (input.ownerId) where.push(eq(raidItem.ownerId, input.ownerId));
      if (input.likelihood) where.push(eq(raidItem.likelihood, input.likelihood));
      if (input.impact) where.push(eq(raidItem.impact, input.impact));
      const rows = await ctx.db
        .select()
        .from(raidItem)
        .where(and(...where))
        .orderBy(sql`${raidItem.score} desc nulls last`, desc(raidItem.updatedAt), asc(raidItem.id));
      return rows.map(({ projectId: _projectId, ...row }) => row as RaidItem);
    }),

  /** Every recorded change of one item, newest first, with who made it. */
  history: projectProcedure('viewer')
    .input(z.object({ itemId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      return ctx.db
        .select({
          id: raidItemChange.id,
          field: raidItemChange.field,
          from: raidItemChange.fromValue,
          to: raidItemChange.toValue,
          changedAt: raidItemChange.changedAt,
          actorId: raidItemChange.actorId,
          actorName: user.name,
        })
        .from(raidItemChange)
        .leftJoin(user, eq(user.id, raidItemChange.actorId))
        .where(and(eq(raidItemChange.projectId, ctx.project.id), eq(raidItemChange.itemId, input.itemId)))
        .orderBy(desc(raidItemChange.id))
        .limit(500);
    }),

  /**
   * Imports a CSV (the export's columns; only `title` is required). All rows are checked first:
   * any problem rejects the whole file with every problem and its line number.
   */
  importCsv: projectProcedure('editor')
    .input(
      z.object({
        csv: z
          .string()
          .min(1, 'the file is empty')
          .refine((s) => Buffer.byteLength(s) <= maxCsvBytes, 'the file must be at most 2 MiB'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const members = await ctx.db
        .select({ id: user.id, email: user.email })
        .from(projectMember)
        .innerJoin(user, eq(user.id, projectMember.userId))
        .where(eq(projectMember.projectId, ctx.project.id));
      const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
      const parsed = parseRaidCsv(input.csv, (email) => byEmail.get(email));
      if (!parsed.ok) {
        const shown = parsed.problems.slice(0, 50).map((p) => `line ${p.line}: ${p.message}`);
        const more = parsed.problems.length > 50 ? [`…and ${parsed.problems.length - 50} more`] : [];
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Nothing was imported. Fix these rows and try again:\n${[...shown, ...more].join('\n')}`,
        });
      }
      if (!parsed.rows.length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Nothing was imported: the file has no rows.' });
      const result = await ctx.live.apply(
        'risks',
        ctx.project.id,
        { type: 'raid.import', rows: parsed.rows.map(({ id, fields }) => ({ id, fields })) },
        ctx.user.id,
      );
      return result;
    }),

  /** What the board's projection could not write (items left out of this log), for owners and editors. */
  projectionIssues: projectProcedure('editor').query(({ ctx }) => readProjectionIssues(ctx.db, ctx.project.id, 'risks')),

  exportCsv: projectProcedure('viewer').query(async ({ ctx }) => {
    const [items, members] = await Promise.all([
      ctx.db
        .select()
        .from(raidItem)
        .where(eq(raidItem.projectId, ctx.project.id))
        .orderBy(sql`${raidItem.score} desc nulls last`, asc(raidItem.createdAt)),
      ctx.db.select({ id: user.id, email: user.email }).from(user).innerJoin(projectMember, eq(projectMember.userId, user.id)).where(eq(projectMember.projectId, ctx.project.id)),
    ]);
    const emails = new Map(members.map((m) => [m.id, m.email]));
    return {
      filename: `${ctx.project.slug}-raid-log.csv`,
      csv: raidItemsToCsv(items as RaidItem[], (id) => emails.get(id)),
    };
  }),
});
