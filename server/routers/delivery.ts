// Delivery data (docs/api.md, "Delivery data"): work items imported from a tracker's CSV export
// through a column mapping (with a preview, problems reported by line, re-imports updating items by
// key), and the series the insights page draws: throughput per week, cycle times, burn-up per
// milestone. An import writes in one transaction: all the good rows, or nothing.
import { z } from 'zod';
import {
  deliveryCsvSchema,
  deliveryMappingSchema,
  guessDeliveryMapping,
  previewDeliveryCsv,
  readDeliveryCsv,
  type LineProblem,
} from '../domain/deliveryCsv';
import { burnUp, cycleTimes, cycleTimesWindowStart, weeklyThroughput } from '../domain/deliverySeries';
import {
  deliveryFactsResolvedSince,
  deliveryItemCount,
  deliveryItemsPage,
  deliveryKeysOf,
  deliveryTimesOf,
  lastDeliveryMapping,
  maxDeliveryItemsPerProject,
  planItemsOf,
  rememberDeliveryMapping,
  storeDeliveryRows,
} from '../data/delivery';
import { todayUtc } from '../domain/dates';
import { createTRPCRouter, projectProcedure } from '../trpc';

export interface DeliveryImportResult {
  /** Items added (or, with dryRun or when nothing was written, that would be). */
  created: number;
  updated: number;
  errors: LineProblem[];
}

const importInput = z.object({
  csv: deliveryCsvSchema,
  mapping: deliveryMappingSchema,
  /** Check the file and count what would change, writing nothing (the preview step). */
  dryRun: z.boolean().optional(),
  /** Import the good rows of a file that has problems (the person saw the problems and said yes). */
  confirm: z.boolean().optional(),
});

export const deliveryRouter = createTRPCRouter({
  /**
   * The file's columns and first rows, with a mapping to start from: the project's last one when
   * its columns are all in this file, else one guessed from the column names (null if none fits).
   */
  preview: projectProcedure('editor')
    .input(z.object({ csv: deliveryCsvSchema }))
    .mutation(async ({ ctx, input }) => {
      const { columns, sample } = previewDeliveryCsv(input.csv);
      const last = await lastDeliveryMapping(ctx.db, ctx.project.id);
      const named = last && Object.entries(last).flatMap(([field, value]) => (field === 'planItemRules' || value === undefined ? [] : [value as string]));
      if (last && named!.every((column) => columns.includes(column))) return { columns, sample, mapping: last, mappingFrom: 'lastImport' as const };
      const guessed = guessDeliveryMapping(columns);
      return { columns, sample, mapping: guessed, mappingFrom: guessed ? ('guessed' as const) : null };
    }),

  /**
   * Imports work items: new keys are created, known keys updated. A file with problems writes
   * nothing unless `confirm` is set, and then only its good rows; a missing column or a file over
   * the limits writes nothing at all. `dryRun` answers the same without writing.
   */
  importCsv: projectProcedure('editor')
    .input(importInput)
    .mutation(async ({ ctx, input }): Promise<DeliveryImportResult> => {
      const projectId = ctx.project.id;
      const plan = await planItemsOf(ctx.db, projectId);
      const reading = await readDeliveryCsv(input.csv, input.mapping, plan);
      const write = !input.dryRun && !reading.refused && (reading.problems.length === 0 || input.confirm === true);
      return ctx.db.transaction(async (tx) => {
        const known = await deliveryKeysOf(tx, projectId);
        const updated = reading.rows.reduce((sum, row) => sum + (known.has(row.key) ? 1 : 0), 0);
        const created = reading.rows.length - updated;
        if (known.size + created > maxDeliveryItemsPerProject) {
          return { created: 0, updated: 0, errors: [{ line: 1, message: `the project would have more than ${maxDeliveryItemsPerProject.toLocaleString('en-GB')} work items; nothing was imported` }, ...reading.problems] };
        }
        if (input.dryRun || write) {
          if (write) {
            await storeDeliveryRows(tx, projectId, reading.rows, input.mapping);
            await rememberDeliveryMapping(tx, projectId, input.mapping, ctx.user.id);
          }
          return { created, updated, errors: reading.problems };
        }
        return { created: 0, updated: 0, errors: reading.problems };
      });
    }),

  /** The project's work items in key order, a page at a time (`after`: the last key of the page before). */
  list: projectProcedure('viewer')
    .input(
      z.object({
        after: z.string().min(1).max(200, 'must be at most 200 characters').optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        planItemId: z.string().min(1).max(200, 'must be at most 200 characters').optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [items, total] = await Promise.all([deliveryItemsPage(ctx.db, ctx.project.id, input), deliveryItemCount(ctx.db, ctx.project.id)]);
      return { items, total, nextAfter: items.length === input.limit ? items.at(-1)!.key : null };
    }),

  /** The insights page's series over the last `weeks` weeks (the current one included, last). */
  summary: projectProcedure('viewer')
    .input(z.object({ weeks: z.number().int().min(1).max(104).default(12) }))
    .query(async ({ ctx, input }) => {
      const today = todayUtc();
      // Every item's dates for the counts; titles only for the cycle times' window (the costly part to read).
      const [items, recentlyResolved, plan] = await Promise.all([
        deliveryTimesOf(ctx.db, ctx.project.id),
        deliveryFactsResolvedSince(ctx.db, ctx.project.id, cycleTimesWindowStart(today, input.weeks)),
        planItemsOf(ctx.db, ctx.project.id),
      ]);
      const resolved = items.reduce((sum, item) => sum + (item.resolvedAt ? 1 : 0), 0);
      return {
        today,
        itemCount: items.length,
        resolvedCount: resolved,
        openCount: items.length - resolved,
        throughput: weeklyThroughput(items, today, input.weeks),
        cycleTimes: cycleTimes(recentlyResolved, today, input.weeks),
        burnUp: burnUp(items, plan, today, input.weeks, ctx.project.name),
      };
    }),
});

