// Helpers for the status tests: a project with risks written through its live board (some marked
// public, some private, each with distinctive strings), and update content to publish.
import * as Y from 'yjs';
import { deletePlanItem, insertPlanItem, updatePlanItem } from '@/server/collab/boards/planDocument';
import type { PlanItemFields } from '@/server/domain/plan';
import { uniqueSuffix } from '../support/factories';
import type { RouterDeps, Team } from '../routers/harness';
import type { UpdateAudience, UpdateContent } from '@/server/domain/status';

export function updateContent(overrides: Partial<UpdateContent> = {}): UpdateContent {
  return {
    health: 'on_track',
    healthReason: 'Cut-over rehearsal went well',
    summary: `Summary ${uniqueSuffix()}`,
    highlights: '- Rehearsal finished in 2h40',
    lowlights: '',
    asks: '',
    nextSteps: '- Book the production window',
    ...overrides,
  };
}

/** Items written as the owner through the live board; the projection has run when this returns. */
export async function addRisks(deps: RouterDeps, team: Team, rows: { id: string; fields: Record<string, unknown> }[]) {
  await deps.live.apply('risks', team.project.id, { type: 'raid.import', rows: rows.map((r) => ({ id: r.id, fields: r.fields })) }, team.users.owner.id);
  await deps.live.flushProjections();
}

/** Publishes an update as `as` (a draft first, then publish) and returns it; public unless told otherwise. */
export async function publishUpdate(team: Team, persona: 'owner' | 'editor', content: UpdateContent, audience: UpdateAudience = 'public') {
  const as = await team.as(persona);
  const draft = await as.status.createDraft({ projectId: team.project.id, audience });
  return as.status.publish({ projectId: team.project.id, updateId: draft.id, content, baseRevision: draft.revision });
}

/**
 * Writes plan items (milestones, workstreams) into the project's live plan, through the live
 * document as any client would, then waits for the projection.
 */
export async function addPlanItems(deps: RouterDeps, team: Team, items: Partial<PlanItemFields>[]): Promise<string[]> {
  const document = await deps.live.open('plan', team.project.id);
  try {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
    const updates: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => updates.push(update));
    const ids = items.map((fields) => insertPlanItem(scratch, fields, team.users.owner.id));
    await document.submit(Y.mergeUpdates(updates), team.users.owner.id);
    return ids;
  } finally {
    document.release();
    await deps.live.flushProjections();
  }
}

/** Moves plan items to new dates through the live document. */
export async function movePlanItems(deps: RouterDeps, team: Team, moves: Record<string, Partial<PlanItemFields>>): Promise<void> {
  const document = await deps.live.open('plan', team.project.id);
  try {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
    const updates: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => updates.push(update));
    for (const [id, fields] of Object.entries(moves)) updatePlanItem(scratch, id, fields);
    await document.submit(Y.mergeUpdates(updates), team.users.owner.id);
  } finally {
    document.release();
    await deps.live.flushProjections();
  }
}

/** Deletes plan items through the live document, as pressing Delete on the plan board does. */
export async function deletePlanItems(deps: RouterDeps, team: Team, ids: string[]): Promise<void> {
  const document = await deps.live.open('plan', team.project.id);
  try {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
    const updates: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => updates.push(update));
    for (const id of ids) deletePlanItem(scratch, id);
    await document.submit(Y.mergeUpdates(updates), team.users.owner.id);
  } finally {
    document.release();
    await deps.live.flushProjections();
  }
}
