// Free text on live boards merges character by character: two people typing in the same field at
// the same moment both keep their text, on both screens, in the projected row, and the history
// credits each of them. Plain strings (older documents, outside programs) become Y.Text on the
// server without losing anyone's later writes.
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCharter, planItem, raidItem, raidItemChange } from '@/db/schema';
import { insertRaidItem, raidItemsMap, raidItemText } from '@/server/collab/boards/riskDocument';
import { addListEntry, insertPlanItem, planText, readCharter, readPlanItems, scopeArray, setVision } from '@/server/collab/boards/planDocument';
import { UpdateLog } from '@/server/collab/updateLog';
import { connectClient, eventually, startCollabServer, type Client, type Harness } from './harness';
import { projectWithTeam } from '../support/factories';

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;

beforeAll(async () => {
  h = await startCollabServer();
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
});
afterAll(async () => {
  await h?.close();
});

/**
 * Two people type at the end of their text, one character per update, in the same turn of the
 * event loop: neither has seen a single character of the other's before typing all of theirs.
 */
function typeAtOnce(first: Y.Text, firstWords: string, second: Y.Text, secondWords: string): void {
  for (let i = 0; i < Math.max(firstWords.length, secondWords.length); i++) {
    if (i < firstWords.length) first.insert(first.length, firstWords[i]!);
    if (i < secondWords.length) second.insert(second.length, secondWords[i]!);
  }
}

/** Both words whole, one after the other, in either order. */
const bothTexts = (start: string) => [`${start}alpha beta gammaone two three`, `${start}one two threealpha beta gamma`];

async function twoEditors(room: string): Promise<[Client, Client]> {
  const owner = connectClient(h.url, room, team.users.owner.cookie);
  const editor = connectClient(h.url, room, team.users.editor.cookie);
  await Promise.all([owner.synced, editor.synced]);
  return [owner, editor];
}

