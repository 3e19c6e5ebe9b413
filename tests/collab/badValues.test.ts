// Bad values written straight into a live board by a client (NUL characters, year-0 dates, wrong
// types, an id Postgres cannot store): the other items still reach raid_item, the bad one is
// cleaned or skipped and reported for the board's "needs attention" notice, and a projection the
// database keeps refusing backs off, stops, says why, and lets the board unload.
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raidItem } from '@/db/schema';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { readProjectionIssues } from '@/server/collab/projections/issues';
import type { Logger } from '@/server/collab/logger';
import { projectWithTeam } from '../support/factories';
import { connectClient, eventually, startCollabServer, type Harness } from './harness';

const failures: string[] = [];
const countingLogger: Logger = {
  info() {},
  warn() {},
  error(message: string) {
    failures.push(message);
  },
};

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;

beforeAll(async () => {
  h = await startCollabServer({ projectionRetry: { firstDelayMs: 20, maxDelayMs: 80, attempts: 4 }, logger: countingLogger });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
});
afterAll(async () => {
  await h?.close();
});

async function projectedRows(projectId: string) {
  return h.db.select().from(raidItem).where(eq(raidItem.projectId, projectId));
}

/** Writes an item the way a careless or hostile client might: any key, any values. */
function writeRawItem(doc: Y.Doc, id: string, values: Record<string, unknown>) {
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    raidItemsMap(doc).set(id, item);
    for (const [name, value] of Object.entries(values)) item.set(name, value);
  });
}

describe('risk board: bad values from a client', () => {
  it('NUL in text, a year-0 date and wrong types are cleaned; an id with NUL is skipped and reported; the rest project', async () => {
    const room = `risks:${team.project.id}`;
    const client = connectClient(h.url, room, team.users.editor.cookie);
    await client.synced;
    const good = insertRaidItem(client.doc, { title: 'Vendor late' }, team.users.editor.id);
    writeRawItem(client.doc, 'nul-text', { title: new Y.Text('Bad\u0000title'), description: 'plain\u0000string', kind: 'risk', status: 'open' });
    writeRawItem(client.doc, 'year-zero', { title: new Y.Text('Year zero'), dueDate: '0000-01-01', kind: 'risk', status: 'open' });
    writeRawItem(client.doc, 'wrong-types', { title: 42, likelihood: 'very', threatens: 'M-1\u0000', isPublic: 'yes', dueDate: 20270101 });
    writeRawItem(client.doc, 'bad\u0000id', { title: new Y.Text('Id with NUL'), kind: 'risk', status: 'open' });

    await eventually(async () => {
      const rows = await projectedRows(team.project.id);
      expect(rows.map((r) => r.id).sort()).toEqual([good, 'nul-text', 'wrong-types', 'year-zero'].sort());
    }, 10_000);
    const rows = new Map((await projectedRows(team.project.id)).map((r) => [r.id, r]));
    expect(rows.get('nul-text')).toMatchObject({ title: 'Badtitle', description: 'plainstring' });
    expect(rows.get('year-zero')).toMatchObject({ title: 'Year zero', dueDate: null });
    expect(rows.get('wrong-types')).toMatchObject({ title: 'Untitled', likelihood: null, threatens: [], isPublic: false, dueDate: null });

    await eventually(async () => {
      const issues = await readProjectionIssues(h.db, team.project.id, 'risks');
      expect(issues).toEqual([expect.objectContaining({ itemId: 'bad\u0000id'.replace('\u0000', ''), title: 'Id with NUL', reason: expect.stringContaining('NUL') })]);
    });

    // A fresh good item still reaches the projection afterwards.
    const fresh = insertRaidItem(client.doc, { title: 'After the bad ones' }, team.users.editor.id);
    await eventually(async () => expect((await projectedRows(team.project.id)).map((r) => r.id)).toContain(fresh));

    // Removing the bad item clears the notice.
    client.doc.transact(() => raidItemsMap(client.doc).delete('bad\u0000id'));
    await eventually(async () => expect(await readProjectionIssues(h.db, team.project.id, 'risks')).toEqual([]));
    client.destroy();
  });

  it('byte order marks starting a text are stripped and inner ones kept, the same on either database; an id starting with one is skipped and reported', async () => {
    const other = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents }, 'Byte order marks');
    const client = connectClient(h.url, `risks:${other.project.id}`, other.users.editor.cookie);
    try {
      await client.synced;
      writeRawItem(client.doc, 'bom-text', { title: new Y.Text('\uFEFF\uFEFFPasted title'), description: '\uFEFF\uFEFFfirst\uFEFFinner', category: '\u0000\uFEFF', kind: 'risk', status: 'open' });
      writeRawItem(client.doc, '\uFEFFbom-id', { title: new Y.Text('Id with a BOM'), kind: 'risk', status: 'open' });

      await eventually(async () => expect((await projectedRows(other.project.id)).map((r) => r.id)).toEqual(['bom-text']), 10_000);
      const [row] = await projectedRows(other.project.id);
      expect(row).toMatchObject({ title: 'Pasted title', description: 'first\uFEFFinner', category: '' });
      await eventually(async () => {
        const issues = await readProjectionIssues(h.db, other.project.id, 'risks');
        expect(issues).toEqual([expect.objectContaining({ itemId: 'bom-id', title: 'Id with a BOM', reason: expect.stringContaining('byte order mark') })]);
      });
    } finally {
      client.destroy(); // also when it fails, so the next test finds no board loaded
    }
  });

  it('a projection the database keeps refusing backs off, stops, is reported, the board unloads, and the next edit resumes it', async () => {
    const other = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents }, 'Refused');
    const room = `risks:${other.project.id}`;
    // Stands in for any failure outside one item's row: every change record of this project is refused.
    await h.db.execute(`
      create or replace function refuse_changes_${other.project.id.replaceAll('-', '')}() returns trigger language plpgsql as $$
      begin
        if new.project_id = '${other.project.id}' then raise exception 'the change log is refusing writes'; end if;
        return new;
      end $$`);
    await h.db.execute(`
      create trigger refuse_changes_${other.project.id.replaceAll('-', '')} before insert on raid_item_change
        for each row execute function refuse_changes_${other.project.id.replaceAll('-', '')}();
    `);
    const failuresBefore = failures.length;
    const client = connectClient(h.url, room, other.users.editor.cookie);
    await client.synced;
    insertRaidItem(client.doc, { title: 'Never projected' }, other.users.editor.id);

    const [issue] = await eventually(async () => {
      const issues = await readProjectionIssues(h.db, other.project.id, 'risks');
      expect(issues).toEqual([expect.objectContaining({ itemId: '', reason: expect.stringContaining('could not be saved') })]);
      return issues;
    }, 10_000);
    expect(issue!.reason).not.toMatch(/insert into|select /i);
    const projectionFailures = () => failures.slice(failuresBefore).filter((m) => m.includes(room) && m.includes('projection failed'));
    expect(projectionFailures()).toHaveLength(4);
    expect(projectionFailures().at(-1)).toContain('stopped until the next edit');

    // Nothing is retried any more, and once its socket leaves, the board unloads.
    client.destroy();
    await eventually(() => expect(h.documents.size).toBe(0));
    expect(projectionFailures()).toHaveLength(4);

    // Fixed, then edited: the projection runs again and the notice goes.
    await h.db.execute(`drop trigger refuse_changes_${other.project.id.replaceAll('-', '')} on raid_item_change`);
    const again = connectClient(h.url, room, other.users.editor.cookie);
    await again.synced;
    insertRaidItem(again.doc, { title: 'After the fix' }, other.users.editor.id);
    await eventually(async () => expect((await projectedRows(other.project.id)).map((r) => r.title).sort()).toEqual(['After the fix', 'Never projected']), 10_000);
    await eventually(async () => expect(await readProjectionIssues(h.db, other.project.id, 'risks')).toEqual([]));
    again.destroy();
  });
});

