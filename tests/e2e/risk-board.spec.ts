// The live risk board end to end: sign-up, a project, items rated on the heat map, two people
// editing the same board live, and a viewer who follows along without being able to change it.
import { expect, test } from '@playwright/test';
import {
  addItem,
  addMember,
  createProject,
  editor,
  expectHeatCount,
  field,
  newPerson,
  openBoard,
  password,
  row,
  signedUpContext,
} from './support';

test('risk board: an owner signs up, creates a project and rates a risk critical', async ({ page }) => {
  const owner = newPerson('owner');
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('current-user')).toHaveText(owner.name);

  const projectId = await createProject(page, 'Payments migration');
  await openBoard(page, projectId);
  await expectHeatCount(page, 4, 5, 0);

  await page.getByRole('button', { name: 'New item' }).click();
  await expect(field(page, 'Title')).toBeFocused();
  await field(page, 'Title').fill('Vendor API sunset before cut-over');
  await field(page, 'Likelihood').selectOption('4');
  await field(page, 'Impact').selectOption('5');
  await expect(editor(page).getByTestId('editor-score')).toHaveText('20');
  await expect(editor(page).getByText('Critical')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();

  const item = row(page, 'Vendor API sunset before cut-over');
  await expect(item).toContainText('20');
  await expect(item).toContainText('Critical');
  await expectHeatCount(page, 4, 5, 1);

  // The cell filters the table to its items.
  await page.getByRole('button', { name: 'Likelihood 4, impact 5: 1 item' }).click();
  await expect(page.getByRole('button', { name: 'Likelihood 4, impact 5: 1 item' })).toHaveAttribute('aria-pressed', 'true');
  await expect(item).toBeVisible();

  // It was saved: a fresh load shows it, first from the server render and then live.
  await page.goto(`/p/${projectId}/risks`);
  await expect(row(page, 'Vendor API sunset before cut-over')).toContainText('Critical');
  await expectHeatCount(page, 4, 5, 1);
});

test('risk board: an editor and the owner see each other’s edits live', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);

  const projectId = await createProject(a.page, 'Data platform');
  await addMember(a.page, projectId, teammate, 'Editor');

  await openBoard(a.page, projectId);
  await openBoard(b.page, projectId);
  await expect(b.page.getByRole('group', { name: new RegExp(`On this board: .*${owner.name}`) })).toBeVisible();

  // The owner adds a risk; the editor sees it arrive without reloading.
  await addItem(a.page, 'Warehouse capacity runs out', 3, 3);
  await expect(row(b.page, 'Warehouse capacity runs out')).toBeVisible();
  await expectHeatCount(b.page, 3, 3, 1);

  // The editor opens it (the owner sees who is editing) and renames it; the owner sees the new title.
  await row(b.page, 'Warehouse capacity runs out').getByRole('button', { name: 'Warehouse capacity runs out' }).click();
  await expect(editor(b.page)).toBeVisible();
  await expect(row(a.page, 'Warehouse capacity runs out').getByRole('group', { name: `Editing now: ${teammate.name}` })).toBeVisible();
  await field(b.page, 'Title').fill('Warehouse capacity runs out in Q3');
  await expect(row(a.page, 'Warehouse capacity runs out in Q3')).toBeVisible();

  // A new rating moves the item on the owner's heat map.
  await field(b.page, 'Impact').selectOption('5');
  await expectHeatCount(a.page, 3, 5, 1);
  await expectHeatCount(a.page, 3, 3, 0);
  await expect(row(a.page, 'Warehouse capacity runs out in Q3')).toContainText('High');

  // The history records who changed what (the projection writes it a moment later).
  await expect(editor(b.page).getByRole('list', { name: 'Changes, newest first' })).toContainText(`${teammate.name} changed Title`);

  await a.context.close();
  await b.context.close();
});

test('risk board: a viewer follows along live but cannot change anything', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const reader = newPerson('viewer');
  const a = await signedUpContext(browser, baseURL!, owner);
  const v = await signedUpContext(browser, baseURL!, reader);

  const projectId = await createProject(a.page, 'Mobile app launch');
  await openBoard(a.page, projectId);
  await addItem(a.page, 'App store review is slow', 2, 4);
  await addMember(a.page, projectId, reader, 'Viewer');

  await openBoard(v.page, projectId);
  await expect(row(v.page, 'App store review is slow')).toBeVisible();
  await expect(v.page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(v.page.getByRole('button', { name: 'New item' })).toBeDisabled();
  await expect(v.page.getByLabel('Import CSV')).toBeDisabled();
  await expect(v.page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();

  await row(v.page, 'App store review is slow').getByRole('button', { name: 'App store review is slow' }).click();
  await expect(editor(v.page)).toBeVisible();
  await expect(field(v.page, 'Title')).toBeDisabled();
  await expect(field(v.page, 'Likelihood')).toBeDisabled();
  await expect(field(v.page, 'Status')).toBeDisabled();
  await expect(editor(v.page).getByRole('button', { name: 'Delete' })).toBeDisabled();
  // The editor is modal: close it to follow the board behind it.
  await v.page.keyboard.press('Escape');
  await expect(editor(v.page)).toBeHidden();

  // Still live: what the owner adds appears for the viewer.
  await openBoard(a.page, projectId);
  await addItem(a.page, 'Push certificates expire', 4, 4);
  await expect(row(v.page, 'Push certificates expire')).toBeVisible();
  await expectHeatCount(v.page, 4, 4, 1);

  await a.context.close();
  await v.context.close();
});

// The server closes a member's sockets with 4509 when their role changes; the provider reconnects
// and the board re-reads the role after the reconnect.
test('risk board: a member demoted to viewer loses the edit controls without reloading', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);

  const projectId = await createProject(a.page, 'Billing rewrite');
  await addMember(a.page, projectId, teammate, 'Editor');
  await openBoard(b.page, projectId);
  await expect(b.page.getByRole('button', { name: 'New item' })).toBeEnabled();

  await a.page.getByLabel(`Role of ${teammate.name}`).selectOption({ label: 'Viewer' });
  await expect(a.page.getByText(`${teammate.name} is now viewer.`)).toBeVisible();

  await expect(b.page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(b.page.getByRole('button', { name: 'New item' })).toBeDisabled();
  await expect(b.page.getByTestId('save-status')).toHaveText('Saved');

  await a.context.close();
  await b.context.close();
});
