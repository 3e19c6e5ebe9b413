// The risk board's "needs attention" notice end to end: a client writes an item whose id Postgres
// cannot store straight into the live board (what a careless or hostile program can do; the
// browser's own editor never makes one), the owner sees the notice name it and say what to do,
// the other items still reach the lists, a viewer is not shown it, and deleting the item from the
// keyboard clears it. (tests/collab/badValues.test.ts covers the projection's side of it.)
import { expect, test, type BrowserContext } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, addMember, createProject, editor, newPerson, openBoard, raidTitles, row, signedUpContext, tabTo } from './support';

/** Writes one item with any id and values into a project's risk board, as a program connected with `context`'s session would. */
async function writeRawItem(context: BrowserContext, baseURL: string, projectId: string, id: string, values: Record<string, unknown>) {
  const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join('; ');
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: baseURL } });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, 'ws')}/collab`, `risks:${projectId}`, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    doc.transact(() => {
      const item = new Y.Map<unknown>();
      doc.getMap('items').set(id, item);
      for (const [name, value] of Object.entries(values)) item.set(name, value);
    });
    // Sent once the server has nothing of ours left to ask for.
    await expect.poll(() => provider.wsconnected && provider.ws?.bufferedAmount === 0).toBe(true);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

test('risk board: an item the database cannot store is named in a notice for the owner, not the viewer, and deleting it clears the notice', async ({ browser, baseURL }) => {
  // Two people, a bad write, its projection and the fix: slow on a busy machine.
  test.setTimeout(120_000);
  const owner = newPerson('owner');
  const watcher = newPerson('viewer');
  const a = await signedUpContext(browser, baseURL!, owner);
  const v = await signedUpContext(browser, baseURL!, watcher);
  const projectId = await createProject(a.page, 'Board pack');
  await addMember(a.page, projectId, watcher, 'Viewer');

  await openBoard(a.page, projectId);
  await addItem(a.page, 'Supplier contract lapses', 3, 4);
  const notice = a.page.getByRole('alert', { name: 'Needs attention' });
  await expect(notice).toHaveCount(0);

  // The owner's session, used by a program instead of the page: its item's id holds a NUL.
  await writeRawItem(a.context, baseURL!, projectId, 'import\u00007', { title: new Y.Text('Legacy tracker row'), kind: 'risk', status: 'open', likelihood: 2, impact: 2 });
  await expect(row(a.page, 'Legacy tracker row')).toBeVisible();

  // The owner is told which item, why, and what to do, while the board is open.
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Needs attention: some of this RAID log is not in lists, exports or reports yet.');
  await expect(notice).toContainText('“Legacy tracker row” (import7): its id must not contain a NUL character');
  await expect(notice).toContainText('Delete it (and add it again if it is still needed) to fix this.');

  // Everything else still reaches the lists: the earlier item, and one added after the bad one.
  await addItem(a.page, 'Data centre move slips', 4, 4);
  await expect.poll(() => raidTitles(a.page, projectId)).toEqual(['Data centre move slips', 'Supplier contract lapses']);

  // A viewer follows the board, bad item included, but is not shown the notice, nor can ask for it.
  await openBoard(v.page, projectId);
  await expect(row(v.page, 'Legacy tracker row')).toBeVisible();
  await expect(row(v.page, 'Data centre move slips')).toBeVisible();
  const input = encodeURIComponent(JSON.stringify({ json: { projectId } }));
  expect((await v.page.request.get(`/api/trpc/raid.projectionIssues?input=${input}`)).status()).toBe(403);
  await expect(v.page.getByRole('alert', { name: 'Needs attention' })).toHaveCount(0);

  // From the keyboard: Tab to the notice's link to the item, open it, delete it.
  const open = notice.getByRole('button', { name: 'Open “Legacy tracker row”' });
  await a.page.getByRole('button', { name: 'New item' }).focus();
  await tabTo(a.page, open);
  await a.page.keyboard.press('Enter');
  await expect(editor(a.page)).toBeVisible();
  await expect(editor(a.page).getByLabel('Title', { exact: true })).toHaveValue('Legacy tracker row');
  const remove = editor(a.page).getByRole('button', { name: 'Delete', exact: true });
  await tabTo(a.page, remove);
  await a.page.keyboard.press('Enter');
  const confirm = editor(a.page).getByRole('button', { name: 'Delete item' });
  await tabTo(a.page, confirm);
  await a.page.keyboard.press('Enter');
  await expect(row(a.page, 'Legacy tracker row')).toHaveCount(0);

  // The notice goes without a reload, and the lists are unchanged.
  await expect(notice).toHaveCount(0);
  expect(await raidTitles(a.page, projectId)).toEqual(['Data centre move slips', 'Supplier contract lapses']);
  await Promise.all([a.context.close(), v.context.close()]);
});
