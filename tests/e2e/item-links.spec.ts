// Links to one item (docs/api.md, "Links to items"): `/p/<id>/risks?item=<itemId>` opens that risk's
// editor and `/p/<id>/plan?item=<itemId>` that milestone's, once the live board has it; opening an
// item from the board puts it in the address (Back closes it); closing takes it out again without a
// reload; an id the board does not have gets a short notice instead of nothing.
import { expect, test, type Page } from '@playwright/test';
import { addItem, createProject, editor, newPerson, openBoard, row, signedUpContext } from './support';

const itemInAddress = (page: Page) => new URL(page.url()).searchParams.get('item');

/** Marks the loaded document, so a test can tell that the page was not loaded again. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { e2eNotReloaded: true }));
}
const stillSameDocument = (page: Page) => page.evaluate(() => 'e2eNotReloaded' in window);

async function openPlan(page: Page, projectId: string, query = '') {
  await page.goto(`/p/${projectId}/plan${query}`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

test('risk link: opening from the board puts the item in the address and Back closes it; the link opens it; closing clears it', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Risk links');
  await openBoard(page, projectId);
  await addItem(page, 'Vendor slips delivery', 4, 5);
  expect(itemInAddress(page)).toBeNull();

  await row(page, 'Vendor slips delivery').getByRole('button', { name: 'Vendor slips delivery', exact: true }).click();
  await expect(editor(page)).toBeVisible();
  await expect.poll(() => itemInAddress(page)).not.toBeNull();
  const itemId = itemInAddress(page)!;
  await markDocument(page);
  await page.goBack();
  await expect(editor(page)).toBeHidden();
  expect(await stillSameDocument(page)).toBe(true);

  // The shared link, in a fresh page load: the editor opens on that item.
  await page.goto(`/p/${projectId}/risks?item=${itemId}`);
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });
  await expect(editor(page).getByLabel('Title', { exact: true })).toHaveValue('Vendor slips delivery');
  await markDocument(page);
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect.poll(() => itemInAddress(page)).toBeNull();
  expect(page.url()).toMatch(new RegExp(`/p/${projectId}/risks$`));
  expect(await stillSameDocument(page)).toBe(true);
  await context.close();
});

test('risk link: an id the board does not have says so politely', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Risk link gone');
  await page.goto(`/p/${projectId}/risks?item=no-such-item`);
  await expect(page.getByRole('status').filter({ hasText: 'This risk no longer exists' })).toBeVisible({ timeout: 20_000 });
  await expect(editor(page)).toBeHidden();
  await expect.poll(() => itemInAddress(page)).toBeNull();
  await context.close();
});

test('plan link: a milestone opened from the plan is in the address; the link opens it; closing clears it; an unknown id is noticed', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Plan links');
  await openPlan(page, projectId);
  await page.getByLabel('Milestone title').fill('Pilot live');
  await page.getByLabel('Milestone date').fill('2027-03-01');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const milestoneEditor = page.getByRole('region', { name: 'Edit Pilot live' });

  await page.getByRole('button', { name: 'Milestone Pilot live, 1 Mar 2027' }).click();
  await expect(milestoneEditor).toBeVisible();
  await expect.poll(() => itemInAddress(page)).not.toBeNull();
  const itemId = itemInAddress(page)!;
  await markDocument(page);
  await page.goBack();
  await expect(milestoneEditor).toBeHidden();
  expect(await stillSameDocument(page)).toBe(true);

  await openPlan(page, projectId, `?item=${itemId}`);
  await expect(milestoneEditor).toBeVisible();
  await expect(milestoneEditor.getByLabel('Title')).toHaveValue('Pilot live');
  await markDocument(page);
  await milestoneEditor.getByRole('button', { name: 'Close' }).click();
  await expect(milestoneEditor).toBeHidden();
  await expect.poll(() => itemInAddress(page)).toBeNull();
  expect(await stillSameDocument(page)).toBe(true);

  await openPlan(page, projectId, '?item=no-such-item');
  await expect(page.getByRole('status').filter({ hasText: 'This milestone or workstream no longer exists' })).toBeVisible();
  await expect.poll(() => itemInAddress(page)).toBeNull();
  await context.close();
});