describe('typing in the same field at once', () => {
  it('risk board: two people typing in one title both keep their text, on both screens, in the row and in the history', async () => {
    const room = `risks:${team.project.id}`;
    const [owner, editor] = await twoEditors(room);
    const id = insertRaidItem(owner.doc, { title: 'Vendor ', likelihood: 3, impact: 3 }, team.users.owner.id);
    await eventually(() => expect(raidItemText(editor.doc, id, 'title')?.toString()).toBe('Vendor '));
    await eventually(async () => {
      await h.documents.flushProjections();
      expect(await h.db.select().from(raidItem).where(eq(raidItem.id, id))).toHaveLength(1);
    });

    typeAtOnce(raidItemText(owner.doc, id, 'title')!, 'alpha beta gamma ', raidItemText(editor.doc, id, 'title')!, 'one two three');

    const merged = await eventually(() => {
      const onOwner = raidItemText(owner.doc, id, 'title')!.toString();
      expect(raidItemText(editor.doc, id, 'title')!.toString()).toBe(onOwner);
      expect(['Vendor alpha beta gamma one two three', 'Vendor one two threealpha beta gamma ']).toContain(onOwner);
      return onOwner;
    });
    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(raidItem).where(and(eq(raidItem.projectId, team.project.id), eq(raidItem.id, id)));
      expect(row!.title).toBe(merged.trim());
      const titleChanges = await h.db
        .select({ actorId: raidItemChange.actorId, to: raidItemChange.toValue })
        .from(raidItemChange)
        .where(and(eq(raidItemChange.itemId, id), eq(raidItemChange.field, 'title')));
      expect(new Set(titleChanges.map((c) => c.actorId))).toEqual(new Set([team.users.owner.id, team.users.editor.id]));
      expect(titleChanges.at(-1)?.to).toBe(merged.trim());
    });
    owner.destroy();
    editor.destroy();
  });

  it('risk board: when two people changed one description since the last projection, the history has a change by each', async () => {
    const document = await h.documents.open('risks', team.project.id);
    try {
      const base = new Y.Doc();
      Y.applyUpdate(base, Y.encodeStateAsUpdate(document.doc));
      const id = insertRaidItem(base, { title: 'Data centre move', description: 'Move racks. ' }, team.users.owner.id);
      await document.submit(Y.encodeStateAsUpdate(base, Y.encodeStateVector(document.doc)), team.users.owner.id);
      await h.documents.flushProjections();

      // Two tabs with the same state each type, and their updates arrive in one projection window.
      const tabs = [new Y.Doc(), new Y.Doc()];
      for (const tab of tabs) Y.applyUpdate(tab, Y.encodeStateAsUpdate(document.doc));
      const [ownerTab, editorTab] = tabs as [Y.Doc, Y.Doc];
      const before = Y.encodeStateVector(document.doc);
      raidItemText(ownerTab, id, 'description')!.insert(12, 'Book the van.');
      raidItemText(editorTab, id, 'description')!.insert(0, 'First: ');
      const submitted = [
        document.submit(Y.encodeStateAsUpdate(ownerTab, before), team.users.owner.id),
        document.submit(Y.encodeStateAsUpdate(editorTab, before), team.users.editor.id),
      ];
      await Promise.all(submitted);
      await h.documents.flushProjections();

      const changes = await h.db
        .select({ actorId: raidItemChange.actorId, from: raidItemChange.fromValue, to: raidItemChange.toValue })
        .from(raidItemChange)
        .where(and(eq(raidItemChange.itemId, id), eq(raidItemChange.field, 'description')));
      expect(changes).toHaveLength(2);
      expect(new Set(changes.map((c) => c.actorId))).toEqual(new Set([team.users.owner.id, team.users.editor.id]));
      for (const change of changes) expect(change).toMatchObject({ from: 'Move racks. ', to: 'First: Move racks. Book the van.' });
    } finally {
      document.release();
    }
  });

  it('plan: two people typing in one item title, the vision and a scope entry both keep their text, on both screens and in the rows', async () => {
    const room = `plan:${team.project.id}`;
    const [owner, editor] = await twoEditors(room);
    const id = insertPlanItem(owner.doc, { kind: 'milestone', title: 'Beta', end: '2026-10-01' }, team.users.owner.id);
    setVision(owner.doc, 'We ');
    addListEntry(scopeArray(owner.doc), 'Billing ');
    await eventually(() => expect(planText(editor.doc, { in: 'scope', index: 0 })?.toString()).toBe('Billing '));

    for (const at of [{ in: 'items', id, field: 'title' }, { in: 'charter', field: 'vision' }, { in: 'scope', index: 0 }] as const) {
      typeAtOnce(planText(owner.doc, at)!, 'alpha beta gamma', planText(editor.doc, at)!, 'one two three');
    }

    await eventually(() => {
      for (const client of [owner, editor]) {
        expect(bothTexts('Beta')).toContain(readPlanItems(client.doc)[0]!.title);
        expect(bothTexts('We ')).toContain(readCharter(client.doc).vision);
        expect(bothTexts('Billing ')).toContain(readCharter(client.doc).scope[0]);
      }
      expect(readCharter(owner.doc)).toEqual(readCharter(editor.doc));
    });
    await eventually(async () => {
      await h.documents.flushProjections();
      const [item] = await h.db.select().from(planItem).where(and(eq(planItem.projectId, team.project.id), eq(planItem.id, id)));
      expect(item!.title).toBe(readPlanItems(owner.doc)[0]!.title);
      const [charter] = await h.db.select().from(planCharter).where(eq(planCharter.projectId, team.project.id));
      expect(charter).toMatchObject(readCharter(owner.doc));
    });
    owner.destroy();
    editor.destroy();
  });
});