describe('plan board: bad values from a client', () => {
  it("a baseline with NUL in its name and an impossible frozen date is cleaned; the plan's items still project", async () => {
    const { planItem, planBaseline } = await import('@/db/schema');
    const client = connectClient(h.url, `plan:${team.project.id}`, team.users.editor.cookie);
    await client.synced;
    client.doc.transact(() => {
      const item = new Y.Map<unknown>();
      client.doc.getMap('items').set('M-1', item);
      item.set('kind', 'milestone');
      item.set('title', new Y.Text('Launch\u0000'));
      item.set('start', '2027-01-10');
      item.set('end', '2027-01-10');
      const baseline = new Y.Map<unknown>();
      client.doc.getMap('baselines').set('B-1', baseline);
      baseline.set('name', 'Q1\u0000plan');
      baseline.set('savedAt', 'not a time');
      baseline.set('dates', { 'M-1': { start: '0000-01-01', end: '2027-01-10' }, 'M-2\u0000': { start: '2027-01-01', end: '2027-01-02' } });
    });
    await eventually(async () => {
      const items = await h.db.select().from(planItem).where(eq(planItem.projectId, team.project.id));
      expect(items.map((i) => i.title)).toEqual(['Launch']);
      const baselines = await h.db.select().from(planBaseline).where(and(eq(planBaseline.projectId, team.project.id), eq(planBaseline.id, 'B-1')));
      expect(baselines).toEqual([expect.objectContaining({ name: 'Q1plan', dates: { 'M-2': { start: '2027-01-01', end: '2027-01-02' } } })]);
    }, 10_000);
    expect(await readProjectionIssues(h.db, team.project.id, 'plan')).toEqual([]);
    client.destroy();
  });
});
