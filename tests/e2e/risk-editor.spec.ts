// The risk editor end to end: a new item reaches the others only once it has a title, a delete
// can be undone with every field back, and the editor works from the keyboard alone (a modal
// dialog, selects that keep quick arrow keys, Threatens as labelled checkboxes). Two contexts
// check that what one person does is what the other sees.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { addItem, addMember, createProject, editor, field, newPerson, openBoard, raidTitles, row, signedUpContext, tabTo } from './support';

async function twoEditors(browser: Parameters<typeof signedUpContext>[0], baseURL: string, name: string) {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL, owner);
  const b = await signedUpContext(browser, baseURL, teammate);
  const projectId = await createProject(a.page, name);
  await addMember(a.page, projectId, teammate, 'Editor');
  await openBoard(a.page, projectId);
  await openBoard(b.page, projectId);
  return { a, b, projectId, close: () => Promise.all([a.context.close(), b.context.close()]) };
}

async function openItem(page: Page, title: string) {
  await row(page, title).getByRole('button', { name: title, exact: true }).click();
  await expect(editor(page)).toBeVisible();
}

/**
 * Presses a key several times the way a quick typist does: every press is sent to the browser
 * before the first is handled (Playwright's keyboard waits for each), so the later presses reach
 * the select before the change of the first has come back from the live document and re-rendered
 * the page. A select that shows only what the document holds then moves from its old value again.
 */
async function pressAtOnce(keys: CDPSession, key: 'ArrowDown' | 'ArrowUp', times: number) {
  const code = { ArrowDown: 40, ArrowUp: 38 }[key];
  const event = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < times; i++) {
    sent.push(keys.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event }));
    sent.push(keys.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }));
  }
  await Promise.all(sent);
}