describe('plain strings', () => {
  it('a string a program writes into a text field becomes a Y.Text for everyone, and typing in it merges again', async () => {
    const other = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `risks:${other.project.id}`;
    const program = connectClient(h.url, room, other.users.owner.cookie);
    const tab = connectClient(h.url, room, other.users.editor.cookie);
    await Promise.all([program.synced, tab.synced]);
    // What a program that follows the older schema writes: plain strings.
    const item = new Y.Map<unknown>();
    program.doc.transact(() => {
      item.set('id', 'scripted-1');
      item.set('kind', 'risk');
      item.set('title', 'Written by a script');
      item.set('mitigation', 'Plan B');
      raidItemsMap(program.doc).set('scripted-1', item);
    });
    await eventually(() => {
      for (const client of [program, tab]) {
        expect(raidItemText(client.doc, 'scripted-1', 'title')?.toString()).toBe('Written by a script');
        expect(raidItemText(client.doc, 'scripted-1', 'mitigation')?.toString()).toBe('Plan B');
      }
    });
    // The program writes a string again: it wins, and is converted again.
    item.set('title', 'Rewritten by the script');
    await eventually(() => expect(raidItemText(tab.doc, 'scripted-1', 'title')?.toString()).toBe('Rewritten by the script'));
    raidItemText(tab.doc, 'scripted-1', 'title')!.insert(0, 'Edited: ');
    await eventually(async () => {
      await h.documents.flushProjections();
      const [row] = await h.db.select().from(raidItem).where(and(eq(raidItem.projectId, other.project.id), eq(raidItem.id, 'scripted-1')));
      expect(row).toMatchObject({ title: 'Edited: Rewritten by the script', mitigation: 'Plan B' });
    });
    program.destroy();
    tab.destroy();
  });

  it('a board stored with plain strings is converted when it loads, as a stored change that keeps its content', async () => {
    const other = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
    const room = `plan:${other.project.id}`;
    const old = new Y.Doc();
    const rows: Uint8Array[] = [];
    old.on('update', (update: Uint8Array) => rows.push(update));
    old.transact(() => {
      const item = new Y.Map<unknown>();
      item.set('id', 'm1');
      item.set('kind', 'milestone');
      item.set('title', 'Go live');
      item.set('description', 'The day');
      item.set('end', '2026-11-02');
      old.getMap('items').set('m1', item);
      old.getMap('charter').set('vision', 'One plan');
      old.getArray('scope').push(['Billing', 'Search']);
    });
    await new UpdateLog(h.db).append(room, rows.map((data) => ({ data, userId: other.users.owner.id })));

    const client = connectClient(h.url, room, other.users.editor.cookie);
    await client.synced;
    await eventually(() => {
      expect(planText(client.doc, { in: 'items', id: 'm1', field: 'title' })?.toString()).toBe('Go live');
      expect(planText(client.doc, { in: 'charter', field: 'vision' })?.toString()).toBe('One plan');
      expect(planText(client.doc, { in: 'scope', index: 1 })?.toString()).toBe('Search');
    });
    expect(readCharter(client.doc)).toEqual({ vision: 'One plan', scope: ['Billing', 'Search'], nonGoals: [] });
    client.destroy();
    await h.documents.flushProjections();

    const stored = new Y.Doc();
    for (const { data } of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(stored, data);
    expect(planText(stored, { in: 'items', id: 'm1', field: 'description' })?.toString()).toBe('The day');
    expect(readPlanItems(stored)).toEqual([expect.objectContaining({ id: 'm1', title: 'Go live', description: 'The day' })]);
  });
});

describe('the history of typing', () => {
  const titleHistory = (id: string) =>
    h.db
      .select({ actorId: raidItemChange.actorId, from: raidItemChange.fromValue, to: raidItemChange.toValue })
      .from(raidItemChange)
      .where(and(eq(raidItemChange.itemId, id), eq(raidItemChange.field, 'title')))
      .orderBy(raidItemChange.id);

  it('risk board: one person typing a title in several bursts is one history entry, and someone else typing starts the next', async () => {
    const room = `risks:${team.project.id}`;
    const [owner, editor] = await twoEditors(room);
    const id = insertRaidItem(owner.doc, { title: 'Supplier', likelihood: 2, impact: 2 }, team.users.owner.id);
    await eventually(async () => {
      await h.documents.flushProjections();
      expect(await h.db.select().from(raidItem).where(eq(raidItem.id, id))).toHaveLength(1);
    });

    // Three bursts of the owner's typing, each projected on its own (as pauses longer than the debounce would be).
    for (const word of [' delay', ' on', ' chips']) {
      const title = raidItemText(owner.doc, id, 'title')!;
      title.insert(title.length, word);
      await eventually(async () => {
        await h.documents.flushProjections();
        expect((await h.db.select().from(raidItem).where(eq(raidItem.id, id)))[0]!.title).toBe(title.toString());
      });
    }
    expect(await titleHistory(id)).toEqual([{ actorId: team.users.owner.id, from: 'Supplier', to: 'Supplier delay on chips' }]);

    await eventually(() => expect(raidItemText(editor.doc, id, 'title')!.toString()).toBe('Supplier delay on chips'));
    const onEditor = raidItemText(editor.doc, id, 'title')!;
    onEditor.insert(onEditor.length, ' (Q3)');
    await eventually(async () => {
      await h.documents.flushProjections();
      expect(await titleHistory(id)).toEqual([
        { actorId: team.users.owner.id, from: 'Supplier', to: 'Supplier delay on chips' },
        { actorId: team.users.editor.id, from: 'Supplier delay on chips', to: 'Supplier delay on chips (Q3)' },
      ]);
    });
    owner.destroy();
    editor.destroy();
  });
});
