// Projection of the risk board: derives raid_item rows from the live document and records every
// field change in raid_item_change: one row per author for text several people typed in since the
// last run (each is credited with the change), the last author's for a plain value. Idempotent: run twice on the same document, it changes nothing
// the second time; run on an empty table, it rebuilds the rows from the document (restoring, not
// re-creating, the items its history already has).
// One bad value never blocks the others: text is made storable on read (storableText), an item whose
// id cannot be stored is skipped, and when a write still fails the run is redone with one savepoint
// per item, skipping (and reporting) only the items the database refuses.
import { and, eq, inArray } from 'drizzle-orm';
import { raidItem, raidItemChange } from '@/db/schema';
import { deriveRaidScores, normalizeRaidFields, raidTextFieldNames, type RaidFields } from '../../domain/risk';
import { diffRaidItem } from '../../domain/riskHistory';
import { storableValue } from '../../domain/storableText';
import type { ProjectionInput } from '../boards/types';
import { issueReason, unstorableId, type ProjectionIssue, type ProjectionReport } from './issues';
import { raidItemsMap, readRaidItem, type RaidDocItem } from '../boards/riskDocument';
import { eachInSlices } from '../turns';
import { bumpPublicRevision } from '../../data/status';
import { notifyStatusChanged } from '../../status/statusEvents';
import { recordRaidChanges } from './raidChanges';
import { restoredItems } from './restoredItems';

type RaidRow = typeof raidItem.$inferSelect;

function fieldsOfRow(row: RaidRow): RaidFields {
  return normalizeRaidFields(row as unknown as Record<string, unknown>);
}

export async function projectRiskBoard(input: ProjectionInput): Promise<ProjectionReport> {
  try {
    return await projectRisks(input, false);
  } catch {
    // Some row was refused: redo the run item by item, so only that item is left out.
    return projectRisks(input, true);
  }
}

async function projectRisks({ db, projectId, doc, authors, fallbackActorId, now }: ProjectionInput, oneByOne: boolean): Promise<ProjectionReport> {
  const skipped: ProjectionIssue[] = [];
  // Read in slices, a big board's items would hold the event loop for a long time (issue 13). An
  // item changed meanwhile is read as it is when reached, and the change schedules another run.
  const items: RaidDocItem[] = [];
  await eachInSlices(raidItemsMap(doc).entries(), ([id, value]) => {
    const item = readRaidItem(id, value);
    if (!item) return;
    const idProblem = unstorableId(item.id);
    if (!idProblem) items.push({ ...item, fields: storableValue(item.fields) });
    else skipped.push({ itemId: item.id, title: item.fields.title, reason: `its id ${idProblem}` });
  });
  let wrote = false;
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(raidItem).where(eq(raidItem.projectId, projectId));
    const before = new Map(existing.map((row) => [row.id, row]));
    const changes: (typeof raidItemChange.$inferInsert)[] = [];
    const actorFor = (itemId: string, field: string) => {
      const actor = authors.actorFor(itemId, field);
      return actor === undefined ? fallbackActorId : actor;
    };
    const isText = (field: string) => (raidTextFieldNames as readonly string[]).includes(field);
    const actorsFor = (itemId: string, field: string) => (isText(field) ? (authors.actorsFor(itemId, field) ?? [fallbackActorId]) : [actorFor(itemId, field)]);

    const restored = await restoredItems(tx, raidItemChange, projectId, items.filter((item) => !before.has(item.id)).map((item) => item.id));

    for (const item of items) {
      const previous = before.get(item.id);
      before.delete(item.id);
      const diff = diffRaidItem(previous ? fieldsOfRow(previous) : null, item.fields);
      if (!diff.length) continue;
      const itemChanges: typeof changes = [];
      // A restored item's history has its changes already: only its row comes back.
      if (!restored.has(item.id)) {
        for (const change of diff) {
          const actors = change.field === 'created' ? [actorFor(item.id, '*')] : actorsFor(item.id, change.field);
          for (const actorId of actors) {
            itemChanges.push({ projectId, itemId: item.id, field: change.field, fromValue: change.from, toValue: change.to, actorId, changedAt: now });
          }
        }
      }
      const row = {
        ...item.fields,
        ...deriveRaidScores(item.fields),
        projectId,
        id: item.id,
        createdAt: previous?.createdAt ?? (item.createdAt ? new Date(item.createdAt) : now),
        updatedAt: now,
      };
      const write = (writer: typeof tx) =>
        writer
          .insert(raidItem)
          .values(row)
          .onConflictDoUpdate({ target: [raidItem.projectId, raidItem.id], set: { ...row, createdAt: undefined } });
      if (oneByOne) {
        try {
          await tx.transaction(async (savepoint) => {
            await write(savepoint);
          });
        } catch (error) {
          skipped.push({ itemId: item.id, title: item.fields.title, reason: issueReason(error) });
          continue;
        }
      } else {
        await write(tx);
      }
      wrote = true;
      changes.push(...itemChanges);
    }

    const removed = [...before.values()];
    if (removed.length) {
      wrote = true;
      await tx.delete(raidItem).where(
        and(
          eq(raidItem.projectId, projectId),
          inArray(
            raidItem.id,
            removed.map((r) => r.id),
          ),
        ),
      );
      for (const row of removed) {
        changes.push({
          projectId,
          itemId: row.id,
          field: 'deleted',
          fromValue: row.title,
          toValue: null,
          actorId: actorFor(row.id, '*'),
          changedAt: now,
        });
      }
    }
    await recordRaidChanges(tx, changes, now);
    // Public risks are on the public page: its cache key moves with this commit.
    if (wrote) await bumpPublicRevision(tx, projectId);
  });
  if (wrote) notifyStatusChanged(projectId);
  return { skipped };
}