test('risk board: New item closed untouched leaves nothing on anyone’s board', async ({ browser, baseURL }) => {
  const { a, b, projectId, close } = await twoEditors(browser, baseURL!, 'Untouched drafts');

  await a.page.getByRole('button', { name: 'New item' }).click();
  await expect(field(a.page, 'Title')).toBeFocused();
  await a.page.keyboard.press('Escape');
  await expect(editor(a.page)).toBeHidden();
  // The N shortcut opens the same draft.
  await a.page.keyboard.press('n');
  await expect(editor(a.page)).toBeVisible();
  await editor(a.page).getByRole('button', { name: 'Close editor' }).click();
  await expect(editor(a.page)).toBeHidden();

  // A real item after the drafts: once it has arrived, anything written before it has too.
  await addItem(a.page, 'Vendor contract renewal slips', 3, 4);
  await expect(row(b.page, 'Vendor contract renewal slips')).toBeVisible();
  for (const page of [a.page, b.page]) {
    await expect(page.getByText('1 item', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Untitled', exact: true })).toHaveCount(0);
  }
  await expect.poll(() => raidTitles(b.page, projectId), { timeout: 20_000 }).toEqual(['Vendor contract renewal slips']);
  await close();
});

test('risk board: a deleted item comes back with all its fields when Undo is pressed, on both screens', async ({ browser, baseURL }) => {
  const { a, b, close } = await twoEditors(browser, baseURL!, 'Undo deletes');
  const title = 'Key engineer leaves mid-migration';
  await addItem(a.page, title, 4, 5);
  await openItem(a.page, title);
  await field(a.page, 'Status').selectOption({ label: 'Mitigating' });
  await field(a.page, 'Category').fill('People');
  await field(a.page, 'Mitigation plan').fill('Pair a second engineer on the cut-over runbook');
  await a.page.keyboard.press('Escape');
  await openItem(b.page, title);
  await expect(field(b.page, 'Mitigation plan')).toHaveValue('Pair a second engineer on the cut-over runbook');
  await b.page.keyboard.press('Escape');

  await openItem(a.page, title);
  await editor(a.page).getByRole('button', { name: 'Delete' }).click();
  await editor(a.page).getByRole('button', { name: 'Delete item' }).click();
  await expect(editor(a.page)).toBeHidden();
  const toast = a.page.getByRole('status').filter({ hasText: `Deleted “${title}”.` });
  await expect(toast).toBeVisible();
  await expect(row(a.page, title)).toHaveCount(0);
  await expect(row(b.page, title)).toHaveCount(0);

  // Undo from the keyboard: focus is back on New item, and the toast is the next stop.
  await expect(a.page.getByRole('button', { name: 'New item' })).toBeFocused();
  await a.page.keyboard.press('Tab');
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeFocused();
  await a.page.keyboard.press('Enter');
  await expect(toast).toBeHidden();

  for (const page of [a.page, b.page]) {
    await expect(row(page, title)).toContainText('20');
    await expect(row(page, title)).toContainText('Critical');
  }
  await openItem(b.page, title);
  await expect(field(b.page, 'Status')).toHaveValue('mitigating');
  await expect(field(b.page, 'Category')).toHaveValue('People');
  await expect(field(b.page, 'Mitigation plan')).toHaveValue('Pair a second engineer on the cut-over runbook');
  await expect(field(b.page, 'Likelihood')).toHaveValue('4');
  await close();
});

test('risk editor: Tab and Shift+Tab stay inside the dialog, and Escape gives focus back to the opener', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Focus trap');
  await openBoard(page, projectId);
  await addItem(page, 'Staging database runs out of disk', 2, 3);

  const opener = row(page, 'Staging database runs out of disk').getByRole('button', { name: 'Staging database runs out of disk', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeVisible();
  await expect(editor(page)).toHaveAttribute('aria-modal', 'true');
  const focusInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  const seen = new Set<string>();
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInDialog(), `focus after ${i + 1} Tab presses`).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
  }
  // It went round: the controls repeat instead of focus leaving for the page behind.
  expect(seen.size).toBeLessThan(45);
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog(), `focus after ${i + 1} Shift+Tab presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(opener).toBeFocused();
  await context.close();
});

test('risk editor: quick arrow keys in a select land that many steps away, and the other person sees the same', async ({ browser, baseURL }) => {
  const { a, b, close } = await twoEditors(browser, baseURL!, 'Arrow keys');
  await addItem(a.page, 'Certificate renewal is manual', 1, 1);
  await openItem(a.page, 'Certificate renewal is manual');
  await openItem(b.page, 'Certificate renewal is manual');
  const keys = await a.context.newCDPSession(a.page);

  await field(a.page, 'Likelihood').focus();
  await pressAtOnce(keys, 'ArrowDown', 3);
  await expect(field(a.page, 'Likelihood')).toHaveValue('4');
  await field(a.page, 'Status').focus();
  await pressAtOnce(keys, 'ArrowDown', 3);
  await expect(field(a.page, 'Status')).toHaveValue('accepted');

  await expect(field(b.page, 'Likelihood')).toHaveValue('4');
  await expect(field(b.page, 'Status')).toHaveValue('accepted');
  await expect(editor(b.page).getByTestId('editor-score')).toHaveText('4');
  await close();
});

test('risk editor: Threatens is set and cleared from the keyboard, and the other person sees it', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(a.page, 'Threatens by keyboard');
  await addMember(a.page, projectId, teammate, 'Editor');
  await a.page.goto(`/p/${projectId}/plan`);
  await expect(a.page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  for (const [title, date] of [
    ['Pilot store live', '2027-05-03'],
    ['All stores live', '2027-07-01'],
  ] as const) {
    await a.page.getByLabel('Milestone title').fill(title);
    await a.page.getByLabel('Milestone date').fill(date);
    await a.page.getByRole('button', { name: 'Add milestone' }).click();
  }
  await expect(a.page.getByTestId('timeline-row')).toHaveCount(2);

  await openBoard(a.page, projectId);
  await addItem(a.page, 'Scanner firmware not certified', 3, 4);
  // The board lists the plan's items once the plan's projection has them.
  const pilot = (page: Page) => editor(page).getByRole('checkbox', { name: 'Milestone: Pilot store live' });
  await expect(async () => {
    await openBoard(a.page, projectId);
    await openItem(a.page, 'Scanner firmware not certified');
    await expect(pilot(a.page)).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await openBoard(b.page, projectId);
  await openItem(b.page, 'Scanner firmware not certified');

  await expect(editor(a.page).getByRole('group', { name: 'Threatens (plan milestones and workstreams)' })).toBeVisible();
  await tabTo(a.page, pilot(a.page));
  await a.page.keyboard.press('Space');
  await expect(pilot(a.page)).toBeChecked();
  await a.page.keyboard.press('Tab');
  await expect(editor(a.page).getByRole('checkbox', { name: 'Milestone: All stores live' })).toBeFocused();
  await a.page.keyboard.press('Space');
  await expect(pilot(b.page)).toBeChecked();
  await expect(editor(b.page).getByRole('checkbox', { name: 'Milestone: All stores live' })).toBeChecked();

  // Cleared again with Shift+Tab and Space.
  await a.page.keyboard.press('Shift+Tab');
  await expect(pilot(a.page)).toBeFocused();
  await a.page.keyboard.press('Space');
  await expect(pilot(a.page)).not.toBeChecked();
  await expect(pilot(b.page)).not.toBeChecked();
  await expect(editor(b.page).getByRole('checkbox', { name: 'Milestone: All stores live' })).toBeChecked();
  await Promise.all([a.context.close(), b.context.close()]);
});
